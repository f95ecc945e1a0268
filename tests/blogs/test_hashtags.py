"""A hashtag's own page and feeds: every class's posts with it, at a clean address."""

import feedparser
import pytest

from tests.factories import BlogPostPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tagged(eagle, falcon):
    return [
        BlogPostPageFactory(parent=eagle, title="Eagle rockets", tags=["OakfieldLearns"]),
        BlogPostPageFactory(parent=falcon, title="Falcon fractions", tags=["oakfieldlearns"]),
        BlogPostPageFactory(parent=falcon, title="Falcon poems", tags=["poetry"]),
        BlogPostPageFactory(parent=eagle, title="Eagle draft", tags=["OakfieldLearns"], live=False),
    ]


def _titles(response) -> list[str]:
    return sorted(post.title for post in response.context["posts"])


def test_a_hashtag_page_lists_every_classs_public_posts_with_it(client, tagged):
    response = client.get("/en-gb/news/tags/oakfieldlearns/")
    assert response.status_code == 200
    # One hashtag however it is capitalised; never a draft.
    assert _titles(response) == ["Eagle rockets", "Falcon fractions"]
    html = response.content.decode()
    assert "<h1>#OakfieldLearns</h1>" in html
    assert 'href="/en-gb/news/tags/oakfieldlearns/feed/rss/"' in html


def test_hashtags_on_posts_link_to_the_hashtag_page(client, tagged):
    html = client.get("/en-gb/falcon/falcon-poems/").content.decode()
    assert 'href="/en-gb/news/tags/poetry/">#poetry</a>' in html
    assert client.get("/en-gb/news/tags/poetry/").status_code == 200


def test_a_hashtag_only_a_draft_carries_is_not_revealed(client, eagle):
    BlogPostPageFactory(parent=eagle, title="Secret", tags=["surpriseparty"], live=False)
    assert client.get("/en-gb/news/tags/surpriseparty/").status_code == 404
    assert client.get("/en-gb/news/tags/surpriseparty/feed/rss/").status_code == 404
    assert client.get("/en-gb/news/tags/no-such-tag/").status_code == 404


@pytest.mark.parametrize("kind, version", [("rss", "rss20"), ("atom", "atom10")])
def test_a_hashtag_has_its_own_feed(client, tagged, kind, version):
    response = client.get(f"/en-gb/news/tags/oakfieldlearns/feed/{kind}/")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == version
    assert feed.feed.title.startswith("#OakfieldLearns")
    assert {entry.title for entry in feed.entries} == {"Eagle rockets", "Falcon fractions"}


def test_the_sitemap_lists_the_hashtags_of_public_posts_only(client, tagged):
    BlogPostPageFactory(parent=tagged[0].get_parent(), tags=["secret"], live=False)
    xml = client.get("/sitemap.xml").content.decode()
    assert "/en-gb/news/tags/oakfieldlearns/</loc>" in xml
    assert "/en-gb/news/tags/poetry/</loc>" in xml
    assert "/tags/secret/" not in xml
