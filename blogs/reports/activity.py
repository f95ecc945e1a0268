"""The activity report: what each class published, who wrote, who commented, who visited.

For a period and a set of classes, per class and for all of them together: posts published,
how many of the class's pupils posted (and who has not yet), approved comments received by who
they were from, the class's replies, visits and email subscribers; and, week by week, posts,
comments, visits and pupils' sign-ins. A dozen queries, whatever the number of pupils, classes
or weeks.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import BooleanField, Count, ExpressionWrapper, Q, QuerySet, Sum
from django.utils.translation import gettext_lazy as _

from ..classes.class_blogs import ClassBlogIndexPage
from ..comments.models import Comment
from . import counting
from .charts import WeeklyChart, weekly_chart
from .counting import Pupil
from .periods import Period

# Who comments, in the order the report lists them. Staff are last: the class's replies to
# comments are counted on their own, so these are only staff who started a conversation.
AUDIENCE = [
    (Comment.Relation.PARENT, _("Parents and carers")),
    (Comment.Relation.GRANDPARENT, _("Grandparents")),
    (Comment.Relation.PUPIL, _("Pupils here")),
    (Comment.Relation.OTHER_SCHOOL, _("Other schools")),
    (Comment.Relation.VISITOR, _("Visitors")),
    (Comment.Relation.TEACHER, _("Staff")),
]


@dataclass
class ClassActivity:
    """One class's figures, or (with no ``class_blog``) those of all the classes shown."""

    class_blog: ClassBlogIndexPage | None
    posts: int = 0
    pupils: list[Pupil] = field(default_factory=list)
    posted: set[int] = field(default_factory=set)  # the ids of pupils who published a post
    comments: dict[str, int] = field(default_factory=dict)  # by Comment.Relation
    replies: int = 0
    visits: int = 0
    subscribers: int = 0  # confirmed email subscribers following the class

    @property
    def name(self) -> str:
        return self.class_blog.title if self.class_blog else str(_("All classes shown"))

    @property
    def pupils_posted(self) -> int:
        return sum(1 for pupil in self.pupils if pupil.id in self.posted)

    @property
    def not_posted(self) -> list[Pupil]:
        return [pupil for pupil in self.pupils if pupil.id not in self.posted]

    @property
    def comments_received(self) -> int:
        return sum(self.comments.values())

    @property
    def audience(self) -> list[tuple[str, int]]:
        """(who, how many comments) in the report's order, every kind listed."""
        return [(label, self.comments.get(relation, 0)) for relation, label in AUDIENCE]

    def add(self, other: "ClassActivity") -> None:
        self.posts += other.posts
        self.pupils += other.pupils
        self.posted |= other.posted
        for relation, count in other.comments.items():
            self.comments[relation] = self.comments.get(relation, 0) + count
        self.replies += other.replies
        self.visits += other.visits


@dataclass
class ActivityReport:
    period: Period
    classes: list[ClassActivity]
    total: ClassActivity
    charts: list[WeeklyChart]

    @property
    def weeks(self) -> list[date]:
        return self.period.weeks()


def activity_report(classes: QuerySet, period: Period) -> ActivityReport:
    class_list = list(classes)
    paths = [blog.path for blog in class_list]
    figures = {blog.path: ClassActivity(blog) for blog in class_list}
    by_id = {blog.pk: figures[blog.path] for blog in class_list}

    for pupil in counting.roster(classes):
        by_id[pupil.class_id].pupils.append(pupil)

    posts = counting.published_posts(paths, period)
    for row in posts.values("class_path", "owner_id").annotate(total=Count("pk")):
        figures[row["class_path"]].posts += row["total"]
        figures[row["class_path"]].posted.add(row["owner_id"])

    comments = counting.approved_comments(paths, period)
    is_reply = ExpressionWrapper(Q(reply_to__isnull=False), output_field=BooleanField())
    rows = (
        comments.annotate(is_reply=is_reply)
        .values("class_path", "relation", "is_reply")
        .annotate(total=Count("pk"))
    )
    for row in rows:
        figure = figures[row["class_path"]]
        if row["is_reply"]:
            figure.replies += row["total"]
        else:
            figure.comments[row["relation"]] = row["total"]

    visits = counting.visits(paths, period)
    for row in visits.values("class_path").annotate(total=Sum("count")):
        figures[row["class_path"]].visits = row["total"] or 0

    followers, people = counting.email_subscribers(class_list, period)
    for blog in class_list:
        figures[blog.path].subscribers = followers[blog.pk]

    total = ClassActivity(None)
    for figure in figures.values():
        total.add(figure)
    # Someone following two classes, or the whole school, is one subscriber.
    total.subscribers = people
    return ActivityReport(period, list(figures.values()), total, _charts(classes, paths, period))


def _charts(classes: QuerySet, paths: list[str], period: Period) -> list[WeeklyChart]:
    weeks = period.weeks()
    posts = counting.weekly(counting.published_posts(paths, period), "first_published_at")
    comments = counting.weekly(
        counting.approved_comments(paths, period).filter(reply_to=None), "created_at"
    )
    visits = counting.weekly(counting.visits(paths, period), "date", Sum("count"))
    sign_ins = counting.weekly(counting.sign_ins(classes, period), "date", Sum("count"))
    return [
        weekly_chart("posts", _("Posts published"), posts, weeks),
        weekly_chart("comments", _("Comments received"), comments, weeks),
        weekly_chart("visits", _("Visits"), visits, weeks),
        weekly_chart("sign-ins", _("Pupils' sign-ins"), sign_ins, weeks),
    ]
