"""A real browser: Debian's Chromium driven by Playwright (never a downloaded browser)."""

import os
import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.test.utils import setup_databases, teardown_databases
from pytest_django.live_server_helper import LiveServer

CHROMIUM = Path("/usr/bin/chromium")

# Chromium's background traffic is refused on this closed network; these flags keep it quiet.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # A microphone that plays a test tone and is allowed without asking: the writing screen's
    # voice recording works as on a pupil's tablet.
    "--use-fake-device-for-media-stream",
    "--use-fake-ui-for-media-stream",
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the test's own database calls
    # are still synchronous, so Django's async-safety guard would refuse them without this.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run 'make browser-deps' (apt-get install chromium).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def new_page(browser):
    """Pages in separate browser contexts (separate sign-ins), all closed after the test.

    Closing them at the end of the test stops the admin's background requests
    (editing-session pings) from reaching the server after the test has let go of the database.
    """
    contexts = []

    def make():
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def new_context(browser):
    """Browser contexts (one sign-in each) of a chosen size, closed after the test."""
    contexts = []

    def make(viewport=DESKTOP, **options):
        context = browser.new_context(viewport=viewport, **options)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def assert_accessible():
    """Run axe-core on the page; fail on any violation of serious or critical impact."""
    axe = Axe()

    def check(page) -> None:
        results = axe.run(page)
        serious = [
            f"{violation['id']} ({violation['impact']}): {violation['help']} – "
            + "; ".join(node["target"][0] for node in violation["nodes"][:3])
            for violation in results.response["violations"]
            if violation["impact"] in {"serious", "critical"}
        ]
        assert not serious, f"axe found on {page.url}:\n" + "\n".join(serious)

    return check


# The database the settings point to, before pytest-django swaps in a test database.
CONFIGURED_DATABASE = settings.DATABASES[DEFAULT_DB_ALIAS]["NAME"]


@pytest.fixture(scope="session")
def browser_database(request, django_db_setup, django_db_blocker):
    """The test database, also when the browser tests run on their own.

    pytest-django makes a test database only for tests that ask for one (the ``db`` fixture or
    the ``django_db`` marker); browser tests ask for neither, since both would roll back or
    wipe the shared demo school after every test. So when no other test in the run asked,
    this makes the test database itself, and never seeds the real one.
    """
    verbosity = request.config.option.verbose
    made = None
    with django_db_blocker.unblock():
        if connection.settings_dict["NAME"] == CONFIGURED_DATABASE:  # no other test asked
            made = setup_databases(
                verbosity, interactive=False, aliases={DEFAULT_DB_ALIAS}, serialized_aliases=set()
            )
        # Django keeps a connection per context, and Playwright's event loop gives the browser
        # tests a context of their own: close this one now, or it stays open to the end and
        # PostgreSQL will not drop the test database.
        connections.close_all()
    yield
    if made is not None:
        with django_db_blocker.unblock():
            teardown_databases(made, verbosity)


@pytest.fixture(scope="package")
def demo_server(browser_database, django_db_blocker):
    """The demo school, seeded once for all the browser tests, behind one live server.

    Not pytest-django's ``live_server``: that one makes every test that uses it transactional,
    and so empties the database after each test. The browser tests share this one database:
    each leaves it as it found it (see ``test_approval.py`` and ``test_comments.py``). After
    the last of them the database is put back as it was, so that no later test sees the demo.
    """
    with django_db_blocker.unblock():
        before = connection.creation.serialize_db_to_string()
        call_command("seed_demo", verbosity=0)
    # An in-memory SQLite database is shared with the server's threads, as Django's own
    # LiveServerTestCase does; PostgreSQL and SQLite files are opened by the server itself.
    server = LiveServer("localhost")
    server._live_server_modified_settings.enable()
    yield server
    server._live_server_modified_settings.disable()
    server.stop()
    with django_db_blocker.unblock():
        call_command("flush", verbosity=0, interactive=False, inhibit_post_migrate=True)
        connection.creation.deserialize_db_from_string(before)
        connections.close_all()  # this context's (see browser_database)


@pytest.fixture
def demo_site(demo_server, django_db_blocker):
    """The seeded demo school's live server, free to use the database during the test."""
    with django_db_blocker.unblock():
        yield demo_server


@pytest.fixture
def sign_in(demo_site):
    """Sign a page in to the Wagtail admin as one of the demo accounts."""
    from blogs.demo.school import DEFAULT_DEMO_PASSWORD

    def sign_in_as(page, username: str) -> None:
        page.goto(demo_site.url + "/admin/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", DEFAULT_DEMO_PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        # Children start at "My posts", everyone else at Wagtail's dashboard.
        page.wait_for_url(re.compile(r"/admin/(my-posts/)?$"))

    return sign_in_as
