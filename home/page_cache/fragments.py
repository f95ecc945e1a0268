"""Parts every page repeats (menu, footer, school details, language links), kept between pages.

A page the cache does not hold yet is still made quickly: what every page shows is kept in the
``pages`` cache under the same generations as the pages (``store``), so a purge of everything
(school details, the menu, the languages) renews them, and a part that depends on one page
(its language links) is renewed with that page. Use :func:`remember` in Python and
``{% fragment %}`` (``page_cache_tags``) in templates.

``SCHOOLSITE_FRAGMENT_CACHE = False`` (the test suite) makes every part afresh.
"""

import hashlib
import logging
from collections.abc import Callable
from typing import TypeVar

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
    digest = hashlib.md5("\x1f".join(parts).encode(), usedforsecurity=False).hexdigest()
    return f"f:{digest}"


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
    if request is None or not enabled() or not store.cache_available():
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
