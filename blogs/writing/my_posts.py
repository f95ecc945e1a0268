"""A pupil's own posts and where each one is, in words a seven-year-old understands, with what
their teacher said about each (``blogs.review``'s feedback, new until they have opened it).

Each post once: in the school's language only (teachers' translations keep the pupil as
owner), never an untranslated copy.
"""

from dataclasses import dataclass

from django.db.models import Prefetch, prefetch_related_objects
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import WorkflowState

from home.languages import in_default_language

from ..classes.authors import personal_name
from ..classes.posts import BlogPostPage
from ..review.models import Feedback

RECENT_POSTS = 50


class Progress:
    DRAFT = "draft"
    WAITING = "waiting"
    CHANGES = "changes"
    PUBLISHED = "published"
    PUBLISHED_WITH_CHANGES = "published-with-changes"


@dataclass
class PostProgress:
    post: BlogPostPage
    progress: str
    words: str
    # Asked for changes without feedback (Wagtail's "Request changes" with no words).
    teacher_comment: str = ""
    teacher_name: str = ""

    @property
    def can_change(self) -> bool:
        return self.progress != Progress.WAITING

    @property
    def feedback(self) -> list[Feedback]:
        """What teachers said about this post, newest first (posts, not awards)."""
        return getattr(self.post, "all_feedback", [])

    @property
    def latest_feedback(self) -> Feedback | None:
        return next(iter(self.feedback), None)

    @property
    def has_new_feedback(self) -> bool:
        return any(feedback.is_new for feedback in self.feedback)


def _words(progress: str) -> str:
    return {
        Progress.DRAFT: _("Not sent yet – you can keep writing"),
        Progress.WAITING: _("Waiting for your teacher to check it"),
        Progress.CHANGES: _("Your teacher asked for changes"),
        Progress.PUBLISHED: _("Published – everyone can read it"),
        Progress.PUBLISHED_WITH_CHANGES: _("Published, with changes not sent yet"),
    }[progress]


def progress_of(post: BlogPostPage) -> PostProgress:
    """Where ``post`` is, from its newest workflow state (prefetched as
    ``post.newest_workflow_states``, newest first, or looked up)."""
    states = getattr(post, "newest_workflow_states", None)
    if states is None:
        states = list(
            post.workflow_states.order_by("-created_at").select_related(
                "current_task_state__finished_by__author_profile"
            )[:1]
        )
    state = next(iter(states), None)
    if state and state.status == WorkflowState.STATUS_IN_PROGRESS:
        progress = Progress.WAITING
    elif state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        task_state = state.current_task_state
        said = PostProgress(post, Progress.CHANGES, _words(Progress.CHANGES))
        if task_state and not said.feedback:
            said.teacher_comment = task_state.get_comment()
            said.teacher_name = personal_name(task_state.finished_by)
        return said
    elif post.live and post.has_unpublished_changes:
        progress = Progress.PUBLISHED_WITH_CHANGES
    elif post.live:
        progress = Progress.PUBLISHED
    else:
        progress = Progress.DRAFT
    return PostProgress(post, progress, _words(progress))


def posts_of(user, limit: int = RECENT_POSTS, page_type=BlogPostPage) -> list[PostProgress]:
    """``user``'s posts (or award pages, ``page_type``), the most recently changed first, each
    with its progress."""
    states = WorkflowState.objects.order_by("-created_at").select_related(
        "current_task_state__finished_by__author_profile"
    )
    related = [
        # Wagtail's relation for querysets of a specific page type.
        Prefetch("_specific_workflow_states", queryset=states, to_attr="newest_workflow_states")
    ]
    if page_type is BlogPostPage:
        related.append(feedback_prefetch())
    posts = (
        in_default_language(page_type.objects.filter(owner=user, alias_of=None))
        .defer_streamfields()
        .prefetch_related(*related)
        .order_by("-latest_revision_created_at", "-pk")[:limit]
    )
    return [progress_of(post) for post in posts]


def feedback_prefetch() -> Prefetch:
    return Prefetch(
        "feedback",
        queryset=Feedback.objects.select_related("author__author_profile"),
        to_attr="all_feedback",
    )


@dataclass
class AwardsWork:
    """What a Digital Leader finds on "My posts": where to write an award, and their awards."""

    add_url: str
    awards: list[PostProgress]


def digital_leaders_awards(user) -> AwardsWork | None:
    """None for anyone who does not write the school's awards."""
    # Awards are their own domain: only "My posts" needs them here.
    from ..awards.models import AwardIndexPage, AwardPage

    archive = in_default_language(AwardIndexPage.objects.all()).first()
    if archive is None or not archive.permissions_for_user(user).can_add_subpage():
        return None
    return AwardsWork(
        add_url=reverse("wagtailadmin_pages:add", args=("blogs", "awardpage", archive.pk)),
        awards=posts_of(user, page_type=AwardPage),
    )


def with_feedback(post):
    """``post`` with what its teachers said, newest first (as ``posts_of`` prefetches it)."""
    prefetch_related_objects([post], feedback_prefetch())
    return post


def mark_feedback_seen(post) -> None:
    Feedback.objects.filter(post_id=post.pk, seen_at=None).update(seen_at=timezone.now())
