"""The governors' report: one printable page bringing activity, participation (counts, never
names), the audience and survey change together."""

from datetime import timedelta

from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from blogs.models import Survey, SurveyAnswer, SurveyQuestion, SurveyResponse, SurveyRun

from .seeded_term import build_term

URL = reverse("blogging_reports:governors")


class GovernorsReportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.term = build_term()
        cls.survey = Survey.objects.create(title="Blogging and me")
        question = SurveyQuestion.objects.create(survey=cls.survey, text="Do you enjoy writing?")
        today = timezone.localdate()
        for label, opens, smileys in [
            ("Baseline", today - timedelta(days=300), [1, 2, 3, 4]),
            ("Follow-up", today, [3, 4, 5, 5]),
        ]:
            run = SurveyRun.objects.create(survey=cls.survey, label=label, opens=opens)
            for smiley in smileys:
                response = SurveyResponse.objects.create(run=run, class_blog=cls.term.school.eagle)
                SurveyAnswer.objects.create(response=response, question=question, smiley=smiley)

    def setUp(self):
        self.client.force_login(self.term.senior_leader)
        self.response = self.client.get(URL, {**self.term.period, "survey": self.survey.pk})
        self.assertEqual(self.response.status_code, 200)

    def test_it_gathers_the_term_s_activity(self):
        for figure, label in [
            (5, "posts published"),
            (9, "comments received"),
            (2, "replies by classes"),
            (26, "visits"),
        ]:
            self.assertContains(
                self.response, f"<li><strong>{figure}</strong> {label}</li>", html=True
            )
        self.assertContains(self.response, "of pupils posted (3 of 5)")
        self.assertContains(self.response, "of pupils signed in (3 of 5)")
        self.assertContains(
            self.response,
            '<tr><th scope="row">Parents and carers</th><td class="number">4</td></tr>',
            html=True,
        )

    def test_it_counts_quiet_children_but_never_names_a_child(self):
        self.assertContains(self.response, "3 pupils had little or no activity in this period")
        self.assertContains(self.response, "written feedback on pupils' posts 1 time.")
        for name in ("Amara", "Leo", "Ruby", "Oscar", "Finn"):
            self.assertNotContains(self.response, name)

    def test_it_shows_how_pupils_views_changed(self):
        self.assertContains(self.response, "Baseline: 4 answers. Follow-up: 4 answers.")
        self.assertContains(
            self.response,
            '<tr><th scope="row">Do you enjoy writing?</th><td class="number">25%</td>'
            '<td class="number">75%</td><td class="number">+50 points</td></tr>',
            html=True,
        )

    def test_it_prints_on_its_own(self):
        self.assertContains(self.response, "Print or save as PDF")
        self.assertContains(self.response, 'class="governors-report"')
        self.assertContains(self.response, "/static/blogs/css/reports.css")

    def test_bad_dates_get_a_plain_message(self):
        response = self.client.get(
            URL, {"period": "dates", "start": "2099-01-01", "end": "2099-01-02"}
        )
        self.assertContains(response, "That period has not started yet: choose dates up to today.")
        self.assertNotContains(response, "At a glance")
