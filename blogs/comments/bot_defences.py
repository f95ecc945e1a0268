"""The bot defences every public form of visitors shares (comments, subscriptions).

A hidden "leave this box empty" field that people never see and bots fill, and the signed,
single-use token of :mod:`.tokens`, which also says how long the form was open: sent too
quickly, too late, or a second time, the form comes back with a fresh token and the visitor's
text kept, so a real resend works.
"""

from django import forms
from django.utils.translation import gettext_lazy

from . import tokens


class BotDefencesForm(forms.Form):
    """Mix into a public form; its messages name the form's own button."""

    # Hidden from people by CSS; bots that fill every field give themselves away.
    website = forms.CharField(
        required=False,
        label=gettext_lazy("Leave this box empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    # The signed one-use token (see .tokens); named for the time it carries.
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    # Each form words these for its own button ("press Send again", "press Subscribe again").
    automated_message = gettext_lazy("Sorry, this looks automated, so nothing was sent.")
    too_quick_message: str
    open_too_long_message: str
    missing_token_message = gettext_lazy("Please check the form and send it again.")

    def __init__(self, *args, issue_token: bool = True, **kwargs):
        """``issue_token=False`` for a form on a page many visitors share (a cached page):
        its token is fetched when the visitor starts writing (``form_token``), or, without
        JavaScript, given when the form is first sent, which then asks to send it again."""
        super().__init__(*args, **kwargs)
        if not self.is_bound and issue_token:
            self.initial["started"] = tokens.issue()
        self.token: tokens.FormToken | None = None

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(self.automated_message)
        if not cleaned.get("started"):
            # Sent from a shared page before (or without) fetching a token: the clock starts
            # now, on a form that keeps what the visitor wrote.
            self.renew_token()
            raise forms.ValidationError(self.missing_token_message)
        try:
            token = tokens.read(cleaned.get("started", ""))
        except tokens.TokenExpired:
            self.renew_token()
            raise forms.ValidationError(self.open_too_long_message) from None
        except tokens.TokenInvalid:
            self.renew_token()
            raise forms.ValidationError(self.too_quick_message) from None
        if token.written_too_quickly():
            raise forms.ValidationError(self.too_quick_message)
        self.token = token
        return cleaned

    def renew_token(self) -> None:
        """Show the form again with an unused token (the one posted was used or is bad)."""
        field = self.add_prefix("started")
        self.data = self.data.copy()
        self.data[field] = tokens.renewed(self.data.get(field, ""))
