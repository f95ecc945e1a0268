"""The reports cost the same number of SQL queries for 30 pupils or 300, and for a week or a
school year: every figure is one aggregate query, grouped by class or week in the database."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from blogs.models import (
    Comment,
    PageVisit,
    SignInDay,
    Survey,
    SurveyAnswer,
    SurveyQuestion,
    SurveyResponse,
    SurveyRun,
)
from tests.factories import BlogPostPageFactory
from tests.school import build_school

from .seeded_term import days_ago

User = get_user_model()
REPORTS = [
    reverse("blogging_reports:activity"),
    reverse("blogging_reports:participation"),
    reverse("blogging_reports:governors"),
]


class ReportQueryBudgetTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.school = build_school()
        cls.classes = [cls.school.eagle, cls.school.falcon]
        survey = Survey.objects.create(title="Blogging and me")
        question = SurveyQuestion.objects.create(survey=survey, text="Do you enjoy it?")
        cls.runs = [
            SurveyRun.objects.create(survey=survey, label=label, opens=timezone.localdate())
            for label in ("Baseline", "Follow-up")
        ]
        cls.question = question

    def setUp(self):
        self.pupils = 0

    def add_pupils(self, count: int) -> None:
        """``count`` more pupils, half in each class, each with a term's sign-ins, some with
        posts and comments, and survey answers from as many children."""
        start = self.pupils
        users = User.objects.bulk_create(
            User(username=f"pupil{n}", first_name=f"Pupil{n}") for n in range(start, start + count)
        )
        Membership = User.groups.through
        Membership.objects.bulk_create(
            Membership(user_id=user.pk, group_id=self.classes[n % 2].pupils_group_id)
            for n, user in enumerate(users)
        )
        SignInDay.objects.bulk_create(
            SignInDay(user=user, date=timezone.localdate() - timedelta(days=day), count=1)
            for user in users
            for day in (1, 40, 200)
        )
        today = timezone.localdate()
        for n, user in enumerate(users[::15]):
            post = BlogPostPageFactory(
                parent=self.classes[n % 2],
                owner=user,
                first_published_at=days_ago(n % 30),
            )
            Comment.objects.bulk_create(
                Comment(
                    post=post,
                    name=user.first_name,
                    relation=Comment.Relation.PUPIL,
                    body="Great!",
                    status=Comment.Status.APPROVED,
                    created_at=days_ago(1),
                )
                for _ in range(3)
            )
            PageVisit.objects.create(page=post, date=today, count=n + 1)
        for run in self.runs:
            responses = SurveyResponse.objects.bulk_create(
                SurveyResponse(run=run, class_blog=self.classes[n % 2]) for n in range(count)
            )
            SurveyAnswer.objects.bulk_create(
                SurveyAnswer(response=response, question=self.question, smiley=1 + n % 5)
                for n, response in enumerate(responses)
            )
        self.pupils = start + count

    def queries(self, url: str, period: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            response = self.client.get(url, {"period": period})
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "errorlist")
        return len(captured)

    def test_queries_are_the_same_for_30_and_300_pupils_and_a_week_and_a_year(self):
        self.client.force_login(self.school.users["head"])
        self.add_pupils(30)
        small = {url: [self.queries(url, period) for period in ("week", "year")] for url in REPORTS}
        self.add_pupils(270)
        large = {url: [self.queries(url, period) for period in ("week", "year")] for url in REPORTS}
        for url in REPORTS:
            with self.subTest(url=url):
                week, year = small[url]
                self.assertEqual(week, year)
                self.assertEqual(small[url], large[url])

    def test_a_teacher_s_reports_cost_the_same_for_30_and_300_pupils(self):
        self.client.force_login(self.school.users["eagle.teacher"])
        self.add_pupils(30)
        small = [self.queries(url, "term") for url in REPORTS[:2]]
        self.add_pupils(270)
        self.assertEqual([self.queries(url, "term") for url in REPORTS[:2]], small)

    def test_survey_results_cost_the_same_for_30_and_300_answers(self):
        self.client.force_login(self.school.users["head"])
        url = reverse("blogging_reports:survey_result", args=[self.runs[0].survey_id])
        self.add_pupils(30)
        small = self.queries(url, "")
        self.add_pupils(270)
        self.assertEqual(self.queries(url, ""), small)
