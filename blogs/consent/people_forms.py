""" "Who is in this photo?" (and "who is in this recording?") on Wagtail's own image and media
forms: every upload and edit in the admin asks it, the page editor's choosers included, and the
picture remembers the answer wherever it is used.

Set as ``WAGTAILIMAGES_IMAGE_FORM_BASE`` and wagtailmedia's ``MEDIA_FORM_BASE``: each extends
the site's checked upload form (``home.uploads``).
"""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext as _

from home.uploads import CheckedImageForm, LimitedMediaForm

from ..classes.class_blogs import ClassBlogIndexPage
from ..school.groups import is_senior_leader
from .models import ImagePeople, MediaPeople, People
from .names import pupils


def pupils_known_to(user):
    """The children ``user`` may say are in a picture: their class's (a teacher's classes',
    a pupil's classmates), or every class's for senior leaders."""
    everyone = pupils().filter(is_active=True).order_by("first_name")
    if user is None or is_senior_leader(user):
        return everyone
    classes = ClassBlogIndexPage.objects.filter(
        Q(teachers_group__in=user.groups.all()) | Q(pupils_group__in=user.groups.all())
    )
    return everyone.filter(groups__in=classes.values("pupils_group")).distinct()


class WhoIsInIt:
    """The two questions, added to a model form; ``people_model`` remembers the answer."""

    people_model = ImagePeople

    def add_people_fields(self, user) -> None:
        self.answered_by = user
        # Asked, not required: a picture nobody has answered for cannot be published (the
        # check says so), and Wagtail's multiple uploader keeps a picture with a required field
        # unanswered as a raw upload, location and all, until someone finishes it.
        self.fields["people_answer"] = forms.ChoiceField(
            label=_("Who is in it?"),
            choices=People.choices,
            widget=forms.RadioSelect,
            required=False,
            help_text=_(
                "Children may be shown only if their parent or carer agreed (the consent "
                "register). Until this is answered, no page showing it can be published."
            ),
        )
        self.fields["people"] = forms.ModelMultipleChoiceField(
            label=_("These children"),
            queryset=pupils_known_to(user),
            required=False,
            widget=forms.CheckboxSelectMultiple,
        )
        self.fields["people"].label_from_instance = lambda pupil: pupil.first_name
        if self.instance.pk is None:
            return
        field = self.people_model.item_field
        said = self.people_model.objects.filter(**{field: self.instance}).first()
        if said is not None:
            self.initial.setdefault("people_answer", said.answer)
            self.initial.setdefault("people", list(said.pupils.all()))

    def clean_people_answers(self, cleaned: dict) -> None:
        if cleaned.get("people_answer") == People.PUPILS and not cleaned.get("people"):
            self.add_error("people", _("Tick the children who are in it."))

    def save_people(self, instance) -> None:
        answer = self.cleaned_data.get("people_answer")
        if answer:
            self.people_model.remember(
                instance, answer, self.cleaned_data.get("people"), self.answered_by
            )

    def save(self, commit=True):
        instance = super().save(commit=commit)
        if commit:
            self.save_people(instance)
        else:
            save_m2m = self.save_m2m

            def save_m2m_and_people():
                save_m2m()
                self.save_people(instance)

            self.save_m2m = save_m2m_and_people
        return instance


class ImageFormWithPeople(WhoIsInIt, CheckedImageForm):
    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.add_people_fields(user)

    def clean(self):
        cleaned = super().clean()
        self.clean_people_answers(cleaned)
        return cleaned


class MediaFormWithPeople(WhoIsInIt, LimitedMediaForm):
    people_model = MediaPeople

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.add_people_fields(user)
        self.fields["people_answer"].label = _("Who is seen or heard in it?")

    def clean(self):
        cleaned = super().clean()
        self.clean_people_answers(cleaned)
        return cleaned
