"""Emails that help: the class's own teachers, in plain words, at most one each per batch
window, sent by the task worker (the database backend and its real worker)."""

from datetime import timedelta
from unittest import mock

from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult
from wagtail.users.models import UserProfile

from blogs.models import Comment, ReviewNotice
from blogs.review.notices import BATCH_WINDOW

from .test_to_check import ToCheckTestCase

DATABASE_TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "email"]}
}


def run_worker() -> None:
    """The real worker, one batch. It closes "old" connections as it wakes, and inside a test's
    transaction PostgreSQL's connection counts as old (SQLite's in-memory one is never closed):
    here that one call is left out, so the worker shares the test's connection as it would
    share a fresh one."""
    with mock.patch.object(db_worker, "close_old_connections"):
        call_command("db_worker", batch=True, queue_name="*", startup_delay=False, verbosity=0)


def recipients() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


@override_settings(TASKS=DATABASE_TASKS)
class NoticeTests(ToCheckTestCase):
    def send(self, title: str):
        with self.captureOnCommitCallbacks(execute=True):
            return self.send_post(title)

    def leave_comment(self, name: str) -> Comment:
        with self.captureOnCommitCallbacks(execute=True):
            return self.comment(self.school.posts["eagle"][0], name=name)

    def test_one_email_per_teacher_per_batch_to_the_class_teachers_only(self):
        mail.outbox.clear()
        self.send("Castle diary")
        run_worker()
        # The first thing waiting is told at once, to Eagle's teacher alone: not the head (a
        # superuser), not Falcon's teacher, and once (Wagtail's own emails are off).
        [first] = mail.outbox
        self.assertEqual(first.to, ["eagle.teacher@oakfield.example"])
        self.assertEqual(first.subject, "Amara's post “Castle diary” is waiting for you")
        self.assertIn("http://testserver/admin/to-check/", first.body)

        # More within the window waits for the window's end, then goes as one email.
        mail.outbox.clear()
        self.send("Bean diary")
        self.leave_comment("Grandad Joe")
        run_worker()
        self.assertEqual(mail.outbox, [])
        notice = ReviewNotice.objects.get(sent_at=None)
        self.assertAlmostEqual(
            notice.due_at,
            ReviewNotice.objects.exclude(sent_at=None).get().sent_at + BATCH_WINDOW,
            delta=timedelta(seconds=1),
        )
        DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
        run_worker()
        [batch] = mail.outbox
        self.assertEqual(batch.to, ["eagle.teacher@oakfield.example"])
        self.assertEqual(batch.subject, "2 things are waiting for you to check")
        self.assertIn("Amara's post “Bean diary” is waiting for you", batch.body)
        self.assertIn(
            "A comment from Grandad Joe (grandparent) on “Castle models” is waiting for you",
            batch.body,
        )

    def test_what_was_decided_before_the_email_went_is_left_out(self):
        mail.outbox.clear()
        comment = self.leave_comment("Auntie Sue")
        Comment.objects.filter(pk=comment.pk).update(status=Comment.Status.APPROVED)
        run_worker()
        self.assertEqual(mail.outbox, [])

    def test_a_teacher_can_turn_them_off(self):
        profile = UserProfile.get_for_user(self.school.users["eagle.teacher"])
        profile.submitted_notifications = False
        profile.save()
        mail.outbox.clear()
        self.send("Quiet post")
        run_worker()
        self.assertEqual(recipients(), [])
