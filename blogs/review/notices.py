"""Emails that help: the teachers of a pupil's class (not every superuser) hear that something
waits for them, in plain words, at most once per batch window, with a link to "To check".

Something starting to wait (a post sent, an award sent, a comment left) adds itself to the
teacher's one unsent ``ReviewNotice``, or starts one due at once or, if an email went out less
than ``BATCH_WINDOW`` ago, when the window ends. The task worker sends it then (``tasks.py``):
one email listing what still waits. A teacher turns these emails off with Wagtail's own
preference (Account › Notifications › "Submitted notifications").
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import TaskState
from wagtail.users.models import UserProfile

from ..comments.models import Comment
from ..school.groups import SENIOR_LEADERS
from .models import ReviewNotice
from .queue import COMMENT, POST

BATCH_WINDOW = timedelta(minutes=10)


def teachers_of(class_blog):
    """The class's own teachers who can be emailed."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    if class_blog is None or class_blog.teachers_group_id is None:
        return users.none()
    return users.filter(groups=class_blog.teachers_group_id)


def senior_leaders():
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    return users.filter(groups__name=SENIOR_LEADERS)


def wants_emails(user) -> bool:
    return UserProfile.get_for_user(user).submitted_notifications


def tell(teachers, kind: str, pk: int) -> None:
    """``teachers`` will hear, in their next email, that this item waits for them."""
    key = f"{kind}-{pk}"
    for teacher in teachers:
        if wants_emails(teacher):
            _add_to_notice(teacher, key)


@transaction.atomic
def _add_to_notice(teacher, key: str) -> None:
    now = timezone.now()
    for _attempt in range(2):
        notice = ReviewNotice.objects.select_for_update().filter(teacher=teacher, sent_at=None)
        notice = notice.first()
        if notice is not None:
            if key not in notice.waiting:
                notice.waiting = [*notice.waiting, key]
                notice.save(update_fields=["waiting"])
            return
        last_sent = (
            ReviewNotice.objects.filter(teacher=teacher)
            .exclude(sent_at=None)
            .order_by("-sent_at")
            .values_list("sent_at", flat=True)
            .first()
        )
        due = max(now, last_sent + BATCH_WINDOW) if last_sent else now
        try:
            with transaction.atomic():
                notice = ReviewNotice.objects.create(teacher=teacher, due_at=due, waiting=[key])
        except IntegrityError:
            continue  # another request started the teacher's notice just now: join it
        transaction.on_commit(lambda notice=notice: _schedule(notice))
        return


def _schedule(notice: ReviewNotice) -> None:
    # Imported here: the task module imports this one.
    from .tasks import send_review_notice

    backend = send_review_notice.get_backend()
    if backend.supports_defer:
        send_review_notice.using(run_after=notice.due_at).enqueue(notice.pk)
    elif notice.due_at <= timezone.now():
        # A backend that cannot wait (the test suite's) sends what is due at once.
        send_review_notice.enqueue(notice.pk)


def still_waiting(keys: list[str]) -> list[str]:
    """The items of ``keys`` that nobody has decided on yet, in the order they came."""
    posts = {int(key.split("-")[1]) for key in keys if key.startswith(POST)}
    comments = {int(key.split("-")[1]) for key in keys if key.startswith(COMMENT)}
    waiting_posts = set(
        TaskState.objects.filter(pk__in=posts, status=TaskState.STATUS_IN_PROGRESS).values_list(
            "pk", flat=True
        )
    )
    waiting_comments = set(
        Comment.objects.filter(pk__in=comments).pending().values_list("pk", flat=True)
    )
    return [
        key
        for key in keys
        if (key.startswith(POST) and int(key.split("-")[1]) in waiting_posts)
        or (key.startswith(COMMENT) and int(key.split("-")[1]) in waiting_comments)
    ]


def describe(keys: list[str]) -> list[str]:
    """Each item in a sentence a teacher reads at a glance."""
    task_states = {
        task_state.pk: task_state
        for task_state in TaskState.objects.filter(
            pk__in=[int(key.split("-")[1]) for key in keys if key.startswith(POST)]
        ).select_related("revision", "workflow_state__requested_by__author_profile")
    }
    comments = Comment.objects.select_related("post").in_bulk(
        [int(key.split("-")[1]) for key in keys if key.startswith(COMMENT)]
    )
    lines = []
    for key in keys:
        kind, pk = key.split("-")
        if kind == POST and int(pk) in task_states:
            task_state = task_states[int(pk)]
            title = task_state.revision.object_str
            requested_by = task_state.workflow_state.requested_by
            writer = requested_by.first_name if requested_by else ""
            said = {"name": writer, "title": title}
            lines.append(
                _("%(name)s's post “%(title)s” is waiting for you") % said
                if writer
                else _("“%(title)s” is waiting for you") % said
            )
        elif kind == COMMENT and int(pk) in comments:
            comment = comments[int(pk)]
            lines.append(
                _("A comment from %(name)s (%(relation)s) on “%(title)s” is waiting for you")
                % {
                    "name": comment.name,
                    "relation": comment.get_relation_display().lower(),
                    "title": comment.post.title,
                }
            )
    return lines


def send(notice: ReviewNotice) -> bool:
    """Email the teacher what of their notice still waits; whether an email went."""
    waiting = still_waiting(notice.waiting)
    notice.sent_at = timezone.now()
    notice.items = len(waiting)
    notice.save(update_fields=["sent_at", "items"])
    teacher = notice.teacher
    if not waiting or not teacher.email or not wants_emails(teacher):
        return False
    language = UserProfile.get_for_user(teacher).get_preferred_language()
    with translation.override(language):
        lines = describe(waiting)
        subject = (
            lines[0]
            if len(lines) == 1
            else _("%(count)s things are waiting for you to check") % {"count": len(lines)}
        )
        context = {
            "teacher": teacher,
            "lines": lines,
            "queue_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("review:queue"),
            "account_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
            + reverse("wagtailadmin_account"),
        }
        body = render_to_string("blogs/emails/waiting_for_you.txt", context)
        send_mail(subject, body, None, [teacher.email])
    return True
