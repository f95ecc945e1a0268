"""Parts every page repeats (menu, footer, school details, language links), kept between pages.

A page the cache does not hold yet is still made quickly: what every page shows is kept in the
``pages`` cache under the same generations as the pages (``store``), so a purge of everything
(school details, the menu, the languages) renews them, and a part that depends on one page
(its language links) is renewed with that page. Use :func:`remember` in Python and
``{% fragment %}`` (``page_cache_tags``) in templates; :func:`remember_each` keeps a part per
page *listed* (a post's card on the timeline), renewed when that page is purged, so a list
made again after one post changed makes only that post's card.

``SCHOOLSITE_FRAGMENT_CACHE = False`` (the test suite) makes every part afresh.
"""

import hashlib
import logging
from collections.abc import Callable
from typing import TypeVar
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest
from django.utils.translation import get_language

from . import policy, store

logger = logging.getLogger(__name__)

T = TypeVar("T")
_MISSING = object()


def enabled() -> bool:
    return getattr(settings, "SCHOOLSITE_FRAGMENT_CACHE", True)


def _generations(request: HttpRequest, per_page: bool) -> list[str] | None:
    """The generations a fragment of this request is kept under (None: do not keep it)."""
    found = getattr(request, "page_cache_lookup", None)
    if found is None:
        if not hasattr(request, "_fragment_generations"):
            request._fragment_generations = store.lookup("", request.path, "")
        found = request._fragment_generations
    if found is None:
        return None
    if per_page:
        return [found.generations[key] for key in store.generation_keys(request.path)]
    return [found.generations[store.EVERYTHING]]


def key_for(
    request: HttpRequest, name: str, per_page: bool, vary: tuple = (), per_language: bool = True
) -> str | None:
    generations = _generations(request, per_page)
    if generations is None:
        return None
    language = (get_language() or "") if per_language else ""
    parts = [name, request.get_host(), language, *generations, *map(str, vary)]
    if per_page:
        parts.append(request.path)
    return f"f:{_digest(parts)}"


def _usable(request: HttpRequest | None) -> bool:
    return request is not None and enabled() and store.cache_available()


def remember_each(
    request: HttpRequest | None,
    name: str,
    pages: list,
    build: Callable[[list], dict[int, T]],
    *,
    vary: tuple = (),
) -> dict[int, T]:
    """A value for each of ``pages`` (by pk), each kept until that page or everything is
    purged, one for each host and language.

    ``build(pages)`` makes the values of the pages not kept, in one go, from data it reads
    afresh: the generations are read first, so a value made from data that a purge has since
    replaced is kept under a generation no longer current, and never used.
    """
    if not pages:
        return {}
    if not _usable(request):
        return build(pages)
    paths = {page.pk: urlsplit(page.get_url(request) or "").path for page in pages}
    wanted = sorted({key for path in paths.values() for key in store.generation_keys(path)})
    generations = store.read([], wanted)
    if generations is None:
        return build(pages)
    prefix = [name, request.get_host(), get_language() or "", *map(str, vary)]
    keys = {
        pk: "f:" + _digest([*prefix, *(generations[key] for key in store.generation_keys(path))])
        for pk, path in paths.items()
    }
    cache = caches[store.PAGE_CACHE]
    try:
        kept = cache.get_many(list(keys.values()))
    except Exception:
        logger.warning("Fragment cache unavailable", exc_info=True)
        return build(pages)
    values = {pk: kept[key] for pk, key in keys.items() if key in kept}
    missing = [page for page in pages if page.pk not in values]
    if missing:
        made = build(missing)
        values.update(made)
        try:
            cache.set_many({keys[pk]: value for pk, value in made.items()}, policy.shared_seconds())
        except Exception:
            logger.warning("Fragment cache unavailable", exc_info=True)
    return values


def _digest(parts: list[str]) -> str:
    return hashlib.md5("\x1f".join(parts).encode(), usedforsecurity=False).hexdigest()


def remember(
    request: HttpRequest | None,
    name: str,
    build: Callable[[], T],
    *,
    per_page: bool = False,
    per_language: bool = True,
    vary: tuple = (),
) -> T:
    """``build()``, kept until a purge of everything (``per_page``: or of this page), one for
    each host and (``per_language``) each language."""
    if not _usable(request):
        return build()
    key = key_for(request, name, per_page, vary, per_language)
    if key is None:
        return build()
    cache = caches[store.PAGE_CACHE]
    try:
        value = cache.get(key, _MISSING)
    except Exception:
        logger.warning("Fragment cache unavailable", exc_info=True)
        return build()
    if value is _MISSING:
        value = build()
        try:
            cache.set(key, value, policy.shared_seconds())
        except Exception:
            logger.warning("Fragment cache unavailable", exc_info=True)
    return value
