"""Visitors' comments on posts. Every comment waits for a teacher before anyone sees it."""

from django import forms
from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.db.models.functions import Substr
from django.utils import timezone
from django.utils.html import escape, linebreaks
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Page

MAX_COMMENT_LENGTH = 1500
# Class blogs sit at depth 3 (root, home page, class): a post's class is this prefix of its path.
CLASS_PATH_LENGTH = Page.steplen * 3


class CommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Comment.Status.APPROVED)

    def pending(self):
        return self.filter(status=Comment.Status.PENDING)

    def for_moderator(self, user):
        """The comments ``user`` may moderate: senior leaders all, teachers their classes'."""
        from ..roles import SENIOR_LEADERS
        from .class_blogs import ClassBlogIndexPage

        if user.is_superuser or user.groups.filter(name=SENIOR_LEADERS).exists():
            return self
        class_paths = ClassBlogIndexPage.objects.filter(
            teachers_group__in=user.groups.all()
        ).values_list("path", flat=True)
        query = Q(pk__in=[])
        for path in class_paths:
            query |= Q(post__path__startswith=path)
        return self.filter(query)

    def in_period(self, start, end):
        return self.filter(created_at__gte=start, created_at__lt=end)

    def counts_by_commenter(self, start, end) -> list[dict]:
        """Approved comments per commenter name (visitors only) between two datetimes."""
        return list(
            self.approved()
            .in_period(start, end)
            .filter(reply_to=None)
            .values("name")
            .annotate(comments=Count("pk"))
            .order_by("-comments", "name")
        )

    def counts_by_class(self, start, end) -> dict[str, int]:
        """Approved comments received per class blog (keyed by its title)."""
        from .class_blogs import ClassBlogIndexPage

        rows = (
            self.approved()
            .in_period(start, end)
            .filter(reply_to=None)
            .order_by()
            .annotate(class_path=Substr("post__path", 1, CLASS_PATH_LENGTH))
            .values("class_path")
            .annotate(comments=Count("pk"))
        )
        counts = {row["class_path"]: row["comments"] for row in rows}
        return {
            blog.title: counts.get(blog.path, 0)
            for blog in ClassBlogIndexPage.objects.filter(path__in=counts)
        }


class CommentAdminForm(WagtailAdminModelForm):
    """A teacher's moderation form: change the status, allow links, and reply."""

    reply = forms.CharField(
        label=_("Reply"),
        required=False,
        max_length=MAX_COMMENT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Published under the comment with your public name."),
    )

    def save(self, commit=True):
        from ..commenting import notify_commenter
        from .authors import public_author_name

        comment = super().save(commit=False)
        user = getattr(self, "for_user", None)
        if {"status", "links_allowed"} & set(self.changed_data):
            comment.moderated_at, comment.moderated_by = timezone.now(), user
        comment.save()
        if reply := self.cleaned_data.get("reply", "").strip():
            type(comment).objects.create(
                post=comment.post,
                reply_to=comment,
                name=public_author_name(user, comment.post.class_blog.title),
                relation=Comment.Relation.TEACHER,
                body=reply,
                status=Comment.Status.APPROVED,
                moderated_at=timezone.now(),
                moderated_by=user,
            )
        notify_commenter(comment)
        return comment


class Comment(models.Model):
    class Relation(models.TextChoices):
        PARENT = "parent", _("Parent or carer")
        GRANDPARENT = "grandparent", _("Grandparent")
        PUPIL = "pupil", _("Pupil at this school")
        OTHER_SCHOOL = "other_school", _("From another school")
        VISITOR = "visitor", _("Visitor")
        TEACHER = "teacher", _("Teacher")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a teacher")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        SPAM = "spam", _("Spam")

    post = models.ForeignKey(
        "blogs.BlogPostPage",
        verbose_name=_("post"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    reply_to = models.ForeignKey(
        "self",
        verbose_name=_("reply to"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
    )
    name = models.CharField(_("name"), max_length=60)
    relation = models.CharField(_("who they are"), max_length=20, choices=Relation.choices)
    email = models.EmailField(
        _("email"), blank=True, help_text=_("Only used to say the comment is published.")
    )
    body = models.TextField(_("comment"), max_length=MAX_COMMENT_LENGTH)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    links_allowed = models.BooleanField(
        _("links allowed"), default=False, help_text=_("Show web addresses as links.")
    )
    flagged_words = models.CharField(_("flagged words"), max_length=200, blank=True)
    # A salted hash of the sender's IP address, for rate limiting only; cleared after 30 days.
    client_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    # The language the visitor wrote from, so the "your comment is published" email and its
    # link are in that language.
    language = models.CharField(max_length=15, blank=True, editable=False)
    created_at = models.DateTimeField(_("sent"), default=timezone.now, db_index=True)
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True, editable=False)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    teachers_notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    commenter_notified_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = CommentQuerySet.as_manager()

    base_form_class = CommentAdminForm
    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("name", read_only=True), FieldPanel("relation", read_only=True)]
                ),
                FieldPanel("body", read_only=True),
            ],
            heading=_("Comment"),
        ),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("links_allowed"), FieldPanel("reply")],
            heading=_("Moderation"),
        ),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self) -> str:
        return f"{self.name}: {Truncator(self.body).chars(60)}"

    def body_html(self) -> SafeString:
        """The comment as HTML: always escaped, with links only where a teacher allowed them."""
        html = linebreaks(escape(self.body))
        if self.links_allowed:
            from django.utils.html import urlize

            html = urlize(html, nofollow=True, autoescape=False)
        return mark_safe(html)  # noqa: S308 - built from escaped text above

    def moderate(self, status: str, user, links_allowed: bool | None = None) -> None:
        self.status = status
        if links_allowed is not None:
            self.links_allowed = links_allowed
        self.moderated_at = timezone.now()
        self.moderated_by = user
        self.save(update_fields=["status", "links_allowed", "moderated_at", "moderated_by"])


@register_setting(icon="comment")
class CommentSettings(BaseSiteSetting):
    flag_words = models.TextField(
        _("words to flag"),
        blank=True,
        default="idiot\nstupid\nhate\nkill\nshut up\nloser\ndumb",
        help_text=_(
            "One word or phrase per line. A comment containing one is marked for a "
            "teacher's attention; it still waits for approval like every comment."
        ),
    )

    class Meta:
        verbose_name = _("comment settings")

    def words(self) -> list[str]:
        return [line.strip().casefold() for line in self.flag_words.splitlines() if line.strip()]

    def flagged_in(self, *texts: str) -> list[str]:
        text = " ".join(texts).casefold()
        return [word for word in self.words() if word in text]
