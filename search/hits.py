"""Counting searches for Wagtail's "Search terms" report and promotions, without a write per
search: each process adds them up in memory and a background thread writes the totals every
``FLUSH_SECONDS`` (and at exit) in one transaction.

A search answered from the page cache counts too (the ``page_cache_hit`` hook in
``wagtail_hooks``), since it never reaches the view. Only the words are counted: never who
searched.

Safe under gunicorn's ``preload_app``: the thread is started by the first search a process
counts, so in each worker after it forks, never in the master; and a forked process starts
with no counts, no thread and a fresh lock (``os.register_at_fork``), so nothing counted
before a fork is written twice or waits on a lock held by a thread that did not fork. Counts
in memory are lost if a process is killed outright (``SIGKILL``, out of memory): they are
statistics, and a worker that gunicorn recycles or stops exits normally and writes them.
Written every half minute, a count is no more than a minute late in the report.
"""

import atexit
import logging
import os
import threading
from collections import Counter
from datetime import date

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

logger = logging.getLogger(__name__)

FLUSH_SECONDS = 30

_lock = threading.Lock()
_counts: Counter[tuple[date, str]] = Counter()
_flusher: threading.Thread | None = None


def count(query: str) -> None:
    """One more search for ``query`` today (written by the next flush)."""
    global _flusher
    with _lock:
        _counts[(timezone.localdate(), query)] += 1
        if not _in_background():
            return
        if _flusher is None or not _flusher.is_alive():
            # Started in the process that serves (after gunicorn forks), never at import.
            _flusher = threading.Thread(target=_flush_forever, name="search-hits", daemon=True)
            _flusher.start()


def _in_background() -> bool:
    """Whether a thread writes the counts (``SCHOOLSITE_SEARCH_COUNTS_IN_BACKGROUND``; the test
    suite writes them itself, inside each test's transaction)."""
    return getattr(settings, "SCHOOLSITE_SEARCH_COUNTS_IN_BACKGROUND", True)


def pending() -> int:
    """Searches counted in this process and not yet written."""
    with _lock:
        return sum(_counts.values())


def flush() -> int:
    """Write the counted searches now; returns how many searches were written."""
    with _lock:
        counts = dict(_counts)
        _counts.clear()
    if not counts:
        return 0
    try:
        with transaction.atomic():
            for (day, query_string), hits in counts.items():
                query = Query.get(query_string)
                daily, _created = QueryDailyHits.objects.get_or_create(query=query, date=day)
                QueryDailyHits.objects.filter(pk=daily.pk).update(hits=F("hits") + hits)
    except Exception:
        logger.warning("Could not write search counts; keeping them for later", exc_info=True)
        with _lock:
            _counts.update(counts)
        return 0
    return sum(counts.values())


def _forget_after_fork() -> None:
    """In a forked child: the parent's counts are the parent's to write."""
    global _lock, _flusher
    _lock = threading.Lock()
    _counts.clear()
    _flusher = None


def _flush_forever() -> None:
    while True:
        threading.Event().wait(FLUSH_SECONDS)
        flush()
        connection.close()


def _flush_at_exit() -> None:
    if _in_background():
        flush()


atexit.register(_flush_at_exit)
os.register_at_fork(after_in_child=_forget_after_fork)
