"""Site search: everything a visitor may see, filtered by class, subject and type.

Wagtail's database search backend uses PostgreSQL's full-text search when the database is
PostgreSQL (and SQLite's FTS otherwise); see README for Elasticsearch/OpenSearch. Each search
is recorded (the words only, never who searched) for Wagtail's search promotions and its
"Search terms" report.
"""

import re

from django.template.response import TemplateResponse
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page

from blogs.classes.class_blogs import ClassBlogIndexPage
from blogs.classes.listing import attach_class_blogs
from blogs.classes.posts import BlogPostPage
from blogs.classes.subjects import Subject
from blogs.helpsheets.models import restricted_paths, under_any
from home.pagination import paginate

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
    return (
        Query.get(query)
        .editors_picks.filter(page__live=True)
        .exclude(page_id__in=hidden_page_ids(request))
        .select_related("page")
    )


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
    results = paginate(request, ranked_ids(filters.qs, terms), RESULTS_PER_PAGE)
    results.object_list = _describe(list(results.object_list))
    if query and results.number == 1:
        Query.get(query).add_hit()
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


def ranked_ids(pages, terms: str) -> list[int]:
    """Matching page ids, pages whose title matches first, each group by relevance.

    Backends rank differently (SQLite's bm25, PostgreSQL's ts_rank); putting title matches
    first makes "a post called Volcanoes" beat "a post that mentions volcanoes" on all of them.
    """
    if not terms:
        return []
    pages = pages.order_by()
    by_title = [page.pk for page in pages.search(terms, fields=["title"])]
    titled = set(by_title)
    return by_title + [page.pk for page in pages.search(terms) if page.pk not in titled]


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
