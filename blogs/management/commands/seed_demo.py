"""Build the demo school: ``python manage.py seed_demo``. Safe to run again: it changes nothing."""

from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Site

from blogs.demo.content import (
    ensure_author_profiles,
    ensure_awards,
    ensure_class_blogs,
    ensure_comments,
    ensure_demo_roles,
    ensure_help_sheets,
    ensure_posts,
    ensure_subjects,
    ensure_timeline,
)
from blogs.demo.school import (
    demo_password,
    ensure_accounts,
    ensure_home_page,
    ensure_school_settings,
    ensure_standard_pages,
)
from blogs.demo.translations import ensure_languages, ensure_translations
from blogs.school.roles import setup_school_roles


class Command(BaseCommand):
    help = "Create (or complete) the demo school: pages, class blogs, media and demo accounts."

    @transaction.atomic
    def handle(self, *args, **options):
        accounts = ensure_accounts()
        home = ensure_home_page()
        site = Site.objects.get(root_page=home)
        ensure_school_settings(site)
        ensure_timeline(home)
        ensure_standard_pages(home)
        ensure_subjects()
        ensure_author_profiles()
        ensure_posts(ensure_class_blogs(home))
        ensure_awards(home)
        ensure_demo_roles()
        ensure_help_sheets(home)
        ensure_comments()
        # Last: every English page above gets its Welsh, Polish and Urdu copy, and each
        # class's teachers may edit (translate) their class blog in every language.
        ensure_languages()
        ensure_translations(home)
        setup_school_roles()

        if options["verbosity"] > 0:
            self.stdout.write(self.style.SUCCESS(f"The demo school is ready: {home.title}."))
            self.stdout.write(f"Sign in at /admin/ with the demo password '{demo_password()}':")
            for account in accounts:
                self.stdout.write(f"  {account.username:<16} {account.role}")
