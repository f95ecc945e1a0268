"""What the register hears: a decision recorded (names kept in step, a withdrawal acted on at
once), the policy changed, a pupil leaving, and children added to a picture or recording that
may already be public."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.signals import m2m_changed, post_save, pre_save
from django.utils import timezone
from django.utils.translation import gettext as _

from ..classes.authors import AuthorProfile
from . import enforcement
from .models import Channel, ConsentPolicy, ConsentRecord, ImagePeople, Kind, MediaPeople
from .names import refresh_names
from .recording import record
from .register import consents_for, policy
from .withdrawal import act_on, hide_where_not_allowed


def recorded(sender, instance: ConsentRecord, created=False, raw=False, **kwargs) -> None:
    if not created or raw:
        return

    def after_commit():
        refresh_names([instance.pupil_id])
        if not instance.allowed and instance.channel == Channel.WEBSITE:
            act_on(instance)

    transaction.on_commit(after_commit)


def policy_changed(sender, instance, raw=False, **kwargs) -> None:
    if not raw:
        transaction.on_commit(refresh_names)


def new_profile(sender, instance: AuthorProfile, raw=False, **kwargs) -> None:
    """A new pupil's byline follows the register from the start."""
    if raw or instance.pk is not None or instance.role != AuthorProfile.Role.PUPIL:
        return
    instance.may_be_named = consents_for([instance.user_id]).allows(instance.user_id, Kind.NAME)


def remember_activity(sender, instance, raw=False, **kwargs) -> None:
    if raw or instance.pk is None:
        instance._schoolsite_was_active = None
        return
    instance._schoolsite_was_active = (
        sender.objects.filter(pk=instance.pk).values_list("is_active", flat=True).first()
    )


def left(sender, instance, created=False, raw=False, **kwargs) -> None:
    """A pupil who leaves (their account made inactive) is treated as having withdrawn, unless
    the school's policy says consent lasts."""
    if (
        raw
        or created
        or instance.is_active
        or not getattr(instance, "_schoolsite_was_active", None)
    ):
        return
    profile = AuthorProfile.objects.filter(user=instance, role=AuthorProfile.Role.PUPIL).first()
    if profile is None or not policy().leavers_withdrawn:
        return
    record(
        instance,
        {(kind, channel): False for kind in Kind for channel in Channel},
        given_by=_("Left the school"),
        decided_on=timezone.localdate(),
        recorded_by=None,
        source=ConsentRecord.Source.LEAVING,
    )


def children_added(sender, instance, action: str, reverse: bool = False, **kwargs) -> None:
    """Children ticked on a picture or recording after it went public: the pages showing it
    are checked again, once the change is committed."""
    if action != "post_add" or reverse:
        return
    if isinstance(instance, ImagePeople):
        transaction.on_commit(lambda: hide_where_not_allowed(images=[instance.image]))
    else:
        transaction.on_commit(lambda: hide_where_not_allowed(media=[instance.media]))


def connect() -> None:
    for people in (ImagePeople, MediaPeople):
        m2m_changed.connect(
            children_added, sender=people.pupils.through, dispatch_uid="schoolsite-people"
        )
    post_save.connect(recorded, sender=ConsentRecord, dispatch_uid="schoolsite-consent-recorded")
    post_save.connect(policy_changed, sender=ConsentPolicy, dispatch_uid="schoolsite-policy")
    pre_save.connect(new_profile, sender=AuthorProfile, dispatch_uid="schoolsite-new-profile")
    user = get_user_model()
    pre_save.connect(remember_activity, sender=user, dispatch_uid="schoolsite-was-active")
    post_save.connect(left, sender=user, dispatch_uid="schoolsite-pupil-left")
    enforcement.connect()
