"""How often each pupil signs in: one total per pupil per day, nothing else.

Teachers want to notice a child who has stopped using the blog, not to watch when or from
where they sign in; so no time, address or device is kept, only the day's count. Staff sign-ins
are not counted at all. Django's ``user_logged_in`` signal fills it, whichever sign-in page
was used; the receiver is connected when ``blogs/models.py`` loads this module.
"""

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..classes.class_blogs import ClassBlogIndexPage


class SignInDay(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pupil"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    date = models.DateField(_("date"), db_index=True)
    count = models.PositiveIntegerField(_("sign-ins"), default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "date"], name="one_sign_in_total_per_day")
        ]
        verbose_name = _("sign-ins in a day")
        verbose_name_plural = _("sign-ins in a day")

    def __str__(self) -> str:
        return f"{self.user_id} {self.date}: {self.count}"


def is_pupil(user) -> bool:
    return ClassBlogIndexPage.objects.filter(pupils_group__in=user.groups.all()).exists()


def record_sign_in(user, day=None) -> None:
    """Add one to the pupil's total for ``day`` (today by default)."""
    day = day or timezone.localdate()
    rows = SignInDay.objects.filter(user=user, date=day)
    if rows.update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            SignInDay.objects.create(user=user, date=day, count=1)
    except IntegrityError:
        # The pupil signed in on a second device at the same moment; add to that row.
        rows.update(count=F("count") + 1)


@receiver(user_logged_in, dispatch_uid="blogs.reports.count_sign_in")
def count_sign_in(sender, request, user, **kwargs) -> None:
    if is_pupil(user):
        record_sign_in(user)
