"""Site search: ranking, privacy, drafts, filters, pagination, odd queries and query counts."""

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query

from blogs.demo.school import DEFAULT_DEMO_PASSWORD
from blogs.models import Subject
from search import hits
from tests.factories import BlogPostPageFactory
from tests.school import build_school


class SearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        school = build_school(help_sheets=True)
        cls.eagle, cls.falcon = school.eagle, school.falcon
        science = Subject.objects.get(slug="science")
        BlogPostPageFactory(
            parent=cls.falcon,
            title="Volcanoes erupt",
            body=[("paragraph", "<p>Our models bubbled like real lava.</p>")],
            subjects=[science],
        )
        BlogPostPageFactory(
            parent=cls.eagle,
            title="Our week",
            body=[("paragraph", "<p>We read a book about volcanoes and lava.</p>")],
        )
        BlogPostPageFactory(parent=cls.eagle, title="Volcano draft", live=False)
        # Enough pages about the class for a second page of results.
        for number in range(1, 9):
            BlogPostPageFactory(parent=cls.falcon, title=f"Our class assembly, part {number}")

    def titles(self, **params) -> list[str]:
        return [
            result.title
            for result in self.client.get("/en-gb/search/", params).context["search_results"]
        ]

    def test_a_title_match_ranks_above_a_body_only_match(self):
        self.assertEqual(self.titles(q="volcanoes")[:2], ["Volcanoes erupt", "Our week"])

    def test_results_show_type_class_date_and_a_snippet(self):
        html = self.client.get("/en-gb/search/", {"q": "volcanoes"}).content.decode()
        self.assertIn("Blog posts · Falcon Class · <time", html)
        self.assertIn("What we learned today.", html)

    def test_drafts_never_appear(self):
        self.assertNotIn("Volcano draft", self.titles(q="volcano"))

    def test_filters_by_class_subject_and_type(self):
        self.assertEqual(self.titles(q="volcanoes", **{"class": "eagle"}), ["Our week"])
        self.assertEqual(self.titles(q="volcanoes", subject="science"), ["Volcanoes erupt"])
        self.assertIn(
            "Help sheets",
            self.client.get("/en-gb/search/", {"q": "comment", "type": "help"}).content.decode(),
        )
        for result in self.client.get("/en-gb/search/", {"q": "comment", "type": "help"}).context[
            "search_results"
        ]:
            self.assertEqual(result.result_type, "Help sheets")
        self.assertEqual(self.titles(q="volcanoes", type="nonsense"), [])
        self.assertEqual(self.titles(q="volcanoes", **{"class": "nowhere"}), [])

    def test_staff_only_pages_are_found_by_staff_only(self):
        self.assertNotIn("Approving a pupil's post", self.titles(q="approving"))
        self.client.login(username="eagle.pupil", password=DEFAULT_DEMO_PASSWORD)
        self.assertNotIn("Approving a pupil's post", self.titles(q="approving"))
        self.client.login(username="staff", password=DEFAULT_DEMO_PASSWORD)
        self.assertIn("Approving a pupil's post", self.titles(q="approving"))

    def test_results_are_paginated(self):
        first = self.client.get("/en-gb/search/", {"q": "class"}).context["search_results"]
        self.assertEqual(len(first), 10)
        self.assertTrue(first.has_next())
        second = self.client.get("/en-gb/search/", {"q": "class", "page": 2}).context[
            "search_results"
        ]
        self.assertFalse({p.pk for p in first} & {p.pk for p in second})

    def test_bad_queries_give_a_normal_page_with_the_query_escaped(self):
        for query in [
            "",
            "   ",
            "x" * 500,
            "<script>alert(1)</script>",
            "\"'%;--",
            "🦉🦉",
            "AND OR NOT (",
            "*",
        ]:
            response = self.client.get("/en-gb/search/", {"q": query})
            self.assertEqual(response.status_code, 200, query)
            self.assertNotIn("<script>alert(1)</script>", response.content.decode())
        response = self.client.get("/en-gb/search/", {"q": "<script>alert(1)</script>"})
        self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt;", response.content.decode())
        self.assertEqual(
            len(self.client.get("/en-gb/search/", {"q": "y" * 500}).context["search_query"]), 200
        )

    def test_search_terms_are_recorded_in_batches_without_personal_data(self):
        hits.flush()  # what other tests searched
        before = Query.get("volcanoes").hits
        with CaptureQueriesContext(connection) as queries:
            self.client.get("/en-gb/search/", {"q": "Volcanoes"})
        # A search writes nothing: the counts are written together, every half a minute.
        written = [q["sql"] for q in queries if q["sql"].startswith(("INSERT", "UPDATE"))]
        self.assertFalse([sql for sql in written if "searchpromotions" in sql])
        self.client.get("/en-gb/search/", {"q": "volcanoes"})
        self.assertEqual(hits.flush(), 2)
        self.assertEqual(Query.get("volcanoes").hits, before + 2)
        self.assertEqual(
            {field.name for field in Query._meta.get_fields()} & {"user", "ip", "session"}, set()
        )

    def test_the_results_page_runs_a_bounded_number_of_queries(self):
        self.client.get("/en-gb/search/", {"q": "class"})
        with CaptureQueriesContext(connection) as few:
            self.client.get("/en-gb/search/", {"q": "volcanoes"})
        with CaptureQueriesContext(connection) as many:
            self.client.get("/en-gb/search/", {"q": "class"})
        self.assertLessEqual(len(many), len(few) + 3)
        self.assertLess(len(many), 40)
