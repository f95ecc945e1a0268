"""Reading the register: what holds now for each pupil, kind and channel.

The newest record for a pupil, kind and channel holds; where there is none, the school's policy
(Settings › Consent policy: nothing, by default). Nothing is guessed: a pupil's account is the
only way to say who a child is.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from wagtail.models import Site

from .models import Channel, ConsentPolicy, ConsentRecord, Kind


def policy(site: Site | None = None) -> ConsentPolicy:
    site = site or Site.objects.filter(is_default_site=True).first()
    return ConsentPolicy.for_site(site) if site else ConsentPolicy()


@dataclass
class Consents:
    """What may be published about some pupils, read in one query."""

    records: dict  # (pupil id, kind, channel) -> the newest ConsentRecord
    unrecorded_allowed: bool

    def allows(self, pupil_id: int, kind: str, channel: str = Channel.WEBSITE) -> bool:
        record = self.records.get((pupil_id, kind, channel))
        return record.allowed if record is not None else self.unrecorded_allowed

    def record(self, pupil_id: int, kind: str, channel: str) -> ConsentRecord | None:
        return self.records.get((pupil_id, kind, channel))


def consents_for(pupil_ids: Iterable[int], site: Site | None = None) -> Consents:
    records = {}
    # Oldest first, so the newest of each pupil, kind and channel is the one kept.
    for record in ConsentRecord.objects.filter(pupil_id__in=set(pupil_ids)).order_by(
        "recorded_at", "pk"
    ):
        records[(record.pupil_id, record.kind, record.channel)] = record
    unrecorded = policy(site).unrecorded == ConsentPolicy.Unrecorded.EVERYTHING
    return Consents(records, unrecorded)


def grid(pupil, site: Site | None = None) -> list[tuple[str, list[tuple[str, bool, object]]]]:
    """Every kind on every channel for one pupil: [(kind label, [(channel, allowed, record)])]."""
    consents = consents_for([pupil.pk], site)
    return [
        (
            kind.label,
            [
                (
                    channel.label,
                    consents.allows(pupil.pk, kind, channel),
                    consents.record(pupil.pk, kind, channel),
                )
                for channel in Channel
            ],
        )
        for kind in Kind
    ]
