"""Site search: everything a visitor may see, filtered by class, subject and type.

Wagtail's database search backend uses PostgreSQL's full-text search when the database is
PostgreSQL (and SQLite's FTS otherwise); see README for Elasticsearch/OpenSearch. Each search
is counted (the words only, never who searched) for Wagtail's search promotions and its
"Search terms" report, in batches (``hits``). Results pages are public pages, kept by the page
cache until anything is published.

Only the page of results shown is fetched from the index: ten rows, title matches first, and
two counts, however many pages match (``RankedResults``).
"""

import re

from django.template.response import TemplateResponse
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale, Page
from wagtail.search.utils import normalise_query_string

from blogs.classes.class_blogs import ClassBlogIndexPage
from blogs.classes.listing import attach_class_blogs
from blogs.classes.posts import BlogPostPage
from blogs.classes.subjects import Subject
from blogs.helpsheets.models import restricted_paths, under_any
from home.page_cache.policy import public_view
from home.pagination import paginate

from . import hits
from .filters import RESULT_TYPES, SearchFilterSet

RESULTS_PER_PAGE = 10


def hidden_page_ids(request) -> list[int]:
    """Pages behind a view restriction this visitor does not pass (staff-only help sheets).

    Search backends filter on ids, not path prefixes, so the private branches become ids.
    """
    return list(
        Page.objects.filter(under_any(restricted_paths(request))).values_list("pk", flat=True)
    )


def promoted_pages(request, query: str):
    """Editors' picks for the query, under the results' rule: live pages this visitor may see."""
    if not query:
        return []
    # Read only: a query nobody promoted has no row, and none is made for it here.
    return (
        SearchPromotion.objects.filter(
            query__query_string=normalise_query_string(query), page__live=True
        )
        .exclude(page_id__in=hidden_page_ids(request))
        .select_related("page")
        .order_by("sort_order")
    )


@public_view
def search(request):
    # Results in the language the visitor is reading; untranslated pages appear as their
    # stand-in copies, so a Welsh search still finds everything, linked within /cy/.
    locale = Locale.get_active()
    pages = (
        Page.objects.live()
        .filter(locale=locale)
        .exclude(pk__in=hidden_page_ids(request))
        .type(*(model for model, _label in RESULT_TYPES.values()))
    )
    filters = SearchFilterSet(
        request.GET,
        pages,
        choices={
            "class": ClassBlogIndexPage.objects.live().filter(locale=locale).order_by("path"),
            "subject": Subject.objects.all(),
        },
        request=request,
    )
    query = filters.cleaned("q") or ""

    # Only words reach the search backend: stray quotes and operators are not syntax errors.
    terms = " ".join(re.sub(r"[^\w\s]", " ", query).split())
    results = paginate(request, RankedResults(filters.qs, terms), RESULTS_PER_PAGE)
    results.object_list = _describe(list(results.object_list))
    if query and results.number == 1:
        hits.count(query)
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": query,
            "search_results": results,
            "filters": filters,
            "promotions": promoted_pages(request, query),
        },
    )


class RankedResults:
    """Matching page ids, pages whose title matches first, each group by relevance, as a
    sequence the paginator slices: only the page shown is fetched from the index.

    Backends rank differently (SQLite's bm25, PostgreSQL's ts_rank); putting title matches
    first makes "a post called Volcanoes" beat "a post that mentions volcanoes" on all of them.
    """

    def __init__(self, pages, terms: str):
        self.pages = pages.order_by()
        self.terms = terms

    def _titled(self):
        return self.pages.search(self.terms, fields=["title"])

    def _everything(self):
        return self.pages.search(self.terms)

    def count(self) -> int:
        if not self.terms:
            return 0
        if not hasattr(self, "_count"):
            self._count = self._everything().count()
        return self._count

    __len__ = count

    def _title_count(self) -> int:
        if not hasattr(self, "_title_total"):
            self._title_total = self._titled().count()
        return self._title_total

    def __getitem__(self, window: slice) -> list[int]:
        start, stop = window.start or 0, window.stop
        if not self.terms or stop <= start:
            return []
        titled = self._title_count()
        ids = []
        if start < titled:
            ids = [page.pk for page in self._titled()[start : min(stop, titled)]]
        if stop > titled:
            # The rest, in relevance order, less the title matches already listed above.
            skip = max(0, start - titled)
            rest = self._everything()
            if titled:
                title_ids = [page.pk for page in self._titled()]
                rest = self.pages.exclude(pk__in=title_ids).search(self.terms)
            ids += [page.pk for page in rest[skip : skip + (stop - start - len(ids))]]
        return ids


def _describe(page_ids: list[int]) -> list:
    """Each result's specific page with its type, class and date, in a fixed few queries."""
    specific = {
        page.pk: page
        for page in Page.objects.filter(pk__in=page_ids).specific().defer_streamfields()
    }
    results = [specific[pk] for pk in page_ids if pk in specific]
    attach_class_blogs([page for page in results if isinstance(page, BlogPostPage)])
    labels = dict(RESULT_TYPES.values())
    for page in results:
        page.result_type = labels.get(type(page), "")
        page.result_date = (
            getattr(page, "date", None)
            or getattr(page, "week_start", None)
            or getattr(page, "last_reviewed", None)
        )
        page.result_snippet = next(
            (
                text
                for text in (
                    getattr(page, name, "") for name in ("summary", "introduction", "citation")
                )
                if isinstance(text, str) and text
            ),
            page.search_description,
        )
        if isinstance(page, ClassBlogIndexPage):
            page.class_blog = page
    return results
