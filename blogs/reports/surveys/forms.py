"""The child's side of a survey: typing the survey code, and answering the questions.

Every question may be skipped, but an empty form is refused with a plain message; a signed-in
child who has answered already is told so, and nothing is stored twice (``SurveyRespondent``).
"""

from django import forms
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from .models import (
    MAX_SENTENCE_LENGTH,
    Smiley,
    SurveyAnswer,
    SurveyQuestion,
    SurveyRespondent,
    SurveyResponse,
    SurveyRun,
)


def normalise_code(text: str) -> str:
    """``Otter Kite`` or ``otter–kite`` as typed on a tablet: ``otter-kite``."""
    return "-".join(text.replace("–", " ").replace("-", " ").casefold().split())


class SurveyCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Survey code"),
        max_length=40,
        help_text=_("Your teacher will tell you the code: two words, like “otter kite”."),
        error_messages={"required": _("Type the survey code.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none"}),
    )

    def clean_code(self) -> SurveyRun:
        code = normalise_code(self.cleaned_data["code"])
        run = SurveyRun.objects.filter(code=code).first()
        if run is None:
            raise forms.ValidationError(
                _("There is no survey with that code. Check it with your teacher.")
            )
        return run


class AlreadyAnswered(Exception):
    """This signed-in pupil has answered the run before."""


class SurveyResponseForm(forms.Form):
    def __init__(self, *args, run: SurveyRun, class_blog=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.run = run
        self.class_blog = class_blog
        self.questions = list(run.survey.questions.all())
        if class_blog is None:
            self.fields["class_blog"] = forms.ModelChoiceField(
                queryset=run.classes.order_by("path"),
                label=_("Which class are you in?"),
                widget=forms.RadioSelect,
                empty_label=None,
                error_messages={"required": _("Choose your class.")},
            )
        for question in self.questions:
            self.fields[self.field_name(question)] = self._field(question)

    @staticmethod
    def field_name(question: SurveyQuestion) -> str:
        return f"question_{question.pk}"

    @staticmethod
    def _field(question: SurveyQuestion) -> forms.Field:
        if question.kind == SurveyQuestion.Kind.SMILEY:
            return forms.TypedChoiceField(
                label=question.text,
                choices=Smiley.choices,
                coerce=int,
                widget=forms.RadioSelect,
                required=False,
            )
        if question.kind == SurveyQuestion.Kind.CHOICE:
            options = question.choice_list()
            return forms.ChoiceField(
                label=question.text,
                choices=list(zip(options, options, strict=True)),
                widget=forms.RadioSelect,
                required=False,
            )
        return forms.CharField(
            label=question.text,
            max_length=MAX_SENTENCE_LENGTH,
            widget=forms.Textarea(attrs={"rows": 3, "maxlength": MAX_SENTENCE_LENGTH}),
            required=False,
        )

    @property
    def question_fields(self) -> list[tuple[SurveyQuestion, forms.BoundField]]:
        return [(question, self[self.field_name(question)]) for question in self.questions]

    def clean(self):
        cleaned = super().clean()
        answered = [
            question
            for question in self.questions
            if cleaned.get(self.field_name(question)) not in (None, "")
        ]
        if not answered and not self.errors:
            raise forms.ValidationError(_("Answer at least one question, then press Send."))
        return cleaned

    @transaction.atomic
    def save(self, user=None) -> SurveyResponse:
        """Store the answers, anonymously; for a signed-in user, only once per run."""
        if user is not None and user.is_authenticated:
            try:
                with transaction.atomic():
                    SurveyRespondent.objects.create(
                        run=self.run, key=SurveyRespondent.key_for(self.run, user)
                    )
            except IntegrityError as error:
                raise AlreadyAnswered from error
        response = SurveyResponse.objects.create(
            run=self.run, class_blog=self.class_blog or self.cleaned_data["class_blog"]
        )
        answers = []
        for question in self.questions:
            value = self.cleaned_data.get(self.field_name(question))
            if value in (None, ""):
                continue
            answer = SurveyAnswer(response=response, question=question)
            if question.kind == SurveyQuestion.Kind.SMILEY:
                answer.smiley = value
            elif question.kind == SurveyQuestion.Kind.CHOICE:
                answer.choice = value
            else:
                answer.sentence = value
            answers.append(answer)
        SurveyAnswer.objects.bulk_create(answers)
        return response


def has_answered(run: SurveyRun, user) -> bool:
    return (
        user.is_authenticated
        and SurveyRespondent.objects.filter(
            run=run, key=SurveyRespondent.key_for(run, user)
        ).exists()
    )
