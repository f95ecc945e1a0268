"""Counting searches for Wagtail's "Search terms" report and promotions, without a write per
search: each process adds them up in memory and a background thread writes the totals every
``FLUSH_SECONDS`` (and at exit) in one transaction.

A search answered from the page cache counts too (the ``page_cache_hit`` hook below), since it
never reaches the view. Only the words are counted: never who searched.
"""

import atexit
import logging
import threading
from collections import Counter
from datetime import date

from django.db import transaction
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
        if _flusher is None or not _flusher.is_alive():
            # Started in the process that serves (after gunicorn forks), never at import.
            _flusher = threading.Thread(target=_flush_forever, name="search-hits", daemon=True)
            _flusher.start()


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


def _flush_forever() -> None:
    from django.db import connection

    while True:
        threading.Event().wait(FLUSH_SECONDS)
        flush()
        connection.close()


atexit.register(flush)
