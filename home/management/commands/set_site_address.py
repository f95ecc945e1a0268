"""``manage.py set_site_address https://www.oakfield.sch.uk``: where the school is served.

Every link the site sends out (feeds, ``hreflang``, the sitemap, emails) is built from the
default Site's hostname and port (``home.site_address``); this sets them in one step.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from wagtail.models import Site

from home.site_address import set_site_address


class Command(BaseCommand):
    help = _("Set the default Site's hostname and port to the address the site is served at.")

    def add_arguments(self, parser):
        parser.add_argument("address", help=_("e.g. https://www.oakfield.sch.uk"))

    def handle(self, *args, address: str, **options):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError(_("There is no default Site yet: run migrate first."))
        try:
            set_site_address(site, address)
        except ValueError as error:
            raise CommandError(str(error)) from error
        if options["verbosity"]:
            self.stdout.write(_("The default Site is now %(url)s") % {"url": site.root_url})
