"""Visitors' comments on posts. Every comment waits for a teacher before anyone sees it."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import models
from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.html import escape, linebreaks, urlize
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Page

from ..classes.authors import public_author_name
from ..school.groups import SENIOR_LEADERS
from .screening import contact_reasons, words_found

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
        if user.is_superuser or user.groups.filter(name=SENIOR_LEADERS).exists():
            return self
        class_paths = user.groups.filter(taught_class_blogs__isnull=False).values_list(
            "taught_class_blogs__path", flat=True
        )
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
    # Why a teacher should look closely: listed words, links, contact details, requests.
    flagged_words = models.CharField(_("flagged for"), max_length=200, blank=True)
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
    commenter_notified_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = CommentQuerySet.as_manager()

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
            html = urlize(html, nofollow=True, autoescape=False)
        return mark_safe(html)  # noqa: S308 - built from escaped text above

    def moderate(self, status: str, user, links_allowed: bool | None = None) -> None:
        """The one way a comment changes status, whichever screen the teacher used.

        Records who decided and when, and tells a visitor who left an email that their
        comment is published.
        """
        self.status = status
        if links_allowed is not None:
            self.links_allowed = links_allowed
        self.moderated_at = timezone.now()
        self.moderated_by = user
        self.save(update_fields=["status", "links_allowed", "moderated_at", "moderated_by"])
        self.notify_commenter()

    def reply(self, user, body: str) -> "Comment":
        """A teacher's reply, published at once under the comment with their public name."""
        return Comment.objects.create(
            post=self.post,
            reply_to=self,
            name=public_author_name(user, self.post.class_blog.title),
            relation=Comment.Relation.TEACHER,
            body=body,
            status=Comment.Status.APPROVED,
            moderated_at=timezone.now(),
            moderated_by=user,
        )

    def notify_commenter(self) -> bool:
        """Tell a visitor who left an email that their comment is published, once."""
        if self.status != Comment.Status.APPROVED or not self.email or self.commenter_notified_at:
            return False
        # In the language the visitor wrote from, linking to the post in that language.
        with translation.override(self.language or settings.LANGUAGE_CODE):
            post = self.post.localized
            context = {"comment": self, "post_title": post.title, "post_url": post.get_full_url()}
            send_mail(
                gettext("Your comment on “%(title)s” is published") % {"title": post.title},
                render_to_string("blogs/emails/comment_published.txt", context),
                None,
                [self.email],
            )
        self.commenter_notified_at = timezone.now()
        self.save(update_fields=["commenter_notified_at"])
        return True


@register_setting(icon="comment")
class CommentSettings(BaseSiteSetting):
    flag_words = models.TextField(
        _("words to flag"),
        blank=True,
        default="idiot\nstupid\nhate\nkill\nshut up\nloser\ndumb",
        help_text=_(
            "One word or phrase per line. A comment containing one is marked for a "
            "teacher's attention; it still waits for approval like every comment. Words match "
            "whole ('kill' finds 'killed', not 'skilful'), however they are disguised "
            "('k1ll', 'k*ll', 'k i l l')."
        ),
    )
    allowed_phrases = models.TextField(
        _("phrases to allow"),
        blank=True,
        default="Kill Devil Hills",
        help_text=_(
            "One per line: names and phrases that contain a word to flag but are harmless, "
            "such as a place name. They are ignored when looking for words to flag."
        ),
    )

    class Meta:
        verbose_name = _("comment settings")

    @staticmethod
    def _lines(text: str) -> list[str]:
        return [line.strip() for line in text.splitlines() if line.strip()]

    def words(self) -> list[str]:
        return [line.casefold() for line in self._lines(self.flag_words)]

    def flagged_in(self, *texts: str) -> list[str]:
        """Why a comment deserves a closer look: listed words, links, contact, requests."""
        text = "\n".join(texts)
        return words_found(text, self.words(), self._lines(self.allowed_phrases)) + (
            contact_reasons(text)
        )
