"""The subscribe form and the preferences form: which classes, how often, which language.

The subscribe form has the comment form's defences, from ``blogs.comments``: a honeypot field,
and the signed one-use token that also refuses a form sent too quickly (``tokens``); the view
adds the rate limit. Classes are offered as the visitor reads them (Welsh names on a Welsh
page) and stored as the English class blogs, which every language's copy shares.
"""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.languages import language_name

from ..comments.bot_defences import BotDefencesForm
from .models import Subscriber

MAX_EMAIL_LENGTH = 254


class ChoicesForm(forms.Form):
    """What a subscriber chooses; shared by subscribing and changing preferences."""

    whole_school = forms.BooleanField(
        required=False, label=gettext_lazy("Every class: news from the whole school")
    )
    classes = forms.TypedMultipleChoiceField(
        coerce=int,
        required=False,
        label=gettext_lazy("Or choose classes"),
        widget=forms.CheckboxSelectMultiple,
    )
    frequency = forms.ChoiceField(
        label=gettext_lazy("How often?"),
        choices=Subscriber.Frequency.choices,
        initial=Subscriber.Frequency.WEEKLY,
        widget=forms.RadioSelect,
    )
    language = forms.ChoiceField(label=gettext_lazy("Language of the emails"))

    def __init__(self, *args, class_choices: list[tuple[int, str]], languages: list[str], **kw):
        super().__init__(*args, **kw)
        self.fields["classes"].choices = class_choices
        self.fields["language"].choices = [(code, language_name(code)) for code in languages]

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("whole_school") and not cleaned.get("classes"):
            self.add_error("classes", _("Choose at least one class, or the whole school."))
        return cleaned

    def apply_to(self, subscriber: Subscriber) -> None:
        """Copy the choices onto ``subscriber`` (saved by the caller, then ``set_classes``)."""
        subscriber.frequency = self.cleaned_data["frequency"]
        subscriber.language = self.cleaned_data["language"]
        subscriber.whole_school = self.cleaned_data["whole_school"]

    def set_classes(self, subscriber: Subscriber) -> None:
        subscriber.classes.set([] if subscriber.whole_school else self.cleaned_data["classes"])


class SubscribeForm(BotDefencesForm, ChoicesForm):
    email = forms.EmailField(
        label=gettext_lazy("Your email address"),
        max_length=MAX_EMAIL_LENGTH,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": gettext_lazy("Please give your email address."),
            "invalid": gettext_lazy("Please check your email address: it looks incomplete."),
        },
    )
    too_quick_message = gettext_lazy(
        "That was very quick! Please check the form and press Subscribe again."
    )
    open_too_long_message = gettext_lazy(
        "This page was open for a long time. Please check the form and press Subscribe again."
    )

    field_order = ["email", "whole_school", "classes", "frequency", "language", "website"]

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()
