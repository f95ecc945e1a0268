"""Leaving a comment: the form, its spam checks, rate limiting, and the emails that follow.

Nothing a visitor writes is shown until a teacher approves it. Emails and IP addresses are
never shown; an IP address is kept only as a salted hash, for rate limiting, for 30 days.
"""

import hashlib
import hmac
import time
from datetime import timedelta

from django import forms
from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from .models import ClassBlogIndexPage, Comment, CommentSettings
from .models.comments import CLASS_PATH_LENGTH

MIN_SECONDS_TO_WRITE = 3
RATE_LIMIT = 5  # comments a minute from one client
RATE_WINDOW = timedelta(minutes=1)
CLIENT_HASH_RETENTION = timedelta(days=30)
TIMESTAMP_SALT = "blogs.comment-form-started"


class CommentForm(forms.ModelForm):
    # Hidden from people by CSS; bots that fill every field give themselves away.
    website = forms.CharField(
        required=False,
        label=gettext_lazy("Leave this box empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    started = forms.CharField(widget=forms.HiddenInput)

    class Meta:
        model = Comment
        fields = ["name", "relation", "email", "body"]
        labels = {"name": gettext_lazy("Your name"), "email": gettext_lazy("Your email (optional)")}
        help_texts = {
            "name": gettext_lazy("Children: first name only, please."),
            "email": gettext_lazy(
                "We only use it to tell you when your comment is published. It is never shown."
            ),
        }
        error_messages = {
            "name": {"required": gettext_lazy("Please tell us your name.")},
            "relation": {"required": gettext_lazy("Please tell us who you are.")},
            "body": {"required": gettext_lazy("Please write a comment.")},
        }
        widgets = {
            "body": forms.Textarea(
                attrs={"rows": 5, "maxlength": Comment._meta.get_field("body").max_length}
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["relation"].choices = [
            choice for choice in Comment.Relation.choices if choice[0] != Comment.Relation.TEACHER
        ]
        self.fields["body"].label = _("Your comment")
        if not self.is_bound:
            self.initial["started"] = signing.dumps(time.time(), salt=TIMESTAMP_SALT)

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("Please tell us your name."))
        return name

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Please write a comment."))
        return body

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(_("Sorry, your comment looks automated and was not sent."))
        try:
            started = signing.loads(cleaned.get("started", ""), salt=TIMESTAMP_SALT)
        except signing.BadSignature:
            started = None
        if started is None or time.time() - float(started) < MIN_SECONDS_TO_WRITE:
            raise forms.ValidationError(
                _("That was very quick! Please check your comment and press Send again.")
            )
        return cleaned


def client_hash(request) -> str:
    """A salted hash of the client's address: enough to count, never enough to identify."""
    address = request.META.get("REMOTE_ADDR", "")
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()


def is_rate_limited(fingerprint: str) -> bool:
    """Counted in the database, so every app server behind a load balancer agrees."""
    since = timezone.now() - RATE_WINDOW
    return (
        Comment.objects.filter(client_hash=fingerprint, created_at__gte=since).count() >= RATE_LIMIT
    )


def save_comment(form: CommentForm, post, request) -> Comment:
    comment = form.save(commit=False)
    comment.post = post
    comment.client_hash = client_hash(request)
    comment.language = get_language()
    words = CommentSettings.for_request(request).flagged_in(comment.name, comment.body)
    comment.flagged_words = ", ".join(words)[:200]
    comment.save()
    return comment


def notify_commenter(comment: Comment) -> bool:
    """Tell a visitor who left an email that their comment is published, once."""
    if comment.status != Comment.Status.APPROVED or not comment.email:
        return False
    if comment.commenter_notified_at:
        return False
    # In the language the visitor wrote from, linking to the post in that language.
    with translation.override(comment.language or settings.LANGUAGE_CODE):
        post = comment.post.localized
        context = {"comment": comment, "post_title": post.title, "post_url": post.get_full_url()}
        send_mail(
            _("Your comment on “%(title)s” is published") % {"title": post.title},
            render_to_string("blogs/emails/comment_published.txt", context),
            None,
            [comment.email],
        )
    comment.commenter_notified_at = timezone.now()
    comment.save(update_fields=["commenter_notified_at"])
    return True


def _moderators_of(class_blog) -> list:
    """The class's teachers with an email address; senior leaders where there are none."""
    from django.contrib.auth import get_user_model

    from .roles import SENIOR_LEADERS

    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    teachers = list(users.filter(groups=class_blog.teachers_group)) if class_blog else []
    return teachers or list(users.filter(groups__name=SENIOR_LEADERS))


def notify_moderators() -> int:
    """One email per moderator listing every comment newly waiting for them.

    Run every few minutes (``manage.py notify_comment_moderators``, e.g. from cron), so a busy
    evening of comments makes one email per batch rather than one per comment. Returns the
    number of emails sent.
    """
    waiting = list(
        Comment.objects.pending().filter(teachers_notified_at=None).select_related("post")
    )
    by_moderator: dict = {}
    class_blogs = {}
    for comment in waiting:
        class_path = comment.post.path[:CLASS_PATH_LENGTH]
        if class_path not in class_blogs:
            class_blogs[class_path] = ClassBlogIndexPage.objects.filter(path=class_path).first()
        for user in _moderators_of(class_blogs[class_path]):
            by_moderator.setdefault(user, []).append(comment)
    for user, comments in by_moderator.items():
        context = {"comments": comments, "user": user, "admin_url": settings.WAGTAILADMIN_BASE_URL}
        send_mail(
            _("%(count)s comments are waiting for you") % {"count": len(comments)},
            render_to_string("blogs/emails/comments_waiting.txt", context),
            None,
            [user.email],
        )
    Comment.objects.filter(pk__in=[c.pk for c in waiting]).update(
        teachers_notified_at=timezone.now()
    )
    return len(by_moderator)


def purge_client_hashes() -> int:
    """Forget the hashed addresses of comments older than 30 days; returns how many."""
    cutoff = timezone.now() - CLIENT_HASH_RETENTION
    return (
        Comment.objects.filter(created_at__lt=cutoff).exclude(client_hash="").update(client_hash="")
    )
