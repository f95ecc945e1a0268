"""What waits for a teacher: pupils' posts (and, for senior leaders, Digital Leaders' awards)
waiting for their approval, and visitors' comments waiting for a teacher, oldest first.

A teacher sees the classes they teach; senior leaders every class and the awards (their
groups are the approval tasks' groups, ``school.workflows``). The queue is read in two steps,
so its cost does not grow with its length: the keys and times of everything waiting (two light
queries), then the whole content of one page of it (a fixed number of queries per page).
"""

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from itertools import groupby

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from wagtail.images import get_image_model
from wagtail.models import Page, TaskState

from home.listing import attach_parents

from ..classes.posts import BlogPostPage
from ..comments.models import Comment
from ..consent.approval import ConsentCheckedApprovalTask
from ..consent.checks import problems_for
from .models import Feedback

PAGE_SIZE = 10
POST, COMMENT = "post", "comment"
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, order=True)
class Waiting:
    """Where one item stands in the queue: oldest first, then posts before comments."""

    since: datetime
    kind: str
    pk: int

    @property
    def key(self) -> str:
        return f"{self.kind}-{self.pk}"

    def cursor(self) -> str:
        """Where the queue stands, in a form that is safe in an address: "<µs>-<kind>-<pk>"."""
        microseconds = (self.since - EPOCH) // timedelta(microseconds=1)
        return f"{microseconds}-{self.kind}-{self.pk}"

    @classmethod
    def from_cursor(cls, cursor: str) -> "Waiting | None":
        try:
            microseconds, kind, pk = cursor.split("-")
            return cls(EPOCH + timedelta(microseconds=int(microseconds)), kind, int(pk))
        except ValueError:
            return None


@dataclass
class PostToCheck:
    """A pupil's post (or a Digital Leader's award) as it will look once approved."""

    waiting: Waiting
    task_state: TaskState
    page: Page  # the version sent, from its revision
    writer: str
    class_name: str
    earlier_feedback: list = field(default_factory=list)
    # Why it cannot be approved yet (the consent register), each with what to do.
    consent_problems: list = field(default_factory=list)
    kind: str = POST

    @property
    def is_post(self) -> bool:
        return isinstance(self.page, BlogPostPage)

    @property
    def is_award(self) -> bool:
        return not self.is_post


@dataclass
class CommentToCheck:
    waiting: Waiting
    comment: Comment
    kind: str = COMMENT


def tasks_for(user):
    """The approval tasks ``user`` decides: those of their groups (every one for a superuser)."""
    tasks = ConsentCheckedApprovalTask.objects.all()
    if not user.is_superuser:
        tasks = tasks.filter(groups__in=user.groups.all())
    return tasks


def _waiting_task_states(user):
    return TaskState.objects.filter(
        status=TaskState.STATUS_IN_PROGRESS, task__in=tasks_for(user).values("pk")
    )


def waiting_for(user) -> list[Waiting]:
    """Everything waiting for ``user``, oldest first: keys and times only."""
    posts = _waiting_task_states(user).values_list("started_at", "pk")
    comments = Comment.objects.for_moderator(user).pending().values_list("created_at", "pk")
    return sorted(
        [Waiting(since, POST, pk) for since, pk in posts]
        + [Waiting(since, COMMENT, pk) for since, pk in comments]
    )


def count_for(user) -> int:
    return (
        _waiting_task_states(user).count() + Comment.objects.for_moderator(user).pending().count()
    )


def count_for_request(request) -> int:
    """The menu, the dashboard and the queue itself ask within one request: counted once."""
    if not hasattr(request, "_schoolsite_waiting"):
        request._schoolsite_waiting = count_for(request.user)
    return request._schoolsite_waiting


def page_of(user, after: Waiting | None = None, size: int = PAGE_SIZE):
    """(items, more): the next ``size`` items after ``after`` with their whole content, and
    whether more wait beyond them."""
    everything = waiting_for(user)
    if after is not None:
        everything = [item for item in everything if item > after]
    shown = everything[:size]
    posts = _posts([item for item in shown if item.kind == POST])
    comments = _comments([item for item in shown if item.kind == COMMENT])
    items = [posts.get(item) or comments.get(item) for item in shown]
    return [item for item in items if item is not None], len(everything) > size


def _posts(waiting: list[Waiting]) -> dict:
    if not waiting:
        return {}
    task_states = {
        task_state.pk: task_state
        for task_state in TaskState.objects.filter(pk__in=[item.pk for item in waiting])
        .select_related("revision__content_type", "workflow_state__requested_by__author_profile")
        # The pages, for their versions as sent: one query per page type, not one per item.
        .prefetch_related("revision__content_object")
    }
    pages = {pk: task_state.revision.as_object() for pk, task_state in task_states.items()}
    attach_parents(list(pages.values()), "parent_page")
    _attach_featured_images(list(pages.values()))
    feedback = Feedback.objects.filter(
        post_id__in=[int(task_state.revision.object_id) for task_state in task_states.values()]
    ).select_related("author__author_profile")
    by_post = {
        post_id: list(items)
        for post_id, items in groupby(
            sorted(feedback, key=lambda f: (f.post_id, -f.created_at.timestamp())),
            key=lambda f: f.post_id,
        )
    }
    found = {}
    for item in waiting:
        task_state = task_states.get(item.pk)
        if task_state is None:
            continue
        page = pages[item.pk]
        parent = page.parent_page
        writer = task_state.workflow_state.requested_by
        found[item] = PostToCheck(
            waiting=item,
            task_state=task_state,
            page=page,
            # Teachers know their pupils: the admin names them whatever the public site may.
            writer=(writer.first_name if writer else "") or _("A pupil"),
            class_name=parent.title if parent else "",
            earlier_feedback=by_post.get(page.pk, []),
            consent_problems=problems_for(page),
        )
    return found


def _attach_featured_images(pages: list) -> None:
    """Each post's picture, with its renditions, in two queries for the whole page of items."""
    ids = {page.featured_image_id for page in pages if getattr(page, "featured_image_id", None)}
    Image = get_image_model()
    images = Image.objects.prefetch_related(
        Prefetch("renditions", queryset=Image.get_rendition_model().objects.all())
    ).in_bulk(ids)
    for page in pages:
        if getattr(page, "featured_image_id", None):
            page.featured_image = images.get(page.featured_image_id)


def _comments(waiting: list[Waiting]) -> dict:
    if not waiting:
        return {}
    comments = {
        comment.pk: comment
        for comment in Comment.objects.filter(pk__in=[item.pk for item in waiting]).select_related(
            "post"
        )
    }
    attach_parents([comment.post for comment in comments.values()], "class_blog")
    return {
        item: CommentToCheck(item, comments[item.pk]) for item in waiting if item.pk in comments
    }
