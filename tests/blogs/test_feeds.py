"""RSS and Atom feeds, autodiscovery, sharing meta and the sitemap."""

import feedparser
import pytest

from tests.factories import BlogPostPageFactory, ImageFactory, SubjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def posts(eagle, falcon, pupil):
    science = SubjectFactory(name="Science", slug="science")
    return [
        BlogPostPageFactory(
            parent=eagle,
            title="Eagle rockets",
            summary="We made rockets.",
            owner=pupil,
            subjects=[science],
            tags=["space"],
        ),
        BlogPostPageFactory(parent=falcon, title="Falcon fractions"),
        BlogPostPageFactory(parent=eagle, title="Eagle draft", live=False),
    ]


@pytest.mark.parametrize("kind, version", [("rss", "rss20"), ("atom", "atom10")])
def test_a_class_feed_lists_that_class_posts_only(client, posts, kind, version):
    response = client.get(f"/en-gb/eagle/feed/{kind}/")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == version
    assert feed.feed.title == "Eagle Class"
    [entry] = feed.entries
    assert entry.title == "Eagle rockets"
    assert entry.link == "http://localhost/en-gb/eagle/eagle-rockets/"
    assert entry.summary == "We made rockets."
    assert entry.author == "Amara, Eagle Class"
    assert {tag.term for tag in entry.tags} == {"Science", "#space"}


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_the_school_feed_lists_every_class(client, posts, kind):
    feed = feedparser.parse(client.get(f"/en-gb/news/feed/{kind}/").content)
    assert not feed.bozo
    assert feed.feed.title == "News from our classes"
    assert {entry.title for entry in feed.entries} == {"Eagle rockets", "Falcon fractions"}


def test_pages_advertise_their_feeds(client, posts):
    home = client.get("/en-gb/").content.decode()
    assert (
        'type="application/rss+xml" title="News from our classes (RSS)" '
        'href="/en-gb/news/feed/rss/"' in home
    )
    assert "/en-gb/eagle/feed/rss/" not in home
    for url in ["/en-gb/eagle/", posts[0].url]:
        html = client.get(url).content.decode()
        assert (
            'type="application/rss+xml" title="Eagle Class blog (RSS)" '
            'href="/en-gb/eagle/feed/rss/"' in html
        )
        assert (
            'type="application/atom+xml" title="Eagle Class blog (Atom)" '
            'href="/en-gb/eagle/feed/atom/"' in html
        )


def test_a_post_carries_open_graph_and_twitter_card_meta(client, eagle):
    post = BlogPostPageFactory(
        parent=eagle,
        title="Pond dipping",
        summary="What we found in the pond.",
        featured_image=ImageFactory(description="A newt in a net"),
    )
    html = client.get(post.url).content.decode()
    assert '<meta property="og:title" content="Pond dipping">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:url" content="http://localhost/en-gb/eagle/pond-dipping/">' in html
    assert '<meta property="og:description" content="What we found in the pond.">' in html
    assert '<meta property="og:image" content="http://testserver/media/images/' in html
    assert '<meta property="og:image:alt" content="A newt in a net">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html


def test_the_sitemap_lists_live_posts_the_timeline_and_subjects(client, posts):
    xml = client.get("/sitemap.xml").content.decode()
    assert "http://localhost/en-gb/eagle/eagle-rockets/" in xml
    assert "http://localhost/en-gb/falcon/falcon-fractions/" in xml
    assert "eagle-draft" not in xml
    assert "http://localhost/en-gb/news/</loc>" in xml
    assert "http://localhost/en-gb/news/subjects/science/</loc>" in xml
