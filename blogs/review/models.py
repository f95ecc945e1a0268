"""A teacher's feedback on a pupil's post, and the batches of emails that tell teachers what
is waiting for them."""

import os
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.private_files.delivery import private_backend

from ..classes.authors import personal_name


def _voice_note_name(feedback, filename: str) -> str:
    """A random name in the private folder: nothing of the pupil, the post or the file sent."""
    extension = os.path.splitext(filename)[1].lower()[:6] or ".webm"
    return f"feedback/{uuid.uuid4().hex}{extension}"


class FeedbackQuerySet(models.QuerySet):
    def unseen(self):
        return self.filter(seen_at=None)

    def for_pupil(self, user):
        return self.filter(post__owner=user)


class Feedback(models.Model):
    """What a teacher said to a pupil with a decision on their post: words, a voice note or
    both. Kept with the post's history (each is logged on the page too); shown to the pupil and
    to the class's teachers and senior leaders, never public."""

    class Decision(models.TextChoices):
        APPROVED = "approved", _("Published")
        CHANGES = "changes", _("Changes asked for")

    post = models.ForeignKey(
        "blogs.BlogPostPage",
        verbose_name=_("post"),
        on_delete=models.CASCADE,
        related_name="feedback",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("teacher"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices)
    text = models.TextField(_("written feedback"), blank=True, max_length=2000)
    # Stored apart from public media and served only to those who may hear it (views.py).
    voice = models.FileField(
        _("voice note"), blank=True, storage=private_backend, upload_to=_voice_note_name
    )
    # The decision it came with (one feedback per decision) and the version decided on.
    task_state = models.OneToOneField(
        "wagtailcore.TaskState",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="feedback",
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("given"), default=timezone.now, db_index=True)
    # New for the pupil until they have seen it (opened the post, or heard it on My posts).
    seen_at = models.DateTimeField(_("seen by the pupil"), null=True, blank=True)

    objects = FeedbackQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")

    def __str__(self) -> str:
        return f"{self.get_decision_display()}: {self.text[:60]}"

    @property
    def is_new(self) -> bool:
        return self.seen_at is None

    @property
    def author_name(self) -> str:
        """How the pupil knows the teacher ("Mr Patel"), or "" (shown as "Your teacher")."""
        return personal_name(self.author)


class ReviewNotice(models.Model):
    """One email to a teacher about what waits for them: made when something starts waiting,
    sent by the task worker at the end of the batch window, so a busy evening of posts and
    comments makes one email, not one each."""

    teacher = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="review_notices"
    )
    due_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    # What started waiting since the teacher's last email: "post-<task state>", "comment-<id>".
    waiting = models.JSONField(default=list)
    # How many of them still waited when the email went.
    items = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            # At most one email waiting to go to each teacher.
            models.UniqueConstraint(
                fields=["teacher"],
                condition=models.Q(sent_at=None),
                name="one_unsent_review_notice_per_teacher",
            )
        ]

    def __str__(self) -> str:
        return f"{self.teacher} ({len(self.waiting)} waiting, due {self.due_at:%H:%M})"
