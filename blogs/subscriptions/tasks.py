"""The sending round as a background task, for a worker that schedules itself.

Two ways to run the rounds (README, "Following a class by email"): cron runs ``manage.py
send_subscription_emails`` every five minutes; or ``manage.py send_subscription_emails
--schedule`` queues this task once and the worker keeps it going, each round queueing the
next one five minutes on. Both can run together: rounds are idempotent.
"""

from dataclasses import asdict
from datetime import timedelta

from django.utils import timezone
from django_tasks import task
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .sending import run_round

ROUND_INTERVAL = timedelta(minutes=5)


@task()
def subscription_round() -> dict:
    """One sending round, then the next one queued (on a backend that can wait)."""
    report = run_round()
    keep_scheduled(after=ROUND_INTERVAL)
    return asdict(report)


def keep_scheduled(after: timedelta = ROUND_INTERVAL) -> bool:
    """Queue the next round unless one is already waiting; True if this queued it.

    A round that finds another waiting stops its own chain, so two chains become one.
    """
    if not subscription_round.get_backend().supports_defer:
        return False  # the immediate backend (tests) would run rounds for ever
    waiting = DBTaskResult.objects.filter(
        task_path=subscription_round.module_path, status=TaskResultStatus.READY
    )
    if waiting.exists():
        return False
    subscription_round.using(run_after=timezone.now() + after).enqueue()
    return True
