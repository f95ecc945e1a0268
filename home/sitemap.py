"""The sitemap: every page of the school in every language it is really translated into."""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from .languages import is_translated
from .view_restrictions import public_q, restricted_sections, under


class SchoolSitemap(Sitemap):
    """Wagtail's sitemap covers the Site's own (English) tree; this adds each translation's.

    Untranslated copies are left out: they point search engines at the English page. Pages
    come in one query, however many there are: each as its own type with its own fields left
    unread (``defer``), which is all a sitemap entry needs, and routable pages that list more
    addresses read what they need once for the whole sitemap (``TimelinePage``).
    """

    def items(self):
        root = self.get_wagtail_site().root_page
        in_any_language = Q(pk__in=[])
        for home in Page.objects.filter(translation_key=root.translation_key):
            in_any_language |= under(home.path)
        return (
            Page.objects.live()
            .filter(public_q(restricted_sections(self.request)))
            .filter(in_any_language, is_translated())
            .order_by("path")
            .specific(defer=True)
        )
