"""What the review package hears: decisions taken anywhere become the pupil's feedback, and
whatever starts waiting is told to the teachers who decide it."""

from django.db.models.signals import post_save
from wagtail.models import TaskState
from wagtail.signals import task_approved, task_rejected, task_submitted

from ..awards.models import AwardPage
from ..classes.posts import BlogPostPage
from ..comments.models import Comment
from .decisions import feedback_from_decision
from .models import Feedback
from .notices import senior_leaders, teachers_of, tell
from .queue import COMMENT, POST


def approved(sender, instance, user=None, **kwargs) -> None:
    feedback_from_decision(instance, user, Feedback.Decision.APPROVED)


def rejected(sender, instance, user=None, **kwargs) -> None:
    feedback_from_decision(instance, user, Feedback.Decision.CHANGES)


def submitted(sender, instance: TaskState, user=None, **kwargs) -> None:
    """A post or award sent for approval: its class's teachers (an award's: senior leaders)."""
    page = instance.revision.content_object.specific
    if isinstance(page, BlogPostPage):
        tell(teachers_of(page.get_parent().specific), POST, instance.pk)
    elif isinstance(page, AwardPage):
        tell(senior_leaders(), POST, instance.pk)


def comment_left(sender, instance: Comment, created=False, raw=False, **kwargs) -> None:
    if not created or raw or instance.status != Comment.Status.PENDING:
        return
    class_blog = instance.post.get_parent().specific
    teachers = teachers_of(class_blog)
    # A class without teachers is looked after by the senior leaders.
    tell(teachers if teachers.exists() else senior_leaders(), COMMENT, instance.pk)


def connect() -> None:
    task_approved.connect(approved, dispatch_uid="schoolsite-feedback-approved")
    task_rejected.connect(rejected, dispatch_uid="schoolsite-feedback-rejected")
    task_submitted.connect(submitted, dispatch_uid="schoolsite-tell-teachers-submitted")
    post_save.connect(comment_left, sender=Comment, dispatch_uid="schoolsite-tell-teachers-comment")
