"""The test suite: fast password hashing, media in a temporary folder, no real email."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "schoolsite-test-suite-only"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Email goes through the same task as in production, run at once and into Django's outbox;
# tests of the worker itself switch TASKS to the database backend.
SCHOOLSITE_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default", "email"],
    }
}
if "MEDIA_ROOT" not in os.environ:
    MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="schoolsite-test-media-"))
if "PRIVATE_MEDIA_ROOT" not in os.environ:
    PRIVATE_MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="schoolsite-test-private-media-"))
WAGTAILADMIN_BASE_URL = "http://testserver"
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="schoolsite-test-static-"))
SERVE_MEDIA = True
# Tests see every change at once: no page is kept between requests unless a test of the
# cache switches it on (tests/home/test_page_cache.py), and the page cache is in memory.
SCHOOLSITE_PAGE_CACHE = False
SCHOOLSITE_FRAGMENT_CACHE = False
# Search counts stay in memory until a test flushes them: a thread writing on a connection of
# its own would escape each test's transaction, and its write at exit would reach a database
# that is not the test's.
SCHOOLSITE_SEARCH_COUNTS_IN_BACKGROUND = False
CACHES["pages"] = {  # noqa: F405
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "pages",
}
