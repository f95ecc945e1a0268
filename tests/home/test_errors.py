"""Friendly error pages."""

import pytest
from django.template.loader import render_to_string

pytestmark = pytest.mark.django_db


def test_an_unknown_address_shows_the_friendly_404_page(home_page, client):
    response = client.get("/en-gb/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Sorry, we can't find that page" in html
    assert 'href="/en-gb/"' in html
    assert '<nav class="main-menu"' in html


def test_the_500_page_renders_without_a_request_or_site_settings():
    html = render_to_string("500.html")
    assert "Sorry, something went wrong" in html
    assert "<h1>" in html
