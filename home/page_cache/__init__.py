"""The page cache: public pages kept whole, purged on every change (README: "Caching").

For code outside the page tree that changes what a public address shows:

- ``purge_page(page)``: every address that shows the page (every language, the lists above it,
  the timeline, feeds, sitemap, search);
- ``purge_paths(["/en-gb/about/"])``: particular addresses in every Site;
- ``purge_everything()``: something every page shows.

Each waits for the current transaction to commit, then purges the app's cache and sends the
same addresses to the frontend caches, trying again later if that fails. Page changes made
through Wagtail (``publish``, ``unpublish``, moves, deletes, workflows, translations) purge by
themselves (``receivers``).
"""

from .purge import PURGE_PAGE_HOOK, PurgeBatch, purge_everything, purge_page, purge_paths

__all__ = ["PURGE_PAGE_HOOK", "PurgeBatch", "purge_everything", "purge_page", "purge_paths"]
