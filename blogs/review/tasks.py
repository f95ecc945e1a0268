"""The task worker's part: a teacher's batch of "waiting for you" sent when it is due."""

from django.db import transaction
from django_tasks import task

from .models import ReviewNotice
from .notices import send


@task()
def send_review_notice(notice_id: int) -> bool:
    """Send one teacher's notice, once, however often the task runs; whether an email went."""
    with transaction.atomic():
        notice = (
            ReviewNotice.objects.select_for_update()
            .select_related("teacher")
            .filter(pk=notice_id, sent_at=None)
            .first()
        )
        return send(notice) if notice is not None else False
