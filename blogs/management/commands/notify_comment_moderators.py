"""Email each teacher once about the comments waiting for them. Run every few minutes (cron)."""

from django.core.management.base import BaseCommand

from blogs.comments.notifications import notify_moderators


class Command(BaseCommand):
    help = "Send one email per teacher listing comments that arrived since the last run."

    def handle(self, *args, **options):
        sent = notify_moderators()
        if options["verbosity"] > 0:
            self.stdout.write(f"{sent} moderation emails sent.")
