"""Counters that expire, counted atomically so that every app server agrees.

The comment form's defences ask one question: "one more for this key: how many now?" – five
comments from one client in a minute, and whether a form token was used before. A check
followed by a write lets a burst of simultaneous requests all pass the check, so the count is
taken by the same atomic step that adds to it:

- Redis (``REDIS_URL`` set, the cache shared by every app server): ``SET NX`` with an expiry,
  then ``INCR``.
- Otherwise the database: one ``INSERT … ON CONFLICT DO UPDATE … RETURNING`` statement, which
  PostgreSQL and SQLite both run atomically.
"""

import logging
from datetime import timedelta

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.db import connection, models
from django.utils import timezone
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

CACHE_PREFIX = "schoolsite-counter:"


class DefenceCounter(models.Model):
    """One counter in the database, for sites without Redis; expired rows are purged daily."""

    key = models.CharField(max_length=100, unique=True)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        db_table = "blogs_defencecounter"  # named in UPSERT below
        verbose_name = "defence counter"

    def __str__(self) -> str:
        return f"{self.key}: {self.count}"


# The ORM cannot say "add one on conflict" (bulk_create's update_conflicts only copies the new
# row's values), so this is one statement, which PostgreSQL and SQLite both accept and run
# atomically. An expired counter starts again from one, with a new expiry.
UPSERT = """
    INSERT INTO "blogs_defencecounter" ("key", "count", "expires_at") VALUES (%s, 1, %s)
    ON CONFLICT ("key") DO UPDATE SET
        "count" = CASE WHEN "blogs_defencecounter"."expires_at" <= %s
            THEN 1 ELSE "blogs_defencecounter"."count" + 1 END,
        "expires_at" = CASE WHEN "blogs_defencecounter"."expires_at" <= %s
            THEN excluded."expires_at" ELSE "blogs_defencecounter"."expires_at" END
    RETURNING "count"
"""


def _uses_shared_cache() -> bool:
    return isinstance(caches["default"], RedisCache)


def _hit_in_cache(key: str, ttl: timedelta) -> int:
    cache = caches["default"]
    key = CACHE_PREFIX + key
    seconds = max(1, int(ttl.total_seconds()))
    for _attempt in range(2):
        # ``add`` only creates a missing key (with its expiry); ``incr`` is Redis' atomic INCR.
        cache.add(key, 0, timeout=seconds)
        try:
            return cache.incr(key)
        except ValueError:
            continue  # it expired between the two steps: start it again
    return cache.incr(key)


def _hit_in_database(key: str, ttl: timedelta) -> int:
    now = timezone.now()
    adapt = connection.ops.adapt_datetimefield_value
    with connection.cursor() as cursor:
        cursor.execute(UPSERT, [key, adapt(now + ttl), adapt(now), adapt(now)])
        return cursor.fetchone()[0]


def hit(key: str, ttl: timedelta) -> int:
    """Count one more against ``key`` and return the new count, atomically.

    The count starts at 1 and is forgotten ``ttl`` after that first hit.
    """
    if _uses_shared_cache():
        try:
            return _hit_in_cache(key, ttl)
        except RedisError:
            # Redis is down: the database is shared by every app server too, so count there.
            logger.warning("Redis unavailable; counting %s in the database", key, exc_info=True)
    return _hit_in_database(key, ttl)


def purge_expired_counters() -> int:
    """Delete the database's expired counters; returns how many."""
    deleted, _ = DefenceCounter.objects.filter(expires_at__lte=timezone.now()).delete()
    return deleted
