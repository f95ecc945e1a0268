"""An email subscriber: an address, what it chose, and dates. Nothing else is kept.

No account and no name: the address is confirmed by a link sent to it (double opt-in), an
address never confirmed is forgotten after a week, and unsubscribing deletes the row. The two
dates the sending rounds keep (``sent_until``, ``last_sent_at``) are what makes a round
resumable: a subscriber's marker moves in the same transaction that queues their email.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# An address not confirmed within a week is deleted (``sending.forget_unconfirmed``).
CONFIRMATION_PERIOD = timedelta(days=7)
# The permission that shows addresses (senior leaders see counts without it).
ADDRESSES_PERMISSION = "view_subscriber_addresses"


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.exclude(confirmed_at=None)

    def unconfirmed(self):
        return self.filter(confirmed_at=None)

    def expired(self, now=None):
        """Unconfirmed and older than the confirmation period: to be forgotten."""
        cutoff = (now or timezone.now()) - CONFIRMATION_PERIOD
        return self.unconfirmed().filter(created_at__lt=cutoff)

    def following(self, class_blog):
        """Confirmed subscribers who get news of ``class_blog`` (the English page)."""
        return self.confirmed().filter(Q(whole_school=True) | Q(classes=class_blog)).distinct()


class Subscriber(models.Model):
    class Frequency(models.TextChoices):
        EACH_POST = "post", _("An email for each new post (at most one an hour)")
        WEEKLY = "weekly", _("A weekly digest")

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("school"), on_delete=models.CASCADE, related_name="+"
    )
    # Kept in lower case, so that one address is one subscriber however it is typed.
    email = models.EmailField(_("email address"))
    language = models.CharField(_("language"), max_length=10, default=settings.LANGUAGE_CODE)
    frequency = models.CharField(
        _("how often"), max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    whole_school = models.BooleanField(_("the whole school"), default=False)
    # The English class blogs: every language's copy of a class shares their subscribers.
    classes = models.ManyToManyField(
        "blogs.ClassBlogIndexPage", verbose_name=_("classes"), blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("asked on"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed on"), null=True, blank=True)
    # Posts published up to this moment have been sent (or had nothing for this subscriber).
    sent_until = models.DateTimeField(null=True, blank=True, editable=False)
    # When the last email with news went: new-post emails wait an hour after it.
    last_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("email subscriber")
        verbose_name_plural = _("email subscribers")
        constraints = [
            models.UniqueConstraint(fields=["site", "email"], name="one_subscription_per_address")
        ]
        indexes = [models.Index(fields=["site", "frequency", "confirmed_at"])]
        permissions = [(ADDRESSES_PERMISSION, _("Can see subscribers' email addresses"))]

    def __str__(self) -> str:
        return _("Subscriber %(id)s") % {"id": self.pk}

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None

    def confirmation_expired(self, now=None) -> bool:
        return not self.is_confirmed and (
            self.created_at < (now or timezone.now()) - CONFIRMATION_PERIOD
        )

    def class_keys(self) -> set[int]:
        """The chosen classes' ids (prefetched by the sending rounds)."""
        return {class_blog.pk for class_blog in self.classes.all()}

    def as_data(self) -> dict:
        """Everything kept about this subscriber, for a request to see it (export)."""
        return {
            "email": self.email,
            "school": self.site.site_name or self.site.hostname,
            "language": self.language,
            "frequency": self.frequency,
            "whole_school": self.whole_school,
            "classes": [class_blog.title for class_blog in self.classes.order_by("path")],
            "asked_on": self.created_at.isoformat(),
            "confirmed_on": self.confirmed_at.isoformat() if self.confirmed_at else None,
            "news_sent_until": self.sent_until.isoformat() if self.sent_until else None,
            "last_email_on": self.last_sent_at.isoformat() if self.last_sent_at else None,
        }
