"""Teachers make pupil accounts in bulk, print login cards and reset passwords."""

import re

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse

from blogs.demo.school import DEFAULT_DEMO_PASSWORD
from tests.school import build_school

User = get_user_model()


class PupilAccountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        school = build_school()
        cls.eagle, cls.falcon = school.eagle, school.falcon

    def setUp(self):
        self.client.login(username="eagle.teacher", password=DEFAULT_DEMO_PASSWORD)
        self.users_before = User.objects.count()

    def submit(self, names: str = "", csv: bytes | None = None, class_blog=None):
        data = {"class_blog": (class_blog or self.eagle).pk, "names": names}
        if csv is not None:
            data["csv_file"] = SimpleUploadedFile("class.csv", csv, "text/csv")
        return self.client.post(reverse("pupil_accounts"), data)

    def cards(self, response) -> list[tuple[str, str]]:
        html = response.content.decode()
        usernames = re.findall(r'login-card__username">([^<]+)<', html)
        passwords = re.findall(r'login-card__password">([^<]+)<', html)
        return list(zip(usernames, passwords, strict=True))

    def test_a_teacher_creates_pupils_from_a_list_and_gets_login_cards(self):
        response = self.submit("Ben\nChloé\nOlivia B\n")
        self.assertEqual(response.status_code, 200)
        cards = self.cards(response)
        self.assertEqual(
            [username for username, _ in cards], ["ben.eagle", "chloe.eagle", "oliviab.eagle"]
        )
        for username, password in cards:
            pupil = User.objects.get(username=username)
            self.assertEqual(pupil.email, "")
            self.assertTrue(pupil.groups.filter(pk=self.eagle.pupils_group_id).exists())
            self.assertEqual(pupil.author_profile.role, "pupil")
            self.assertTrue(self.client.login(username=username, password=password))

    def test_a_csv_with_a_first_name_column_works_too(self):
        response = self.submit(csv=b"first_name\r\nIsla\r\nMateo\r\n")
        self.assertEqual(len(self.cards(response)), 2)
        self.assertTrue(User.objects.filter(username="mateo.eagle").exists())

    def test_a_csv_with_the_wrong_columns_is_refused_and_nothing_is_created(self):
        response = self.submit(csv=b"name,surname\r\nIsla,Jones\r\n")
        self.assertContains(response, "The CSV needs exactly one column, headed “first_name”")
        self.assertContains(response, "Nothing has been created.")
        self.assertEqual(User.objects.count(), self.users_before)

    def test_blank_duplicate_and_full_names_are_reported_row_by_row_and_nothing_is_created(self):
        response = self.submit("Ben\n\nben\nJack Smith\nAmara\nRuby\n")
        self.assertContains(response, "Row 2: the name is blank.")
        self.assertContains(response, "Row 3: “ben” is also on row 1.")
        self.assertContains(response, "Row 4: “Jack Smith” should be a first name only")
        self.assertContains(response, "Row 5: Eagle Class already has a pupil called “Amara”.")
        self.assertNotContains(response, "Row 6")
        self.assertEqual(User.objects.count(), self.users_before)

    def test_a_teacher_resets_a_pupils_password(self):
        pupil = User.objects.get(username="eagle.pupil")
        response = self.client.post(reverse("pupil_accounts_reset_password", args=(pupil.pk,)))
        [(username, password)] = self.cards(response)
        self.assertEqual(username, "eagle.pupil")
        self.client.logout()
        self.assertFalse(self.client.login(username="eagle.pupil", password=DEFAULT_DEMO_PASSWORD))
        self.assertTrue(self.client.login(username="eagle.pupil", password=password))

    def test_a_teacher_cannot_manage_another_class(self):
        self.client.login(username="falcon.teacher", password=DEFAULT_DEMO_PASSWORD)
        response = self.submit("Sneaky", class_blog=self.eagle)
        self.assertContains(response, "Select a valid choice")
        self.assertFalse(User.objects.filter(first_name="Sneaky").exists())
        pupil = User.objects.get(username="eagle.pupil")
        response = self.client.post(reverse("pupil_accounts_reset_password", args=(pupil.pk,)))
        self.assertNotEqual(response.status_code, 200)
        pupil.refresh_from_db()
        self.assertTrue(pupil.check_password(DEFAULT_DEMO_PASSWORD))

    def test_the_page_lists_the_teachers_classes_only(self):
        html = self.client.get(reverse("pupil_accounts")).content.decode()
        self.assertIn("eagle.pupil", html)
        self.assertNotIn("Falcon Class</h2>", html)
        self.client.login(username="head", password=DEFAULT_DEMO_PASSWORD)
        html = self.client.get(reverse("pupil_accounts")).content.decode()
        self.assertIn("Falcon Class</h2>", html)
