"""Wagtail's page privacy, asked cheaply, gives Wagtail's answers (home/view_restrictions.py):
the restrictions checked before a page is served, and which pages a list may show."""

from django.db import connection
from django.test import RequestFactory, TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from blogs.models import BlogPostPage
from home.view_restrictions import public_q, restricted_sections
from tests.school import build_school


class ViewRestrictionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.school = build_school(help_sheets=True, languages=True)
        # A whole class made private with a password, and a page inside a private branch.
        PageViewRestriction.objects.create(
            page=cls.school.falcon, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
        PageViewRestriction.objects.create(
            page=cls.school.posts["falcon"][0], restriction_type=PageViewRestriction.LOGIN
        )
        # An alias of the Welsh copy (itself an alias) of a staff-only sheet.
        staff_only = PageViewRestriction.objects.filter(
            page__locale__language_code="en-gb", page__depth=4
        ).first()
        welsh = Page.objects.get(
            translation_key=staff_only.page.translation_key, locale__language_code="cy"
        )
        cls.alias_of_alias = welsh.create_alias(
            parent=cls.school.home, update_slug="staff-sheet-again"
        )

    def test_the_restrictions_checked_before_serving_are_wagtails(self):
        for page in Page.objects.filter(depth__gt=1).specific():
            with self.subTest(page=page.url_path, locale=page.locale_id):
                self.assertEqual(
                    set(page.get_view_restrictions()), set(Page.get_view_restrictions(page))
                )

    def test_an_alias_of_an_alias_is_left_to_wagtail_and_stays_private(self):
        page = Page.objects.get(pk=self.alias_of_alias.pk).specific
        self.assertIsNotNone(page.alias_of.alias_of_id)
        restrictions = set(page.get_view_restrictions())
        self.assertTrue(restrictions)
        self.assertEqual(restrictions, set(Page.get_view_restrictions(page)))

    def test_a_public_page_is_checked_in_one_query(self):
        post = BlogPostPage.objects.get(slug="castle-models", locale__language_code="cy")
        with CaptureQueriesContext(connection) as queries:
            self.assertEqual(list(post.get_view_restrictions()), [])
        self.assertEqual(len(queries), 1)

    def test_lists_leave_out_what_wagtails_public_leaves_out(self):
        sections = restricted_sections()
        scopes = [self.school.home, self.school.falcon, self.school.help_sheets, self.school.eagle]
        scopes += list(Page.objects.filter(depth=2))  # every language's home page
        for scope in scopes:
            with self.subTest(scope=scope.url_path, locale=scope.locale_id):
                pages = Page.objects.descendant_of(scope, inclusive=True)
                self.assertEqual(
                    set(pages.filter(public_q(sections, within=scope))), set(pages.public())
                )
        everything = Page.objects.all()
        self.assertEqual(set(everything.filter(public_q(sections))), set(everything.public()))

    def test_restrictions_are_read_once_per_request(self):
        request = RequestFactory().get("/")
        restricted_sections(request)
        with CaptureQueriesContext(connection) as queries:
            BlogPostPage.objects.public(request).count()
            BlogPostPage.objects.public(request, within=self.school.home).count()
        self.assertEqual(len(queries), 2)  # the two counts
