"""Private visit counting: one daily total per page; no cookies, addresses or browsers stored."""

import re

from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Well-known crawlers, link previewers and monitors; they are not visitors.
BOT_USER_AGENT = re.compile(
    r"bot|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|monitor|"
    r"curl|wget|python-requests|httpclient|headless|lighthouse|pingdom|uptime",
    re.IGNORECASE,
)


class PageVisit(models.Model):
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    date = models.DateField(_("date"), db_index=True)
    count = models.PositiveIntegerField(_("visits"), default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["page", "date"], name="one_visit_total_per_page_per_day"
            )
        ]
        verbose_name = _("page visits")
        verbose_name_plural = _("page visits")

    def __str__(self) -> str:
        return f"{self.page_id} {self.date}: {self.count}"


def is_countable(request) -> bool:
    """A real visitor's view: not a bot, not a preview, not someone who edits the site."""
    if request.method != "GET" or getattr(request, "is_preview", False):
        return False
    if BOT_USER_AGENT.search(request.META.get("HTTP_USER_AGENT", "")):
        return False
    user = getattr(request, "user", None)
    return not (user and user.is_authenticated and user.has_perm("wagtailadmin.access_admin"))


def record_visit(page, day=None) -> None:
    day = day or timezone.localdate()
    updated = PageVisit.objects.filter(page_id=page.pk, date=day).update(count=F("count") + 1)
    if updated:
        return
    try:
        with transaction.atomic():
            PageVisit.objects.create(page_id=page.pk, date=day, count=1)
    except IntegrityError:
        # Another app server made today's row first; add to it.
        PageVisit.objects.filter(page_id=page.pk, date=day).update(count=F("count") + 1)
