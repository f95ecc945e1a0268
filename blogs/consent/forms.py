"""Forms of the register: a parent's decisions for one pupil, and a CSV file of them."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .importing import MAX_BYTES
from .models import Channel, Kind

UNCHANGED, YES, NO = "", "yes", "no"


def field_name(kind: str, channel: str) -> str:
    return f"{channel}_{kind}"


class RecordConsentForm(forms.Form):
    """One answer per kind and channel: leave it, yes or no; who decided and when."""

    given_by = forms.CharField(
        label=gettext_lazy("Given or withdrawn by"),
        max_length=120,
        help_text=gettext_lazy("The parent or carer, as the school knows them, e.g. 'Mum'."),
    )
    decided_on = forms.DateField(
        label=gettext_lazy("Date on the form"),
        initial=timezone.localdate,
        # A date picker sends the ISO date whatever the reader's language.
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(UNCHANGED, _("No change")), (YES, _("Yes")), (NO, _("No"))]
        for channel in Channel:
            for kind in Kind:
                self.fields[field_name(kind, channel)] = forms.ChoiceField(
                    label=f"{kind.label} – {channel.label}",
                    choices=choices,
                    required=False,
                    widget=forms.RadioSelect,
                )

    def rows(self):
        """(kind label, [bound field per channel]) for the form's grid."""
        return [
            (kind.label, [self[field_name(kind, channel)] for channel in Channel]) for kind in Kind
        ]

    def decisions(self) -> dict:
        return {
            (kind, channel): self.cleaned_data[field_name(kind, channel)] == YES
            for channel in Channel
            for kind in Kind
            if self.cleaned_data.get(field_name(kind, channel))
        }

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(field_name(kind, channel)) for channel in Channel for kind in Kind):
            raise forms.ValidationError(_("Choose yes or no for at least one thing."))
        return cleaned


class ImportForm(forms.Form):
    csv_file = forms.FileField(label=gettext_lazy("CSV file"))

    def clean_csv_file(self):
        upload = self.cleaned_data["csv_file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is too large: split it into smaller files."))
        return upload
