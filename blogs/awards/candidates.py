"""This week's candidates for the Blogging Awards: the evidence Digital Leaders choose from.

A week runs Monday 00:00 to Sunday 23:59 in the school's time zone (``TIME_ZONE``).
"""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.db.models import Count, Sum
from django.db.models.functions import Substr
from django.utils import timezone

from home.languages import in_default_language

from ..classes.class_blogs import ClassBlogIndexPage
from ..classes.posts import BlogPostPage
from ..comments.models import CLASS_PATH_LENGTH, Comment
from .visits import PageVisit

TOP = 5


@dataclass
class ClassFigures:
    class_blog: ClassBlogIndexPage
    posts: int
    comments: int
    visits: int


def week_bounds(monday) -> tuple[datetime, datetime]:
    start = timezone.make_aware(datetime.combine(monday, time.min))
    return start, timezone.make_aware(datetime.combine(monday + timedelta(days=7), time.min))


def _per_class(queryset, path_field: str, total) -> dict[str, int]:
    """``total`` per class blog path; order_by() stops tree ordering splitting the GROUP BY."""
    rows = (
        queryset.order_by()
        .annotate(class_path=Substr(path_field, 1, CLASS_PATH_LENGTH))
        .values("class_path")
        .annotate(total=total)
    )
    return {row["class_path"]: row["total"] for row in rows}


def week_candidates(monday) -> dict:
    start, end = week_bounds(monday)
    posts_in_week = in_default_language(BlogPostPage.objects.live()).filter(
        first_published_at__gte=start, first_published_at__lt=end
    )
    post_counts = _per_class(posts_in_week, "path", Count("pk"))
    comments = Comment.objects.approved().in_period(start, end).filter(reply_to=None)
    comment_counts = _per_class(comments, "post__path", Count("pk"))
    visits = PageVisit.objects.filter(date__gte=monday, date__lt=monday + timedelta(days=7))
    visit_counts = _per_class(visits, "page__path", Sum("count"))
    classes = [
        ClassFigures(
            blog,
            post_counts.get(blog.path, 0),
            comment_counts.get(blog.path, 0),
            visit_counts.get(blog.path, 0),
        )
        for blog in in_default_language(ClassBlogIndexPage.objects.order_by("path"))
    ]
    most_commented = list(
        comments.values("post__id", "post__title")
        .annotate(total=Count("pk"))
        .order_by("-total", "post__title")[:TOP]
    )
    most_visited = list(
        visits.filter(page__in=BlogPostPage.objects.all())
        .values("page__id", "page__title")
        .annotate(total=Sum("count"))
        .order_by("-total", "page__title")[:TOP]
    )
    return {
        "monday": monday,
        "sunday": monday + timedelta(days=6),
        "classes": classes,
        "commenters": Comment.objects.counts_by_commenter(start, end)[:TOP],
        "most_commented_posts": most_commented,
        "most_visited_posts": most_visited,
    }
