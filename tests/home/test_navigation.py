"""Navigation and footer: built from the page tree and the school's details."""

import pytest
from wagtail.models import Site

from home.site_settings import SchoolSettings
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_main_menu_lists_pages_marked_show_in_menus_only(home_page, client):
    StandardPageFactory(parent=home_page, title="About us", slug="about", show_in_menus=True)
    StandardPageFactory(parent=home_page, title="Hidden page", slug="hidden", show_in_menus=False)
    StandardPageFactory(
        parent=home_page, title="Draft page", slug="draft", show_in_menus=True, live=False
    )
    html = client.get("/en-gb/").content.decode()
    menu = html.split('<nav class="main-menu"', 1)[1].split("</nav>", 1)[0]
    assert 'href="/en-gb/about/"' in menu
    assert "Hidden page" not in menu
    assert "Draft page" not in menu


def test_main_menu_marks_the_current_section(home_page, client):
    about = StandardPageFactory(
        parent=home_page, title="About us", slug="about", show_in_menus=True
    )
    StandardPageFactory(parent=about, title="Our staff", slug="staff")
    html = client.get("/en-gb/about/staff/").content.decode()
    assert '<a href="/en-gb/about/" aria-current="page">About us</a>' in html


def test_footer_shows_the_school_details_from_settings(home_page, client):
    details = SchoolSettings.for_site(Site.objects.get(is_default_site=True))
    details.school_name = "Oakfield Primary School"
    details.address = "12 Orchard Lane\nOakfield"
    details.phone = "01234 567890"
    details.safeguarding_lead = "Mrs A. Khan"
    details.twitter_url = "https://x.com/oakfield"
    details.save()
    html = client.get("/en-gb/").content.decode()
    assert "12 Orchard Lane<br>Oakfield" in html
    assert 'href="tel:01234567890"' in html
    assert "designated safeguarding lead, Mrs A. Khan" in html
    assert 'href="https://x.com/oakfield"' in html


def test_every_page_has_landmarks_a_skip_link_and_one_h1(home_page, client):
    html = client.get("/en-gb/").content.decode()
    assert '<a class="skip-link" href="#main">Skip to main content</a>' in html
    for landmark in ("<header", '<main id="main"', "<footer", 'role="search"'):
        assert landmark in html
    assert html.count("<h1") == 1
    assert '<html lang="en-gb" dir="ltr">' in html
