"""For the end-to-end tests, which run in real transactions as the worker and the server do.

Each starts from what migrations made (``serialized_rollback``: Wagtail's root page, the
curriculum subjects, the award categories …) and ends by emptying the database; the module
then puts back what it found, so the tests after it find what they expect.
"""

import json

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection


@pytest.fixture(scope="module")
def database_left_as_found(django_db_setup, django_db_blocker):
    """Puts back what the database held before the module's transactional tests, each of which
    ends by emptying it, so the tests after them find what they expect (as
    tests/blogs/test_comment_defences.py does for its threaded tests)."""
    with django_db_blocker.unblock():
        before = json.loads(connection.creation.serialize_db_to_string())
    yield
    # Content types first: restoring other rows looks them up, and would make new ones.
    before.sort(key=lambda row: row["model"] != "contenttypes.contenttype")
    with django_db_blocker.unblock():
        flush = {"inhibit_post_migrate": True, "reset_sequences": False}
        call_command("flush", verbosity=0, interactive=False, **flush)
        ContentType.objects.clear_cache()
        connection.creation.deserialize_db_from_string(json.dumps(before))
