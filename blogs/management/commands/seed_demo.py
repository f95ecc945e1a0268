"""Build the demo school: ``python manage.py seed_demo``. Safe to run again: it changes nothing.

It says what it is making as it goes ("Making class blogs… 6 classes, 60 posts"), then where
to open the site and how each demo account signs in. ``--verbosity 0`` prints nothing.
"""

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.models import Page, Site

from blogs.awards.models import AwardPage
from blogs.classes.posts import BlogPostPage
from blogs.comments.models import Comment
from blogs.demo.accounts import (
    DEMO_ACCOUNTS,
    demo_password,
    ensure_accounts,
    ensure_author_profiles,
    ensure_memberships,
)
from blogs.demo.activity import ensure_activity
from blogs.demo.awards import ensure_awards
from blogs.demo.classes import ensure_class_blogs, ensure_subjects
from blogs.demo.comments import ensure_comments
from blogs.demo.consent import ensure_consent, ensure_register
from blogs.demo.helpsheets import ensure_help_sheets
from blogs.demo.posts import ensure_posts
from blogs.demo.school import (
    ensure_home_page,
    ensure_school_settings,
    ensure_standard_pages,
    ensure_timeline,
)
from blogs.demo.subscribers import ensure_subscribers
from blogs.demo.translations import DEMO_LANGUAGES, ensure_languages, ensure_translations
from blogs.helpsheets.models import HelpSheetPage
from blogs.school.roles import setup_school_roles
from home.models import HomePage
from home.site_address import set_site_address

# Where `make demo` serves the site.
DEFAULT_ADDRESS = "http://127.0.0.1:8000"


