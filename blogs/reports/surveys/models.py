"""A survey, its questions, its runs, and the anonymous answers to each run.

Why not Wagtail's form builder: its submissions belong to one form page and are shown one by
one, with the time they were sent. A pupil survey is asked again a year later and compared, its
answers must not be tied to a child, and a signed-in child may answer only once. So:

- a **run** is one asking of a survey (the baseline, a follow-up) for chosen classes;
- a **response** holds the class and the answers, and nothing about who or when: its id is
  random, so not even the order of responses is kept;
- a **respondent** records that a signed-in pupil has answered a run, as a keyed hash of the
  run and the user, in a table with no link to the responses. It stops a second answer; it
  cannot say which answers were whose.
"""

import secrets
import uuid

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from ...school.password_words import WORDS

MAX_CHOICES = 8
MAX_SENTENCE_LENGTH = 300
CODE_WORDS = 2


class Smiley(models.IntegerChoices):
    """The five faces a child picks from, saddest first."""

    NO = 1, _("No, not at all")
    NOT_REALLY = 2, _("Not really")
    NOT_SURE = 3, _("Not sure")
    A_BIT = 4, _("Yes, a bit")
    A_LOT = 5, _("Yes, a lot")


class Survey(ClusterableModel):
    title = models.CharField(_("title"), max_length=120)
    introduction = models.TextField(
        _("introduction"),
        blank=True,
        max_length=500,
        help_text=_("What the children read (or hear read) before the first question."),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    panels = [
        FieldPanel("title"),
        FieldPanel("introduction"),
        InlinePanel(
            "questions",
            label=_("Questions"),
            min_num=1,
            help_text=_(
                "Settle the questions before the baseline: changing one later makes the "
                "baseline and the follow-up hard to compare."
            ),
        ),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("pupil survey")
        verbose_name_plural = _("pupil surveys")

    def __str__(self) -> str:
        return self.title


class SurveyQuestion(Orderable):
    class Kind(models.TextChoices):
        SMILEY = "smiley", _("Smiley faces, from “No, not at all” to “Yes, a lot”")
        CHOICE = "choice", _("Choose one answer")
        SENTENCE = "sentence", _("Write a sentence")

    survey = ParentalKey(Survey, related_name="questions", on_delete=models.CASCADE)
    text = models.CharField(
        _("question"),
        max_length=200,
        help_text=_("Short and clear, e.g. “Do you enjoy writing on our class blog?”"),
    )
    kind = models.CharField(
        _("answered with"), max_length=10, choices=Kind.choices, default=Kind.SMILEY
    )
    choices = models.TextField(
        _("answers to choose from"),
        blank=True,
        help_text=_("For “Choose one answer”: one answer per line, two to eight of them."),
    )

    panels = [FieldPanel("text"), FieldPanel("kind"), FieldPanel("choices")]

    class Meta(Orderable.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.text

    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]

    def clean(self):
        super().clean()
        if self.kind == self.Kind.CHOICE and not 2 <= len(self.choice_list()) <= MAX_CHOICES:
            raise ValidationError(
                {
                    "choices": _("Give between two and %(most)s answers, one per line.")
                    % {"most": MAX_CHOICES}
                }
            )


def classes_in_default_language() -> Q:
    """A run asks classes, not their translated copies: offer each class once."""
    return Q(locale__language_code=settings.LANGUAGE_CODE)


def new_code() -> str:
    """Two short words a child can type, e.g. ``otter-kite``."""
    return "-".join(secrets.choice(WORDS) for _word in range(CODE_WORDS))


class SurveyRun(models.Model):
    class Access(models.TextChoices):
        CODE = "code", _("Children type the survey code; no account needed")
        SIGNED_IN = "signed_in", _("Pupils sign in first, and each may answer once")

    survey = models.ForeignKey(
        Survey, verbose_name=_("survey"), on_delete=models.CASCADE, related_name="runs"
    )
    label = models.CharField(
        _("name of this run"),
        max_length=80,
        help_text=_("E.g. “Baseline, September 2025” or “Follow-up, July 2026”."),
    )
    classes = models.ManyToManyField(
        "blogs.ClassBlogIndexPage",
        verbose_name=_("classes"),
        related_name="+",
        limit_choices_to=classes_in_default_language,
        help_text=_("The classes asked to answer."),
    )
    access = models.CharField(
        _("how children answer"), max_length=10, choices=Access.choices, default=Access.CODE
    )
    opens = models.DateField(_("opens"), default=timezone.localdate)
    closes = models.DateField(
        _("closes"), null=True, blank=True, help_text=_("Leave empty to keep it open.")
    )
    code = models.CharField(
        _("survey code"),
        max_length=40,
        unique=True,
        editable=False,
        help_text=_("Children type it, or open the survey's address, to answer."),
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    panels = [
        FieldPanel("survey"),
        FieldPanel("label"),
        FieldPanel("classes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("access", widget=forms.RadioSelect),
        MultiFieldPanel([FieldPanel("opens"), FieldPanel("closes")], heading=_("Dates")),
    ]

    class Meta:
        ordering = ["-opens", "-created_at"]
        verbose_name = _("survey run")
        verbose_name_plural = _("survey runs")

    def __str__(self) -> str:
        return f"{self.survey}: {self.label}"

    def save(self, *args, **kwargs):
        if not self.code:
            self.code = new_code()
            while SurveyRun.objects.filter(code=self.code).exists():
                self.code = new_code()
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.survey_id and not self.survey.questions.exists():
            raise ValidationError(
                {"survey": _("This survey has no questions yet. Add some before running it.")}
            )
        if self.closes and self.opens and self.closes < self.opens:
            raise ValidationError({"closes": _("A run cannot close before it opens.")})

    def is_open(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.opens <= today and (self.closes is None or today <= self.closes)


class SurveyResponse(models.Model):
    """One child's answers to a run: their class, and nothing that says who or when."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    run = models.ForeignKey(SurveyRun, on_delete=models.CASCADE, related_name="responses")
    class_blog = models.ForeignKey(
        "blogs.ClassBlogIndexPage", null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")

    def __str__(self) -> str:
        return str(self.pk)


class SurveyAnswer(models.Model):
    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(SurveyQuestion, on_delete=models.CASCADE, related_name="answers")
    smiley = models.PositiveSmallIntegerField(null=True, choices=Smiley.choices)
    choice = models.CharField(max_length=200, blank=True)
    sentence = models.TextField(max_length=MAX_SENTENCE_LENGTH, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="one_answer_a_question")
        ]
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")

    def __str__(self) -> str:
        return f"{self.question_id}: {self.smiley or self.choice or self.sentence}"


class SurveyRespondent(models.Model):
    """A signed-in pupil has answered this run: a keyed hash only, unlinked to the answers."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    run = models.ForeignKey(SurveyRun, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=64, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["run", "key"], name="one_response_per_pupil")
        ]

    def __str__(self) -> str:
        return self.key

    @staticmethod
    def key_for(run: SurveyRun, user) -> str:
        """A hash of (run, user) keyed with SECRET_KEY: without the key it names nobody."""
        return salted_hmac(
            "blogs.reports.survey-respondent", f"{run.pk}:{user.pk}", algorithm="sha256"
        ).hexdigest()
