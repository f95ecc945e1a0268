"""The weekly digest and the new-post emails: what is in them, who gets them, when, once.

The school's digest falls on Friday at 15:30 (the default). Eagle and Falcon Class have posts
spread over three weeks; the week before that Friday holds Eagle's "Castle models" (translated
into Welsh, with a picture) and "Maps of our local area" (not translated), Falcon's "Our Big
Write", and a Star post award for Eagle Class, translated into Welsh.
"""

import re
import tempfile
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from django.core import mail
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction
from wagtail_localize.synctree import create_aliases_for_new_page

from blogs.awards.models import monday_of
from blogs.demo.translations import translate
from blogs.models import AwardCategory, AwardPage, BlogPostPage, Subscriber
from blogs.subscriptions.schedule import latest_digest_time
from blogs.subscriptions.sending import run_round, send_post_emails, send_weekly_digests
from home.site_settings import SchoolSettings
from tests.factories import BlogPostPageFactory, ImageFactory
from tests.school import build_school
from tests.schoolsite.test_html_validity import vnu_errors

from .helpers import HREF, html_part, subscribe_data, text_part

LONDON = ZoneInfo("Europe/London")
WELSH_AWARD = {
    "Star post: castles": "Postiad seren: cestyll",
    "The drawbridges really work!": "Mae’r pontydd codi’n gweithio go iawn!",
}


def published(post: BlogPostPage, when: datetime) -> None:
    BlogPostPage.objects.filter(pk=post.pk).update(first_published_at=when, last_published_at=when)


class DigestTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        school = cls.school = build_school(languages=True)
        cls.site = school.home.get_site()
        cls.friday = latest_digest_time(cls.site, timezone.now())
        castles, maps, times_tables, monet = school.posts["eagle"]
        big_write, beans, robots = school.posts["falcon"]
        castles.featured_image = ImageFactory(description="Cardboard castles in a row")
        castles.save_revision().publish()
        week = {castles: 1, maps: 2, big_write: 3}
        for post, days in week.items():
            published(post, cls.friday - timedelta(days=days))
        for post in (times_tables, beans, robots):
            published(post, cls.friday - timedelta(days=9))  # the week before
        published(monet, cls.friday + timedelta(hours=1))  # after the digest went
        # Never in an email: a draft, and a post behind a password.
        BlogPostPageFactory(parent=school.eagle, title="Draft about owls", live=False)
        secret = BlogPostPageFactory(parent=school.eagle, title="Password party")
        PageViewRestriction.objects.create(page=secret, restriction_type="password", password="x")
        published(secret, cls.friday - timedelta(days=1))

        cls.award = cls._award("Star post: castles", "class", winning_class=school.eagle)
        cls._award("Most helpful commenter", "commenter", winner_name="Grandma Rose")
        with cls.captureOnCommitCallbacks(execute=True):
            translate(cls.award, Locale.objects.get(language_code="cy"), WELSH_AWARD)
        AwardPage.objects.filter(locale__language_code="cy").update(
            first_published_at=cls.friday - timedelta(hours=2)
        )

        month_ago = cls.friday - timedelta(days=30)
        cls.nain = cls._subscriber("nain@example.com", "cy", [school.eagle], confirmed=month_ago)
        cls.taid = cls._subscriber(
            "taid@example.com", "en-gb", [school.falcon], confirmed=month_ago
        )
        cls.babcia = cls._subscriber("babcia@example.com", "pl", [], confirmed=month_ago)
        Subscriber.objects.filter(pk=cls.babcia.pk).update(whole_school=True)

    @classmethod
    def _award(cls, title, kind, **winner) -> AwardPage:
        category, _ = AwardCategory.objects.get_or_create(name=title.split(":")[0])
        award = AwardPage(
            title=title,
            slug=re.sub(r"\W+", "-", title.lower()),
            week_start=monday_of(cls.friday.date()),
            category=category,
            winner_kind=kind,
            citation="The drawbridges really work!",
            **winner,
        )
        cls.school.awards.add_child(instance=award)
        create_aliases_for_new_page(award)
        AwardPage.objects.filter(pk=award.pk).update(
            first_published_at=cls.friday - timedelta(hours=3)
        )
        return award

    @classmethod
    def _subscriber(cls, email, language, classes, confirmed, frequency="weekly") -> Subscriber:
        subscriber = Subscriber.objects.create(
            site=cls.site,
            email=email,
            language=language,
            frequency=frequency,
            confirmed_at=confirmed,
        )
        subscriber.classes.set(classes)
        return subscriber

    def digests(self, now=None) -> dict[str, object]:
        send_weekly_digests(self.site, now or self.friday + timedelta(minutes=5))
        return {message.to[0]: message for message in mail.outbox}

    # What is in it ---------------------------------------------------------------------------

    def test_the_welsh_digest_has_the_weeks_posts_and_awards_in_welsh_where_translated(self):
        digest = self.digests()["nain@example.com"]
        html, text = html_part(digest), text_part(digest)
        assert '<html lang="cy" dir="ltr">' in html
        # Translated: Welsh title, summary and address.
        assert "Modelau castell" in html
        assert "Fe wnaethon ni adeiladu cestyll gyda phontydd codi sy’n symud." in html
        assert 'href="http://localhost/cy/eagle/castle-models/"' in html
        # Not translated: English, linked within the Welsh site.
        assert "Maps of our local area" in html
        assert 'href="http://localhost/cy/eagle/maps-of-our-local-area/"' in html
        # The class as the Welsh site names it; the award in Welsh; where to comment.
        assert "Dosbarth yr Eryr" in html
        assert "Mae’r pontydd codi’n gweithio go iawn!" in html
        assert 'href="http://localhost/cy/eagle/castle-models/#comments"' in html
        # The picture, with its description for those who cannot see it.
        picture = re.search(r'<img src="([^"]+)" alt="([^"]+)" width="560" height="373"', html)
        assert picture and picture[1].startswith("http://localhost/media/images/")
        assert picture[2] == "Cardboard castles in a row"
        # Nothing from another week, another class, a draft or a private page.
        for absent in ["Painting like Monet", "Times tables", "Big Write", "Draft", "Password"]:
            assert absent not in html and absent not in text, absent
        # The plain-text part carries the same news and links.
        assert "Modelau castell" in text and "http://localhost/cy/eagle/castle-models/" in text
        assert "Grandma Rose" not in html  # the school-wide award is for whole-school readers

    def test_each_subscriber_gets_their_own_classes_in_their_own_language(self):
        digests = self.digests()
        assert set(digests) == {"nain@example.com", "taid@example.com", "babcia@example.com"}
        falcon = html_part(digests["taid@example.com"])
        assert '<html lang="en-gb"' in falcon
        assert "Our Big Write" in falcon and "Castle models" not in falcon
        assert 'href="http://localhost/en-gb/falcon/our-big-write/"' in falcon
        school = html_part(digests["babcia@example.com"])
        assert '<html lang="pl"' in school
        for news in ["Castle models", "Our Big Write", "Grandma Rose"]:
            assert news in school, news
        # Polish has no translations: English content, linked within the Polish site.
        assert 'href="http://localhost/pl/eagle/castle-models/"' in school

    def test_the_email_reads_well_in_mail_apps_and_is_valid_html(self):
        digest = self.digests()["nain@example.com"]
        html = html_part(digest)
        assert "<style" not in html and "<link" not in html and " class=" not in html
        assert html.count('style="') > 20  # every element styled inline
        assert 'name="viewport"' in html and "max-width:600px" in html
        assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        links = HREF.findall(html)
        assert any("/cy/subscribe/unsubscribe/" in link for link in links)
        assert any("/cy/subscribe/preferences/" in link for link in links)

    def test_the_digest_and_the_confirmation_are_valid_html(self):
        """One run of the Nu HTML checker over both kinds of email."""
        digest = html_part(self.digests()["nain@example.com"])
        mail.outbox.clear()
        data = subscribe_data(classes=[self.school.eagle.pk], language="ur", email="a@example.com")
        self.client.post("/ur/subscribe/", data)
        confirmation = html_part(mail.outbox[0])
        assert '<html lang="ur" dir="rtl">' in confirmation
        folder = Path(tempfile.mkdtemp(prefix="subscription-emails-"))
        paths = {}
        for name, html in {"digest": digest, "confirmation": confirmation}.items():
            paths[name] = folder / f"{name}.html"
            paths[name].write_text(html, encoding="utf-8")
        assert vnu_errors({name: str(path) for name, path in paths.items()}) == []

    # Who gets what, and when ------------------------------------------------------------------

    def test_nothing_is_sent_to_a_subscriber_with_nothing_new(self):
        BlogPostPage.objects.filter(pk__in=[p.pk for p in self.school.posts["falcon"]]).update(
            first_published_at=self.friday - timedelta(days=20)
        )
        digests = self.digests()
        assert "taid@example.com" not in digests
        assert "nain@example.com" in digests
        # Looked at, and done with: the next round does not look again.
        assert Subscriber.objects.get(pk=self.taid.pk).sent_until == self.friday

    def test_the_digest_waits_for_the_schools_day_and_time(self):
        # A minute before Friday 15:30 the digest due is last week's, with last week's posts.
        last_week = self.digests(self.friday - timedelta(minutes=1))["nain@example.com"]
        assert "Times tables rock!" in html_part(last_week)
        assert "Castle models" not in html_part(last_week)
        mail.outbox.clear()
        this_week = self.digests(self.friday + timedelta(minutes=1))["nain@example.com"]
        assert "Modelau castell" in html_part(this_week)
        assert "Times tables rock!" not in html_part(this_week)

    def test_the_school_chooses_the_day_and_time_in_its_own_time_zone(self):
        assert self.friday.astimezone(LONDON).weekday() == 4  # Friday, by default
        for day in ["2026-01-16", "2026-07-17"]:  # Greenwich time, then British summer time
            due = latest_digest_time(self.site, datetime.fromisoformat(f"{day}T20:00+00:00"))
            assert due.astimezone(LONDON).strftime("%Y-%m-%d %H:%M") == f"{day} 15:30"
        settings = SchoolSettings.for_site(self.site)
        settings.digest_day, settings.digest_time = 0, time(8, 0)
        settings.save()
        sunday = datetime(2026, 7, 19, 12, tzinfo=LONDON)
        assert latest_digest_time(self.site, sunday) == datetime(2026, 7, 13, 8, tzinfo=LONDON)
        monday = datetime(2026, 7, 20, 8, tzinfo=LONDON)
        assert latest_digest_time(self.site, monday) == monday

    def test_a_round_never_sends_the_same_digest_twice(self):
        now = self.friday + timedelta(minutes=5)
        run_round(now)
        run_round(now + timedelta(minutes=5))
        run_round(now + timedelta(days=1))
        recipients = sorted(message.to[0] for message in mail.outbox)
        assert recipients == sorted(["nain@example.com", "taid@example.com", "babcia@example.com"])
        # A week on, the next digest has the next week's news only.
        mail.outbox.clear()
        run_round(self.friday + timedelta(days=7, minutes=5))
        [next_week] = [m for m in mail.outbox if m.to == ["nain@example.com"]]
        assert "Painting like Monet" in html_part(next_week)
        assert "Castle models" not in html_part(next_week)

    def test_a_subscriber_who_confirmed_after_the_digest_time_waits_for_the_next(self):
        late = self._subscriber(
            "late@example.com",
            "en-gb",
            [self.school.eagle],
            confirmed=self.friday + timedelta(minutes=1),
        )
        digests = self.digests(self.friday + timedelta(minutes=5))
        assert late.email not in digests

    # New-post emails ------------------------------------------------------------------------

    def test_new_post_emails_come_at_most_once_an_hour_with_every_new_post(self):
        start = self.friday + timedelta(days=1)
        dad = self._subscriber(
            "dad@example.com", "en-gb", [self.school.eagle], confirmed=start, frequency="post"
        )
        Subscriber.objects.filter(pk=dad.pk).update(sent_until=start)

        def post(title, minutes):
            page = BlogPostPageFactory(parent=self.school.eagle, title=title)
            published(page, start + timedelta(minutes=minutes))

        def emails_at(minutes) -> list:
            mail.outbox.clear()
            send_post_emails(self.site, start + timedelta(minutes=minutes))
            return list(mail.outbox)

        post("Pond dipping", 10)
        [first] = emails_at(15)
        assert first.to == ["dad@example.com"]
        assert "Pond dipping" in first.subject and "Eagle Class" in first.subject
        post("Bug hunt", 20)
        post("Leaf rubbings", 40)
        assert emails_at(30) == []  # within the hour of the last email
        assert emails_at(70) == []
        [second] = emails_at(76)
        html = html_part(second)
        assert "Bug hunt" in html and "Leaf rubbings" in html and "Pond dipping" not in html
        assert second.subject == "2 new posts from Oakfield Primary School"
        assert emails_at(200) == []  # nothing new since

    # Cost ---------------------------------------------------------------------------------------

    def test_each_digest_costs_the_same_few_queries_however_many_subscribers(self):
        def queries_for(count: int) -> int:
            Subscriber.objects.all().delete()
            for number in range(count):
                self._subscriber(
                    f"family{number}@example.com",
                    ["cy", "en-gb", "pl"][number % 3],
                    [self.school.eagle],
                    confirmed=self.friday - timedelta(days=30),
                )
            mail.outbox.clear()
            with CaptureQueriesContext(connection) as queries:
                sent = send_weekly_digests(self.site, self.friday + timedelta(minutes=5))
            assert sent == count == len(mail.outbox)
            return len(queries)

        queries_for(3)  # once first, to make the picture's rendition and warm caches
        small, medium, large = queries_for(6), queries_for(18), queries_for(30)
        per_digest = (medium - small) / 12
        assert per_digest == (large - medium) / 12
        assert per_digest <= 3  # the marker's UPDATE, and the savepoint around it and the email
