"""Queue the emails subscribers are due: ``python manage.py send_subscription_emails``.

Run it every five minutes from cron, or once with ``--schedule`` to have the task worker run a
round every five minutes by itself. ``--digest-now`` sends this week's digest at once (for the
demo, or a school's first try). The emails themselves go out through the worker
(``manage.py db_worker``), like every email of the site.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Site

from blogs.subscriptions.models import Subscriber
from blogs.subscriptions.sending import run_round, send_weekly_digests
from blogs.subscriptions.tasks import ROUND_INTERVAL, keep_scheduled


class Command(BaseCommand):
    help = _("Queue the digests and new-post emails that are due; forget unconfirmed addresses.")

    def add_arguments(self, parser):
        parser.add_argument(
            "--digest-now",
            action="store_true",
            help=_(
                "Send every weekly subscriber the last seven days' digest now, whatever the day."
            ),
        )
        parser.add_argument(
            "--schedule",
            action="store_true",
            help=_("Have the task worker run a round now and every five minutes after."),
        )

    def handle(self, *args, digest_now=False, schedule=False, **options):
        say = self.stdout.write if options["verbosity"] > 0 else (lambda text: None)
        if schedule:
            if keep_scheduled(after=timedelta(0)):
                minutes = int(ROUND_INTERVAL.total_seconds() // 60)
                say(
                    _("The worker will send subscription emails every %(minutes)d minutes.")
                    % {"minutes": minutes}
                )
            else:
                say(
                    _("A round is already waiting for the worker, or the task backend cannot wait.")
                )
            return
        if digest_now:
            now = timezone.now()
            sites = Site.objects.filter(
                pk__in=Subscriber.objects.confirmed().values("site")
            ).select_related("root_page")
            queued = sum(send_weekly_digests(site, now, due_at=now) for site in sites)
            say(_("%(count)d weekly digests queued for the worker.") % {"count": queued})
            return
        report = run_round()
        say(
            _(
                "%(digests)d weekly digests and %(posts)d new-post emails queued; "
                "%(forgotten)d unconfirmed addresses forgotten."
            )
            % {
                "digests": report.digests,
                "posts": report.post_emails,
                "forgotten": report.forgotten,
            }
        )
