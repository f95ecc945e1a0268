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

from ..comments import tokens
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


class SubscribeForm(ChoicesForm):
    email = forms.EmailField(
        label=gettext_lazy("Your email address"),
        max_length=MAX_EMAIL_LENGTH,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": gettext_lazy("Please give your email address."),
            "invalid": gettext_lazy("Please check your email address: it looks incomplete."),
        },
    )
    # Hidden from people by CSS; bots that fill every field give themselves away.
    website = forms.CharField(
        required=False,
        label=gettext_lazy("Leave this box empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    # The comment form's signed one-use token (blogs.comments.tokens).
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    field_order = ["email", "whole_school", "classes", "frequency", "language", "website"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["started"] = tokens.issue()
        self.token: tokens.FormToken | None = None

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(_("Sorry, this looks automated, so nothing was sent."))
        too_quick = _("That was very quick! Please check the form and press Subscribe again.")
        try:
            token = tokens.read(cleaned.get("started", ""))
        except tokens.TokenExpired:
            self.renew_token()
            raise forms.ValidationError(
                _(
                    "This page was open for a long time. Please check the form and press "
                    "Subscribe again."
                )
            ) from None
        except tokens.TokenInvalid:
            self.renew_token()
            raise forms.ValidationError(too_quick) from None
        if token.written_too_quickly():
            raise forms.ValidationError(too_quick)
        self.token = token
        return cleaned

    def renew_token(self) -> None:
        """Show the form again with an unused token (the one posted was used or is bad)."""
        field = self.add_prefix("started")
        self.data = self.data.copy()
        self.data[field] = tokens.renewed(self.data.get(field, ""))
