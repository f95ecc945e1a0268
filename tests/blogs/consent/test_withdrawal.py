"""Withdrawal acted on at once: every public surface loses what consent no longer allows, in
every language, with the teacher told and the audit kept."""

import feedparser
from django.contrib.auth import get_user_model
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Locale

from blogs.consent.models import ConsentPolicy, Kind, Withdrawal
from blogs.demo.school import DEFAULT_DEMO_PASSWORD
from blogs.models import ConsentRecord
from blogs.school.pupils import create_pupils
from home.site_settings import SchoolSettings  # noqa: F401 - the site's settings load with it
from tests.consent import consent_to_everything, withhold
from tests.factories import BlogPostPageFactory, ImageFactory
from tests.school import build_school


def public_surfaces(client, post) -> dict[str, str]:
    """Everything a visitor (or a feed reader, or a search engine) can fetch about posts."""
    pages = {
        "post": client.get(post.url),
        "post in Welsh": client.get(post.url.replace("/en-gb/", "/cy/", 1)),
        "class blog": client.get("/en-gb/eagle/"),
        "class blog in Welsh": client.get("/cy/eagle/"),
        "timeline": client.get("/en-gb/news/"),
        "hashtag": client.get("/en-gb/news/tags/sportsday/"),
        "search": client.get("/en-gb/search/?q=sack+race"),
        "sitemap": client.get("/sitemap.xml"),
    }
    texts = {name: response.content.decode() for name, response in pages.items()}
    for name, url in {
        "class feed": "/en-gb/eagle/feed/rss/",
        "school feed": "/en-gb/news/feed/atom/",
    }.items():
        feed = feedparser.parse(client.get(url).content)
        texts[name] = " ".join(entry.title + entry.link for entry in feed.entries)
    return texts | {"status": str(pages["post"].status_code)}


class WithdrawalTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.school = build_school(languages=True)
        cls.eagle = cls.school.eagle
        [card] = create_pupils(["Leo"], cls.eagle)
        cls.leo = get_user_model().objects.get(username=card.username)
        consent_to_everything(cls.leo)

    def publish_sports_day(self, **post):
        photo = ImageFactory(title="Sack race", description="The sack race", people=[self.leo])
        post = BlogPostPageFactory(
            parent=self.eagle,
            title="Sports day sack race",
            slug="sports-day",
            owner=self.school.users["eagle.teacher"],
            featured_image=photo,
            tags=["sportsday"],
            **post,
        )
        # As the admin publishes: a revision, and its copies in every language.
        with self.captureOnCommitCallbacks(execute=True):
            post.save_revision().publish()
            from wagtail_localize.synctree import create_aliases_for_new_page

            create_aliases_for_new_page(post)
        return post, photo

    def withdraw(self, kind: str):
        with self.captureOnCommitCallbacks(execute=True):
            return withhold(self.leo, kind)

    def test_a_photo_withdrawn_is_gone_from_every_public_surface_at_once(self):
        post, _photo = self.publish_sports_day()
        before = public_surfaces(self.client, post)
        for name in ("post", "class blog", "timeline", "hashtag", "search", "class feed"):
            self.assertIn("Sports day sack race", before[name], name)
        self.assertIn("/en-gb/eagle/sports-day/", before["sitemap"])

        record = self.withdraw(Kind.PHOTO)

        after = public_surfaces(self.client, post)
        self.assertEqual(after["status"], "404")
        self.assertEqual(self.client.get("/cy/eagle/sports-day/").status_code, 404)
        for name, text in after.items():
            self.assertNotIn("Sports day sack race", text, name)
        self.assertNotIn("/sports-day/", after["sitemap"])
        # The audit, and the class teacher's list to review.
        [withdrawal] = Withdrawal.objects.filter(record=record, page__locale=Locale.get_default())
        self.assertEqual(withdrawal.action, "unpublished")
        self.client.login(username="eagle.teacher", password=DEFAULT_DEMO_PASSWORD)
        self.assertContains(self.client.get(reverse("wagtailadmin_home")), "page hidden: review it")
        review = self.client.get(reverse("consent:review"))
        self.assertContains(review, "“Sports day sack race” was unpublished")
        self.client.post(reverse("consent:reviewed", args=(withdrawal.pk,)))
        self.assertTrue(Withdrawal.objects.get(pk=withdrawal.pk).reviewed_at)
        history = self.client.get(reverse("wagtailadmin_pages:history", args=(post.pk,)))
        self.assertContains(history, "Hidden because consent was withdrawn")

    def test_a_withdrawn_photos_files_leave_the_public_media_folder(self):
        _post, photo = self.publish_sports_day()
        shelved_in = photo.collection
        public = "/media/" + photo.file.name
        rendition = "/media/" + photo.get_rendition("fill-200x100").file.name
        self.assertEqual(self.client.get(public).status_code, 200)

        self.withdraw(Kind.PHOTO)

        photo.refresh_from_db()
        self.assertTrue(photo.file.name.startswith("private/"))
        self.assertEqual(self.client.get(public).status_code, 404)
        self.assertEqual(self.client.get(rendition).status_code, 404)
        # Still where its class's teachers look for pictures, on a staff-only shelf.
        self.assertEqual(photo.collection.get_parent(), shelved_in)
        self.assertTrue(photo.collection.get_view_restrictions().exists())

    def test_ticking_a_child_without_photo_consent_on_a_live_picture_hides_its_pages(self):
        [card] = create_pupils(["Ruby"], self.eagle)
        ruby = get_user_model().objects.get(username=card.username)
        consent_to_everything(ruby)
        withhold(ruby, Kind.PHOTO)
        post = BlogPostPageFactory(
            parent=self.eagle, title="Pond dipping", featured_image=ImageFactory()
        )
        with self.captureOnCommitCallbacks(execute=True):
            post.save_revision().publish()
        self.assertEqual(self.client.get(post.url).status_code, 200)
        photo = post.featured_image

        self.client.login(username="head", password=DEFAULT_DEMO_PASSWORD)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                reverse("wagtailimages:edit", args=[photo.pk]),
                {
                    "title": photo.title,
                    "description": photo.description,
                    "collection": photo.collection_id,
                    "people_answer": "pupils",
                    "people": [ruby.pk],
                },
            )
        self.assertEqual(response.status_code, 302, response.content.decode()[:2000])
        self.client.logout()

        self.assertEqual(self.client.get(post.url).status_code, 404)
        self.assertNotIn("Pond dipping", self.client.get("/en-gb/eagle/").content.decode())
        self.client.login(username="head", password=DEFAULT_DEMO_PASSWORD)
        history = self.client.get(reverse("wagtailadmin_pages:history", args=(post.pk,)))
        self.assertContains(history, "Ruby")

    def test_the_school_may_choose_to_take_the_photo_out_and_keep_the_post(self):
        policy = ConsentPolicy.for_site(self.school.home.get_site())
        policy.on_withdrawal = ConsentPolicy.OnWithdrawal.TAKE_OUT
        policy.save()
        post, photo = self.publish_sports_day(body=[("paragraph", "<p>We raced.</p>")])
        self.withdraw(Kind.PHOTO)
        post.refresh_from_db()
        self.assertTrue(post.live)
        self.assertIsNone(post.featured_image)
        html = self.client.get(post.url).content.decode()
        self.assertIn("We raced.", html)
        self.assertNotIn("The sack race", html)
        self.assertEqual(Withdrawal.objects.get(page=post).action, "took out")

    def test_a_name_withdrawn_signs_their_posts_by_class(self):
        own = BlogPostPageFactory(parent=self.eagle, title="Leo's rocket", owner=self.leo)
        self.assertContains(self.client.get(own.url), "by Leo, Eagle Class")
        self.withdraw(Kind.NAME)
        html = self.client.get(own.url).content.decode()
        self.assertNotIn("Leo, Eagle Class", html)
        self.assertIn("by Eagle Class", html)

    def test_a_pupil_who_leaves_is_treated_as_having_withdrawn(self):
        post, _photo = self.publish_sports_day()
        self.leo.is_active = False
        with self.captureOnCommitCallbacks(execute=True):
            self.leo.save()
        self.assertEqual(self.client.get(post.url).status_code, 404)
        self.assertTrue(
            ConsentRecord.objects.filter(pupil=self.leo, source="leaving", allowed=False).exists()
        )

    def test_a_school_may_say_consent_lasts_after_a_child_leaves(self):
        policy = ConsentPolicy.for_site(self.school.home.get_site())
        policy.leavers_withdrawn = False
        policy.save()
        post, _photo = self.publish_sports_day()
        self.leo.is_active = False
        with self.captureOnCommitCallbacks(execute=True):
            self.leo.save()
        self.assertEqual(self.client.get(post.url).status_code, 200)


class DigestTests(TestCase):
    """The email digest carries only what each child's email consent allows."""

    @classmethod
    def setUpTestData(cls):
        cls.school = build_school()

    def test_the_digest_leaves_out_a_childs_work_and_pictures_without_email_consent(self):
        from datetime import timedelta

        from django.utils import timezone
        from wagtail.models import Site

        from blogs.subscriptions.content import gather_news

        amara = self.school.users["eagle.pupil"]
        [card] = create_pupils(["Leo"], self.school.eagle)
        leo = get_user_model().objects.get(username=card.username)
        consent_to_everything(leo)
        photo = ImageFactory(description="Leo on the climbing frame", people=[leo])
        now = timezone.now()
        hers = BlogPostPageFactory(
            parent=self.school.eagle, title="Amara's poem", owner=amara, first_published_at=now
        )
        pictured = BlogPostPageFactory(
            parent=self.school.eagle,
            title="Climbing",
            owner=self.school.users["eagle.teacher"],
            featured_image=photo,
            first_published_at=now,
        )
        site = Site.objects.get(is_default_site=True)

        def news():
            found = gather_news(site, now - timedelta(hours=1), now + timedelta(hours=1), "en-gb")
            return {post.title: post for post in found.posts}

        self.assertEqual(set(news()), {"Amara's poem", "Climbing"})
        self.assertIsNotNone(news()["Climbing"].picture)
        withhold(amara, Kind.WORK, channel="email")
        withhold(leo, Kind.PHOTO, channel="email")
        self.assertNotIn("Amara's poem", news())
        self.assertIsNone(news()["Climbing"].picture)  # the post goes, without Leo's picture
        self.assertEqual((hers.live, pictured.live), (True, True))  # the website keeps them
