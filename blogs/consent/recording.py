"""Who may read and record the register, and recording a parent's decisions.

Senior leaders, and anyone given "Can record any pupil's consent" (the school office), read
and record every pupil's; a class's teachers read and record their own pupils' (a parent
often hands the form to the class teacher); nobody else sees it. Recording writes a record only
for what changed, so the history shows decisions, not repeats.
"""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from ..school.groups import is_senior_leader
from ..school.pupils import classes_managed_by, every_class, pupil_class
from .models import ConsentRecord
from .names import pupils
from .register import consents_for

MANAGE_PERMISSION = "blogs.manage_consent"


def keeps_the_whole_register(user) -> bool:
    return is_senior_leader(user) or user.has_perm(MANAGE_PERMISSION)


def classes_in_register_of(user):
    """The class blogs whose pupils' consent ``user`` may read and record: every class for
    senior leaders and the school office, their own classes for teachers."""
    return every_class() if keeps_the_whole_register(user) else classes_managed_by(user)


def may_read(user, pupil) -> bool:
    if not user.is_authenticated:
        return False
    if keeps_the_whole_register(user):
        return True
    class_blog = pupil_class(pupil)
    return class_blog is not None and user.groups.filter(pk=class_blog.teachers_group_id).exists()


may_record = may_read


def pupils_of(class_blog):
    return pupils().filter(groups=class_blog.pupils_group_id).order_by("first_name")


class NotYourPupil(PermissionError):
    """Recording consent for a pupil of a class one does not teach."""


@transaction.atomic
def record(
    pupil,
    decisions: dict[tuple[str, str], bool],
    *,
    given_by: str,
    decided_on: date,
    recorded_by,
    source: str = ConsentRecord.Source.FORM,
) -> list[ConsentRecord]:
    """Record ``decisions`` ({(kind, channel): allowed}) for ``pupil``; the records made.

    Only what differs from what holds now is recorded. ``NotYourPupil`` if ``recorded_by``
    may not record this pupil's consent.
    """
    if recorded_by is not None and not may_record(recorded_by, pupil):
        raise NotYourPupil(
            _("%(name)s is not in a class you teach, so you cannot record their consent.")
            % {"name": pupil.first_name}
        )
    now = consents_for([pupil.pk])
    made = []
    for (kind, channel), allowed in decisions.items():
        current = now.record(pupil.pk, kind, channel)
        if current is not None and current.allowed == allowed:
            continue
        if current is None and now.unrecorded_allowed == allowed and source == "leaving":
            continue  # a leaver's "no" where nothing was ever allowed changes nothing
        made.append(
            ConsentRecord.objects.create(
                pupil=pupil,
                kind=kind,
                channel=channel,
                allowed=allowed,
                given_by=given_by,
                decided_on=decided_on,
                recorded_by=recorded_by,
                source=source,
            )
        )
    return made
