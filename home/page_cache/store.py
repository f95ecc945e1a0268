"""Where cached pages are kept, and how a purge makes them stale at once, on every server.

Pages are kept in the ``pages`` cache (Redis when ``REDIS_URL`` is set, files on the local disk
otherwise; see ``schoolsite/settings/base.py``), one entry per host, path and query string.

A purge never has to find entries. Every entry remembers the *generations* it was made under:
one for the whole cache, one for its exact path and one for each folder above it
(``/``, ``/en-gb/``, ``/en-gb/news/`` …). A purge gives a path, a folder or everything a new
random generation, so every entry made under the old one no longer matches; a page with a
query string (``?page=2``, a search) goes with its path. A lookup reads the entry and its
generations in one round trip (``get_many``, one ``MGET`` in Redis).

The generations are read before the page is made and stored with it, so a page rendered from
data a purge has since replaced is stale from the moment it is stored, never served.

The cache failing (Redis down) is not the site failing: a lookup that fails is a miss, a store
that fails is skipped, and for a few seconds the cache is not asked again.
"""

import hashlib
import logging
import secrets
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.cache import caches

logger = logging.getLogger(__name__)

PAGE_CACHE = "pages"
EVERYTHING = "g*"
# After a failure, requests are served uncached for this long before the cache is tried again.
OUTAGE_PAUSE_SECONDS = 5.0

_paused_until = 0.0


def _digest(text: str) -> str:
    return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()


def exact_key(path: str) -> str:
    return "g=" + _digest(path)


def folder_key(path: str) -> str:
    return "g>" + _digest(path)


def folders(path: str) -> list[str]:
    """``/en-gb/news/tags/`` → ``/``, ``/en-gb/``, ``/en-gb/news/``, ``/en-gb/news/tags/``."""
    parts = path.split("/")[1:-1]
    prefixes = ["/"]
    for index in range(len(parts)):
        prefixes.append("/" + "/".join(parts[: index + 1]) + "/")
    return prefixes


def generation_keys(path: str) -> list[str]:
    return [EVERYTHING, exact_key(path), *(folder_key(prefix) for prefix in folders(path))]


def new_generation() -> str:
    return secrets.token_hex(6)


def cache_available() -> bool:
    return time.monotonic() >= _paused_until


def _pause(action: str) -> None:
    global _paused_until
    _paused_until = time.monotonic() + OUTAGE_PAUSE_SECONDS
    logger.warning("Page cache unavailable (%s); serving pages uncached for a moment", action)


@dataclass
class Lookup:
    """What the cache holds for one request: the entry if it is still current, and the
    generations the page must be stored under if it is made now."""

    key: str
    generations: dict[str, str] = field(default_factory=dict)
    entry: dict | None = None


def read(keys: list[str], generations: list[str]) -> dict | None:
    """The entries ``keys`` (those found) and the current ``generations``, in one round trip
    (two when a generation is new); None if the cache cannot be reached."""
    cache = caches[PAGE_CACHE]
    try:
        found = cache.get_many([*keys, *generations])
        missing = [name for name in generations if name not in found]
        if missing:
            # A generation never set (or evicted) starts now; ``add`` keeps one another server
            # set first, which is then read back.
            for name in missing:
                cache.add(name, new_generation(), timeout=None)
            found.update(cache.get_many(missing))
    except Exception:  # noqa: BLE001 - any cache failure means "serve uncached"
        _pause("lookup")
        return None
    if any(found.get(name) is None for name in generations):
        return None
    return found


def lookup(host: str, path: str, query: str) -> Lookup | None:
    """The current entry for this address, if any; None if the cache cannot be reached."""
    if not cache_available():
        return None
    key = "p:" + _digest(f"{host}{path}?{query}")
    wanted = generation_keys(path)
    found = read([key], wanted)
    if found is None:
        return None
    generations = {name: found[name] for name in wanted}
    entry = found.get(key)
    if entry is not None and entry.get("generations") != generations:
        entry = None
    return Lookup(key=key, generations=generations, entry=entry)


def store(found: Lookup, entry: dict, timeout: int) -> None:
    if not cache_available():
        return
    try:
        caches[PAGE_CACHE].set(found.key, {**entry, "generations": found.generations}, timeout)
    except Exception:  # noqa: BLE001 - a page not stored is only a page made again
        _pause("store")


def expire(
    paths: Iterable[str] = (), subtrees: Iterable[str] = (), everything: bool = False
) -> None:
    """Make every entry for these paths (any query string), under these folders, or all of
    them stale. Raises if the cache cannot be reached: the caller retries (see ``purge``)."""
    names = [exact_key(path) for path in paths] + [folder_key(path) for path in subtrees]
    if everything:
        names.append(EVERYTHING)
    if names:
        caches[PAGE_CACHE].set_many({name: new_generation() for name in names}, timeout=None)


def clear() -> None:
    """Forget every cached page (``manage.py clear_page_cache``)."""
    expire(everything=True)
