"""The Blogging Awards archive: four weeks of awards, their badges and the visits behind them.

Who won each week, and why, is in ``data/awards.yaml``.
"""

from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.text import slugify

from home.models import HomePage

from ..awards.models import DEFAULT_CATEGORIES, AwardCategory, AwardIndexPage, AwardPage, monday_of
from ..awards.visits import PageVisit
from ..classes.class_blogs import ClassBlogIndexPage
from ..classes.posts import BlogPostPage
from .data import load
from .media import demo_image

BADGE_COLOURS = ["#1d4e89", "#6a3d9a", "#a04100", "#1e6b34", "#b3261e"]
CLASS_AWARD, STAR_POST, COMMENTER = "Most active class blog", "Star post", "Most helpful commenter"


def ensure_categories() -> None:
    """The default award categories, each with its rosette badge."""
    for name, description in DEFAULT_CATEGORIES:
        AwardCategory.objects.get_or_create(name=name, defaults={"description": description})
    for number, category in enumerate(AwardCategory.objects.order_by("pk")):
        if not category.badge:
            category.badge = demo_image(
                f"{category.name} badge",
                f"Badge: {category.name}",
                {
                    "kind": "badge",
                    "colour": BADGE_COLOURS[number % len(BADGE_COLOURS)],
                    "size": [240, 240],
                },
            )
            category.save(update_fields=["badge"])


def ensure_awards(home: HomePage) -> AwardIndexPage:
    """The archive and, the first time, four weeks of awards, newest week first."""
    ensure_categories()
    archive = AwardIndexPage.objects.child_of(home).first()
    if archive is not None:
        return archive
    spec = load("awards")
    archive = AwardIndexPage(
        title=spec["archive"]["title"],
        slug="awards",
        show_in_menus=True,
        introduction=spec["archive"]["introduction"],
    )
    home.add_child(instance=archive)
    categories = {category.name: category for category in AwardCategory.objects.all()}
    classes = {blog.slug: blog for blog in ClassBlogIndexPage.objects.child_of(home)}
    leader = get_user_model().objects.filter(username="digital.leader").first()
    this_monday = monday_of(timezone.localdate())
    for weeks_ago, week in enumerate(spec["weeks"], start=1):
        monday = this_monday - timedelta(weeks=weeks_ago)
        winner = classes[week["class"]]
        star = BlogPostPage.objects.child_of(winner).order_by("-date").first()
        for category, citation, fields in [
            (CLASS_AWARD, "class", {"winner_kind": "class", "winning_class": winner}),
            (
                STAR_POST,
                "star",
                {
                    "winner_kind": "pupil",
                    "winning_class": winner,
                    "winner_name": week["star_pupil"],
                    "winning_post": star,
                },
            ),
            (
                COMMENTER,
                "commenter",
                {"winner_kind": "commenter", "winner_name": week["commenter"]},
            ),
        ]:
            award = AwardPage(
                title=f"{category}: week of {monday:%-d %B}",
                slug=f"{slugify(category)}-{monday:%Y-%m-%d}",
                week_start=monday,
                category=categories[category],
                owner=leader,
                citation=week["citations"][citation],
                live=True,
                first_published_at=timezone.make_aware(
                    datetime.combine(monday + timedelta(days=7), time(9))
                ),
                **fields,
            )
            archive.add_child(instance=award)
        _visits(monday, weeks_ago)
    return archive


def _visits(monday, weeks_ago: int) -> None:
    """A believable week of visits to every post, which the awards' candidates are drawn from."""
    days = [monday + timedelta(days=day) for day in range(5)]
    counted = set(PageVisit.objects.filter(date__in=days).values_list("page_id", "date"))
    visits = []
    posts = BlogPostPage.objects.order_by("pk").values_list("pk", flat=True)
    for number, page_id in enumerate(posts):
        day = days[number % 5]
        if (page_id, day) not in counted:
            count = 3 + (number * 7 + weeks_ago * 5) % 40
            visits.append(PageVisit(page_id=page_id, date=day, count=count))
    PageVisit.objects.bulk_create(visits)
