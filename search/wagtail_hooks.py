"""Search counts the searches the page cache answers too (see ``hits``)."""

from functools import cache

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail import hooks

from home.filters import SEARCH_MAX_LENGTH
from home.page_cache.middleware import PAGE_CACHE_HIT_HOOK

from . import hits


@cache
def search_paths() -> frozenset[str]:
    """The search's address in every language (``/en-gb/search/``, ``/cy/search/`` …): a page
    the cache answers has no language activated yet."""
    paths = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths.add(reverse("search"))
    return frozenset(paths)


@hooks.register(PAGE_CACHE_HIT_HOOK)
def count_cached_search(request) -> None:
    """As the view counts: the first page of results for words of an acceptable length."""
    if request.path not in search_paths() or request.GET.get("page", "1") != "1":
        return
    query = request.GET.get("q", "").strip()[:SEARCH_MAX_LENGTH]
    if query:
        hits.count(query)
