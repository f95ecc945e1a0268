"""Promoted search results (Settings › Promoted search results) obey the same privacy as results:
a staff-only page or a draft is never recommended to someone who may not open it."""

from django.test import TestCase
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from blogs.demo.school import DEFAULT_DEMO_PASSWORD
from blogs.models import HelpSheetPage
from tests.factories import BlogPostPageFactory
from tests.school import build_school

STAFF_ONLY = "Approving a pupil's post"


class SearchPromotionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        school = build_school(help_sheets=True)
        query = Query.get("approving")
        staff_only = HelpSheetPage.objects.get(title=STAFF_ONLY)
        draft = BlogPostPageFactory(parent=school.eagle, title="Approval day (draft)", live=False)
        public = BlogPostPageFactory(parent=school.eagle, title="How our posts are approved")
        for order, page in enumerate([staff_only, draft, public]):
            SearchPromotion.objects.create(query=query, page=page, sort_order=order)

    def recommended(self) -> list[str]:
        response = self.client.get("/en-gb/search/", {"q": "approving"})
        self.assertEqual(response.status_code, 200)
        return [pick.page.title for pick in response.context["promotions"]]

    def test_a_visitor_is_not_recommended_a_staff_only_page_or_a_draft(self):
        self.assertEqual(self.recommended(), ["How our posts are approved"])
        html = self.client.get("/en-gb/search/", {"q": "approving"}).content.decode()
        self.assertNotIn(STAFF_ONLY.replace("'", "&#x27;"), html.split("promoted-heading")[1])

    def test_a_pupil_is_not_recommended_a_staff_only_page(self):
        self.client.login(username="eagle.pupil", password=DEFAULT_DEMO_PASSWORD)
        self.assertEqual(self.recommended(), ["How our posts are approved"])

    def test_staff_are_recommended_the_staff_only_page_but_never_a_draft(self):
        self.client.login(username="staff", password=DEFAULT_DEMO_PASSWORD)
        self.assertEqual(self.recommended(), [STAFF_ONLY, "How our posts are approved"])
