"""The questions of the writing screens, and what each answer must be, in a child's words.

``PupilPostForm`` is the pupil's screen: a title, some writing, one photo with its
description, subjects by picture and a voice clip with its transcript. ``QuickPostForm`` is a
teacher's: photos (each described), a sentence or two, the class and hashtags. Drafts may be
unfinished; sending or publishing asks for everything a reader needs, so that nothing fails
after the button is pressed.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.images import get_image_model
from wagtailmedia.models import MediaType, get_media_model

from ..classes.subjects import Subject
from ..consent.models import People
from ..consent.people_forms import pupils_known_to
from .hashtags import parse_hashtags

MAX_TEXT_LENGTH = 5000
MAX_DESCRIPTION_LENGTH = 250
MAX_PHOTOS = 10
PHOTO_TYPES = "image/jpeg,image/png,image/gif,image/webp"

SAVE, SEND = "save", "send"


def subjects_field() -> forms.ModelMultipleChoiceField:
    return forms.ModelMultipleChoiceField(
        queryset=Subject.objects.all(),
        required=False,
        # Shown as pictures: templates/blogs/writing/includes/subjects.html.
        widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("Which subjects is it about?"),
    )


class PupilPostForm(forms.Form):
    title = forms.CharField(
        label=gettext_lazy("What is your post called?"), max_length=255, required=False
    )
    text = forms.CharField(
        label=gettext_lazy("Write about your learning"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=MAX_TEXT_LENGTH,
        required=False,
    )
    # Taken with the camera or chosen from the device: the same answer, two buttons.
    photo = forms.FileField(required=False, label=gettext_lazy("Choose a photo"))
    photo_camera = forms.FileField(required=False, label=gettext_lazy("Take a photo"))
    photo_id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    photo_description = forms.CharField(
        label=gettext_lazy("What is in your photo? This helps people who cannot see it."),
        max_length=MAX_DESCRIPTION_LENGTH,
        required=False,
    )
    subjects = subjects_field()
    voice = forms.FileField(required=False, label=gettext_lazy("Or choose a recording"))
    # Who is in the photo: the consent register decides whether it may be published.
    photo_people_answer = forms.ChoiceField(
        label=gettext_lazy("Who is in your photo?"),
        choices=[
            (People.NO_CHILDREN, gettext_lazy("Nobody – no children")),
            (People.NOT_RECOGNISABLE, gettext_lazy("Children, but you can't tell who they are")),
            (People.PUPILS, gettext_lazy("These children:")),
        ],
        widget=forms.RadioSelect,
        required=False,
    )
    photo_people = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Who is in your photo?"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    voice_id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    voice_duration = forms.FloatField(required=False, widget=forms.HiddenInput, min_value=0)
    transcript = forms.CharField(
        label=gettext_lazy("What did you say? You can leave this empty."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
    )
    action = forms.ChoiceField(choices=[(SAVE, SAVE), (SEND, SEND)], required=False)
    # Names a new post before school has given it a number, so that a save cut short (the
    # tab closed, the connection lost) and sent again saves into the same post.
    draft_key = forms.CharField(required=False, max_length=40, widget=forms.HiddenInput)

    def __init__(self, *args, collection, user, post=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.collection = collection
        self.user = user
        self.post = post
        for name in ("photo", "photo_camera"):
            self.fields[name].widget.attrs["accept"] = PHOTO_TYPES
        self.fields["photo_camera"].widget.attrs["capture"] = "environment"
        self.fields["voice"].widget.attrs["accept"] = "audio/*"
        self.fields["voice"].widget.attrs["capture"] = "user"
        self.fields["photo_people"].queryset = pupils_known_to(user)
        self.fields["photo_people"].label_from_instance = lambda pupil: (
            _("Me (%(name)s)") % {"name": pupil.first_name} if pupil == user else pupil.first_name
        )

    @property
    def sending(self) -> bool:
        return self.cleaned_data.get("action") == SEND

    @property
    def new_photo(self):
        return self.cleaned_data.get("photo_camera") or self.cleaned_data.get("photo")

    def clean_photo_id(self):
        """Only a photo this pupil sent for this class, or the post's own."""
        return self._own(get_image_model(), self.cleaned_data.get("photo_id"), "featured_image_id")

    def clean_voice_id(self):
        return self._own(get_media_model(), self.cleaned_data.get("voice_id"), None)

    def _own(self, model, pk, post_field):
        if pk is None:
            return None
        if self.post is not None and post_field and getattr(self.post, post_field) == pk:
            return model.objects.filter(pk=pk).first()
        item = model.objects.filter(
            pk=pk, collection=self.collection, uploaded_by_user=self.user
        ).first()
        if model is get_media_model() and item and item.type != MediaType.AUDIO:
            item = None
        return item

    def clean(self):
        cleaned = super().clean()
        if not self.sending:
            return cleaned
        if not cleaned.get("title", "").strip():
            self.add_error("title", _("Your post needs a name. What is your post called?"))
        if not cleaned.get("text", "").strip():
            self.add_error("text", _("Write something about your learning before you send it."))
        has_photo = self.new_photo or cleaned.get("photo_id")
        if has_photo and not cleaned.get("photo_description", "").strip():
            self.add_error(
                "photo_description",
                _(
                    "Say what is in your photo before you send it. This helps people who "
                    "cannot see it."
                ),
            )
        # "Who is in your photo?" is asked, not required: the teacher answers it before the
        # post can be published if the child did not (the consent register never guesses).
        answer = cleaned.get("photo_people_answer")
        if has_photo and answer == People.PUPILS and not cleaned.get("photo_people"):
            self.add_error("photo_people", _("Tick the children who are in your photo."))
        return cleaned


