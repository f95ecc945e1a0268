"""Every email leaves through the background task worker, so no action waits on a mail server.

``EMAIL_BACKEND`` is :class:`TaskEmailBackend`: sending a message (a comment published, a
workflow notification, a password reset …) only stores it as a task, in the same transaction
as the action that caused it. The worker (``manage.py db_worker``) delivers it through the real
backend, ``SCHOOLSITE_EMAIL_DELIVERY_BACKEND`` (SMTP in production), and when the mail server
is down it tries again later, waiting longer each time. A teacher approving comments never
sees an error because the mail server is unreachable, and no email is lost.
"""

import base64
import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

EMAIL_QUEUE = "email"
# 1, 2, 4 … 256 minutes between tries: about eight and a half hours before giving up.
MAX_ATTEMPTS = 10
FIRST_RETRY = timedelta(minutes=1)


def retry_delay(attempt: int) -> timedelta:
    """How long to wait after the ``attempt``-th failed try."""
    return FIRST_RETRY * 2 ** (attempt - 1)


def message_to_data(message: EmailMessage) -> dict:
    """A message as JSON-safe data a task can carry."""
    return {
        "subject": message.subject,
        "body": message.body,
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [
            [content, mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": [
            [name, base64.b64encode(_as_bytes(content)).decode(), mimetype]
            for name, content, mimetype in message.attachments
        ],
    }


def _as_bytes(content) -> bytes:
    return content.encode() if isinstance(content, str) else content


def message_from_data(data: dict) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
        alternatives=[tuple(alternative) for alternative in data["alternatives"]],
    )
    for name, content, mimetype in data["attachments"]:
        message.attach(name, base64.b64decode(content), mimetype)
    return message


@task(queue_name=EMAIL_QUEUE)
def deliver_email(data: dict, attempt: int = 1) -> int:
    """Hand one message to the real mail backend; on failure, queue the next try."""
    connection = get_connection(settings.SCHOOLSITE_EMAIL_DELIVERY_BACKEND, fail_silently=False)
    try:
        return connection.send_messages([message_from_data(data)]) or 0
    except Exception:
        if attempt >= MAX_ATTEMPTS:
            logger.exception("Gave up sending an email to %s after %s tries", data["to"], attempt)
            raise
        next_try = timezone.now() + retry_delay(attempt)
        deliver_email.using(run_after=next_try).enqueue(data, attempt=attempt + 1)
        logger.warning("Could not send an email to %s; trying again at %s", data["to"], next_try)
        raise


class TaskEmailBackend(BaseEmailBackend):
    """Django's email backend interface, queueing each message for the worker."""

    def send_messages(self, email_messages) -> int:
        for message in email_messages:
            deliver_email.enqueue(message_to_data(message))
        return len(email_messages)
