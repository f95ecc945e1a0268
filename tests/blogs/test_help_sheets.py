"""The help-sheet library: filters, search, review reminders and staff-only privacy everywhere."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.test.utils import WagtailPageTestCase
from wagtail_factories import DocumentFactory

from blogs.demo.school import DEFAULT_DEMO_PASSWORD
from blogs.models import HelpSheetLibraryPage, HelpSheetPage
from home.models import HomePage
from tests.school import build_school

STAFF_SHEET = "/en-gb/help/approving-a-pupils-post/"
PUBLIC_SHEET = "/en-gb/help/writing-a-class-blog-post/"
STAFF_TITLE = "Approving a pupil&#x27;s post"


class HelpSheetRulesTests(WagtailPageTestCase):
    def test_sheets_live_in_a_library_under_the_home_page(self):
        self.assertAllowedParentPageTypes(HelpSheetLibraryPage, {HomePage})
        self.assertAllowedSubpageTypes(HelpSheetLibraryPage, {HelpSheetPage})
        self.assertAllowedParentPageTypes(HelpSheetPage, {HelpSheetLibraryPage})


class HelpSheetLibraryTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_school(help_sheets=True)
        cls.document = Document.objects.get(title="Pupil accounts checklist")
        # A public document, as a class's posts would have, for the staff-only sheet to refuse.
        DocumentFactory(title="Our Big Write")

    def surfaces(self) -> dict[str, object]:
        return {
            "page": self.client.get(STAFF_SHEET),
            "listing": self.client.get("/en-gb/help/"),
            "library search": self.client.get("/en-gb/help/", {"q": "approve"}),
            "site search": self.client.get("/en-gb/search/", {"q": "approving"}),
            "school feed": self.client.get("/en-gb/news/feed/rss/"),
            "sitemap": self.client.get("/sitemap.xml"),
            "document": self.client.get(self.document.url),
        }

    def assert_refused_everywhere(self):
        seen = self.surfaces()
        for name in ("page", "document"):
            self.assertEqual(seen[name].status_code, 302, name)
            self.assertIn("/en-gb/login/?next=", seen[name]["Location"])
        for name in ("listing", "library search", "site search", "school feed", "sitemap"):
            body = seen[name].content.decode()
            self.assertNotIn("approving-a-pupils-post", body, name)
            self.assertNotIn(STAFF_TITLE, body, name)

    def test_staff_only_sheets_are_refused_to_anonymous_visitors_everywhere(self):
        self.assert_refused_everywhere()

    def test_staff_only_sheets_are_refused_to_pupils_everywhere(self):
        self.client.login(username="eagle.pupil", password=DEFAULT_DEMO_PASSWORD)
        self.assert_refused_everywhere()

    def test_staff_and_teachers_see_staff_only_sheets_and_documents(self):
        for username in ("staff", "eagle.teacher"):
            self.client.login(username=username, password=DEFAULT_DEMO_PASSWORD)
            self.assertEqual(self.client.get(STAFF_SHEET).status_code, 200)
            self.assertIn(STAFF_TITLE, self.client.get("/en-gb/help/").content.decode())
            self.assertIn(
                STAFF_TITLE, self.client.get("/en-gb/help/", {"q": "approve"}).content.decode()
            )
            self.assertEqual(self.client.get(self.document.url).status_code, 200)

    def test_staff_sign_in_on_the_public_site_and_return_to_the_sheet(self):
        response = self.client.post(
            "/en-gb/login/",
            {"username": "staff", "password": DEFAULT_DEMO_PASSWORD, "next": STAFF_SHEET},
        )
        self.assertRedirects(response, STAFF_SHEET)

    def test_the_library_filters_by_topic_and_audience_and_searches_within_itself(self):
        def titles(**query):
            return [
                sheet.title for sheet in self.client.get("/en-gb/help/", query).context["sheets"]
            ]

        self.assertEqual(
            titles(topic="guides-for-parents"),
            ["Helping your child log in at home", "Leaving a comment on a class blog"],
        )
        self.assertIn("Staying safe online", titles(audience="pupils"))
        self.assertNotIn("Helping your child log in at home", titles(audience="pupils"))
        self.assertEqual(titles(audience="nonsense"), [])
        self.assertEqual(titles(q="voice recording")[0], "Uploading a voice recording")
        self.assertEqual(titles(q="voice", topic="guides-for-parents"), [])

    def test_a_sheet_shows_numbered_steps_screenshot_alt_text_tips_and_time(self):
        html = self.client.get(PUBLIC_SHEET).content.decode()
        self.assertIn('<ol class="steps">', html)
        self.assertIn('alt="The Save draft and Publish buttons"', html)
        self.assertIn("Tip:", html)
        self.assertIn("Takes about 5 minutes", html)

    def test_sheets_not_reviewed_for_a_year_are_listed_for_review_in_the_admin(self):
        self.client.login(username="head", password=DEFAULT_DEMO_PASSWORD)
        html = self.client.get(reverse("wagtailadmin_home")).content.decode()
        self.assertIn("Help sheets due for review", html)
        overdue = HelpSheetPage.objects.filter(
            locale__language_code="en-gb",
            last_reviewed__lt=timezone.localdate() - timedelta(days=365),
        )
        self.assertEqual(overdue.count(), 1)
        self.assertIn(overdue.get().title, html.replace("&#x27;", "'"))

    def test_a_staff_only_sheet_refuses_a_public_document(self):
        sheet = HelpSheetPage.objects.get(
            locale__language_code="en-gb", slug="tweeting-learning-in-30-seconds"
        )
        public_document = Document.objects.exclude(collection__name="Staff documents").first()
        sheet.attachments = [("document", {"document": public_document, "title": ""})]
        with self.assertRaisesMessage(
            ValidationError, "must be in the “Staff documents” collection"
        ):
            sheet.full_clean()

    def test_the_listing_runs_the_same_queries_however_many_sheets(self):
        self.client.login(username="staff", password=DEFAULT_DEMO_PASSWORD)
        self.client.get("/en-gb/help/")
        with CaptureQueriesContext(connection) as before:
            self.client.get("/en-gb/help/")
        library = HelpSheetLibraryPage.objects.get(locale__language_code="en-gb")
        template = HelpSheetPage.objects.get(
            locale__language_code="en-gb", slug="taking-photos-safely"
        )
        for number in range(15):
            template.copy(
                update_attrs={"slug": f"copy-{number}", "title": f"Copy {number}"}, to=library
            )
        HelpSheetPage.objects.filter(slug__startswith="copy-").update(live=True)
        with CaptureQueriesContext(connection) as after:
            response = self.client.get("/en-gb/help/")
        self.assertGreater(len(response.context["sheets"]), 20)
        self.assertEqual(len(before), len(after))
