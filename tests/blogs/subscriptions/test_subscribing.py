"""Subscribing, confirming, changing choices and unsubscribing, as a family does it: through
the pages and the links in the emails. No account, no cookie, and no page that tells anyone
whether an address is subscribed."""

import re
from datetime import timedelta

from django.conf import settings
from django.core import mail
from django.test import Client, TestCase
from django.utils import timezone
from wagtail.models import Locale

from blogs.comments import tokens
from blogs.models import Subscriber
from blogs.subscriptions.links import make_token
from blogs.subscriptions.sending import run_round
from tests.school import build_school

from .helpers import subscribe_data, text_links

SUBSCRIBE = "/cy/subscribe/"


def no_cookie_but_the_language(response) -> bool:
    """No session or CSRF cookie: only Django's language cookie, as every page in Welsh sets."""
    return set(response.cookies) <= {settings.LANGUAGE_COOKIE_NAME}


def main_content(response) -> str:
    return re.search(r"<main.*</main>", response.content.decode(), re.S).group(0)


def checked(html: str, name: str) -> list[str]:
    """The values of the checked boxes or radio buttons called ``name``."""
    return re.findall(rf'<input type="\w+" name="{name}" value="([^"]+)"[^>]*\bchecked', html)


class SubscribingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.school = build_school(languages=True)
        cls.welsh_eagle = cls.school.eagle.get_translation(Locale.objects.get(language_code="cy"))

    def subscribe(self, client=None, url=SUBSCRIBE, **overrides):
        data = subscribe_data(classes=[self.school.eagle.pk], **overrides)
        return (client or self.client).post(url, data)

    def confirmation_link(self, message) -> str:
        return next(link for link in text_links(message.body) if "/confirm/" in link)

    # Where families find it ----------------------------------------------------------------

    def test_class_blogs_the_home_page_and_the_timeline_offer_to_follow(self):
        eagle = self.client.get("/en-gb/eagle/").content.decode()
        assert f'href="/en-gb/subscribe/?class={self.school.eagle.pk}"' in eagle
        for url in ["/en-gb/", "/en-gb/news/", "/cy/"]:
            html = self.client.get(url).content.decode()
            assert f'href="{url[: url.index("/", 1) + 1]}subscribe/"' in html, url
        # The feed is explained on a page next to the email form, not opened as raw XML.
        assert '<a href="/en-gb/eagle/feed/' not in eagle

    def test_the_follow_page_starts_from_the_class_in_the_visitors_language(self):
        response = self.client.get(f"{SUBSCRIBE}?class={self.welsh_eagle.pk}")
        assert response.status_code == 200
        assert no_cookie_but_the_language(response)
        html = response.content.decode()
        assert '<html lang="cy" dir="ltr">' in html
        assert "Dosbarth yr Eryr" in html
        assert checked(html, "classes") == [str(self.school.eagle.pk)]
        assert re.search(r'<option value="cy" selected>Cymraeg</option>', html)
        for code, name in [("en-gb", "English"), ("pl", "polski"), ("ur", "اردو")]:
            assert f'<option value="{code}">{name}</option>' in html
        # For feed readers: the addresses to paste, in the visitor's language, not links.
        assert "<code" in html and "http://localhost/cy/eagle/feed/rss/</code>" in html
        assert 'href="http://localhost/cy/eagle/feed/rss/"' not in html
        # Without a class, the whole school is offered first.
        html = self.client.get(SUBSCRIBE).content.decode()
        assert 'name="whole_school"' in html and re.search(r'name="whole_school"[^>]*checked', html)

    # Subscribing and confirming ------------------------------------------------------------

    def test_nothing_is_sent_but_the_confirmation_and_only_the_choices_are_kept(self):
        response = self.subscribe()
        assert response.status_code == 302
        assert response["Location"] == "/cy/subscribe/sent/"
        assert no_cookie_but_the_language(response)
        [message] = mail.outbox
        assert message.to == ["nain@example.com"]
        assert message.from_email == "Oakfield Primary School <noreply@localhost>"
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert message.extra_headers["List-Unsubscribe"].startswith(
            "<http://localhost/cy/subscribe/unsubscribe/"
        )
        subscriber = Subscriber.objects.get()
        assert subscriber.email == "nain@example.com"
        assert subscriber.language == "cy"
        assert not subscriber.is_confirmed
        assert list(subscriber.classes.all()) == [self.school.eagle]
        # Until the link is followed, no round sends anything.
        run_round(timezone.now() + timedelta(days=6))
        assert len(mail.outbox) == 1

    def test_the_link_opens_a_page_with_one_button_and_that_confirms(self):
        self.subscribe()
        link = self.confirmation_link(mail.outbox[0])
        assert link.startswith("http://localhost/cy/subscribe/confirm/")
        path = link.removeprefix("http://localhost")
        page = self.client.get(path)
        assert page.status_code == 200
        html = page.content.decode()
        assert "Dosbarth yr Eryr" in html
        assert f'<form method="post" action="{path}">' in html
        # Opening the link (as some mail filters do) confirms nothing.
        assert not Subscriber.objects.get().is_confirmed
        response = self.client.post(path)
        assert response.status_code == 200
        subscriber = Subscriber.objects.get()
        assert subscriber.is_confirmed
        assert "/cy/subscribe/preferences/" in response.content.decode()
        # Pressing it again is harmless.
        assert self.client.post(path).status_code == 200

    def test_asking_again_changes_nothing_and_says_nothing_about_the_address(self):
        self.subscribe()
        new_address_page = main_content(self.client.get("/cy/subscribe/sent/"))
        self.client.post(self.confirmation_link(mail.outbox[0]).removeprefix("http://localhost"))
        before = Subscriber.objects.values().get()
        response = self.subscribe(
            client=Client(REMOTE_ADDR="192.0.2.7"), whole_school="on", frequency="post"
        )
        assert response.status_code == 302
        assert response["Location"] == "/cy/subscribe/sent/"
        assert main_content(self.client.get("/cy/subscribe/sent/")) == new_address_page
        assert Subscriber.objects.values().get() == before
        # Only the address's owner hears of it, with the way to change their choices.
        message = mail.outbox[-1]
        assert message.to == ["nain@example.com"]
        assert any("/cy/subscribe/preferences/" in link for link in text_links(message.body))
        assert not any("/confirm/" in link for link in text_links(message.body))

    def test_an_address_never_confirmed_is_forgotten_after_a_week(self):
        self.subscribe()
        self.subscribe(client=Client(REMOTE_ADDR="192.0.2.8"), email="taid@example.com")
        taid = Subscriber.objects.get(email="taid@example.com")
        taid.confirmed_at = timezone.now()
        taid.save()
        run_round(timezone.now() + timedelta(days=6))
        assert Subscriber.objects.count() == 2
        run_round(timezone.now() + timedelta(days=7, minutes=1))
        assert list(Subscriber.objects.values_list("email", flat=True)) == ["taid@example.com"]
        # Its link now opens the plain page, and changes nothing.
        response = self.client.get(self.confirmation_link(mail.outbox[0]))
        assert response.status_code == 400

    # Changing choices and unsubscribing ------------------------------------------------------

    def confirmed(self, **fields) -> Subscriber:
        subscriber = Subscriber.objects.create(
            site=self.school.home.get_site(),
            email="nain@example.com",
            language="cy",
            confirmed_at=timezone.now(),
            **fields,
        )
        subscriber.classes.set([self.school.eagle])
        return subscriber

    def test_a_subscriber_changes_their_choices_from_the_link(self):
        subscriber = self.confirmed()
        url = f"/cy/subscribe/preferences/{make_token(subscriber, 'preferences')}/"
        html = self.client.get(url).content.decode()
        assert checked(html, "classes") == [str(self.school.eagle.pk)]
        assert checked(html, "frequency") == ["weekly"]
        response = self.client.post(
            url,
            {
                "classes": [self.school.eagle.pk, self.school.falcon.pk],
                "frequency": "post",
                "language": "pl",
            },
        )
        assert response.status_code == 200
        assert no_cookie_but_the_language(response)
        subscriber.refresh_from_db()
        assert (subscriber.frequency, subscriber.language) == ("post", "pl")
        assert set(subscriber.classes.all()) == {self.school.eagle, self.school.falcon}
        # Choosing nothing at all is refused, and keeps what was chosen.
        response = self.client.post(url, {"frequency": "weekly", "language": "cy"})
        assert response.status_code == 400
        subscriber.refresh_from_db()
        assert subscriber.frequency == "post"

    def test_one_click_unsubscribes_and_deletes_the_address(self):
        subscriber = self.confirmed()
        url = f"/cy/subscribe/unsubscribe/{make_token(subscriber, 'unsubscribe')}/"
        response = self.client.get(url)
        assert response.status_code == 200
        assert not Subscriber.objects.exists()
        assert "nain@example.com" not in response.content.decode()
        # The link again: the plain page; nothing to say about the address.
        assert self.client.get(url).status_code == 400

    def test_a_mail_apps_unsubscribe_button_works_without_cookies(self):
        """RFC 8058: the app POSTs ``List-Unsubscribe=One-Click`` to the header's address."""
        subscriber = self.confirmed()
        url = f"/cy/subscribe/unsubscribe/{make_token(subscriber, 'unsubscribe')}/"
        app = Client(enforce_csrf_checks=True)
        response = app.post(
            url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
        )
        assert response.status_code == 200
        assert not Subscriber.objects.exists()

    # Bad input -------------------------------------------------------------------------------

    def test_a_malformed_address_is_refused_and_nothing_is_kept(self):
        for email in ["nain@", "not an address", "", "nain@example.com" + "x" * 250]:
            response = self.subscribe(email=email)
            assert response.status_code == 400, email
            html = response.content.decode()
            assert '<html lang="cy"' in html
            assert "Rhowch eich cyfeiriad e-bost" in html or "Gwiriwch eich cyfeiriad" in html
        assert not Subscriber.objects.exists()
        assert not mail.outbox

    def test_no_class_at_all_is_refused(self):
        response = self.client.post(SUBSCRIBE, subscribe_data(classes=[]))
        assert response.status_code == 400
        assert not Subscriber.objects.exists()

    def test_forged_expired_and_mixed_up_links_get_one_plain_page_and_change_nothing(self):
        subscriber = self.confirmed()
        waiting = Subscriber.objects.create(
            site=subscriber.site,
            email="old@example.com",
            created_at=timezone.now() - timedelta(days=8),
        )
        pages = []
        for url in [
            f"/cy/subscribe/confirm/{subscriber.pk}-forged/",
            f"/cy/subscribe/unsubscribe/{subscriber.pk}-{'0' * 40}/",
            "/cy/subscribe/preferences/nonsense/",
            # A genuine token, for another purpose: a confirmation cannot unsubscribe.
            f"/cy/subscribe/unsubscribe/{make_token(subscriber, 'confirm')}/",
            # A genuine confirmation, more than a week old.
            f"/cy/subscribe/confirm/{make_token(waiting, 'confirm')}/",
        ]:
            for method in (self.client.get, self.client.post):
                response = method(url)
                assert response.status_code == 400, url
                assert no_cookie_but_the_language(response)
                pages.append(main_content(response))
        assert len(set(pages)) == 1  # one page, whatever was wrong
        assert "Dydy’r ddolen hon ddim yn gweithio" in pages[0]  # in Welsh, from a Welsh link
        assert "@example.com" not in pages[0]
        assert '<html lang="cy"' in response.content.decode()
        assert Subscriber.objects.count() == 2
        assert not Subscriber.objects.get(pk=waiting.pk).is_confirmed

    def test_the_comment_forms_bot_defences_guard_the_form(self):
        for overrides, message in [
            ({"website": "http://bot.example"}, "looks automated"),
            ({"started": tokens.issue()}, "That was very quick!"),
            ({"started": "forged"}, "That was very quick!"),
        ]:
            response = self.subscribe(url="/en-gb/subscribe/", **overrides)
            assert response.status_code == 400, overrides
            assert message in response.content.decode()
        # A form sent twice (a bot replaying a captured form) is refused the second time.
        data = subscribe_data(classes=[self.school.eagle.pk], language="en-gb")
        assert self.client.post("/en-gb/subscribe/", data).status_code == 302
        replay = self.client.post("/en-gb/subscribe/", data)
        assert replay.status_code == 400
        assert "This form was already sent" in replay.content.decode()
        assert len(mail.outbox) == 1

    def test_one_client_may_send_five_forms_in_ten_minutes(self):
        statuses = [
            self.subscribe(email=f"family{number}@example.com").status_code for number in range(7)
        ]
        assert statuses == [302] * 5 + [429] * 2
        assert Subscriber.objects.count() == 5

    def test_one_address_gets_at_most_three_emails_an_hour_whoever_asks(self):
        for number in range(5):
            response = self.subscribe(client=Client(REMOTE_ADDR=f"192.0.2.{number + 1}"))
            assert response.status_code == 302
        assert len(mail.outbox) == 3
        assert Subscriber.objects.count() == 1

    def test_only_the_classes_offered_can_be_chosen(self):
        not_offered = [self.welsh_eagle.pk, 999_999]  # the form posts the English classes' ids
        for pk in not_offered:
            response = self.client.post(SUBSCRIBE, subscribe_data(classes=[pk]))
            assert response.status_code == 400
            assert "classes" in response.context["form"].errors
        assert not Subscriber.objects.exists()
