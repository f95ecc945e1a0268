"""Each class's own posts, from ``data/posts/<class>.yaml``, newest first.

A post in the data file has a ``title`` (and a ``slug`` if it must not be the title
slugified), ``subjects`` (slugs of the curriculum subjects), ``tags`` (hashtags without the
``#``), a one-line ``summary``, its ``text`` (paragraphs), optionally ``by`` (the username of
its author; else it is the class's), a ``quote`` from a child (``{text, by}``) and its
``picture``: the featured image, drawn by ``pictures`` from ``kind`` and that kind's options,
with a ``description`` that is its alt text. ``showcase`` names a richer body (``showcase.py``).

Posts are published straight away with believable dates, a school day or so apart, without a
revision each: the demo builds in seconds, and feeds and the timeline show a term of posts.
"""

from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.text import slugify

from ..classes.class_blogs import ClassBlogIndexPage
from ..classes.posts import BlogPostPage
from ..classes.subjects import Subject
from .data import class_posts, paragraph
from .media import demo_image
from .showcase import SHOWCASES

# Posts go out after school, at ten past three.
PUBLISHED_AT = time(15, 10)


def school_days_back(count: int) -> list[date]:
    """The last ``count`` school days (Monday to Friday), newest first."""
    days, day = [], timezone.localdate()
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day -= timedelta(days=1)
    return days


def post_slug(spec: dict) -> str:
    return spec.get("slug") or slugify(spec["title"])


def ensure_posts(blogs: list[ClassBlogIndexPage]) -> None:
    """Each class's posts, for every class that has none yet."""
    users = {user.username: user for user in get_user_model().objects.all()}
    subjects = {subject.slug: subject for subject in Subject.objects.all()}
    longest = max(len(class_posts(blog.slug)) for blog in blogs)
    dates = school_days_back(longest * 3)
    for class_number, blog in enumerate(blogs):
        if BlogPostPage.objects.child_of(blog).exists():
            continue
        for number, spec in enumerate(class_posts(blog.slug)):
            # Classes post on different days: each class starts on a different school day.
            post_date = dates[number * 3 + class_number % 3]
            _add_post(blog, spec, post_date, users, subjects)


def _add_post(blog, spec: dict, post_date: date, users: dict, subjects: dict) -> BlogPostPage:
    class_name = blog.title.removesuffix(" Class")
    picture = spec["picture"]
    published_at = timezone.make_aware(datetime.combine(post_date, PUBLISHED_AT))
    post = BlogPostPage(
        title=spec["title"],
        slug=post_slug(spec),
        date=post_date,
        summary=spec["summary"],
        featured_image=demo_image(
            f"{blog.title}: {spec['title']}", picture["description"], picture
        ),
        owner=users.get(spec.get("by")),
        body=(
            SHOWCASES[spec["showcase"]](class_name)
            if spec.get("showcase")
            else post_body(spec, class_name)
        ),
        live=True,
        first_published_at=published_at,
        last_published_at=published_at,
    )
    post.subjects = [subjects[slug] for slug in spec["subjects"]]
    post.tags.add(*spec["tags"])
    blog.add_child(instance=post)
    return post


def post_body(spec: dict, class_name: str) -> list:
    """Paragraphs of text, then what a child said, if anything."""
    body = [("paragraph", paragraph(text)) for text in spec.get("text", [])]
    if spec.get("quote"):
        body.append(("quote", {"quote": spec["quote"]["text"], "attribution": spec["quote"]["by"]}))
    return body
