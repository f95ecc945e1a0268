"""The register: read by senior leaders and each class's teachers only, recorded one pupil at a
time or from a CSV file checked row by row, with the history kept and nothing guessed."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse

from blogs.consent.models import Channel, Kind
from blogs.consent.register import consents_for
from blogs.demo.school import DEFAULT_DEMO_PASSWORD
from blogs.models import ConsentRecord
from blogs.school.pupils import create_pupils
from tests.school import build_school

CSV_HEADER = "first_name,class,given_by,date,website_photo,email_name\n"


class RegisterTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.school = build_school()
        create_pupils(["Leo", "Maya"], cls.school.eagle)
        create_pupils(["Finn"], cls.school.falcon)
        users = get_user_model().objects
        cls.leo = users.get(username="leo.eagle")
        cls.maya = users.get(username="maya.eagle")
        cls.finn = users.get(username="finn.falcon")

    def sign_in(self, username: str) -> None:
        self.client.logout()
        self.assertTrue(self.client.login(username=username, password=DEFAULT_DEMO_PASSWORD))

    def import_csv(self, text: str):
        upload = SimpleUploadedFile("consent.csv", text.encode(), "text/csv")
        return self.client.post(reverse("consent:import"), {"csv_file": upload})

    def test_only_senior_leaders_and_the_class_teachers_read_a_pupils_consent(self):
        url = reverse("consent:pupil", args=(self.leo.pk,))
        for username, allowed in [
            ("head", True),
            ("eagle.teacher", True),
            ("falcon.teacher", False),
            ("eagle.pupil", False),
            ("digital.leader", False),
            ("staff", False),
        ]:
            self.sign_in(username)
            response = self.client.get(url)
            self.assertEqual(response.status_code == 200, allowed, username)
            if not allowed:
                self.assertNotContains(response, "Leo", status_code=response.status_code)
        self.client.logout()
        self.assertNotEqual(self.client.get(url).status_code, 200)
        # The school office, given the permission by a senior leader.
        office = get_user_model().objects.create_user("office", password="office-pass-123")
        office.user_permissions.add(
            Permission.objects.get(codename="manage_consent"),
            Permission.objects.get(codename="access_admin"),
        )
        self.client.login(username="office", password="office-pass-123")
        self.assertEqual(self.client.get(url).status_code, 200)

    def test_a_class_teacher_sees_her_class_at_a_glance_and_no_other(self):
        self.sign_in("eagle.teacher")
        html = self.client.get(reverse("consent:register")).content.decode()
        self.assertIn(">Leo<", html)
        self.assertIn(">Maya<", html)
        self.assertNotIn("Finn", html)
        self.assertIn("Nothing may be published (recommended)", html)

    def test_recording_a_decision_keeps_the_history(self):
        self.sign_in("eagle.teacher")
        url = reverse("consent:pupil", args=(self.leo.pk,))
        response = self.client.post(
            url,
            {"given_by": "Dad", "decided_on": "2026-09-04", "website_photo": "yes"},
            follow=True,
        )
        self.assertContains(response, "1 decision recorded for Leo.")
        self.client.post(
            url, {"given_by": "Dad", "decided_on": "2026-10-01", "website_photo": "no"}
        )
        records = ConsentRecord.objects.filter(pupil=self.leo, kind=Kind.PHOTO)
        self.assertEqual([record.allowed for record in records], [False, True])  # newest first
        self.assertFalse(consents_for([self.leo.pk]).allows(self.leo.pk, Kind.PHOTO))
        html = self.client.get(url).content.decode()
        self.assertIn("Dad, 1 Oct 2026", html)

    def test_recording_for_a_pupil_of_another_class_is_refused(self):
        self.sign_in("eagle.teacher")
        response = self.client.post(
            reverse("consent:pupil", args=(self.finn.pk,)),
            {"given_by": "Mum", "decided_on": "2026-09-04", "website_photo": "yes"},
        )
        self.assertNotEqual(response.status_code, 200)
        self.assertFalse(ConsentRecord.objects.filter(pupil=self.finn).exists())

    def test_a_clean_csv_is_recorded(self):
        self.sign_in("head")
        response = self.import_csv(
            CSV_HEADER
            + "Leo,Eagle Class,Mum,2026-09-04,yes,no\n"
            + "maya,eagle,Dad,04/09/2026,no,\n"
            + "Finn,Falcon,Gran,2026-09-05,yes,yes\n"
        )
        self.assertRedirects(response, reverse("consent:register"), fetch_redirect_response=False)
        consents = consents_for([self.leo.pk, self.maya.pk, self.finn.pk])
        self.assertTrue(consents.allows(self.leo.pk, Kind.PHOTO))
        self.assertFalse(consents.allows(self.leo.pk, Kind.NAME, Channel.EMAIL))
        self.assertFalse(consents.allows(self.maya.pk, Kind.PHOTO))
        self.assertIsNone(consents.record(self.maya.pk, Kind.NAME, Channel.EMAIL))  # empty cell
        self.assertEqual(ConsentRecord.objects.get(pupil=self.finn, kind="photo").given_by, "Gran")

    def test_a_csv_with_any_problem_is_refused_row_by_row_and_nothing_is_recorded(self):
        self.sign_in("eagle.teacher")
        response = self.import_csv(
            CSV_HEADER
            + "Leo,Eagle,Mum,2026-09-04,yes,no\n"  # fine on its own
            + "Zed,Eagle,Mum,2026-09-04,yes,\n"  # nobody of that name
            + "Finn,Falcon,Gran,2026-09-05,yes,\n"  # not her class
            + "Maya,Eagle,,someday,perhaps,\n"  # no one said, no date, no answer
            + "Leo,Eagle,Dad,2026-09-04,no,\n"  # contradicts the first row
        )
        problems = [str(problem) for problem in response.context["problems"]]
        self.assertEqual(len(problems), 4)
        self.assertIn("Row 3: no pupil called “Zed” has an account in Eagle Class.", problems)
        self.assertIn("Row 4: class “Falcon” is not one whose consent you may record.", problems)
        self.assertTrue(problems[2].startswith("Row 5:"))
        self.assertIn("the date must look like", problems[2])
        self.assertIn("“perhaps” in website_photo is neither yes nor no", problems[2])
        self.assertIn("Row 6: it disagrees with an earlier row about Leo.", problems)
        self.assertFalse(ConsentRecord.objects.filter(pupil__in=[self.leo, self.maya]).exists())

    def test_unknown_columns_are_refused(self):
        self.sign_in("head")
        response = self.import_csv("first_name,class,given_by,date,facebook_photo\n")
        self.assertEqual(
            response.context["problems"],
            ["Unknown columns: “facebook_photo”. See the README for the columns this takes."],
        )
