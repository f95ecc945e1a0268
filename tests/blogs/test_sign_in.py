"""Signing in cannot be guessed: lock-out, pupils' passwords, the school's name, two-step sign-in,
and a way to sign out of the public site.

Everything goes through the real pages: Wagtail's /admin/login/, the public /en-gb/login/, the
account page and the Pupil accounts page, with the test client.
"""

import math
import re
import time
from base64 import b32decode
from html import unescape

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client, TestCase, override_settings
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Locale

from blogs.demo.school import DEFAULT_DEMO_PASSWORD
from blogs.school.password_words import WORDS
from blogs.school.passwords import WORDS_PER_PASSWORD
from home.site_settings import SchoolSettings
from tests.school import build_school

User = get_user_model()

ADMIN_LOGIN = "/admin/login/"
PUBLIC_LOGIN = "/en-gb/login/"
SCHOOL = "203.0.113.10"
HOME = "198.51.100.7"
PUPIL_PASSWORD = re.compile(r"^[a-z]{3,5}-[a-z]{3,5}-[a-z]{3,5}$")


def sign_in(client: Client, username: str, password: str, url: str = ADMIN_LOGIN, **extra):
    return client.post(
        url, {"username": username, "password": password, "next": "/admin/"}, **extra
    )


def is_signed_in(client: Client) -> bool:
    # A pupil's admin home is "My posts"; anyone signed out is sent to the sign-in page.
    return client.get("/admin/", follow=True).redirect_chain[-1:] in (
        [],
        [(reverse("writing:my_posts"), 302)],
    )


class SignInTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.school = build_school()

    def wrong_tries(self, username: str, count: int, url: str = ADMIN_LOGIN, **extra):
        return [sign_in(Client(), username, "not-the-password", url, **extra) for _ in range(count)]


class LockOutTests(SignInTestCase):
    def test_five_wrong_passwords_pause_that_username_from_that_address(self):
        responses = self.wrong_tries("eagle.pupil", 5, REMOTE_ADDR=SCHOOL)
        self.assertEqual([r.status_code for r in responses[:4]], [200] * 4)
        self.assertEqual(responses[4].status_code, 429)
        self.assertContains(responses[4], "Signing in is paused", status_code=429)
        self.assertContains(responses[4], "Please wait 15 minutes", status_code=429)

        # Even the right password is refused now, on either sign-in page.
        client = Client(REMOTE_ADDR=SCHOOL)
        for url in (ADMIN_LOGIN, PUBLIC_LOGIN):
            response = sign_in(client, "eagle.pupil", DEFAULT_DEMO_PASSWORD, url)
            self.assertEqual(response.status_code, 429)
            self.assertFalse(is_signed_in(client))

    def test_the_count_is_shared_by_both_forms_and_kept_in_the_database(self):
        self.wrong_tries("eagle.teacher", 3, ADMIN_LOGIN, REMOTE_ADDR=SCHOOL)
        cache.clear()  # nothing lives in one server's memory: another worker sees the same
        self.wrong_tries("eagle.teacher", 2, PUBLIC_LOGIN, REMOTE_ADDR=SCHOOL)
        response = sign_in(Client(), "eagle.teacher", DEFAULT_DEMO_PASSWORD, REMOTE_ADDR=SCHOOL)
        self.assertEqual(response.status_code, 429)

    def test_other_pupils_at_school_and_the_same_pupil_at_home_are_not_paused(self):
        self.wrong_tries("eagle.pupil", 5, REMOTE_ADDR=SCHOOL)
        classmate = Client(REMOTE_ADDR=SCHOOL)
        self.assertEqual(
            sign_in(classmate, "digital.leader", DEFAULT_DEMO_PASSWORD).status_code, 302
        )
        self.assertTrue(is_signed_in(classmate))
        at_home = Client(REMOTE_ADDR=HOME)
        self.assertEqual(sign_in(at_home, "eagle.pupil", DEFAULT_DEMO_PASSWORD).status_code, 302)

    def test_signing_in_clears_the_count(self):
        self.wrong_tries("eagle.pupil", 4, REMOTE_ADDR=SCHOOL)
        client = Client(REMOTE_ADDR=SCHOOL)
        self.assertEqual(sign_in(client, "eagle.pupil", DEFAULT_DEMO_PASSWORD).status_code, 302)
        responses = self.wrong_tries("eagle.pupil", 4, REMOTE_ADDR=SCHOOL)
        self.assertEqual([r.status_code for r in responses], [200] * 4)

    def test_a_forged_forwarded_for_header_does_not_escape_the_pause(self):
        responses = [
            sign_in(
                Client(),
                "eagle.pupil",
                "wrong",
                REMOTE_ADDR=SCHOOL,
                HTTP_X_FORWARDED_FOR=f"192.0.2.{n}",
            )
            for n in range(5)
        ]
        self.assertEqual(responses[-1].status_code, 429)

    @override_settings(SCHOOLSITE_TRUSTED_PROXY_COUNT=1)
    def test_behind_a_trusted_proxy_each_visitor_is_counted_on_their_own(self):
        proxy = {"REMOTE_ADDR": "10.0.0.2"}
        self.wrong_tries("eagle.pupil", 5, HTTP_X_FORWARDED_FOR=SCHOOL, **proxy)
        paused = sign_in(
            Client(), "eagle.pupil", DEFAULT_DEMO_PASSWORD, HTTP_X_FORWARDED_FOR=SCHOOL, **proxy
        )
        self.assertEqual(paused.status_code, 429)
        home = sign_in(
            Client(), "eagle.pupil", DEFAULT_DEMO_PASSWORD, HTTP_X_FORWARDED_FOR=HOME, **proxy
        )
        self.assertEqual(home.status_code, 302)

    def test_the_pause_page_is_in_the_visitors_language(self):
        Locale.objects.create(language_code="cy")
        responses = self.wrong_tries("eagle.pupil", 5, "/cy/login/", REMOTE_ADDR=SCHOOL)
        self.assertEqual(responses[-1].status_code, 429)
        self.assertContains(responses[-1], '<html lang="cy"', status_code=429)

    def test_a_new_password_from_the_teacher_unpauses_a_pupil(self):
        self.wrong_tries("eagle.pupil", 5, REMOTE_ADDR=SCHOOL)
        teacher = Client()
        teacher.force_login(self.school.users["eagle.teacher"])
        pupil = self.school.users["eagle.pupil"]
        response = teacher.post(reverse("pupil_accounts_reset_password", args=(pupil.pk,)))
        [password] = re.findall(r'login-card__password">([^<]+)<', response.content.decode())
        client = Client(REMOTE_ADDR=SCHOOL)
        self.assertEqual(sign_in(client, "eagle.pupil", password).status_code, 302)

    def test_djangos_own_admin_is_not_there(self):
        for url in ("/django-admin/", "/django-admin/login/"):
            # An unknown address without a language goes to the visitor's language, then 404s.
            self.assertEqual(self.client.get(url, follow=True).status_code, 404)


