"""Wagtail's ``publish_scheduled``, which first holds back what consent no longer allows.

A post scheduled last week may show a child whose parent has withdrawn consent since: it is
not published; its schedule is cleared and whoever scheduled it is emailed why. The rest of
Wagtail's command runs as it always does (run it every few minutes from cron).
"""

from wagtail.management.commands.publish_scheduled import Command as WagtailCommand

from blogs.consent.scheduled import hold_back_refused


class Command(WagtailCommand):
    def handle(self, *args, **options):
        if not options["dryrun"]:
            for title in hold_back_refused():
                self.stdout.write(f"Held back (consent): {title}")
        super().handle(*args, **options)
