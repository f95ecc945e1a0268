"""The activity report counts what really happened: for a term of known posts, comments,
visits and sign-ins, every figure on the page and in the CSV matches."""

import csv
import io

from django.test import TestCase
from django.urls import reverse

from .seeded_term import build_term

URL = reverse("blogging_reports:activity")


def csv_rows(response) -> list[dict]:
    text = b"".join(response.streaming_content if response.streaming else [response.content])
    return list(csv.DictReader(io.StringIO(text.decode())))


class ActivityFiguresTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.term = build_term()

    def setUp(self):
        self.client.force_login(self.term.senior_leader)

    def get_csv(self, **extra) -> dict[str, dict]:
        response = self.client.get(URL, {**self.term.period, "export": "classes", **extra})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        return {row["Class"]: row for row in csv_rows(response)}

    def test_each_class_s_figures_match_the_posts_comments_and_visits(self):
        rows = self.get_csv()
        eagle, falcon, total = rows["Eagle Class"], rows["Falcon Class"], rows["All classes shown"]
        self.assertEqual(
            {key: eagle[key] for key in eagle if key != "Class"},
            {
                "Pupils": "3",
                "Pupils who posted": "2",
                "Posts published": "4",
                "Comments received": "8",
                "Parents and carers": "3",
                "Grandparents": "1",
                "Pupils here": "2",
                "Other schools": "1",
                "Visitors": "1",
                "Staff": "0",
                "Replies by the class": "2",
                "Visits": "22",
                "Email subscribers": "4",
            },
        )
        self.assertEqual(
            (falcon["Pupils"], falcon["Pupils who posted"], falcon["Posts published"]),
            ("2", "1", "1"),
        )
        self.assertEqual((falcon["Parents and carers"], falcon["Visits"]), ("1", "4"))
        self.assertEqual(
            (total["Pupils"], total["Posts published"], total["Comments received"]),
            ("5", "5", "9"),
        )
        self.assertEqual((total["Visits"], total["Email subscribers"]), ("26", "4"))
        self.assertEqual(falcon["Email subscribers"], "2")

    def test_the_page_names_who_has_not_posted_yet(self):
        response = self.client.get(URL, self.term.period)
        self.assertContains(response, "2 of 3 pupils have published a post in this period.")
        self.assertContains(response, "<li>Ruby</li>", html=True)
        self.assertContains(response, "<li>Finn</li>", html=True)
        self.assertNotContains(response, "<li>Amara</li>", html=True)

    def test_week_by_week_figures_add_up_to_the_period_s(self):
        response = self.client.get(URL, {**self.term.period, "export": "weeks"})
        weeks = csv_rows(response)
        self.assertGreaterEqual(len(weeks), 9)  # 61 days touch nine or ten weeks
        totals = {
            column: sum(int(week[column]) for week in weeks)
            for column in ("Posts published", "Comments received", "Visits", "Pupils' sign-ins")
        }
        self.assertEqual(
            totals,
            {"Posts published": 5, "Comments received": 9, "Visits": 26, "Pupils' sign-ins": 8},
        )

    def test_each_chart_is_an_accessible_svg_with_a_table_beside_it(self):
        response = self.client.get(URL, self.term.period)
        content = response.content.decode()
        self.assertEqual(content.count('role="img"'), 4)
        self.assertEqual(content.count("<desc id="), 4)
        self.assertIn("5 in ", content)  # the posts chart's description
        self.assertNotIn('<script src="http', content)

    def test_one_class_can_be_chosen(self):
        rows = self.get_csv(class_blog=self.term.school.falcon.pk)
        self.assertEqual(set(rows), {"Falcon Class"})


class BadPeriodTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.term = build_term()

    def setUp(self):
        self.client.force_login(self.term.senior_leader)

    def assert_refused(self, params: dict, message: str) -> None:
        response = self.client.get(URL, {"period": "dates", **params})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, message)
        self.assertNotContains(response, "Week by week")
        self.assertNotContains(response, "Download")

    def test_a_period_ending_before_it_starts_is_refused_plainly(self):
        self.assert_refused(
            {"start": "2026-03-10", "end": "2026-03-01"}, "The last day is before the first day."
        )

    def test_a_period_in_the_future_is_refused_plainly(self):
        self.assert_refused(
            {"start": "2099-01-01", "end": "2099-02-01"},
            "That period has not started yet: choose dates up to today.",
        )

    def test_missing_dates_are_asked_for(self):
        self.assert_refused({"start": "2026-03-01"}, "Choose both a first and a last day.")

    def test_an_unknown_period_is_refused(self):
        response = self.client.get(URL, {"period": "fortnight"})
        self.assertContains(response, "Select a valid choice.")
        self.assertNotContains(response, "Week by week")