class PupilPasswordTests(SignInTestCase):
    def test_the_word_list_gives_enough_passwords_and_fits_a_login_card(self):
        self.assertEqual(len(WORDS), len(set(WORDS)))
        self.assertTrue(all(re.fullmatch(r"[a-z]{3,5}", word) for word in WORDS))
        self.assertGreaterEqual(math.log10(len(WORDS) ** WORDS_PER_PASSWORD), 7.5)

    def test_new_pupils_get_three_short_words_and_sign_in_with_them(self):
        teacher = Client()
        teacher.force_login(self.school.users["eagle.teacher"])
        response = teacher.post(
            reverse("pupil_accounts"), {"class_blog": self.school.eagle.pk, "names": "Ben\nIsla\n"}
        )
        html = response.content.decode()
        usernames = re.findall(r'login-card__username">([^<]+)<', html)
        passwords = re.findall(r'login-card__password">([^<]+)<', html)
        self.assertEqual(usernames, ["ben.eagle", "isla.eagle"])
        for username, password in zip(usernames, passwords, strict=True):
            self.assertRegex(password, PUPIL_PASSWORD)
            self.assertTrue(set(password.split("-")) <= set(WORDS))
            pupil = Client()
            self.assertEqual(sign_in(pupil, username, password).status_code, 302)
            self.assertTrue(is_signed_in(pupil))


class SchoolNamePasswordTests(SignInTestCase):
    def change_password(self, username: str, new_password: str):
        client = Client()
        client.force_login(self.school.users[username])
        page = client.get(reverse("wagtailadmin_account"))
        return client.post(
            reverse("wagtailadmin_account"),
            {
                **account_form_data(page),
                "password-old_password": DEFAULT_DEMO_PASSWORD,
                "password-new_password1": new_password,
                "password-new_password2": new_password,
            },
        )

    def test_the_schools_name_the_sites_name_and_the_username_are_refused(self):
        SchoolSettings.objects.update_or_create(
            site=self.school.home.get_site(), defaults={"school_name": "Oakfield Primary School"}
        )
        for password in (
            "Oakfield-2024!",
            "oak field primary 77",
            "Schoolsite-demo-9",
            "teacher-kite-42",
        ):
            response = self.change_password("eagle.teacher", password)
            self.assertContains(response, "can’t contain the school’s name or your username")
            self.assertTrue(
                User.objects.get(username="eagle.teacher").check_password(DEFAULT_DEMO_PASSWORD)
            )

    def test_a_good_password_is_still_accepted(self):
        response = self.change_password("eagle.teacher", "violet-harbour-77-lantern")
        self.assertRedirects(response, reverse("wagtailadmin_account"))
        client = Client()
        self.assertEqual(
            sign_in(client, "eagle.teacher", "violet-harbour-77-lantern").status_code, 302
        )


