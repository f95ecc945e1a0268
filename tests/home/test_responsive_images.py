"""Responsive pictures list each width once, however small the photo a teacher uploaded."""

import re

import pytest
from django.core.cache import cache
from django.template import Context, Template

from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_cached_renditions():
    """Wagtail caches renditions by image id, and ids come round again after each rollback."""
    cache.clear()


PICTURE = Template(
    "{% load responsive_images %}"
    '{% picture photo format-{webp,jpeg} width-{480,800,1200} sizes="50vw" alt="A leaf" %}'
)


def _widths(html: str) -> list[list[str]]:
    return [re.findall(r" (\d+)w", srcset) for srcset in re.findall(r'srcset="([^"]*)"', html)]


def test_a_photo_wider_than_every_width_offers_them_all():
    html = PICTURE.render(Context({"photo": ImageFactory(file__width=1600, file__height=900)}))
    assert _widths(html) == [["480", "800", "1200"], ["480", "800", "1200"]]
    assert html.count('sizes="50vw"') == 2


def test_widths_the_photo_cannot_reach_are_listed_once_at_its_own_width():
    html = PICTURE.render(Context({"photo": ImageFactory(file__width=1000, file__height=600)}))
    assert _widths(html) == [["480", "800", "1000"], ["480", "800", "1000"]]


def test_a_photo_narrower_than_every_width_has_one_source_per_format_and_no_sizes():
    html = PICTURE.render(Context({"photo": ImageFactory(file__width=300, file__height=200)}))
    assert re.search(r'<source srcset="[^", ]+\.webp" type="image/webp">', html)
    assert "srcset" not in html.split("<img")[1]
    assert "sizes=" not in html
    assert 'alt="A leaf"' in html and 'width="300"' in html
