"""Deciding on what waits: a post approved or sent back with feedback, a comment approved,
rejected, marked as spam or answered. Each decision is Wagtail's own (the approval task's
action) or the comment's own (``Comment.moderate``), taken once: the item is locked and read
again first, so a decision already taken elsewhere (another teacher, another tab) is reported,
not taken twice.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import TaskState

from ..classes.authors import personal_name
from ..classes.posts import BlogPostPage
from ..comments.models import Comment
from ..consent.checks import problems_for
from .models import Feedback

APPROVE, CHANGES = "approve", "changes"
REJECT, SPAM, REPLY = "reject", "spam", "reply"
COMMENT_STATUS = {
    APPROVE: Comment.Status.APPROVED,
    REJECT: Comment.Status.REJECTED,
    SPAM: Comment.Status.SPAM,
    REPLY: Comment.Status.APPROVED,
}


class AlreadyDecided(Exception):
    """Someone else decided first; the message says who and what, in plain words."""


class NotYet(Exception):
    """It cannot be approved yet (the consent register): the message says why and what to do."""


def _by(user) -> str:
    return personal_name(user) or _("another teacher")


def _post_decided_message(task_state: TaskState | None) -> str:
    if task_state is None:
        return _("This post is no longer waiting.")
    who = {"name": _by(task_state.finished_by)}
    if task_state.status == TaskState.STATUS_APPROVED:
        return _("%(name)s has already approved this post.") % who
    if task_state.status == TaskState.STATUS_REJECTED:
        return _("%(name)s has already asked for changes to this post.") % who
    return _("This post is no longer waiting: its writer took it back to change it.")


@transaction.atomic
def decide_post(task_state_id: int, user, decision: str, text: str = "", voice=None):
    """Approve (and publish) or ask for changes; returns the pupil's feedback, if any.

    ``PermissionDenied`` if ``user`` may not decide it, ``AlreadyDecided`` if it is decided.
    """
    task_state = TaskState.objects.select_for_update().filter(pk=task_state_id).first()
    if task_state is None or task_state.status != TaskState.STATUS_IN_PROGRESS:
        raise AlreadyDecided(_post_decided_message(task_state))
    task = task_state.task.specific
    page = task_state.revision.content_object.specific
    if "approve" not in {name for name, *_rest in task.get_actions(page, user)}:
        raise PermissionDenied
    if decision == APPROVE and (problems := problems_for(task_state.revision.as_object())):
        raise NotYet(" ".join(str(problem) for problem in problems))
    action = "approve" if decision == APPROVE else "reject"
    # Wagtail's own action: it publishes, or sends the post back, and its signal turns the
    # words into feedback (``feedback_from_decision``).
    task.on_action(task_state.specific, user, action, comment=text.strip())
    feedback = Feedback.objects.filter(task_state=task_state).first()
    if voice is not None and isinstance(page, BlogPostPage):
        feedback = feedback or Feedback(
            post=page,
            author=user,
            decision=Feedback.Decision.APPROVED
            if decision == APPROVE
            else Feedback.Decision.CHANGES,
            text=text.strip(),
            task_state=task_state,
            revision=task_state.revision,
        )
        feedback.voice.save(voice.name, voice, save=False)
        feedback.save()
        _log(feedback)
    return feedback


def feedback_from_decision(task_state: TaskState, user, decision: str) -> Feedback | None:
    """The written part of a decision taken anywhere (here or in Wagtail's editor), as feedback
    for the pupil; none for a decision without words, or on something other than a post."""
    page = task_state.revision.content_object.specific
    if not task_state.comment.strip() or not isinstance(page, BlogPostPage):
        return None
    feedback, created = Feedback.objects.get_or_create(
        task_state=task_state,
        defaults={
            "post": page,
            "author": user,
            "decision": decision,
            "text": task_state.comment.strip(),
            "revision": task_state.revision,
        },
    )
    if created:
        _log(feedback)
    return feedback


def _log(feedback: Feedback) -> None:
    """Feedback is part of the post's history (Wagtail's page history shows it)."""
    log(
        instance=feedback.post,
        action="blogs.feedback",
        user=feedback.author,
        revision=feedback.revision,
        data={
            "decision": feedback.decision,
            "text": feedback.text,
            "voice_note": bool(feedback.voice),
        },
    )


@transaction.atomic
def decide_comment(comment_id: int, user, decision: str, reply: str = "") -> Comment:
    """Approve, reject, mark as spam, or approve and reply (the reply published at once).

    ``PermissionDenied`` for a comment ``user`` does not moderate, ``AlreadyDecided`` for one
    already decided.
    """
    comment = Comment.objects.for_moderator(user).select_for_update().filter(pk=comment_id).first()
    if comment is None:
        raise PermissionDenied
    if comment.status != Comment.Status.PENDING:
        raise AlreadyDecided(
            _("%(name)s has already decided on this comment (%(status)s).")
            % {"name": _by(comment.moderated_by), "status": comment.get_status_display().lower()}
        )
    comment.moderate(COMMENT_STATUS[decision], user)
    if decision == REPLY and reply.strip():
        comment.reply(user, reply.strip())
    return comment
