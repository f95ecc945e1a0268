"""The register (one record per decision, the history kept), the school's policy, and who is
in each picture and recording."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


class Kind(models.TextChoices):
    """What about a child may be published."""

    NAME = "name", _("First name")
    PHOTO = "photo", _("Photo or video")
    WORK = "work", _("Work")
    VOICE = "voice", _("Voice")


class Channel(models.TextChoices):
    """Where it may be published."""

    WEBSITE = "website", _("The website and class blogs")
    EMAIL = "email", _("The email digest")
    PRINT = "print", _("Print and displays")


class ConsentRecord(models.Model):
    """One decision by a parent or carer about one thing on one channel. Never changed: a new
    decision is a new record, and the newest for a pupil, kind and channel is what holds."""

    class Source(models.TextChoices):
        FORM = "form", _("Recorded by hand")
        IMPORT = "import", _("Imported from the school's records")
        LEAVING = "leaving", _("The pupil left the school")

    pupil = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pupil"),
        on_delete=models.CASCADE,
        related_name="consent_records",
    )
    kind = models.CharField(_("what"), max_length=10, choices=Kind.choices)
    channel = models.CharField(_("where"), max_length=10, choices=Channel.choices)
    allowed = models.BooleanField(_("allowed"))
    given_by = models.CharField(
        _("given or withdrawn by"),
        max_length=120,
        help_text=_("The parent or carer, as the school knows them, e.g. 'Mum' or 'Mr Jones'."),
    )
    decided_on = models.DateField(_("date of the decision"), default=timezone.localdate)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.FORM)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-recorded_at", "-pk"]
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        permissions = [("manage_consent", "Can record any pupil's consent (the school office)")]

    def __str__(self) -> str:
        verdict = _("allowed") if self.allowed else _("not allowed")
        return f"{self.get_kind_display()} – {self.get_channel_display()}: {verdict}"


@register_setting(icon="lock")
class ConsentPolicy(BaseSiteSetting):
    """Settings › Consent policy: what the register does where it says nothing, and on change."""

    class Unrecorded(models.TextChoices):
        NOTHING = "nothing", _("Nothing may be published (recommended)")
        EVERYTHING = "everything", _("Everything may be published")

    class OnWithdrawal(models.TextChoices):
        UNPUBLISH = "unpublish", _("Unpublish every page it no longer allows")
        TAKE_OUT = (
            "take_out",
            _("Take out the photo, name or recording, and keep the rest of the page published"),
        )

    unrecorded = models.CharField(
        _("for a pupil with no record yet"),
        max_length=12,
        choices=Unrecorded.choices,
        default=Unrecorded.NOTHING,
    )
    on_withdrawal = models.CharField(
        _("when consent is withdrawn"),
        max_length=12,
        choices=OnWithdrawal.choices,
        default=OnWithdrawal.UNPUBLISH,
    )
    leavers_withdrawn = models.BooleanField(
        _("treat a pupil who leaves as having withdrawn consent"),
        default=True,
        help_text=_(
            "A pupil leaves when their account is made inactive (Settings › Users). Untick if "
            "your consent form says it lasts after a child leaves."
        ),
    )

    panels = [
        FieldPanel("unrecorded"),
        FieldPanel("on_withdrawal"),
        FieldPanel("leavers_withdrawn"),
    ]

    class Meta:
        verbose_name = _("consent policy")


class People(models.TextChoices):
    """The answer to "Who is in this photo?"."""

    PUPILS = "pupils", _("These children")
    NO_CHILDREN = "none", _("No children")
    NOT_RECOGNISABLE = "unrecognisable", _("Children who cannot be recognised")


class PeopleAnswer(models.Model):
    """The answer to "Who is in it?", kept with the picture or recording it is about."""

    answer = models.CharField(max_length=16, choices=People.choices)
    pupils = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(default=timezone.now)

    item_field: str  # the picture's or recording's field on each concrete model

    class Meta:
        abstract = True

    @classmethod
    def remember(cls, item, answer: str, pupils, by=None) -> "PeopleAnswer":
        """Keep ``answer`` for ``item`` (the children only when the answer is "these")."""
        said, _created = cls.objects.update_or_create(
            **{cls.item_field: item},
            defaults={"answer": answer, "answered_by": by, "answered_at": timezone.now()},
        )
        said.pupils.set(list(pupils or []) if answer == People.PUPILS else [])
        return said


class ImagePeople(PeopleAnswer):
    """Who is in a picture: remembered with the picture, wherever it is used."""

    item_field = "image"

    image = models.OneToOneField(
        "wagtailimages.Image", on_delete=models.CASCADE, related_name="people"
    )

    def __str__(self) -> str:
        return f"{self.image}: {self.get_answer_display()}"


class MediaPeople(PeopleAnswer):
    """Who is seen (a video) or heard (a recording) in an audio or video item."""

    item_field = "media"

    media = models.OneToOneField(
        "wagtailmedia.Media", on_delete=models.CASCADE, related_name="people"
    )

    def __str__(self) -> str:
        return f"{self.media}: {self.get_answer_display()}"


class Withdrawal(models.Model):
    """The audit of a withdrawal: what it hid, when, and the class teacher's review of it."""

    record = models.ForeignKey(ConsentRecord, on_delete=models.CASCADE, related_name="actions")
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    page_title = models.CharField(max_length=255)
    action = models.CharField(max_length=20)  # "unpublished", "took out a photo" …
    done_at = models.DateTimeField(default=timezone.now)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-done_at"]

    def __str__(self) -> str:
        return f"{self.page_title}: {self.action}"
