"""The shared cache (Redis) out of reach: pages are made from the database instead, never a
server error, and the comment defences count in the database. ``tests/scale/`` stops a real
Redis under two app servers; here nothing listens at the cache's address at all."""

from datetime import timedelta

import pytest

from blogs.comments.counters import DefenceCounter, hit
from home import shared_cache
from tests.school import build_school

NOWHERE = "redis://127.0.0.1:9/0"  # nothing listens there
OPTIONS = {"socket_connect_timeout": 0.1, "socket_timeout": 0.1}


@pytest.fixture
def redis_out_of_reach(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "home.shared_cache.OutageTolerantRedisCache",
            "LOCATION": NOWHERE,
            "OPTIONS": OPTIONS,
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": NOWHERE,
            "KEY_PREFIX": "pages",
            "OPTIONS": OPTIONS,
        },
    }
    settings.SCHOOLSITE_PAGE_CACHE = True
    shared_cache._paused_until = 0.0
    yield
    shared_cache._paused_until = 0.0


@pytest.mark.django_db
def test_every_public_page_is_still_served_from_the_database(redis_out_of_reach, client):
    school = build_school()
    for page in (school.home, school.eagle, school.posts["eagle"][0], school.timeline):
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.title in response.content.decode()


@pytest.mark.django_db
def test_comments_are_still_counted_in_the_database(redis_out_of_reach):
    counts = [hit("comment-rate:someone", timedelta(minutes=1)) for _ in range(2)]
    assert counts == [1, 2]
    assert DefenceCounter.objects.get(key="comment-rate:someone").count == 2
