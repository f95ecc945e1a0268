"""What a teacher sends with a decision, checked before anything changes."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtailmedia.models import MediaType

from home.uploads import check_media_upload

from .decisions import APPROVE, CHANGES, REJECT, REPLY, SPAM


class DecisionForm(forms.Form):
    def errors_in_words(self) -> list[str]:
        return [str(error) for errors in self.errors.values() for error in errors]


class PostDecisionForm(DecisionForm):
    action = forms.ChoiceField(choices=[(APPROVE, APPROVE), (CHANGES, CHANGES)])
    text = forms.CharField(
        label=gettext_lazy("Feedback"), required=False, max_length=2000, widget=forms.Textarea
    )
    voice = forms.FileField(label=gettext_lazy("Voice note"), required=False)

    def clean_voice(self):
        voice = self.cleaned_data.get("voice")
        if voice:
            try:
                check_media_upload(voice, MediaType.AUDIO)
            except ValidationError as error:
                reason = {"reason": error.messages[0]}
                raise ValidationError(
                    _("The voice note could not be used: %(reason)s") % reason
                ) from error
        return voice

    def clean(self):
        cleaned = super().clean()
        asks_for_changes = cleaned.get("action") == CHANGES
        if asks_for_changes and not cleaned.get("text", "").strip() and not cleaned.get("voice"):
            raise ValidationError(_("Say what to change, in words or in a voice note."))
        return cleaned


class CommentDecisionForm(DecisionForm):
    action = forms.ChoiceField(choices=[(name, name) for name in (APPROVE, REJECT, SPAM, REPLY)])
    reply = forms.CharField(required=False, max_length=1500)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("action") == REPLY and not cleaned.get("reply", "").strip():
            raise ValidationError(_("Write your reply first."))
        return cleaned

    def done_message(self) -> str:
        return {
            APPROVE: _("Approved: it is on the post now."),
            REJECT: _("Rejected: nobody will see it."),
            SPAM: _("Marked as spam: nobody will see it."),
            REPLY: _("Approved, with your reply under it."),
        }[self.cleaned_data["action"]]
