"""The Digital Leaders' weekly Blogging Awards."""

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase

from blogs.awards.candidates import week_candidates
from blogs.models import AwardCategory, AwardIndexPage, AwardPage, Comment, PageVisit
from home.models import HomePage
from tests.factories import BlogPostPageFactory, ImageFactory, UserFactory

LONDON = ZoneInfo("Europe/London")


class AwardPageRulesTests(WagtailPageTestCase):
    def test_the_archive_lives_under_the_home_page_and_holds_awards(self):
        self.assertAllowedParentPageTypes(AwardIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(AwardIndexPage, {AwardPage})
        self.assertAllowedParentPageTypes(AwardPage, {AwardIndexPage})


pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(home_page):
    archive = AwardIndexPage(title="Blogging Awards", slug="awards")
    home_page.add_child(instance=archive)
    return archive


def add_award(archive, **fields) -> AwardPage:
    defaults = {
        "title": "Star post",
        "week_start": date(2026, 11, 16),
        "category": AwardCategory.objects.get(name="Star post"),
        "winner_kind": "class",
        "citation": "Brilliant!",
    }
    award = AwardPage(**{**defaults, **fields})
    archive.add_child(instance=award)
    return award


def test_the_five_categories_exist_in_a_new_school():
    assert set(AwardCategory.objects.values_list("name", flat=True)) == {
        "Most active class blog",
        "Most visited class blog",
        "Most interesting poster",
        "Most helpful commenter",
        "Star post",
    }


@pytest.mark.parametrize(
    "fields, field, message",
    [
        ({"winner_kind": "pupil", "winner_name": "Amara Smith"}, "winner_name", "first name only"),
        ({"winner_kind": "pupil", "winner_name": ""}, "winner_name", "first name only"),
        ({"week_start": "FUTURE"}, "week_start", "A week in the future cannot be awarded"),
        ({"winner_kind": "class"}, "winning_class", "Choose the winning class."),
    ],
)
def test_bad_awards_are_refused_with_a_clear_message(
    admin_client, archive, eagle, fields, field, message
):
    data = {
        "title": "Our award",
        "slug": "our-award",
        "week_start": "2026-11-18",
        "category": AwardCategory.objects.get(name="Star post").pk,
        "winner_kind": "pupil",
        "winning_class": eagle.pk,
        "winner_name": "Amara",
        "winning_post": "",
        "citation": "Well done!",
        "action-publish": "publish",
        **fields,
    }
    if data["week_start"] == "FUTURE":
        data["week_start"] = (timezone.localdate() + timedelta(days=8)).isoformat()
    if fields.get("winner_kind") == "class":
        data["winning_class"] = ""
    response = admin_client.post(
        reverse("wagtailadmin_pages:add", args=("blogs", "awardpage", archive.pk)), data
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not AwardPage.objects.exists()


def test_an_award_is_saved_for_the_monday_of_its_week(admin_client, archive, eagle):
    admin_client.post(
        reverse("wagtailadmin_pages:add", args=("blogs", "awardpage", archive.pk)),
        {
            "title": "Week award",
            "slug": "week-award",
            "week_start": "2026-11-19",
            "category": AwardCategory.objects.get(name="Most active class blog").pk,
            "winner_kind": "class",
            "winning_class": eagle.pk,
            "winner_name": "",
            "winning_post": "",
            "citation": "So many posts!",
            "action-publish": "publish",
        },
    )
    assert AwardPage.objects.get(locale__language_code="en-gb").week_start == date(2026, 11, 16)


def test_badges_show_on_the_winning_class_blog_and_post(client, archive, eagle):
    category = AwardCategory.objects.get(name="Star post")
    category.badge = ImageFactory(description="A gold star")
    category.save()
    post = BlogPostPageFactory(parent=eagle, title="My poem")
    add_award(
        archive, winner_kind="pupil", winning_class=eagle, winner_name="Amara", winning_post=post
    )
    for url in ["/en-gb/eagle/", post.url]:
        html = client.get(url).content.decode()
        assert "Blogging Awards" in html and "Star post" in html and "week of 16 Nov 2026" in html
    award_html = client.get("/en-gb/awards/star-post/").content.decode()
    assert "Awarded to Amara, Eagle Class" in award_html


def test_the_archive_filters_and_runs_the_same_queries_for_3_or_30_awards(
    client, archive, eagle, falcon
):
    def add(count, start):
        for number in range(start, start + count):
            add_award(
                archive,
                title=f"Award {number}",
                slug=f"award-{number}",
                week_start=date(2026, 11, 16) - timedelta(weeks=number),
                winning_class=eagle if number % 2 else falcon,
            )

    add(3, 0)
    client.get("/en-gb/awards/")
    with CaptureQueriesContext(connection) as few:
        client.get("/en-gb/awards/")
    add(27, 3)
    with CaptureQueriesContext(connection) as many:
        response = client.get("/en-gb/awards/")
    assert len(few) == len(many)
    assert len(response.context["awards"]) == 20
    eagle_only = client.get("/en-gb/awards/?class=eagle").context["awards"]
    assert {award.winning_class.slug for award in eagle_only} == {"eagle"}
    assert list(client.get("/en-gb/awards/?category=nonsense").context["awards"]) == []


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=LONDON)


def test_candidate_figures_are_exact_across_the_week_boundaries(eagle, falcon):
    monday = date(2026, 11, 16)
    inside_first = _at(monday, 0, 0)
    inside_last = _at(monday + timedelta(days=6), 23, 59)
    before = _at(monday - timedelta(days=1), 23, 59)
    after = _at(monday + timedelta(days=7), 0, 0)
    posts = {}
    for name, when in [
        ("first", inside_first),
        ("last", inside_last),
        ("before", before),
        ("after", after),
    ]:
        posts[name] = BlogPostPageFactory(parent=eagle, title=name)
        type(posts[name]).objects.filter(pk=posts[name].pk).update(first_published_at=when)
    falcon_post = BlogPostPageFactory(parent=falcon, title="falcon")
    type(falcon_post).objects.filter(pk=falcon_post.pk).update(first_published_at=inside_last)
    for when, name, status in [
        (inside_first, "Rose", "approved"),
        (inside_last, "Rose", "approved"),
        (inside_last, "Leo", "approved"),
        (before, "Rose", "approved"),
        (after, "Rose", "approved"),
        (inside_last, "Pat", "pending"),
    ]:
        Comment.objects.create(
            post=posts["first"],
            name=name,
            relation="parent",
            body="x",
            status=status,
            created_at=when,
        )
    PageVisit.objects.create(page=posts["first"], date=monday, count=5)
    PageVisit.objects.create(page=posts["last"], date=monday + timedelta(days=6), count=7)
    PageVisit.objects.create(page=posts["last"], date=monday - timedelta(days=1), count=100)
    PageVisit.objects.create(page=falcon_post, date=monday + timedelta(days=7), count=100)

    week = week_candidates(monday)
    figures = {
        row.class_blog.slug: (row.posts, row.comments, row.visits) for row in week["classes"]
    }
    assert figures == {"eagle": (2, 3, 12), "falcon": (1, 0, 0)}
    assert week["commenters"] == [{"name": "Rose", "comments": 2}, {"name": "Leo", "comments": 1}]
    assert week["most_commented_posts"][0]["total"] == 3
    assert [row["page__title"] for row in week["most_visited_posts"]] == ["last", "first"]


def beacon_of(response) -> str:
    """The address of the one-pixel picture a page shows to count its visit."""
    return re.search(r'<img class="visit-beacon" src="([^"]+)"', response.content.decode())[1]


def test_visits_count_once_per_view_and_not_for_bots_previews_or_admins(client, eagle):
    post = BlogPostPageFactory(parent=eagle, title="Counted")
    page = client.get(post.url)
    # Showing the page writes nothing (it may come from a cache); its beacon counts the view.
    assert not PageVisit.objects.exists()
    beacon = beacon_of(page)
    client.get(beacon)
    client.get(beacon, HTTP_USER_AGENT="Mozilla/5.0 (Windows NT 10.0) Firefox/130.0")
    client.get(beacon, HTTP_USER_AGENT="Mozilla/5.0 (compatible; Googlebot/2.1)")
    client.get(beacon, HTTP_USER_AGENT="facebookexternalhit/1.1")
    assert PageVisit.objects.get(page=post).count == 2
    editor = UserFactory(is_superuser=True)
    client.force_login(editor)
    client.get(beacon)
    preview = client.get(reverse("wagtailadmin_pages:view_draft", args=(post.pk,)))
    assert 'class="visit-beacon"' not in preview.content.decode()
    assert PageVisit.objects.get(page=post).count == 2
    stored = {field.name for field in PageVisit._meta.get_fields()}
    assert stored == {"id", "page", "date", "count"}


def test_counting_a_visit_sets_no_cookie_and_is_never_cached(client, eagle):
    beacon = client.get(beacon_of(client.get(eagle.url)))
    assert beacon["Content-Type"] == "image/gif"
    assert "no-store" in beacon["Cache-Control"]
    assert PageVisit.objects.get(page=eagle).count == 1
    assert not beacon.cookies


def test_a_draft_or_staff_only_page_is_never_counted(client, eagle):
    draft = BlogPostPageFactory(parent=eagle, title="Draft", live=False)
    client.get(reverse("count_visit", args=[draft.pk]))
    assert not PageVisit.objects.exists()
