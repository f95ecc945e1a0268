"""The sitemap: every page of the school in every language it is really translated into."""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from .languages import is_translated


class SchoolSitemap(Sitemap):
    """Wagtail's sitemap covers the Site's own (English) tree; this adds each translation's.

    Untranslated copies are left out: they point search engines at the English page.
    """

    def items(self):
        root = self.get_wagtail_site().root_page
        in_any_language = Q(pk__in=[])
        for home in Page.objects.filter(translation_key=root.translation_key):
            in_any_language |= Q(path__startswith=home.path)
        return (
            Page.objects.live()
            .public()
            .filter(in_any_language, is_translated())
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
