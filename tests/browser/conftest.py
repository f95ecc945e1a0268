"""A real browser: Debian's Chromium driven by Playwright (never a downloaded browser)."""

import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command

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
]


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

    Closing them before the database is flushed stops the admin's background requests
    (editing-session pings) from reaching a server whose test is over.
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


@pytest.fixture
def demo_site(live_server):
    """The demo school behind a live server. Browser tests use real transactions, so
    seed_demo rebuilds the school in the emptied database for each test."""
    call_command("seed_demo", verbosity=0)
    return live_server


@pytest.fixture
def sign_in(demo_site):
    """Sign a page in to the Wagtail admin as one of the demo accounts."""
    from blogs.demo.school import DEFAULT_DEMO_PASSWORD

    def sign_in_as(page, username: str) -> None:
        page.goto(demo_site.url + "/admin/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", DEFAULT_DEMO_PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url("**/admin/")

    return sign_in_as
