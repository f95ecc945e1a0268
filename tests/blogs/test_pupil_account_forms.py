"""Pupils have a first name only: Wagtail's user forms and account page work without a surname
or an email, and refuse a surname for a pupil."""

from django.contrib.auth import get_user_model
from django.test import Client, TestCase
from django.urls import reverse

from blogs.demo.school import DEFAULT_DEMO_PASSWORD
from tests.blogs.test_sign_in import account_form_data, sign_in
from tests.school import build_school

User = get_user_model()


class PupilAccountFormTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.school = build_school()
        cls.pupil = cls.school.users["eagle.pupil"]

    def setUp(self):
        self.head = Client()
        self.head.force_login(self.school.users["head"])

    def edit_data(self, user, **changes) -> dict:
        """The head's edit form for ``user`` as the admin shows it, with ``changes``."""
        form = self.head.get(reverse("wagtailusers_users:edit", args=(user.pk,))).context["form"]
        data = {
            name: value
            for name, value in form.initial.items()
            if name in form.fields and value not in (None, False, "")
        }
        data["groups"] = [group.pk for group in user.groups.all()]
        data.update(changes)
        return {name: value for name, value in data.items() if value is not None}

    def test_the_head_adds_a_pupil_with_a_first_name_only(self):
        response = self.head.post(
            reverse("wagtailusers_users:add"),
            {
                "username": "zara.eagle",
                "first_name": "Zara",
                "password1": "otter-jam-kite",
                "password2": "otter-jam-kite",
                "groups": [self.school.eagle.pupils_group_id],
            },
        )
        self.assertRedirects(response, reverse("wagtailusers_users:index"))
        zara = User.objects.get(username="zara.eagle")
        self.assertEqual((zara.first_name, zara.last_name, zara.email), ("Zara", "", ""))
        self.assertTrue(zara.groups.filter(pk=self.school.eagle.pupils_group_id).exists())
        self.assertEqual(sign_in(Client(), "zara.eagle", "otter-jam-kite").status_code, 302)

    def test_the_head_edits_a_pupil_without_a_surname_or_email(self):
        url = reverse("wagtailusers_users:edit", args=(self.pupil.pk,))
        response = self.head.post(url, self.edit_data(self.pupil, first_name="Amara J"))
        self.assertRedirects(response, reverse("wagtailusers_users:index"))
        self.pupil.refresh_from_db()
        self.assertEqual((self.pupil.first_name, self.pupil.last_name), ("Amara J", ""))

    def test_the_head_deactivates_a_pupil(self):
        url = reverse("wagtailusers_users:edit", args=(self.pupil.pk,))
        response = self.head.post(url, self.edit_data(self.pupil, is_active=None))
        self.assertRedirects(response, reverse("wagtailusers_users:index"))
        self.pupil.refresh_from_db()
        self.assertFalse(self.pupil.is_active)
        self.assertEqual(sign_in(Client(), "eagle.pupil", DEFAULT_DEMO_PASSWORD).status_code, 200)

    def test_a_surname_for_a_pupil_is_refused_and_nothing_is_saved(self):
        url = reverse("wagtailusers_users:edit", args=(self.pupil.pk,))
        response = self.head.post(url, self.edit_data(self.pupil, last_name="Jones"))
        self.assertContains(response, "Pupils are known by their first name only")
        self.pupil.refresh_from_db()
        self.assertEqual(self.pupil.last_name, "")
        response = self.head.post(
            reverse("wagtailusers_users:add"),
            {
                "username": "sam.eagle",
                "first_name": "Sam",
                "last_name": "Jones",
                "password1": "otter-jam-kite",
                "password2": "otter-jam-kite",
                "groups": [self.school.eagle.pupils_group_id],
            },
        )
        self.assertContains(response, "Pupils are known by their first name only")
        self.assertFalse(User.objects.filter(username="sam.eagle").exists())

    def test_staff_keep_their_surname(self):
        teacher = self.school.users["eagle.teacher"]
        url = reverse("wagtailusers_users:edit", args=(teacher.pk,))
        response = self.head.post(url, self.edit_data(teacher, email=""))
        self.assertRedirects(response, reverse("wagtailusers_users:index"))
        teacher.refresh_from_db()
        self.assertEqual(teacher.last_name, "Patel")

    def test_a_pupil_changes_their_own_password_on_the_account_page(self):
        pupil = Client()
        self.assertEqual(sign_in(pupil, "eagle.pupil", DEFAULT_DEMO_PASSWORD).status_code, 302)
        page = pupil.get(reverse("wagtailadmin_account"))
        # Their teacher chose their name: a pupil is not asked for a surname or email.
        self.assertNotIn("name_email-last_name", page.content.decode())
        response = pupil.post(
            reverse("wagtailadmin_account"),
            {
                **account_form_data(page),
                "password-old_password": DEFAULT_DEMO_PASSWORD,
                "password-new_password1": "panda-kite-soup",
                "password-new_password2": "panda-kite-soup",
            },
        )
        self.assertRedirects(response, reverse("wagtailadmin_account"))
        self.assertEqual(sign_in(Client(), "eagle.pupil", "panda-kite-soup").status_code, 302)
        self.assertEqual(sign_in(Client(), "eagle.pupil", DEFAULT_DEMO_PASSWORD).status_code, 200)

    def test_a_teacher_without_an_email_can_still_save_their_account(self):
        teacher = Client()
        teacher.force_login(self.school.users["falcon.teacher"])
        page = teacher.get(reverse("wagtailadmin_account"))
        data = {**account_form_data(page), "name_email-email": ""}
        response = teacher.post(reverse("wagtailadmin_account"), data)
        self.assertRedirects(response, reverse("wagtailadmin_account"))
        self.assertEqual(User.objects.get(username="falcon.teacher").email, "")
