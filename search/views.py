"""Site search. The full search (filters, types, privacy-aware ranking) comes with issue 8."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse
from wagtail.models import Page

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = (
        Page.objects.live().public().specific().search(query) if query else Page.objects.none()
    )
    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        results_page = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        results_page = paginator.page(1)
    except EmptyPage:
        results_page = paginator.page(paginator.num_pages)
    return TemplateResponse(
        request,
        "search/search.html",
        {"search_query": query, "search_results": results_page},
    )
