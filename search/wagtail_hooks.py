"""Search counts the searches the page cache answers too (see ``hits``)."""

from django.urls import reverse
from wagtail import hooks

from home.filters import SEARCH_MAX_LENGTH
from home.page_cache.middleware import PAGE_CACHE_HIT_HOOK

from . import hits


@hooks.register(PAGE_CACHE_HIT_HOOK)
def count_cached_search(request) -> None:
    """As the view counts: the first page of results for words of an acceptable length."""
    # Every page the cache answers comes here: the cheap test first.
    if not request.path.endswith("/search/") or request.path != reverse("search"):
        return
    if request.GET.get("page", "1") != "1":
        return
    query = request.GET.get("q", "").strip()[:SEARCH_MAX_LENGTH]
    if query:
        hits.count(query)
