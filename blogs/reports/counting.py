"""The aggregate queries every report is built from: one query per figure, grouped by class
or by week in the database, so that a report costs the same for 30 pupils or 300 and for a
week or a year.

A post, comment or visit belongs to a class by its page's path: class blogs sit at depth 3, so
the first ``CLASS_PATH_LENGTH`` characters of a post's path are its class's path.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.contrib.auth import get_user_model
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Substr, TruncWeek
from django.utils import timezone
from wagtail.models import Page

from home.languages import in_default_language

from ..awards.visits import PageVisit
from ..classes.posts import BlogPostPage
from ..comments.models import CLASS_PATH_LENGTH, Comment
from ..subscriptions.models import Subscriber
from .periods import Period
from .signins import SignInDay


@dataclass(frozen=True)
class Pupil:
    id: int
    first_name: str
    class_id: int


def class_path(field: str) -> Substr:
    return Substr(field, 1, CLASS_PATH_LENGTH)


def roster(classes: QuerySet) -> list[Pupil]:
    """Every active pupil of ``classes``, by class then first name: one query."""
    rows = (
        classes.filter(pupils_group__user__is_active=True)
        .order_by("path", "pupils_group__user__first_name", "pupils_group__user__pk")
        .values_list("pk", "pupils_group__user__pk", "pupils_group__user__first_name")
    )
    return [Pupil(user_id, first_name, class_id) for class_id, user_id, first_name in rows]


def pupil_accounts(classes: QuerySet) -> QuerySet:
    """The pupils of ``classes`` as a subquery, so that no list of ids is ever sent."""
    return get_user_model().objects.filter(groups__pupil_class_blogs__in=classes).values("pk")


def published_posts(paths: list[str], period: Period) -> QuerySet:
    """Live posts of these classes first published in the period, one row per post."""
    return (
        in_default_language(BlogPostPage.objects.live())
        .filter(first_published_at__gte=period.starts_at, first_published_at__lt=period.ends_before)
        .annotate(class_path=class_path("path"))
        .filter(class_path__in=paths)
        .order_by()
    )


def approved_comments(paths: list[str], period: Period) -> QuerySet:
    """Approved comments and replies on these classes' posts, sent in the period."""
    return (
        Comment.objects.approved()
        .filter(created_at__gte=period.starts_at, created_at__lt=period.ends_before)
        .annotate(class_path=class_path("post__path"))
        .filter(class_path__in=paths)
        .order_by()
    )


def visits(paths: list[str], period: Period) -> QuerySet:
    """The daily visit totals of these class blogs and their posts in the period."""
    return (
        PageVisit.objects.filter(date__gte=period.start, date__lte=period.end)
        .annotate(class_path=class_path("page__path"))
        .filter(class_path__in=paths)
        .order_by()
    )


def sign_ins(classes: QuerySet, period: Period) -> QuerySet:
    return SignInDay.objects.filter(
        user__in=pupil_accounts(classes), date__gte=period.start, date__lte=period.end
    ).order_by()


def school_path(class_path: str) -> str:
    """The path of the home page (a Site's root) above a class blog's path."""
    return class_path[: Page.steplen * 2]


def email_subscribers(class_blogs: list, period: Period) -> tuple[dict[int, int], int]:
    """Confirmed email subscribers following each class at the period's end, by class id, and
    how many different people follow any of them.

    A subscriber follows a class by choosing it, or by choosing the whole school of the Site
    the class is in. Unsubscribing deletes the row, so a past period counts those who
    subscribed by then and are subscribed still.
    """
    ids = [blog.pk for blog in class_blogs]
    schools = {school_path(blog.path) for blog in class_blogs}
    confirmed = Subscriber.objects.confirmed().filter(confirmed_at__lt=period.ends_before)
    chosen = (
        confirmed.filter(whole_school=False, classes__in=ids)
        .values("classes")
        .annotate(total=Count("pk", distinct=True))
        .order_by()
    )
    per_class = {row["classes"]: row["total"] for row in chosen}
    whole = (
        confirmed.filter(whole_school=True, site__root_page__path__in=schools)
        .values("site__root_page__path")
        .annotate(total=Count("pk"))
        .order_by()
    )
    per_school = {row["site__root_page__path"]: row["total"] for row in whole}
    followers = {
        blog.pk: per_class.get(blog.pk, 0) + per_school.get(school_path(blog.path), 0)
        for blog in class_blogs
    }
    people = (
        confirmed.filter(
            Q(whole_school=False, classes__in=ids)
            | Q(whole_school=True, site__root_page__path__in=schools)
        )
        .values("pk")
        .distinct()
        .count()
    )
    return followers, people


def as_date(value) -> date:
    if isinstance(value, datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def weekly(queryset: QuerySet, field: str, total=None) -> dict[date, int]:
    """``total`` (a count of rows by default) per week, keyed by the week's Monday."""
    rows = (
        queryset.annotate(week=TruncWeek(field))
        .values("week")
        .annotate(total=total or Count("pk"))
        .order_by()
    )
    return {as_date(row["week"]): row["total"] or 0 for row in rows}
