"""Forget the hashed addresses of comments older than 30 days. Run daily (cron)."""

from django.core.management.base import BaseCommand

from blogs.comments.defences import purge_client_hashes


class Command(BaseCommand):
    help = "Clear the salted address hashes kept for rate limiting from comments over 30 days old."

    def handle(self, *args, **options):
        cleared = purge_client_hashes()
        if options["verbosity"] > 0:
            self.stdout.write(f"{cleared} comments forgotten.")
