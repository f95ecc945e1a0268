"""Purging: which addresses show a page, and making them fresh in every cache after a change.

Call these after anything that changes what a public address shows; Wagtail's signals already
call them for every page change (``receivers``), whichever screen, command or task made it:

- :func:`purge_page` – a page changed (published, unpublished, moved, deleted, its comments
  or awards changed): the page in every language, every page above it that lists it (its
  class blog, the home page …), what other parts add through the ``construct_page_purge``
  hook (the timeline, subject and hashtag pages, feeds), the sitemap and the search results.
- :func:`purge_paths` – particular addresses, in every Site.
- :func:`purge_everything` – something every page shows (school details, the menu, the
  languages, who may see what).

Nothing is purged until the change is committed (a page rendered in between would be made
from the old data); then the page cache's generations move on at once, and the same addresses
are sent to the frontend caches (``WAGTAILFRONTENDCACHE``: nginx, a CDN). A purge that fails
is logged and tried again by the task worker; it never stops the change.
"""

import logging
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.urls import reverse
from django.utils import translation
from wagtail import hooks
from wagtail.models import Locale, Page, Site

from . import frontend, store

logger = logging.getLogger(__name__)

# Functions registered with this hook add what else shows a changed page:
# ``fn(page, batch: PurgeBatch)``; e.g. the blogs add the timeline for a post.
PURGE_PAGE_HOOK = "construct_page_purge"
SITEMAP_PATH = "/sitemap.xml"
SEARCH_URL_NAME = "search"


@dataclass
class PurgeBatch:
    """Addresses to purge: exact paths (any query string goes with them), whole folders, or
    everything; ``urls`` are the same as full addresses, for the frontend caches."""

    paths: set[str] = field(default_factory=set)
    subtrees: set[str] = field(default_factory=set)
    everything: bool = False
    urls: set[str] = field(default_factory=set)

    def add_url(self, url: str, *, subtree: bool = False) -> None:
        """A full URL (``https://host/path``) or a path beginning with ``/``."""
        path = "/" + url.split("://", 1)[-1].partition("/")[2] if "://" in url else url
        (self.subtrees if subtree else self.paths).add(path)
        self.urls.add(url)

    def add_page(self, page: Page, *, subtree: bool = False, routes: bool = True) -> None:
        """A page's address (and, for a page with routes such as feeds, those too), in the
        language of ``page``; ``subtree`` also takes every address below it."""
        url = page.get_url()
        if not url:
            return
        full_url = page.get_full_url() or url
        self.add_url(full_url, subtree=subtree)
        if routes:
            for route in page.specific_deferred.get_cached_paths():
                if route.strip("/"):
                    self.add_url(full_url + route.lstrip("/"))

    def add_page_in_every_language(self, page: Page, **kwargs) -> None:
        for copy in _every_language(page):
            self.add_page(copy, **kwargs)

    def merge(self, other: "PurgeBatch") -> None:
        self.paths |= other.paths
        self.subtrees |= other.subtrees
        self.urls |= other.urls
        self.everything |= other.everything


def _every_language(page: Page) -> list[Page]:
    """The page and its copies in every other language (translations and untranslated
    stand-ins), live or not: an unpublished copy may still be cached."""
    return list(Page.objects.filter(translation_key=page.translation_key).specific(defer=True))


def batch_for_page(page: Page) -> PurgeBatch:
    """Every address that shows ``page``, as it is now (call before a move or delete too)."""
    batch = PurgeBatch()
    page = page.specific_deferred
    site_root_depths = set(Site.objects.values_list("root_page__depth", flat=True))
    if page.depth <= max(site_root_depths, default=2) + 1:
        # A home page, or a page in the menu (the home page's children): every page shows it.
        batch.everything = True
    # The page itself and everything under it (its routes, and pages that show its title).
    batch.add_page_in_every_language(page, subtree=True)
    # Every page above it lists or counts it: its class blog, the home page …
    for ancestor in page.get_ancestors().filter(depth__gte=min(site_root_depths, default=2)):
        batch.add_page_in_every_language(ancestor)
    for construct in hooks.get_hooks(PURGE_PAGE_HOOK):
        construct(page, batch)
    _add_site_wide_lists(batch)
    return batch


def batch_for_section(page: Page) -> PurgeBatch:
    """What :func:`batch_for_page` purges, and every page below ``page``, in every language, by
    its own address: for a change of who may see the section, or of where it is. The page cache
    forgets a whole folder at once, but a frontend cache is sent exact addresses, and without
    these it would keep a page made private (or moved away) until its ``s-maxage`` ends."""
    batch = batch_for_page(page)
    for copy in _every_language(page):
        for below in copy.get_descendants().specific(defer=True):
            batch.add_page(below)
    return batch


def _add_site_wide_lists(batch: PurgeBatch) -> None:
    """The sitemap, and each language's search results, of every Site."""
    searches = []
    for code in Locale.objects.values_list("language_code", flat=True):
        with translation.override(code):
            searches.append(reverse(SEARCH_URL_NAME))
    for site in Site.objects.all():
        batch.add_url(site.root_url + SITEMAP_PATH)
        for search in searches:
            batch.add_url(site.root_url + search, subtree=True)


def purge_page(page: Page) -> None:
    """Purge every address that shows ``page`` once the current change is committed."""
    schedule(batch_for_page(page))


def purge_paths(paths: Iterable[str]) -> None:
    """Purge these paths (``/en-gb/about/``; any query string goes too) in every Site."""
    batch = PurgeBatch()
    for site in Site.objects.all():
        for path in paths:
            batch.add_url(site.root_url + path)
    schedule(batch)


def purge_everything() -> None:
    """Purge every page (once the current change is committed)."""
    schedule(PurgeBatch(everything=True))


_pending = threading.local()


def schedule(batch: PurgeBatch) -> None:
    """Purge ``batch`` when the current transaction commits (at once outside one).

    Batches waiting in this thread are purged together by the first commit that comes (a page
    deleted with its children is one purge). A batch of a transaction rolled back is purged
    with the next one: a purge too many never shows.
    """
    if not transaction.get_connection().in_atomic_block:
        run(batch)
        return
    pending = getattr(_pending, "batch", None)
    if pending is None:
        _pending.batch = batch
    else:
        pending.merge(batch)
    transaction.on_commit(_run_pending, robust=True)


def _run_pending() -> None:
    batch = getattr(_pending, "batch", None)
    _pending.batch = None
    if batch is not None:
        run(batch)


def run(batch: PurgeBatch) -> None:
    """Purge now: the page cache, then the frontend caches; retried later on failure."""
    try:
        store.expire(batch.paths, batch.subtrees, everything=batch.everything)
    except Exception:
        logger.exception("Could not purge the page cache; trying again in a minute")
        frontend.retry_later(batch, page_cache=True)
    frontend.purge(batch)
