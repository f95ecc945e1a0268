"""Sign-ins are counted as one total per pupil per day, whichever sign-in page is used, and
nothing else about them is kept; staff sign-ins are not counted."""

from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from blogs.demo.school import DEFAULT_DEMO_PASSWORD
from blogs.models import SignInDay
from tests.school import build_school


class SignInCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.school = build_school()

    def sign_in(self, username: str, url: str) -> None:
        response = self.client.post(url, {"username": username, "password": DEFAULT_DEMO_PASSWORD})
        self.assertEqual(response.status_code, 302)
        self.client.logout()

    def test_a_pupil_s_sign_ins_add_up_to_one_daily_total(self):
        self.sign_in("eagle.pupil", reverse("wagtailadmin_login"))
        self.sign_in("eagle.pupil", reverse("wagtailadmin_login"))
        rows = SignInDay.objects.filter(user=self.school.users["eagle.pupil"])
        self.assertEqual(list(rows.values_list("date", "count")), [(timezone.localdate(), 2)])

    def test_the_public_sign_in_page_counts_too(self):
        self.sign_in("eagle.pupil", reverse("login"))
        self.assertEqual(SignInDay.objects.get(user=self.school.users["eagle.pupil"]).count, 1)

    def test_staff_sign_ins_are_not_counted(self):
        self.sign_in("eagle.teacher", reverse("wagtailadmin_login"))
        self.sign_in("head", reverse("wagtailadmin_login"))
        self.assertFalse(SignInDay.objects.exists())

    def test_no_time_address_or_device_is_kept(self):
        self.assertEqual(
            {field.name for field in SignInDay._meta.get_fields()}, {"id", "user", "date", "count"}
        )
