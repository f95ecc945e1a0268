"""Measure sending the weekly digest: ``python manage.py bench_digest --subscribers 100 1000``.

Run it on a school with posts (the demo: ``manage.py seed_demo``). For each size it adds that
many confirmed weekly subscribers (in the school's languages, following one or two classes or
the whole school), queues the last seven days' digest for all of them exactly as the Friday
round does (rendered, and stored as tasks for the worker, which this does not run), reports
the time and the SQL queries, and rolls everything back: the database is left as it was.
Results for the demo are in docs/benchmarks.md.
"""

import time
from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test.utils import override_settings
from django.utils import timezone
from wagtail.models import Site

from blogs.classes.class_blogs import ClassBlogIndexPage
from blogs.classes.posts import BlogPostPage
from blogs.subscriptions.models import Subscriber
from blogs.subscriptions.sending import send_weekly_digests
from home.languages import enabled_languages

# As production sends: each email stored as a task for the worker, in the sending transaction.
PRODUCTION_EMAIL = {
    "EMAIL_BACKEND": "home.mail.TaskEmailBackend",
    "TASKS": {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "email"]}
    },
}


class QueryCounter:
    """Counts every SQL statement sent to the database (savepoints included)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


class Rollback(Exception):
    """Raised to leave the benchmark's transaction, undoing everything it wrote."""


class Command(BaseCommand):
    help = "Time queueing the weekly digest for many subscribers, and count its SQL queries."

    def add_arguments(self, parser):
        parser.add_argument("--subscribers", type=int, nargs="+", default=[100, 1000])

    def handle(self, *args, subscribers: list[int], **options):
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        classes = list(ClassBlogIndexPage.objects.child_of(site.root_page)) if site else []
        if not classes:
            raise CommandError("No school with class blogs here: run manage.py seed_demo first.")
        # A first, small run makes the pictures' renditions and fills caches, as the first
        # digest of a school's life would; every size after it is then measured alike.
        self.measure(site, classes, 10)
        self.stdout.write(
            "subscribers  digests  seconds  ms/digest  queries  queries/digest  posts in the week"
        )
        for count in subscribers:
            result = self.measure(site, classes, count)
            self.stdout.write(
                f"{count:>11}  {result['sent']:>7}  {result['seconds']:>7.2f}  "
                f"{1000 * result['seconds'] / max(result['sent'], 1):>9.2f}  "
                f"{result['queries']:>7}  {result['queries'] / max(result['sent'], 1):>14.2f}  "
                f"{result['posts']:>17}"
            )

    def measure(self, site: Site, classes: list, count: int) -> dict:
        result = {}
        try:
            with override_settings(**PRODUCTION_EMAIL), transaction.atomic():
                self.add_subscribers(site, classes, count)
                now = timezone.now()
                counter = QueryCounter()
                with connection.execute_wrapper(counter):
                    started = time.perf_counter()
                    sent = send_weekly_digests(site, now, due_at=now)
                    result["seconds"] = time.perf_counter() - started
                result.update(sent=sent, queries=counter.count, posts=self.posts(site, now))
                raise Rollback
        except Rollback:
            pass
        return result

    def add_subscribers(self, site: Site, classes: list, count: int) -> None:
        languages = enabled_languages() or ["en-gb"]
        month_ago = timezone.now() - timedelta(days=30)
        subscribers = Subscriber.objects.bulk_create(
            Subscriber(
                site=site,
                email=f"bench{number}@example.com",
                language=languages[number % len(languages)],
                whole_school=number % 5 == 0,
                confirmed_at=month_ago,
            )
            for number in range(count)
        )
        Link, k = Subscriber.classes.through, len(classes)
        Link.objects.bulk_create(
            Link(subscriber_id=subscriber.pk, classblogindexpage_id=classes[(number + n) % k].pk)
            for number, subscriber in enumerate(subscribers)
            if not subscriber.whole_school
            for n in range(1 + number % 2)
        )

    def posts(self, site: Site, now) -> int:
        return (
            BlogPostPage.objects.descendant_of(site.root_page)
            .live()
            .filter(first_published_at__gt=now - timedelta(days=7))
            .count()
        )
