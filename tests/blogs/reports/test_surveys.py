"""Pupil surveys: a senior leader builds one and runs it for some classes; children answer on
a tablet, anonymously; a signed-in child answers once; results compare baseline and follow-up."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from blogs.models import (
    Survey,
    SurveyAnswer,
    SurveyQuestion,
    SurveyRespondent,
    SurveyResponse,
    SurveyRun,
)
from tests.school import build_school

SMILEY, CHOICE, SENTENCE = (kind for kind, _label in SurveyQuestion.Kind.choices)


def make_survey() -> Survey:
    survey = Survey.objects.create(title="Blogging and me", introduction="Tell us what you think.")
    SurveyQuestion.objects.create(survey=survey, text="Do you enjoy writing posts?", sort_order=0)
    SurveyQuestion.objects.create(
        survey=survey,
        text="Who reads your blog at home?",
        kind=CHOICE,
        choices="A grown-up\nA grandparent\nNobody yet",
        sort_order=1,
    )
    SurveyQuestion.objects.create(
        survey=survey, text="What would make our blog better?", kind=SENTENCE, sort_order=2
    )
    return survey


class SurveyTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.school = build_school()
        cls.users = cls.school.users
        cls.survey = make_survey()
        cls.enjoy, cls.readers, cls.better = cls.survey.questions.order_by("sort_order")

    def run_for(self, classes, access=SurveyRun.Access.CODE, **fields) -> SurveyRun:
        run = SurveyRun.objects.create(
            survey=self.survey, label="Baseline", access=access, **fields
        )
        run.classes.set(classes)
        return run

    def answers(self, **values) -> dict:
        questions = {"enjoy": self.enjoy, "readers": self.readers, "better": self.better}
        return {f"question_{questions[key].pk}": value for key, value in values.items()}


class BuildingASurveyTests(SurveyTestCase):
    def setUp(self):
        self.client.force_login(self.users["head"])

    def test_a_senior_leader_builds_a_survey_of_smileys_choices_and_a_sentence(self):
        data = nested_form_data(
            {
                "title": "Writing online",
                "introduction": "",
                "questions": inline_formset(
                    [
                        {"text": "Do you like our blog?", "kind": SMILEY, "choices": ""},
                        {"text": "Best part?", "kind": CHOICE, "choices": "Writing\nComments"},
                        {"text": "Tell us more", "kind": SENTENCE, "choices": ""},
                    ]
                ),
            }
        )
        response = self.client.post(reverse("wagtailsnippets_blogs_survey:add"), data)
        self.assertEqual(response.status_code, 302)
        survey = Survey.objects.get(title="Writing online")
        self.assertEqual(
            list(survey.questions.values_list("kind", flat=True)), [SMILEY, CHOICE, SENTENCE]
        )

    def test_an_empty_survey_is_refused(self):
        data = nested_form_data({"title": "Nothing to ask", "questions": inline_formset([], min=1)})
        response = self.client.post(reverse("wagtailsnippets_blogs_survey:add"), data)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(Survey.objects.filter(title="Nothing to ask").exists())

    def test_a_choice_question_needs_two_answers_to_choose_from(self):
        data = nested_form_data(
            {
                "title": "One choice",
                "questions": inline_formset([{"text": "Pick", "kind": CHOICE, "choices": "Yes"}]),
            }
        )
        response = self.client.post(reverse("wagtailsnippets_blogs_survey:add"), data)
        self.assertContains(response, "Give between two and 8 answers, one per line.")
        self.assertFalse(Survey.objects.filter(title="One choice").exists())

    def test_a_survey_without_questions_cannot_be_run(self):
        empty = Survey.objects.create(title="Not ready")
        data = {
            "survey": empty.pk,
            "label": "Baseline",
            "classes": [self.school.eagle.pk],
            "access": SurveyRun.Access.CODE,
            "opens": timezone.localdate().isoformat(),
            "closes": "",
        }
        response = self.client.post(reverse("wagtailsnippets_blogs_surveyrun:add"), data)
        self.assertContains(
            response, "This survey has no questions yet. Add some before running it."
        )
        self.assertFalse(SurveyRun.objects.exists())

    def test_a_run_gets_a_code_children_can_type(self):
        data = {
            "survey": self.survey.pk,
            "label": "Baseline",
            "classes": [self.school.eagle.pk, self.school.falcon.pk],
            "access": SurveyRun.Access.CODE,
            "opens": timezone.localdate().isoformat(),
            "closes": "",
        }
        response = self.client.post(reverse("wagtailsnippets_blogs_surveyrun:add"), data)
        self.assertEqual(response.status_code, 302)
        run = SurveyRun.objects.get()
        self.assertRegex(run.code, r"^[a-z]+-[a-z]+$")
        self.assertEqual(run.classes.count(), 2)

    def test_runs_are_listed_with_the_code_children_type(self):
        run = self.run_for([self.school.eagle])
        response = self.client.get(reverse("wagtailsnippets_blogs_surveyrun:list"))
        self.assertContains(response, run.code)
        for name in ("survey", "termdates"):
            with self.subTest(name=name):
                listing = reverse(f"wagtailsnippets_blogs_{name}:list")
                self.assertEqual(self.client.get(listing).status_code, 200)

    def test_teachers_cannot_build_surveys(self):
        self.client.force_login(self.users["eagle.teacher"])
        response = self.client.get(reverse("wagtailsnippets_blogs_survey:add"))
        self.assertRedirects(response, reverse("wagtailadmin_home"), fetch_redirect_response=False)


class AnsweringWithACodeTests(SurveyTestCase):
    def setUp(self):
        self.run = self.run_for([self.school.eagle, self.school.falcon])
        self.url = reverse("survey_answer", args=[self.run.code])

    def test_a_child_types_the_code_as_they_like(self):
        typed = self.run.code.replace("-", " ").upper()
        response = self.client.get(reverse("survey_start"), {"code": f"  {typed} "})
        self.assertRedirects(response, self.url)

    def test_a_wrong_code_gets_a_plain_message(self):
        response = self.client.get(reverse("survey_start"), {"code": "purple elephant"})
        self.assertContains(
            response, "There is no survey with that code. Check it with your teacher."
        )

    def test_the_questions_are_big_labelled_buttons(self):
        response = self.client.get(self.url)
        self.assertContains(response, 'class="smiley"', count=5)
        self.assertContains(response, "Yes, a lot")
        self.assertContains(response, "<legend>1. Do you enjoy writing posts?</legend>", html=True)
        self.assertContains(response, "Which class are you in?")

    def test_answers_are_stored_without_anyone_s_identity(self):
        data = {
            "class_blog": self.school.falcon.pk,
            **self.answers(enjoy="5", better="More videos"),
        }
        response = self.client.post(self.url, data)
        self.assertRedirects(response, reverse("survey_thanks", args=[self.run.code]))
        response = SurveyResponse.objects.get()
        self.assertEqual(response.class_blog.specific, self.school.falcon)
        self.assertEqual(
            {
                answer.question_id: (answer.smiley, answer.sentence)
                for answer in response.answers.all()
            },
            {self.enjoy.pk: (5, ""), self.better.pk: (None, "More videos")},
        )
        self.assertFalse(SurveyRespondent.objects.exists())

    def test_no_table_of_answers_can_name_a_child_or_say_when(self):
        user_model = get_user_model()
        for model in (SurveyResponse, SurveyAnswer, SurveyRespondent):
            for field in model._meta.get_fields():
                with self.subTest(model=model.__name__, field=field.name):
                    self.assertIsNot(getattr(field, "related_model", None), user_model)
                    self.assertNotIn(field.get_internal_type(), {"DateTimeField", "DateField"})

    def test_an_empty_answer_is_refused_and_nothing_stored(self):
        response = self.client.post(self.url, {"class_blog": self.school.eagle.pk})
        self.assertContains(
            response, "Answer at least one question, then press Send.", status_code=400
        )
        self.assertFalse(SurveyResponse.objects.exists())

    def test_the_class_must_be_chosen(self):
        response = self.client.post(self.url, self.answers(enjoy="3"))
        self.assertContains(response, "Choose your class.", status_code=400)
        self.assertFalse(SurveyResponse.objects.exists())

    def test_a_closed_survey_says_so(self):
        self.run.closes = timezone.localdate() - timedelta(days=1)
        self.run.opens = self.run.closes - timedelta(days=7)
        self.run.save()
        response = self.client.post(
            self.url, {"class_blog": self.school.eagle.pk, **self.answers(enjoy="3")}
        )
        self.assertContains(response, "This survey is closed.")
        self.assertFalse(SurveyResponse.objects.exists())


class AnsweringSignedInTests(SurveyTestCase):
    def setUp(self):
        self.run = self.run_for([self.school.eagle], access=SurveyRun.Access.SIGNED_IN)
        self.url = reverse("survey_answer", args=[self.run.code])

    def test_a_child_signs_in_first(self):
        response = self.client.get(self.url)
        self.assertRedirects(
            response,
            f"{reverse('wagtailadmin_login')}?next={self.url}",
            fetch_redirect_response=False,
        )

    def test_a_signed_in_pupil_answers_once_and_stays_anonymous(self):
        pupil = self.users["eagle.pupil"]
        self.client.force_login(pupil)
        page = self.client.get(self.url)
        self.assertContains(page, "Your class: Eagle Class")
        self.client.post(self.url, self.answers(enjoy="4"))
        response = SurveyResponse.objects.get()
        self.assertEqual(response.class_blog.specific, self.school.eagle)
        respondent = SurveyRespondent.objects.get()
        # A keyed hash: it matches this pupil only for someone holding the site's secret key.
        self.assertRegex(respondent.key, r"^[0-9a-f]{64}$")
        self.assertNotIn(pupil.username, respondent.key)

        again = self.client.get(self.url)
        self.assertContains(again, "You have answered this survey already. Thank you!")
        self.assertNotContains(again, "Send my answers")
        second = self.client.post(self.url, self.answers(enjoy="1"))
        self.assertContains(second, "You have answered this survey already. Thank you!")
        self.assertEqual(SurveyResponse.objects.count(), 1)
        self.assertEqual(SurveyAnswer.objects.get().smiley, 4)

    def test_a_pupil_of_another_class_is_told_it_is_not_for_them(self):
        self.client.force_login(self.users["digital.leader"])
        response = self.client.get(self.url)
        self.assertContains(response, "This survey is for other classes.", status_code=403)


class ResultsTests(SurveyTestCase):
    def setUp(self):
        self.client.force_login(self.users["head"])
        today = timezone.localdate()
        self.baseline = self.run_for([self.school.eagle], opens=today - timedelta(days=300))
        self.follow_up = self.run_for([self.school.eagle], opens=today)
        self.follow_up.label = "Follow-up"
        self.follow_up.save()

    def answer(self, run, enjoy: int, readers: str = "", better: str = "") -> None:
        data = {"class_blog": self.school.eagle.pk, **self.answers(enjoy=str(enjoy))}
        data.update(self.answers(readers=readers, better=better))
        self.client.post(reverse("survey_answer", args=[run.code]), data)

    def test_results_show_baseline_and_follow_up_side_by_side(self):
        self.client.logout()
        for enjoy in (1, 2, 4, 5):
            self.answer(self.baseline, enjoy, readers="Nobody yet")
        for enjoy in (4, 5, 5):
            self.answer(self.follow_up, enjoy, readers="A grown-up", better="Videos")
        self.client.force_login(self.users["head"])
        response = self.client.get(reverse("blogging_reports:survey_result", args=[self.survey.pk]))
        self.assertContains(response, "Baseline: 4 answers. Follow-up: 3 answers.")
        self.assertContains(
            response,
            "Answering “Yes, a bit” or “Yes, a lot”: 50% at the baseline, 100% at the follow-up "
            "(+50 points).",
        )
        self.assertContains(
            response,
            '<tr><th scope="row">Yes, a lot</th><td class="number">1 (25%)</td>'
            '<td class="number">2 (67%)</td></tr>',
            html=True,
        )
        self.assertContains(
            response,
            '<tr><th scope="row">Nobody yet</th><td class="number">4 (100%)</td>'
            '<td class="number">0 (0%)</td></tr>',
            html=True,
        )
        self.assertContains(response, "<li>Videos</li>", count=3, html=True)

    def test_the_same_run_cannot_be_compared_with_itself(self):
        url = reverse("blogging_reports:survey_result", args=[self.survey.pk])
        response = self.client.get(
            url, {"baseline": self.baseline.pk, "follow_up": self.baseline.pk}
        )
        self.assertContains(response, "Choose two different runs to compare.")
