"""Email leaves through the task worker: a mail server that is down delays an email, never an
action, and nothing is lost."""

import socket
from email import message_from_bytes
from email.header import decode_header, make_header

import pytest
from aiosmtpd.controller import Controller
from django.core.mail import send_mail
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from blogs.models import Comment
from tests.factories import BlogPostPageFactory, ClassBlogIndexPageFactory, UserFactory

DATABASE_TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "email"]}
}
# Django's test runner swaps in its outbox; these tests use the site's own email backend.
QUEUED_EMAIL = {"EMAIL_BACKEND": "home.mail.TaskEmailBackend", "TASKS": DATABASE_TASKS}


class Inbox:
    """An SMTP server's handler that keeps what it receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, message_from_bytes(envelope.content)))
        return "250 Message accepted for delivery"


def _free_port() -> int:
    """A loopback port nothing listens on (yet)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _run_worker() -> None:
    call_command("db_worker", batch=True, queue_name="*", startup_delay=False, verbosity=0)


@pytest.fixture
def smtp_server():
    inbox = Inbox()
    port = _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield port, inbox
    controller.stop()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_approving_a_comment_while_the_mail_server_is_down_works_and_the_email_follows(
    home_page, client, smtp_server
):
    port, inbox = smtp_server
    post = BlogPostPageFactory(
        parent=ClassBlogIndexPageFactory(parent=home_page, title="Eagle Class", slug="eagle"),
        title="Our rockets",
    )
    comments = [
        Comment.objects.create(
            post=post, name=name, relation="parent", body="Lovely!", email=f"{name}@example.com"
        )
        for name in ("rose", "leo")
    ]
    client.force_login(UserFactory(username="head", is_superuser=True, is_staff=True))
    smtp = {
        **QUEUED_EMAIL,
        "SCHOOLSITE_EMAIL_DELIVERY_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_TIMEOUT": 5,
    }
    # Nothing listens on this port: the mail server is down.
    with override_settings(**smtp, EMAIL_PORT=_free_port()):
        url = reverse("wagtail_bulk_action", args=("blogs", "comment", "approve"))
        response = client.post(f"{url}?id={comments[0].pk}&id={comments[1].pk}")
        assert response.status_code == 302  # the teacher's action succeeds at once
        assert set(Comment.objects.values_list("status", flat=True)) == {"approved"}
        emails = DBTaskResult.objects.filter(queue_name="email")
        assert emails.filter(status="READY").count() == 2
        _run_worker()  # the mail server refuses: each email is queued to try again later
        retries = emails.filter(status="READY")
        assert retries.count() == 2
        assert all(retry.run_after > timezone.now() for retry in retries)
        assert inbox.messages == []

    with override_settings(**smtp, EMAIL_PORT=port):
        retries.update(run_after=timezone.now())  # the retry falls due
        _run_worker()
    assert sorted(recipients[0] for recipients, _message in inbox.messages) == [
        "leo@example.com",
        "rose@example.com",
    ]
    subject = str(make_header(decode_header(inbox.messages[0][1]["Subject"])))
    assert "Our rockets" in subject
    assert not emails.filter(status="READY").exists()


@pytest.mark.django_db
def test_an_email_is_queued_in_the_same_transaction_as_the_action(home_page):
    """Nothing is sent for an action that was rolled back."""
    with override_settings(**QUEUED_EMAIL):
        with pytest.raises(RuntimeError), transaction.atomic():
            send_mail("Hello", "Body", None, ["someone@example.com"])
            raise RuntimeError("the action failed")
        emails = DBTaskResult.objects.filter(queue_name="email")
        assert not emails.exists()
        send_mail("Hello", "Body", None, ["someone@example.com"])
        assert emails.count() == 1
