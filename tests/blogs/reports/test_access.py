"""Who sees which report: senior leaders every class, a teacher only her classes, pupils and
other staff nothing; the governors' report and survey results are for senior leaders.

A refusal is the admin's own: back to the dashboard with "Sorry, you do not have permission to
access this area."
"""

import csv
import io

from django.test import TestCase
from django.urls import reverse

from .seeded_term import build_term

ACTIVITY = reverse("blogging_reports:activity")
PARTICIPATION = reverse("blogging_reports:participation")
GOVERNORS = reverse("blogging_reports:governors")
SURVEYS = reverse("blogging_reports:survey_results")


class ReportAccessTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.term = build_term()
        cls.users = cls.term.school.users

    def sign_in(self, username: str) -> None:
        self.client.force_login(self.users[username])

    def assert_refused(self, url: str) -> None:
        response = self.client.get(url, self.term.period)
        self.assertRedirects(response, reverse("wagtailadmin_home"), fetch_redirect_response=False)

    def classes_in_csv(self) -> set[str]:
        response = self.client.get(ACTIVITY, {**self.term.period, "export": "classes"})
        self.assertEqual(response.status_code, 200)
        return {row["Class"] for row in csv.DictReader(io.StringIO(response.content.decode()))}

    def test_a_teacher_sees_only_her_own_class(self):
        self.sign_in("eagle.teacher")
        self.assertEqual(self.classes_in_csv(), {"Eagle Class"})
        self.sign_in("falcon.teacher")
        self.assertEqual(self.classes_in_csv(), {"Falcon Class"})

    def test_a_teacher_cannot_ask_for_another_class(self):
        self.sign_in("eagle.teacher")
        response = self.client.get(
            ACTIVITY, {**self.term.period, "class_blog": self.term.school.falcon.pk}
        )
        self.assertContains(response, "Select a valid choice.")
        self.assertNotContains(response, "Falcon Class")

    def test_a_teacher_s_participation_report_names_only_her_pupils(self):
        self.sign_in("eagle.teacher")
        response = self.client.get(PARTICIPATION, self.term.period)
        self.assertEqual(response.status_code, 200)
        for name in ("Amara", "Leo", "Ruby"):
            self.assertContains(response, name)
        for name in ("Oscar", "Finn", "Falcon Class"):
            self.assertNotContains(response, name)

    def test_senior_leaders_see_every_class(self):
        self.client.force_login(self.term.senior_leader)
        self.assertEqual(
            self.classes_in_csv(), {"Eagle Class", "Falcon Class", "All classes shown"}
        )

    def test_pupils_and_digital_leaders_are_refused(self):
        for username in ("eagle.pupil", "digital.leader"):
            self.sign_in(username)
            for url in (ACTIVITY, PARTICIPATION, GOVERNORS, SURVEYS):
                with self.subTest(username=username, url=url):
                    self.assert_refused(url)

    def test_staff_without_the_admin_and_visitors_are_sent_to_sign_in(self):
        self.sign_in("staff")
        self.assertEqual(self.client.get(ACTIVITY).status_code, 302)
        self.client.logout()
        response = self.client.get(ACTIVITY)
        self.assertRedirects(response, f"{reverse('wagtailadmin_login')}?next={ACTIVITY}")

    def test_the_governors_report_and_survey_results_are_for_senior_leaders(self):
        self.sign_in("eagle.teacher")
        self.assert_refused(GOVERNORS)
        self.assert_refused(SURVEYS)
        self.client.force_login(self.term.senior_leader)
        self.assertEqual(self.client.get(GOVERNORS).status_code, 200)
        self.assertEqual(self.client.get(SURVEYS).status_code, 200)

    def test_the_menu_offers_each_person_what_they_may_open(self):
        self.sign_in("eagle.teacher")
        home = self.client.get(reverse("wagtailadmin_home")).content.decode()
        self.assertIn(ACTIVITY, home)
        self.assertIn(PARTICIPATION, home)
        self.assertNotIn(GOVERNORS, home)
        self.assertNotIn(reverse("wagtailsnippets_blogs_survey:list"), home)
        self.sign_in("eagle.pupil")
        home = self.client.get(reverse("wagtailadmin_home")).content.decode()
        self.assertNotIn("blogging-reports", home)
        self.client.force_login(self.term.senior_leader)
        home = self.client.get(reverse("wagtailadmin_home")).content.decode()
        for url in (ACTIVITY, GOVERNORS, SURVEYS, reverse("wagtailsnippets_blogs_survey:list")):
            self.assertIn(url, home)