class Command(BaseCommand):
    help = gettext_lazy(
        "Create (or complete) the demo school: pages, class blogs, media and demo accounts."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--address",
            default=DEFAULT_ADDRESS,
            help=_("Where the site is served, for the addresses printed at the end."),
        )

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        with transaction.atomic():
            home = self.build()
            # Links the demo sends out (feeds, emails, sitemap) lead to where it is served.
            set_site_address(Site.objects.get(root_page=home), options["address"])
        if self.verbosity > 0:
            self.print_addresses(home, options["address"].rstrip("/"))

    def build(self) -> HomePage:
        """Each stage makes what is missing, then says what the demo now holds."""
        self.stage(_("Making demo accounts…"), self.make_accounts)
        home = self.stage(_("Making the school's website…"), self.make_website)
        self.stage(_("Making class blogs…"), lambda: self.make_class_blogs(home))
        self.stage(_("Making the Blogging Awards…"), lambda: self.make_awards(home))
        self.stage(_("Making help sheets…"), lambda: self.make_help_sheets(home))
        self.stage(_("Adding comments…"), self.make_comments)
        # Every English page above gets its Welsh, Polish and Urdu copy.
        self.stage(_("Translating…"), lambda: self.make_translations(home))
        # Last, once every page is there in every language: groups, permissions, workflows.
        self.stage(_("Setting up roles and groups…"), self.make_roles)
        self.stage(
            _("Adding families who follow the classes…"), lambda: self.make_subscribers(home)
        )
        self.stage(
            _("Adding a term of activity and a pupil survey…"), lambda: ensure_activity(home)
        )
        # Last: every pupil and picture is there, and the workflows the refused post goes to.
        self.stage(_("Recording consent…"), ensure_consent)
        return home

    def stage(self, label: str, make: Callable[[], tuple]):
        """Say what is being made (the slow stages take seconds), then what there now is."""
        if self.verbosity > 0:
            self.stdout.write(label, ending=" ")
            self.stdout.flush()
        result, summary = make()
        if self.verbosity > 0:
            self.stdout.write(summary)
        return result

    # The stages: each returns what later stages need, and a summary of counts ----------------

    def make_subscribers(self, home: HomePage) -> tuple:
        subscribers = ensure_subscribers(Site.objects.get(root_page=home))
        count = len(subscribers)
        return subscribers, ngettext(
            "%(count)d confirmed subscriber", "%(count)d confirmed subscribers", count
        ) % {"count": count}

    def make_accounts(self) -> tuple:
        accounts = ensure_accounts()
        ensure_author_profiles()
        # Before anything is published: nothing goes public against the register.
        ensure_register()
        count = len(accounts)
        return accounts, ngettext("%(count)d account", "%(count)d accounts", count) % {
            "count": count
        }

    def make_website(self) -> tuple:
        home = ensure_home_page()
        ensure_school_settings(Site.objects.get(root_page=home))
        ensure_timeline(home)
        pages = ensure_standard_pages(home)
        summary = _("home page, %(pages)s, school details") % {
            "pages": ngettext("%(count)d page", "%(count)d pages", len(pages))
            % {"count": len(pages)},
        }
        return home, summary

    def make_class_blogs(self, home: HomePage) -> tuple:
        ensure_subjects()
        blogs = ensure_class_blogs(home)
        ensure_posts(blogs)
        classes = len(blogs)
        posts = BlogPostPage.objects.descendant_of(home).count()
        return blogs, _("%(classes)s, %(posts)s") % {
            "classes": ngettext("%(count)d class", "%(count)d classes", classes)
            % {"count": classes},
            "posts": ngettext("%(count)d post", "%(count)d posts", posts) % {"count": posts},
        }

    def make_awards(self, home: HomePage) -> tuple:
        archive = ensure_awards(home)
        awards = AwardPage.objects.child_of(archive)
        weeks = awards.values("week_start").distinct().count()
        count = awards.count()
        return archive, _("%(weeks)s, %(awards)s") % {
            "weeks": ngettext("%(count)d week", "%(count)d weeks", weeks) % {"count": weeks},
            "awards": ngettext("%(count)d award", "%(count)d awards", count) % {"count": count},
        }

    def make_roles(self) -> tuple:
        # Each class's teachers may edit (translate) their class blog in every language.
        setup_school_roles()
        ensure_memberships()
        count = Group.objects.count()
        return None, ngettext("%(count)d group", "%(count)d groups", count) % {"count": count}

    def make_help_sheets(self, home: HomePage) -> tuple:
        library = ensure_help_sheets(home)
        sheets = HelpSheetPage.objects.child_of(library)
        count, staff_only = sheets.count(), sheets.filter(staff_only=True).count()
        return library, _("%(sheets)s, %(staff_only)d for staff only") % {
            "sheets": ngettext("%(count)d help sheet", "%(count)d help sheets", count)
            % {"count": count},
            "staff_only": staff_only,
        }

    def make_comments(self) -> tuple:
        ensure_comments()
        count = Comment.objects.count()
        waiting = Comment.objects.pending().count()
        return None, _("%(comments)s, %(waiting)d waiting for a teacher") % {
            "comments": ngettext("%(count)d comment", "%(count)d comments", count)
            % {"count": count},
            "waiting": waiting,
        }

    def make_translations(self, home: HomePage) -> tuple:
        ensure_languages()
        ensure_translations(home)
        translated = Page.objects.exclude(locale=home.locale).filter(alias_of=None).count()
        languages = ", ".join(
            str(translation.get_language_info(code)["name_translated"]) for code in DEMO_LANGUAGES
        )
        return None, _("%(languages)s; %(pages)s translated") % {
            "languages": languages,
            "pages": ngettext("%(count)d page", "%(count)d pages", translated)
            % {"count": translated},
        }

    # What to open ---------------------------------------------------------------------------

    def print_addresses(self, home: HomePage, address: str) -> None:
        with translation.override(settings.LANGUAGE_CODE):
            sign_in = {"admin": reverse("wagtailadmin_home"), "site": reverse("login")}
        out = self.stdout.write
        out(self.style.SUCCESS(_("The demo school is ready: %(name)s.") % {"name": home.title}))
        out("")
        out(_("Open:"))
        for path, what in [
            ("/", _("the school's website")),
            (sign_in["admin"], _("the admin: teachers, pupils, the head, the Digital Leader")),
            (sign_in["site"], _("staff sign in here to read the staff-only help sheets")),
        ]:
            out(f"  {address + path:<36} {what}")
        out("")
        out(
            _("Demo accounts, all with the password “%(password)s”:")
            % {"password": demo_password()}
        )
        width = max(len(account.who) for account in DEMO_ACCOUNTS)
        out(f"  {_('username'):<16} {_('who'):<{width}}  {_('signs in at')}")
        for account in DEMO_ACCOUNTS:
            where = address + sign_in[account.sign_in]
            out(f"  {account.username:<16} {account.who:<{width}}  {where}")
