"""Writes wait rather than fail, a failed write leaves nothing behind, and an outage is a 503."""

import threading
import time

import pytest
from django.db import connection, connections, transaction
from django.db.utils import ConnectionHandler, OperationalError
from django.http import HttpResponse
from django.test import override_settings
from django.urls import path

from blogs.models import Subject
from schoolsite.settings.environment import database_config
from schoolsite.urls import urlpatterns as site_urlpatterns


def _half_saved_view(request):
    """Saves a first thing, then fails before the second: like a page saved without its revision."""
    Subject.objects.create(name="Half saved", slug="half-saved")
    raise RuntimeError("the second step failed")


def _saving_view(request):
    Subject.objects.create(name="Saved", slug="saved")
    return HttpResponse("ok")


# The site's own URLs too: its middleware reverses some of them on every request.
urlpatterns = [path("half/", _half_saved_view), path("whole/", _saving_view), *site_urlpatterns]


@pytest.fixture
def two_sqlite_connections(tmp_path, django_db_blocker, monkeypatch):
    """Two connections to a SQLite file of this test's own, configured as the site's are
    (whatever database the suite itself runs on)."""
    monkeypatch.delenv("DATABASE_URL", raising=False)
    config = database_config(tmp_path / "school.sqlite3")
    handler = ConnectionHandler({"default": dict(config), "second": dict(config)})
    with django_db_blocker.unblock():
        yield handler["default"], handler["second"]


def test_sqlite_keeps_a_write_ahead_log_and_waits_for_a_busy_database(two_sqlite_connections):
    first, _second = two_sqlite_connections
    with first.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] >= 10_000
    first.close()


def test_a_second_writer_waits_for_the_first_instead_of_failing(two_sqlite_connections):
    """Two teachers save at once: on SQLite's defaults the second got "database is locked"."""
    first, second = two_sqlite_connections
    with first.cursor() as cursor:
        cursor.execute("CREATE TABLE saves (who TEXT)")
    first_is_writing = threading.Event()
    errors = []

    def first_teacher():
        connections["first-teacher"] = first  # this thread's own connection, by alias
        with transaction.atomic(using="first-teacher"), first.cursor() as cursor:
            cursor.execute("INSERT INTO saves VALUES ('first')")
            first_is_writing.set()
            time.sleep(0.5)
        first.close()

    def second_teacher():
        connections["second-teacher"] = second
        first_is_writing.wait()
        try:
            with transaction.atomic(using="second-teacher"), second.cursor() as cursor:
                # Read, then write: the upgrade that fails at once in a deferred transaction.
                cursor.execute("SELECT count(*) FROM saves")
                cursor.execute("INSERT INTO saves VALUES ('second')")
        except OperationalError as error:
            errors.append(error)
        finally:
            second.close()

    # Each connection is used by its own thread, as in two gunicorn workers.
    first.inc_thread_sharing()
    second.inc_thread_sharing()
    threads = [threading.Thread(target=first_teacher), threading.Thread(target=second_teacher)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with first.cursor() as cursor:
        cursor.execute("SELECT who FROM saves ORDER BY rowid")
        assert [row[0] for row in cursor.fetchall()] == ["first", "second"]
    first.close()


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__)
def test_a_write_that_fails_half_way_leaves_nothing_behind(client):
    client.raise_request_exception = False
    assert client.post("/half/").status_code == 500
    assert not Subject.objects.filter(slug="half-saved").exists()
    client.raise_request_exception = True
    assert client.post("/whole/").status_code == 200
    assert Subject.objects.filter(slug="saved").exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_database_outage_is_a_503_and_the_site_recovers_by_itself(home_page, client):
    client.raise_request_exception = False
    assert client.get("/en-gb/").status_code == 200
    # Point the connection at a database that cannot be reached, keeping the real one aside.
    real_settings, real_connection = connection.settings_dict, connection.connection
    unreachable = dict(real_settings)
    if connection.vendor == "sqlite":
        unreachable["NAME"] = "/nonexistent-folder/school.sqlite3"
    else:
        unreachable.update(HOST="127.0.0.1", PORT="1")
    connection.settings_dict, connection.connection = unreachable, None
    try:
        response = client.get("/en-gb/")
    finally:
        connection.settings_dict, connection.connection = real_settings, real_connection
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "We will be back in a moment" in response.content.decode()
    # The database is back: the next request is served, with no restart.
    assert client.get("/en-gb/").status_code == 200
