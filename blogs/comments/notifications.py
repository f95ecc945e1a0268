"""Emails to teachers about comments waiting for them, batched.

(The visitor's own "your comment is published" email is :meth:`Comment.notify_commenter`.)
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from ..classes.class_blogs import ClassBlogIndexPage
from ..school.groups import SENIOR_LEADERS
from .models import CLASS_PATH_LENGTH, Comment


def _moderators_of(class_blog) -> list:
    """The class's teachers with an email address; senior leaders where there are none."""
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
