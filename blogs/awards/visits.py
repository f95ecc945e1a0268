"""Private visit counting: one daily total per page; no cookies, addresses or browsers stored.

Pages are cached and shared, so a view of one may never reach the app (the page cache, nginx
or a CDN answers it). Each public page therefore carries a one-pixel picture, the *beacon*
(``{% visit_beacon %}``), that every browser asks the app for as it shows the page: no
JavaScript, no cookie set. Counting it is the beacon's own small request, never the page's.
"""

import re

from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from home.languages import source_language_page

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


# The smallest transparent GIF: what the beacon's <img> shows.
PIXEL = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00"
    b"\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)


def count_visit(request, page_id: int) -> HttpResponse:
    """The beacon: count a real visitor's view of a live, public page (in its default
    language: a Welsh reader's visit counts for the post, like an English reader's)."""
    if is_countable(request):
        page = Page.objects.live().public().filter(pk=page_id).first()
        if page is not None:
            record_visit(source_language_page(page))
    return HttpResponse(PIXEL, content_type="image/gif")
