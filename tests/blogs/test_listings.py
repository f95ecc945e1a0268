"""Lists of posts: a class blog, the school-wide timeline, subject pages and the home page."""

from datetime import date, timedelta

import pytest

from tests.factories import BlogPostPageFactory, SubjectFactory

pytestmark = pytest.mark.django_db


def _titles(response) -> list[str]:
    return [post.title for post in response.context["posts"]]


def test_a_class_blog_lists_its_posts_newest_first_twelve_a_page(client, eagle, falcon):
    start = date(2026, 9, 1)
    for day in range(14):
        BlogPostPageFactory(parent=eagle, title=f"Eagle day {day}", date=start + timedelta(day))
    BlogPostPageFactory(parent=falcon, title="Falcon post")
    BlogPostPageFactory(parent=eagle, title="Draft post", live=False)

    first = client.get("/en-gb/eagle/")
    assert _titles(first) == [f"Eagle day {day}" for day in range(13, 1, -1)]
    assert 'href="?page=2" rel="next"' in first.content.decode()
    second = client.get("/en-gb/eagle/?page=2")
    assert _titles(second) == ["Eagle day 1", "Eagle day 0"]


def test_a_class_blog_page_past_the_end_is_a_404_and_a_nonsense_page_is_the_first(client, eagle):
    BlogPostPageFactory(parent=eagle, title="Only post")
    assert client.get("/en-gb/eagle/?page=999").status_code == 404
    response = client.get("/en-gb/eagle/?page=abc")
    assert response.status_code == 200
    assert _titles(response) == ["Only post"]


def test_the_timeline_shows_every_class_and_filters_by_class_subject_and_tag(client, eagle, falcon):
    science = SubjectFactory(name="Science", slug="science")
    maths = SubjectFactory(name="Maths", slug="maths")
    BlogPostPageFactory(parent=eagle, title="Eagle science", subjects=[science], tags=["space"])
    BlogPostPageFactory(parent=eagle, title="Eagle maths", subjects=[maths])
    BlogPostPageFactory(parent=falcon, title="Falcon science", subjects=[science], tags=["Space"])

    everything = client.get("/en-gb/news/")
    assert sorted(_titles(everything)) == ["Eagle maths", "Eagle science", "Falcon science"]
    assert "Falcon Class" in everything.content.decode()

    assert _titles(client.get("/en-gb/news/?class=falcon")) == ["Falcon science"]
    assert sorted(_titles(client.get("/en-gb/news/?subject=science"))) == [
        "Eagle science",
        "Falcon science",
    ]
    assert _titles(client.get("/en-gb/news/?class=eagle&subject=science")) == ["Eagle science"]
    assert sorted(_titles(client.get("/en-gb/news/?tag=%23space"))) == [
        "Eagle science",
        "Falcon science",
    ]


@pytest.mark.parametrize(
    "query",
    ["class=nope", "subject=%27%3B+DROP+TABLE", "tag=<script>", "class=&subject=&tag=", "page=-1"],
)
def test_nonsense_filters_give_an_empty_list_not_an_error(client, eagle, query):
    BlogPostPageFactory(parent=eagle, title="A post")
    response = client.get(f"/en-gb/news/?{query}")
    if query == "class=&subject=&tag=":
        assert _titles(response) == ["A post"]
    elif query == "page=-1":
        assert response.status_code == 200
    else:
        assert response.status_code == 200
        assert _titles(response) == []
        assert "No posts match these filters yet." in response.content.decode()
        assert "<script>" not in response.content.decode()


def test_a_subject_page_shows_that_subject_across_classes(client, eagle, falcon):
    history = SubjectFactory(name="History", slug="history", description="Learning about the past")
    BlogPostPageFactory(parent=eagle, title="Castles", subjects=[history])
    BlogPostPageFactory(parent=falcon, title="Romans", subjects=[history])
    BlogPostPageFactory(parent=falcon, title="Fractions")
    response = client.get("/en-gb/news/subjects/history/")
    assert sorted(_titles(response)) == ["Castles", "Romans"]
    assert "History across the school" in response.content.decode()
    assert client.get("/en-gb/news/subjects/unknown/").status_code == 404


def test_the_home_page_shows_the_latest_posts_from_all_classes(client, eagle, falcon):
    for day in range(4):
        BlogPostPageFactory(parent=eagle, title=f"Eagle {day}", date=date(2026, 10, 1 + day))
        BlogPostPageFactory(parent=falcon, title=f"Falcon {day}", date=date(2026, 10, 1 + day))
    response = client.get("/en-gb/")
    latest = [post.title for post in response.context["latest_posts"]]
    assert len(latest) == 6
    assert set(latest[:2]) == {"Eagle 3", "Falcon 3"}
    assert "Eagle 0" not in latest and "Falcon 0" not in latest
    assert 'href="/en-gb/news/"' in response.content.decode()


def test_list_pages_never_serve_original_uploads(client, eagle):
    from tests.factories import ImageFactory

    BlogPostPageFactory(parent=eagle, featured_image=ImageFactory(description="A leaf"))
    for url in ["/en-gb/", "/en-gb/eagle/", "/en-gb/news/"]:
        html = client.get(url).content.decode()
        assert "original_images/" not in html
        assert ".webp" in html and 'loading="lazy"' in html
