"""Consent for tests: what a parent or carer agreed, recorded as the school office would."""

from blogs.consent.models import Channel, ConsentRecord, Kind
from blogs.consent.names import refresh_names


def consent_to_everything(*pupils, given_by: str = "Mum") -> None:
    """Each pupil may be named, shown, heard and have their work published, everywhere."""
    ConsentRecord.objects.bulk_create(
        ConsentRecord(pupil=pupil, kind=kind, channel=channel, allowed=True, given_by=given_by)
        for pupil in pupils
        for kind in Kind
        for channel in Channel
    )
    # bulk_create sends no signals: the bylines are brought into step here.
    refresh_names([pupil.pk for pupil in pupils])


def withhold(pupil, kind: str, channel: str = Channel.WEBSITE, given_by: str = "Dad"):
    """A parent's "no" to one thing, recorded (and acted on) as the register does."""
    return ConsentRecord.objects.create(
        pupil=pupil, kind=kind, channel=channel, allowed=False, given_by=given_by
    )
