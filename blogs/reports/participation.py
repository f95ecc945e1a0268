"""Participation per pupil, for their teachers: who is writing, and who has gone quiet.

For each pupil of the classes shown: posts published in the period, comments signed with
their first name, feedback from their teacher, sign-ins week by week (from daily totals), and
the last day they were active. The children with least activity come first, so that a teacher
can have a discreet word.

Comments carry no account (the comment form is the public one, used without signing in), so a
pupil's comments are the approved comments sent as "Pupil at this school" and signed with
exactly their first name; pupils of the school who share a first name share that count, and
the report says so beside their name.

Feedback is what the teacher wrote when approving a post or asking for changes: the comment
on a task of Wagtail's approval workflow, for a post the pupil submitted.
"""

from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import Count, Max, Q, QuerySet, Sum
from django.db.models.functions import Lower, TruncWeek
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.models import TaskState

from home.languages import in_default_language

from ..classes.class_blogs import ClassBlogIndexPage
from ..classes.posts import BlogPostPage
from ..comments.models import Comment
from . import counting
from .charts import Sparkline, sparkline
from .counting import Pupil
from .periods import Period
from .signins import SignInDay

# Fewer posts, comments and days signed in than this, together, is "little or no activity".
QUIET_BELOW = 3


def name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


@dataclass
class PupilParticipation:
    pupil: Pupil
    class_blog: ClassBlogIndexPage
    posts: int = 0
    comments: int = 0
    feedback: int = 0
    sign_ins: int = 0
    days_signed_in: int = 0
    weekly_sign_ins: dict[date, int] = field(default_factory=dict)
    last_post: date | None = None
    last_sign_in: date | None = None
    shares_name: bool = False

    @property
    def activity(self) -> int:
        return self.posts + self.comments + self.days_signed_in

    @property
    def is_quiet(self) -> bool:
        return self.activity < QUIET_BELOW

    @property
    def last_active(self) -> date | None:
        return max(filter(None, [self.last_post, self.last_sign_in]), default=None)

    def sign_in_rows(self, weeks: list[date]) -> list[tuple[date, int]]:
        return [(week, self.weekly_sign_ins.get(week, 0)) for week in weeks]

    def sparkline(self, weeks: list[date]) -> Sparkline:
        return sparkline(gettext("Sign-ins each week"), self.sign_in_rows(weeks))


@dataclass
class ParticipationReport:
    period: Period
    pupils: list[PupilParticipation]

    @property
    def weeks(self) -> list[date]:
        return self.period.weeks()

    @property
    def quiet(self) -> int:
        return sum(1 for pupil in self.pupils if pupil.is_quiet)

    @property
    def rows(self) -> list[tuple[PupilParticipation, Sparkline]]:
        weeks = self.weeks
        return [(pupil, pupil.sparkline(weeks)) for pupil in self.pupils]


def participation_report(classes: QuerySet, period: Period) -> ParticipationReport:
    blogs = {blog.pk: blog for blog in classes}
    pupils = {
        pupil.id: PupilParticipation(pupil, blogs[pupil.class_id])
        for pupil in counting.roster(classes)
    }
    accounts = counting.pupil_accounts(classes)
    in_period = Q(
        first_published_at__gte=period.starts_at, first_published_at__lt=period.ends_before
    )
    post_rows = (
        in_default_language(BlogPostPage.objects.live())
        .filter(owner__in=accounts)
        .order_by()
        .values("owner_id")
        .annotate(posts=Count("pk", filter=in_period), last=Max("first_published_at"))
    )
    for row in post_rows:
        if row["owner_id"] in pupils:
            pupils[row["owner_id"]].posts = row["posts"]
            pupils[row["owner_id"]].last_post = timezone.localtime(row["last"]).date()

    _count_comments(pupils, period)
    feedback = (
        TaskState.objects.filter(
            workflow_state__requested_by__in=accounts,
            finished_at__gte=period.starts_at,
            finished_at__lt=period.ends_before,
        )
        .exclude(comment="")
        .order_by()
        .values("workflow_state__requested_by")
        .annotate(total=Count("pk"))
    )
    for row in feedback:
        if row["workflow_state__requested_by"] in pupils:
            pupils[row["workflow_state__requested_by"]].feedback = row["total"]

    weekly = (
        counting.sign_ins(classes, period)
        .annotate(week=TruncWeek("date"))
        .values("user_id", "week")
        .annotate(total=Sum("count"), days=Count("pk"))
    )
    for row in weekly:
        if pupil := pupils.get(row["user_id"]):
            week = counting.as_date(row["week"])
            pupil.weekly_sign_ins[week] = row["total"]
            pupil.sign_ins += row["total"]
            pupil.days_signed_in += row["days"]
    last_sign_ins = (
        SignInDay.objects.filter(user__in=accounts)
        .order_by()
        .values("user_id")
        .annotate(last=Max("date"))
    )
    for row in last_sign_ins:
        if pupil := pupils.get(row["user_id"]):
            pupil.last_sign_in = row["last"]

    order = list(blogs)
    ranked = sorted(
        pupils.values(),
        key=lambda p: (
            p.activity,
            p.last_active or date.min,
            order.index(p.pupil.class_id),
            p.pupil.first_name.casefold(),
        ),
    )
    return ParticipationReport(period, ranked)


def _count_comments(pupils: dict[int, PupilParticipation], period: Period) -> None:
    """Approved comments "from a pupil at this school" signed with each pupil's first name."""
    signed = (
        Comment.objects.approved()
        .filter(
            relation=Comment.Relation.PUPIL,
            reply_to=None,
            created_at__gte=period.starts_at,
            created_at__lt=period.ends_before,
        )
        .order_by()
        .values("name")
        .annotate(total=Count("pk"))
    )
    by_name: dict[str, int] = {}
    for row in signed:
        key = name_key(row["name"])
        by_name[key] = by_name.get(key, 0) + row["total"]
    # Every pupil of the school, not only these classes: a shared name must be said.
    school_names = (
        get_user_model()
        .objects.filter(groups__pupil_class_blogs__isnull=False, is_active=True)
        .annotate(name=Lower("first_name"))
        .values("name")
        .annotate(pupils=Count("pk", distinct=True))
        .order_by()
    )
    shared = {name_key(row["name"]) for row in school_names if row["pupils"] > 1}
    for pupil in pupils.values():
        key = name_key(pupil.pupil.first_name)
        pupil.comments = by_name.get(key, 0)
        pupil.shares_name = key in shared