class PhotoForm(forms.Form):
    """One photo of a quick post and its description (the alt text)."""

    photo = forms.FileField(label=gettext_lazy("Photo"))
    description = forms.CharField(
        label=gettext_lazy("What is in the photo? (for people who cannot see it)"),
        max_length=MAX_DESCRIPTION_LENGTH,
        error_messages={
            "required": gettext_lazy("Describe this photo for people who cannot see it.")
        },
    )

    people_answer = forms.ChoiceField(
        label=gettext_lazy("Who is in the photo?"),
        choices=People.choices,
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Say who is in this photo.")},
    )
    people = forms.ModelMultipleChoiceField(
        label=gettext_lazy("These children"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["photo"].widget.attrs["accept"] = PHOTO_TYPES
        self.fields["people"].queryset = pupils_known_to(user)
        self.fields["people"].label_from_instance = lambda pupil: pupil.first_name

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("people_answer") == People.PUPILS and not cleaned.get("people"):
            self.add_error("people", _("Tick the children who are in this photo."))
        return cleaned


class BasePhotoFormSet(forms.BaseFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        total = sum(1 for form in self.forms if form.cleaned_data.get("photo"))
        if total > MAX_PHOTOS:
            raise ValidationError(
                _("A quick post can have up to %(count)s photos.") % {"count": MAX_PHOTOS}
            )


PhotoFormSet = forms.formset_factory(
    PhotoForm, formset=BasePhotoFormSet, extra=1, max_num=MAX_PHOTOS, validate_max=True
)


class QuickPostForm(forms.Form):
    class_blog = forms.ModelChoiceField(
        queryset=None, label=gettext_lazy("Class"), empty_label=None
    )
    text = forms.CharField(
        label=gettext_lazy("What happened? A sentence or two."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=MAX_TEXT_LENGTH,
        error_messages={"required": gettext_lazy("Write a sentence or two about the learning.")},
    )
    hashtags = forms.MultipleChoiceField(
        label=gettext_lazy("Hashtags"), required=False, widget=forms.CheckboxSelectMultiple
    )
    more_hashtags = forms.CharField(
        label=gettext_lazy("Other hashtags"),
        required=False,
        max_length=200,
        help_text=gettext_lazy("Separated by spaces, e.g. #space #ourtown"),
    )
    title = forms.CharField(
        label=gettext_lazy("Title"),
        required=False,
        max_length=255,
        help_text=gettext_lazy("Leave empty to use the start of what you wrote."),
    )
    subjects = subjects_field()

    def __init__(self, *args, class_blogs, suggested_hashtags: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["class_blog"].queryset = class_blogs
        self.fields["hashtags"].choices = [(tag, f"#{tag}") for tag in suggested_hashtags]
        self.fields["subjects"].label = _("Subjects")

    def clean_more_hashtags(self):
        try:
            return parse_hashtags(self.cleaned_data.get("more_hashtags", ""))
        except ValueError as error:
            raise ValidationError(str(error)) from error

    @property
    def all_hashtags(self) -> list[str]:
        chosen = [
            *self.cleaned_data.get("hashtags", []),
            *self.cleaned_data.get("more_hashtags", []),
        ]
        unique = {}
        for tag in chosen:
            unique.setdefault(tag.casefold(), tag)
        return list(unique.values())


def upload_limits() -> dict:
    """What the screens' scripts check a chosen file against, before anything is sent."""
    return {
        "photo_limit": settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE,
        "voice_limit": settings.SCHOOLSITE_MEDIA_MAX_UPLOAD_SIZE,
    }
