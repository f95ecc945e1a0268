"""The shared cache (Redis, ``REDIS_URL``), whose outage slows the site but never breaks it.

Django's Redis cache raises when Redis cannot be reached, and Wagtail reads the default cache on
every page (the Sites' root paths, renditions), so with Redis down every page was a server
error. Through this backend, a read Redis cannot answer is a miss and a write is skipped: pages
are made from the database. After a failure Redis is left alone for a few seconds, so that each
request does not wait for it in turn, then asked again.

Counting is the exception: ``incr`` still raises, so that the comment defences
(``blogs/comments/counters.py``) count in the database rather than let a burst through. The
page cache keeps the same rule for its own cache (``home/page_cache/store.py``).
"""

import logging
import time
from collections.abc import Callable
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# After a failure, Redis is not asked for this long.
OUTAGE_PAUSE_SECONDS = 5.0

# For this process, whichever thread's cache object failed.
_paused_until = 0.0


def _paused() -> bool:
    return time.monotonic() < _paused_until


def _pause(action: str) -> None:
    global _paused_until
    _paused_until = time.monotonic() + OUTAGE_PAUSE_SECONDS
    logger.warning("Shared cache unavailable (%s); going without it for a moment", action)


class OutageTolerantRedisCache(RedisCache):
    """Django's Redis cache, for which Redis being unreachable is a miss, not an error."""

    def _try(self, action: str, call: Callable, fallback: Any, *args) -> Any:
        if _paused():
            return fallback
        try:
            return call(*args)
        except RedisError:
            _pause(action)
            return fallback

    def get(self, key, default=None, version=None):
        return self._try("get", super().get, default, key, default, version)

    def get_many(self, keys, version=None):
        return self._try("get_many", super().get_many, {}, keys, version)

    def has_key(self, key, version=None):
        return self._try("has_key", super().has_key, False, key, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._try("set", super().set, None, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try("set_many", super().set_many, list(data), data, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try("add", super().add, False, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try("touch", super().touch, False, key, timeout, version)

    def delete(self, key, version=None):
        return self._try("delete", super().delete, False, key, version)

    def delete_many(self, keys, version=None):
        self._try("delete_many", super().delete_many, None, keys, version)

    def clear(self):
        return self._try("clear", super().clear, False)

    def incr(self, key, delta=1, version=None):
        """Raises :class:`RedisError` while Redis is out of reach: a count cannot be guessed."""
        if _paused():
            raise RedisError("The shared cache is unavailable for a moment")
        try:
            return super().incr(key, delta, version)
        except RedisError:
            _pause("incr")
            raise
