"""The sending rounds: who is due an email now, and queueing it exactly once.

A round (``run_round``, every few minutes from cron or the worker, see ``tasks``) queues the
weekly digest once the school's digest time has passed, new-post emails for those who chose
them (at most one an hour, every post since the last one in it), and forgets addresses never
confirmed within a week.

**Exactly once, even after a crash.** Each subscriber's email is queued (``home.mail``: a row
in the task table) in the same database transaction that moves their ``sent_until`` marker on,
and only if the marker was still where this round found it. A round that dies half way has
queued, for each subscriber, either the email and the marker or neither; the next round
starts again with those still behind. Two rounds at once cannot both send to the same
subscriber: the second finds the marker moved and sends nothing. Delivery, retries and backoff
for an address the mail server refuses are the worker's (``home.mail.deliver_email``).

**A fixed cost per email.** The news is gathered once per language (``content``), subscribers
are read in batches with their classes, so each email costs one conditional UPDATE and one
INSERT of its task, however many subscribers there are (``docs/benchmarks.md``).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Min, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.models import Site

from ..classes.class_blogs import ClassBlogIndexPage
from .content import News, gather_news
from .emails import digest_message, new_posts_message, school_name
from .models import Subscriber
from .schedule import WEEK, latest_digest_time

BATCH_SIZE = 200
MIN_INTERVAL = timedelta(hours=1)  # between two new-post emails to one subscriber
# A post is sent once it has been published this long, so that one whose publishing
# transaction is still committing when a round reads the posts is not passed over.
PUBLISH_LAG = timedelta(minutes=1)


@dataclass
class RoundReport:
    digests: int = 0
    post_emails: int = 0
    forgotten: int = 0


def forget_unconfirmed(now: datetime | None = None) -> int:
    """Delete addresses never confirmed within a week of asking."""
    deleted, _by_model = Subscriber.objects.expired(now).delete()
    return deleted


def _without_news(subscribers: list[Subscriber], until: datetime) -> None:
    """Move the marker of those with nothing new, so the next round need not look again.

    Never backwards: a round that started later may have moved it further already.
    """
    if subscribers:
        Subscriber.objects.filter(pk__in=[s.pk for s in subscribers]).filter(
            Q(sent_until=None) | Q(sent_until__lt=until)
        ).update(sent_until=until)


def _send_once(subscriber: Subscriber, message, until: datetime, now: datetime) -> bool:
    """Queue ``message`` and move the subscriber's marker, together or not at all."""
    with transaction.atomic():
        claimed = Subscriber.objects.filter(
            pk=subscriber.pk, sent_until=subscriber.sent_until
        ).update(sent_until=until, last_sent_at=now)
        if claimed:
            message.send()
    return bool(claimed)


def _send(
    site: Site,
    due: QuerySet,
    *,
    since: Callable[[Subscriber], datetime],
    floor: datetime,
    until: datetime,
    now: datetime,
    make_message: Callable,
    with_awards: bool,
) -> int:
    """Queue one email for each subscriber in ``due`` with news after ``since(subscriber)``
    (never before ``floor``: the news is gathered from there to ``until``)."""
    news_by_language: dict[str, News] = {}
    school = school_name(site)
    classes = Prefetch("classes", queryset=ClassBlogIndexPage.objects.only("pk"))
    sent, last_pk = 0, 0
    while batch := list(
        due.filter(pk__gt=last_pk).order_by("pk").prefetch_related(classes)[:BATCH_SIZE]
    ):
        last_pk = batch[-1].pk
        nothing_new = []
        for subscriber in batch:
            subscriber.site = site  # every subscriber of the round is of this site
            if subscriber.language not in news_by_language:
                news_by_language[subscriber.language] = gather_news(
                    site, floor, until, subscriber.language
                )
            sections = news_by_language[subscriber.language].sections_for(
                subscriber.class_keys(),
                subscriber.whole_school,
                since(subscriber),
                with_awards=with_awards,
            )
            if not sections:
                nothing_new.append(subscriber)
                continue
            message = make_message(subscriber, school, sections)
            sent += _send_once(subscriber, message, until, now)
        _without_news(nothing_new, until)
    return sent


def send_weekly_digests(
    site: Site, now: datetime | None = None, *, due_at: datetime | None = None
) -> int:
    """The week's digest for every weekly subscriber who has not had it yet; how many queued.

    ``due_at`` defaults to the school's latest digest time; ``send_subscription_emails
    --digest-now`` passes now. A subscriber's week is the seven days before it, less anything
    an earlier email already sent them. Someone who confirmed after ``due_at`` waits for the
    next digest, which has their whole first week in it.
    """
    now = now or timezone.now()
    due_at = due_at or latest_digest_time(site, now)
    week_start = due_at - WEEK
    due = (
        Subscriber.objects.confirmed()
        .filter(site=site, frequency=Subscriber.Frequency.WEEKLY, confirmed_at__lte=due_at)
        .filter(Q(sent_until=None) | Q(sent_until__lt=due_at))
    )
    return _send(
        site,
        due,
        since=lambda s: max(s.sent_until or week_start, week_start),
        floor=week_start,
        until=due_at,
        now=now,
        make_message=lambda s, school, sections: digest_message(s, school, sections, due_at),
        with_awards=True,
    )


def send_post_emails(site: Site, now: datetime | None = None) -> int:
    """A new-post email for each subscriber who chose them, has had none for an hour, and has
    new posts: every post published since their last email, in one."""
    now = now or timezone.now()
    until = now - PUBLISH_LAG
    due = (
        Subscriber.objects.confirmed()
        .filter(site=site, frequency=Subscriber.Frequency.EACH_POST)
        .filter(Q(last_sent_at=None) | Q(last_sent_at__lte=now - MIN_INTERVAL))
        .filter(Q(sent_until=None) | Q(sent_until__lt=until))
    )
    floor = due.aggregate(floor=Min(Coalesce("sent_until", "confirmed_at")))["floor"]
    if floor is None:
        return 0  # nobody is due
    return _send(
        site,
        due,
        since=lambda s: s.sent_until or s.confirmed_at,
        floor=floor,
        until=until,
        now=now,
        make_message=new_posts_message,
        with_awards=False,
    )


def run_round(now: datetime | None = None) -> RoundReport:
    """Everything due now, for every school; safe to run as often as you like."""
    now = now or timezone.now()
    report = RoundReport(forgotten=forget_unconfirmed(now))
    site_ids = Subscriber.objects.confirmed().values_list("site", flat=True).distinct()
    for site in Site.objects.filter(pk__in=site_ids).select_related("root_page"):
        report.digests += send_weekly_digests(site, now)
        report.post_emails += send_post_emails(site, now)
    return report