def account_form_data(response) -> dict:
    """What the account page's forms send back unchanged, as a browser would."""
    data = {}
    for panels in response.context["panels_by_tab"].values():
        for panel in panels:
            for field in panel.get_form():
                value = field.value()
                if value is None or value is False or field.widget_type == "clearablefile":
                    continue
                data[field.html_name] = "on" if value is True else value
    return data


def key_from_setup_page(response) -> bytes:
    [key] = re.findall(r'class="two-factor-key">([^<]+)<', response.content.decode())
    return b32decode(unescape(key).replace(" ", ""))


def code(key: bytes, seconds_ahead: int = 0) -> str:
    """What an authenticator app shows, now or ``seconds_ahead`` from now."""
    totp = TOTP(key)
    totp.time = time.time() + seconds_ahead
    return f"{totp.token():06d}"


class TwoStepSignInTests(SignInTestCase):
    def turn_on(self, client: Client) -> bytes:
        page = client.get(reverse("two_factor_setup"))
        key = key_from_setup_page(page)
        response = client.post(reverse("two_factor_setup"), {"code": code(key)})
        self.assertRedirects(response, reverse("wagtailadmin_account"))
        return key

    def test_a_teacher_turns_it_on_and_then_signing_in_needs_the_code(self):
        teacher = Client()
        self.assertEqual(sign_in(teacher, "eagle.teacher", DEFAULT_DEMO_PASSWORD).status_code, 302)
        self.assertContains(
            teacher.get(reverse("wagtailadmin_account")), "Turn on two-step sign-in"
        )
        key = self.turn_on(teacher)
        teacher.post("/admin/logout/")

        # The right password alone now shows the code step and signs nobody in.
        client = Client()
        response = sign_in(client, "eagle.teacher", DEFAULT_DEMO_PASSWORD)
        self.assertContains(response, "Enter your code")
        self.assertFalse(is_signed_in(client))

        wrong = client.post(
            ADMIN_LOGIN, {"sign_in_step": "code", "code": "000000", "next": "/admin/"}
        )
        self.assertContains(wrong, "That code didn’t work")
        self.assertFalse(is_signed_in(client))
        time.sleep(1.1)  # django-otp makes the next try after a wrong code wait a second

        right = client.post(
            ADMIN_LOGIN, {"sign_in_step": "code", "code": code(key, 30), "next": "/admin/pages/"}
        )
        self.assertRedirects(right, "/admin/pages/", fetch_redirect_response=False)
        self.assertTrue(is_signed_in(client))

    def test_the_public_sign_in_page_asks_for_the_code_too(self):
        teacher = Client()
        teacher.force_login(self.school.users["falcon.teacher"])
        key = self.turn_on(teacher)
        client = Client()
        response = sign_in(client, "falcon.teacher", DEFAULT_DEMO_PASSWORD, PUBLIC_LOGIN)
        self.assertContains(response, "Enter your code")
        self.assertNotIn("_auth_user_id", client.session)
        response = client.post(
            PUBLIC_LOGIN, {"sign_in_step": "code", "code": code(key, 30), "next": "/en-gb/"}
        )
        self.assertRedirects(response, "/en-gb/", fetch_redirect_response=False)
        self.assertEqual(
            client.session["_auth_user_id"], str(self.school.users["falcon.teacher"].pk)
        )

    def test_wrong_codes_count_towards_the_pause(self):
        teacher = Client()
        teacher.force_login(self.school.users["eagle.teacher"])
        key = self.turn_on(teacher)
        client = Client(REMOTE_ADDR=SCHOOL)
        sign_in(client, "eagle.teacher", DEFAULT_DEMO_PASSWORD)
        statuses = [
            client.post(ADMIN_LOGIN, {"sign_in_step": "code", "code": "123456"}).status_code
            for _ in range(5)
        ]
        self.assertEqual(statuses[-1], 429)
        response = client.post(ADMIN_LOGIN, {"sign_in_step": "code", "code": code(key, 30)})
        self.assertEqual(response.status_code, 429)
        self.assertFalse(is_signed_in(client))

    def test_a_session_from_before_it_was_turned_on_is_signed_out(self):
        other_browser = Client()
        other_browser.force_login(self.school.users["head"])
        self.assertTrue(is_signed_in(other_browser))
        head = Client()
        head.force_login(self.school.users["head"])
        self.turn_on(head)
        self.assertTrue(is_signed_in(head))
        self.assertFalse(is_signed_in(other_browser))

    def test_pupils_are_never_offered_it_nor_asked(self):
        pupil = Client()
        self.assertEqual(sign_in(pupil, "eagle.pupil", DEFAULT_DEMO_PASSWORD).status_code, 302)
        self.assertNotContains(pupil.get(reverse("wagtailadmin_account")), "two-step")
        leader = Client()
        leader.force_login(self.school.users["digital.leader"])
        for client in (pupil, leader):
            # Wagtail answers a refused admin page by going back to the dashboard.
            response = client.get(reverse("two_factor_setup"))
            self.assertRedirects(
                response, reverse("wagtailadmin_home"), fetch_redirect_response=False
            )
        self.assertFalse(TOTPDevice.objects.exists())

    def test_it_can_be_turned_off_with_a_code_or_by_a_superuser(self):
        teacher = Client()
        teacher.force_login(self.school.users["eagle.teacher"])
        key = self.turn_on(teacher)
        refused = teacher.post(reverse("two_factor_setup"), {"code": "12"})
        self.assertContains(refused, "Enter the 6 numbers")
        response = teacher.post(reverse("two_factor_setup"), {"code": code(key, 30)})
        self.assertRedirects(response, reverse("wagtailadmin_account"))
        self.assertEqual(sign_in(Client(), "eagle.teacher", DEFAULT_DEMO_PASSWORD).status_code, 302)

        key = self.turn_on(teacher)
        head = Client()
        head.force_login(self.school.users["head"])
        teacher_user = self.school.users["eagle.teacher"]
        edit_url = reverse("wagtailusers_users:edit", args=(teacher_user.pk,))
        form = head.get(edit_url).context["form"]
        data = {name: value for name, value in form.initial.items() if value not in (None, False)}
        data["groups"] = [group.pk for group in teacher_user.groups.all()]
        data["turn_off_two_factor"] = "on"
        self.assertRedirects(head.post(edit_url, data), reverse("wagtailusers_users:index"))
        self.assertEqual(sign_in(Client(), "eagle.teacher", DEFAULT_DEMO_PASSWORD).status_code, 302)

    def test_bad_or_late_codes_get_a_plain_message_and_change_nothing(self):
        client = Client()
        late = client.post(ADMIN_LOGIN, {"sign_in_step": "code", "code": "123456"})
        self.assertContains(late, "Signing in took too long")
        late = client.post(PUBLIC_LOGIN, {"sign_in_step": "code", "code": "123456"})
        self.assertContains(late, "Signing in took too long")
        teacher = Client()
        teacher.force_login(self.school.users["eagle.teacher"])
        self.turn_on(teacher)
        sign_in(client, "eagle.teacher", DEFAULT_DEMO_PASSWORD)
        for bad in ("", "abcdef", "1" * 40, "12 34"):
            response = client.post(ADMIN_LOGIN, {"sign_in_step": "code", "code": bad})
            self.assertEqual(response.status_code, 200)
            self.assertFalse(is_signed_in(client))


class SignOutTests(SignInTestCase):
    def test_signed_in_visitors_see_sign_out_on_the_public_site_and_it_works(self):
        client = Client()
        sign_in(client, "staff", DEFAULT_DEMO_PASSWORD, PUBLIC_LOGIN)
        page = client.get("/en-gb/")
        self.assertContains(page, 'action="/en-gb/logout/"')
        self.assertContains(page, ">Sign out</button>")
        response = client.post("/en-gb/logout/")
        self.assertRedirects(response, "/en-gb/", fetch_redirect_response=False)
        self.assertNotContains(client.get("/en-gb/"), ">Sign out</button>")

    def test_anonymous_visitors_see_no_sign_out_and_get_no_cookie(self):
        response = self.client.get("/en-gb/")
        self.assertNotContains(response, "/en-gb/logout/")
        self.assertEqual(response.cookies, {})

    def test_opening_the_sign_out_address_shows_a_sign_out_button(self):
        client = Client()
        client.force_login(self.school.users["staff"])
        response = client.get("/en-gb/logout/")
        self.assertContains(response, ">Sign out</button>")
        self.assertIn("_auth_user_id", client.session)  # opening it signs nobody out
        self.assertContains(Client().get("/en-gb/logout/"), "You are signed out.")
