"""Participation per pupil: each child's posts, comments, feedback and sign-ins, the quietest
first, so that a teacher can have a discreet word."""

import csv
import io

from django.test import TestCase
from django.urls import reverse

from .seeded_term import add_pupil, build_term

URL = reverse("blogging_reports:participation")


class ParticipationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.term = build_term()

    def setUp(self):
        self.client.force_login(self.term.senior_leader)

    def rows(self) -> list[dict]:
        response = self.client.get(URL, {**self.term.period, "export": "pupils"})
        self.assertEqual(response.status_code, 200)
        return list(csv.DictReader(io.StringIO(response.content.decode())))

    def test_the_children_with_least_activity_come_first(self):
        self.assertEqual(
            [row["Pupil"] for row in self.rows()], ["Finn", "Ruby", "Oscar", "Leo", "Amara"]
        )

    def test_each_pupil_s_figures_match_what_they_did(self):
        rows = {row["Pupil"]: row for row in self.rows()}
        fields = [
            "Posts",
            "Comments signed with their first name",
            "Feedback received",
            "Sign-ins",
            "Days signed in",
            "Little or no activity",
        ]
        self.assertEqual(
            {name: [row[field] for field in fields] for name, row in rows.items()},
            {
                "Amara": ["2", "0", "1", "4", "3", "no"],
                "Leo": ["1", "1", "0", "1", "1", "no"],
                "Ruby": ["0", "1", "0", "0", "0", "yes"],
                "Oscar": ["1", "0", "0", "3", "1", "yes"],
                "Finn": ["0", "0", "0", "0", "0", "yes"],
            },
        )
        self.assertEqual(rows["Finn"]["Last active"], "")
        self.assertTrue(rows["Amara"]["Last active"])

    def test_sign_ins_are_shown_week_by_week(self):
        amara = next(row for row in self.rows() if row["Pupil"] == "Amara")
        weekly = [int(value) for key, value in amara.items() if key.startswith("Sign-ins, week")]
        self.assertEqual(sum(weekly), 4)
        self.assertEqual(sum(1 for value in weekly if value), 3)

    def test_the_page_says_how_many_children_are_quiet_and_flags_them(self):
        response = self.client.get(URL, self.term.period)
        self.assertContains(response, "3 pupils have had little or no activity.")
        # Beside each of the three, and once in "How these are counted".
        self.assertContains(response, "Little or no activity", count=3 + 1)
        self.assertContains(response, 'aria-label="Sign-ins each week:', count=5)

    def test_a_shared_first_name_is_said(self):
        add_pupil(self.term.school.falcon, "Leo", username="leo.falcon")
        response = self.client.get(URL, self.term.period)
        self.assertContains(response, "(shared first name)", count=2)
