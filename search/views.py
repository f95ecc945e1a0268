"""Site search: everything a visitor may see, filtered by class, subject and type.

Wagtail's database search backend uses PostgreSQL's full-text search when the database is
PostgreSQL (and SQLite's FTS otherwise); see README for Elasticsearch/OpenSearch. Each search
is counted (the words only, never who searched) for Wagtail's search promotions and its
"Search terms" report, in batches (``hits``). Results pages are public pages, kept by the page
cache until anything is published.

Only the page of results shown is read from the index: ten ids, title matches first, and
their number, however many pages match (``ranking``).
"""

from django.db.models import Q
from django.template.response import TemplateResponse
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from blogs.classes.class_blogs import ClassBlogIndexPage, class_blogs_of
from blogs.classes.listing import attach_class_blogs
from blogs.classes.posts import BlogPostPage
from blogs.classes.subjects import all_subjects
from blogs.helpsheets.models import restricted_paths, under_any
from home.languages import active_locale_id, localized_home
from home.page_cache.policy import public_view
from home.pagination import paginate

from . import hits
from .filters import RESULT_TYPES, SearchFilterSet
from .ranking import ranked_results, searches_the_database

RESULTS_PER_PAGE = 10


def hidden_page_ids(request) -> list[int]:
    """Pages behind a view restriction this visitor does not pass (staff-only help sheets).

    Search backends other than the database's filter on ids, not path prefixes, so the
    private branches become ids.
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
        .exclude(page__in=Page.objects.filter(under_any(restricted_paths(request))))
        .select_related("page")
        .order_by("sort_order")
    )


@public_view
def search(request):
    # Results in the language the visitor is reading; untranslated pages appear as their
    # stand-in copies, so a Welsh search still finds everything, linked within /cy/.
    private = (
        under_any(restricted_paths(request))
        if searches_the_database()
        else Q(pk__in=hidden_page_ids(request))
    )
    pages = (
        Page.objects.live()
        .filter(locale_id=active_locale_id(request))
        .exclude(private)
        .type(*(model for model, _label in RESULT_TYPES.values()))
    )
    home = localized_home(request)
    filters = SearchFilterSet(
        request.GET,
        pages,
        choices={
            "class": class_blogs_of(home, request) if home else [],
            "subject": all_subjects(request),
        },
        request=request,
    )
    query = filters.cleaned("q") or ""
    results = paginate(
        request, ranked_results(filters.qs, query, RESULTS_PER_PAGE), RESULTS_PER_PAGE
    )
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
