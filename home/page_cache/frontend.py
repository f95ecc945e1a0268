"""The same purges, sent to the caches in front of the app servers (``WAGTAILFRONTENDCACHE``).

Wagtail's frontend-cache backends do the sending (nginx or Varnish with ``PURGE`` requests,
Cloudflare, CloudFront …); this module decides what to send and tries again when it fails.
Wagtail's own ``wagtail.contrib.frontend_cache`` app is not installed: its signal handlers
would purge only the published page itself, in every language Wagtail knows of.

A frontend cache is sent exact addresses. For a change every page shows (school details, the
menu), it is sent the pages that make up the site (each language's home page, the pages in the
menu and the lists) and keeps any other page until its ``s-maxage`` ends
(``SCHOOLSITE_PAGE_CACHE_SECONDS``); the app's own cache forgets everything at once.
"""

import logging
from datetime import timedelta
from typing import TYPE_CHECKING
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from django.conf import settings
from django.utils import timezone
from django_tasks import task
from django_tasks.exceptions import InvalidTaskError
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.backends.http import PurgeRequest
from wagtail.contrib.frontend_cache.utils import get_backends
from wagtail.models import Page, Site

from . import store

if TYPE_CHECKING:
    from .purge import PurgeBatch  # purge imports this module: a cycle at the top

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
FIRST_RETRY = timedelta(minutes=1)
PURGE_TIMEOUT_SECONDS = 3


class PurgeFailed(Exception):
    """A frontend cache could not be reached, or refused the purge."""


class PurgeRequestBackend(HTTPBackend):
    """Wagtail's HTTP ``PURGE`` backend (nginx, Varnish) that says when a purge failed.

    Wagtail's logs a failure and carries on; this raises, so the purge is tried again. "Not
    in the cache" (404) is a success: there was nothing to purge.
    """

    def purge(self, url: str) -> None:
        parts = urlsplit(url)
        host = parts.hostname + (f":{parts.port}" if parts.port else "")
        request = PurgeRequest(
            url=urlunsplit([self.cache_scheme, self.cache_netloc, parts.path, parts.query, ""]),
            headers={"Host": host, "User-Agent": "Schoolsite-purge"},
        )
        try:
            with urlopen(request, timeout=PURGE_TIMEOUT_SECONDS):  # noqa: S310 - our proxy
                pass
        except HTTPError as error:
            if error.code not in (404, 412):
                raise PurgeFailed(f"{url}: {error.code} {error.reason}") from error
        except (URLError, OSError) as error:
            raise PurgeFailed(f"{url}: {error}") from error


def frontend_urls(batch: "PurgeBatch") -> list[str]:
    urls = {url for url in batch.urls if "://" in url}
    if batch.everything:
        urls |= _site_skeleton_urls()
    return sorted(urls)


def _site_skeleton_urls() -> set[str]:
    """What a change every page shows must reach first: each language's home page, the pages
    in the menu with their routes (feeds …), the sitemap."""
    urls = set()
    for site in Site.objects.select_related("root_page"):
        root = site.root_page
        homes = Page.objects.filter(translation_key=root.translation_key)
        for home in homes:
            pages = [home, *Page.objects.child_of(home).specific(defer=True)]
            for page in pages:
                url = page.get_full_url()
                if url:
                    urls.add(url)
                    urls.update(
                        url + route.lstrip("/")
                        for route in page.specific_deferred.get_cached_paths()
                        if route.strip("/")
                    )
        urls.add(site.root_url + "/sitemap.xml")
    return urls


def purge(batch: "PurgeBatch", backend_names: list[str] | None = None, attempt: int = 1) -> None:
    """Send the batch's addresses to every frontend cache (or those named); retry failures."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    urls = frontend_urls(batch)
    if not urls:
        return
    failed = []
    for name, backend in get_backends(backends=backend_names).items():
        wanted = [url for url in urls if backend.invalidates_hostname(urlsplit(url).netloc)]
        try:
            backend.purge_batch(wanted)
        except Exception as error:  # noqa: BLE001 - any backend's failure is retried alike
            logger.warning("Could not purge %s frontend cache: %s", name, error)
            failed.append(name)
    if failed:
        retry_later(batch, backends=failed, attempt=attempt)


def retry_later(
    batch: "PurgeBatch",
    *,
    page_cache: bool = False,
    backends: list[str] = (),
    attempt: int = 1,
) -> None:
    """Queue the purge of the page cache and/or these frontend caches again for the task
    worker, waiting longer after each failure."""
    if attempt > MAX_ATTEMPTS:
        logger.error("Gave up purging %s after %s tries", sorted(batch.urls)[:5], attempt - 1)
        return
    data = {
        "paths": sorted(batch.paths),
        "subtrees": sorted(batch.subtrees),
        "everything": batch.everything,
        "urls": sorted(batch.urls),
    }
    when = timezone.now() + FIRST_RETRY * 2 ** (attempt - 1)
    try:
        retry_purge.using(run_after=when).enqueue(
            data, page_cache=page_cache, backends=list(backends), attempt=attempt
        )
    except InvalidTaskError:
        # A task backend that cannot wait (the test suite's): log only.
        logger.error("Purge not retried: the task backend cannot run tasks later")


@task()
def retry_purge(data: dict, page_cache: bool, backends: list[str], attempt: int) -> None:
    from .purge import PurgeBatch  # purge imports this module: a cycle at the top

    batch = PurgeBatch(
        paths=set(data["paths"]),
        subtrees=set(data["subtrees"]),
        everything=data["everything"],
        urls=set(data["urls"]),
    )
    if page_cache:
        try:
            store.expire(batch.paths, batch.subtrees, everything=batch.everything)
        except Exception:
            logger.warning("Could not purge the page cache (try %s)", attempt, exc_info=True)
            retry_later(batch, page_cache=True, attempt=attempt + 1)
    if backends:
        purge(batch, backend_names=backends, attempt=attempt + 1)
