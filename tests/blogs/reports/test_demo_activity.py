"""The demo's term of activity (``blogs/demo/activity.py``): believable, idempotent, and the
reports' figures match the posts, comments, visits and sign-ins it made."""

import csv
import io
from datetime import timedelta

from django.db.models import Sum
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from blogs.demo.activity import WEEKS, ensure_activity
from blogs.models import (
    BlogPostPage,
    Comment,
    PageVisit,
    SignInDay,
    Survey,
    SurveyResponse,
)
from tests.school import build_school


def rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.content.decode())))


class DemoActivityTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.school = build_school()
        _none, cls.summary = ensure_activity(cls.school.home)
        today = timezone.localdate()
        cls.start = today - timedelta(weeks=WEEKS)
        cls.period = {"period": "dates", "start": cls.start.isoformat(), "end": today.isoformat()}

    def setUp(self):
        self.client.force_login(self.school.users["head"])

    def report(self, url_name: str, export: str) -> list[dict]:
        response = self.client.get(
            reverse(f"blogging_reports:{url_name}"), {**self.period, "export": export}
        )
        self.assertEqual(response.status_code, 200)
        return rows(response)

    def test_the_activity_report_matches_what_the_term_holds(self):
        start = timezone.make_aware(
            timezone.datetime.combine(self.start, timezone.datetime.min.time())
        )
        by_class = {row["Class"]: row for row in self.report("activity", "classes")}
        for blog in (self.school.eagle, self.school.falcon):
            with self.subTest(blog=blog.title):
                row = by_class[blog.title]
                posts = (
                    BlogPostPage.objects.child_of(blog).live().filter(first_published_at__gte=start)
                )
                comments = Comment.objects.approved().filter(
                    post__in=BlogPostPage.objects.child_of(blog), created_at__gte=start
                )
                visits = PageVisit.objects.filter(
                    page__path__startswith=blog.path, date__gte=self.start
                ).aggregate(total=Sum("count"))["total"]
                self.assertEqual(int(row["Posts published"]), posts.count())
                self.assertEqual(
                    int(row["Comments received"]), comments.filter(reply_to=None).count()
                )
                self.assertEqual(
                    int(row["Replies by the class"]), comments.exclude(reply_to=None).count()
                )
                self.assertEqual(int(row["Visits"]), visits)
        weeks = self.report("activity", "weeks")
        self.assertEqual(
            sum(int(week["Pupils' sign-ins"]) for week in weeks),
            SignInDay.objects.filter(date__gte=self.start).aggregate(total=Sum("count"))["total"],
        )

    def test_the_term_is_believable(self):
        by_class = {row["Class"]: row for row in self.report("activity", "classes")}
        for title in ("Eagle Class", "Falcon Class"):
            row = by_class[title]
            self.assertGreater(int(row["Pupils who posted"]), int(row["Pupils"]) // 3)
            self.assertLess(int(row["Pupils who posted"]), int(row["Pupils"]) + 1)
        total = by_class["All classes shown"]
        kinds = ["Parents and carers", "Grandparents", "Pupils here", "Other schools", "Visitors"]
        self.assertGreaterEqual(sum(1 for kind in kinds if int(total[kind])), 4)
        weeks = self.report("activity", "weeks")
        self.assertGreaterEqual(sum(1 for week in weeks if int(week["Visits"])), WEEKS - 1)
        pupils = self.report("participation", "pupils")
        quiet = [row["Little or no activity"] == "yes" for row in pupils]
        self.assertTrue(any(quiet) and not all(quiet))
        self.assertEqual(quiet, sorted(quiet, reverse=True))  # the quiet ones first
        self.assertTrue(any(int(row["Feedback received"]) for row in pupils))

    def test_the_survey_has_a_baseline_and_a_happier_follow_up(self):
        survey = Survey.objects.get(title="Blogging and me")
        baseline, follow_up = survey.runs.order_by("opens")
        self.assertLess(baseline.opens, follow_up.opens)
        self.assertTrue(SurveyResponse.objects.filter(run=baseline).exists())
        self.assertTrue(SurveyResponse.objects.filter(run=follow_up).exists())
        response = self.client.get(reverse("blogging_reports:governors"), self.period)
        self.assertContains(response, "Blogging and me")
        changes = [result.positive_change for result, _text in response.context["changes"]]
        self.assertEqual(len(changes), 4)
        self.assertTrue(all(change > 0 for change in changes))

    def test_running_it_again_changes_nothing(self):
        counts = [
            model.objects.count()
            for model in (BlogPostPage, Comment, PageVisit, SignInDay, SurveyResponse)
        ]
        ensure_activity(self.school.home)
        self.assertEqual(
            [
                model.objects.count()
                for model in (BlogPostPage, Comment, PageVisit, SignInDay, SurveyResponse)
            ],
            counts,
        )
        self.assertIn("pupils", self.summary)
