"""A teacher's quick post: photos and a sentence or two, with hashtags, published at once."""

import feedparser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from blogs.demo.school import DEFAULT_DEMO_PASSWORD
from blogs.models import BlogPostPage
from home.site_settings import SchoolSettings
from tests.media import assert_clean, phone_jpeg, picture
from tests.school import build_school

JSON = {"HTTP_ACCEPT": "application/json"}


def photo(data: bytes | None = None):
    return SimpleUploadedFile("IMG_0001.jpg", data or phone_jpeg(), "image/jpeg")


class QuickPostTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.school = build_school()
        cls.eagle = cls.school.eagle
        settings = SchoolSettings.for_site(Site.objects.get(is_default_site=True))
        settings.hashtag = "#OakfieldLearns"
        settings.save()

    def setUp(self):
        self.assertTrue(self.client.login(username="eagle.teacher", password=DEFAULT_DEMO_PASSWORD))

    def publish(self, photos=(), descriptions=(), json=True, **fields):
        data = {
            "photos-TOTAL_FORMS": str(max(len(photos), 1)),
            "photos-INITIAL_FORMS": "0",
            "photos-MIN_NUM_FORMS": "0",
            "photos-MAX_NUM_FORMS": "10",
            "class_blog": str(self.eagle.pk),
            "text": "",
            **fields,
        }
        for index, (upload, description) in enumerate(zip(photos, descriptions, strict=True)):
            data[f"photos-{index}-photo"] = upload
            data[f"photos-{index}-description"] = description
            # Who is in each photo is asked of the teacher (tests/blogs/consent/ covers it).
            data[f"photos-{index}-people_answer"] = "none"
        return self.client.post(reverse("writing:quick_post"), data, **(JSON if json else {}))

    def test_a_photo_a_sentence_and_the_school_hashtag_go_live_everywhere_at_once(self):
        page = self.client.get(reverse("writing:quick_post")).content.decode()
        # The school's hashtag is offered first, the class's own favourites after it.
        self.assertLess(page.index("#OakfieldLearns"), page.index("#castles"))
        self.assertIn("Posting on Eagle Class's blog.", page)

        response = self.publish(
            photos=[photo()],
            descriptions=["Bean plants on the windowsill"],
            text="Our beans have grown 10 cm! We measured them with rulers.",
            hashtags=["OakfieldLearns"],
            more_hashtags="#growing",
        )
        self.assertEqual(response.status_code, 200, response.content)
        self.assertEqual(response.json()["go_to"], reverse("writing:quick_post"))
        post = BlogPostPage.objects.get(title="Our beans have grown 10 cm!")
        self.assertTrue(post.live)
        self.assertEqual(post.get_parent().pk, self.eagle.pk)
        self.assertEqual(post.featured_image.description, "Bean plants on the windowsill")
        with post.featured_image.file.open("rb") as stored:
            assert_clean(stored.read())
        self.assertEqual(sorted(tag.name for tag in post.tags.all()), ["OakfieldLearns", "growing"])

        self.client.logout()
        for url in ("/en-gb/eagle/", "/en-gb/news/", "/en-gb/news/tags/oakfieldlearns/"):
            self.assertContains(self.client.get(url), "Our beans have grown 10 cm!")
        feed = feedparser.parse(
            self.client.get("/en-gb/news/tags/oakfieldlearns/feed/rss/").content
        )
        self.assertEqual([entry.title for entry in feed.entries], ["Our beans have grown 10 cm!"])
        html = self.client.get(post.url).content.decode()
        self.assertIn("We measured them with rulers.", html)
        self.assertIn('alt="Bean plants on the windowsill"', html)

    def test_more_photos_follow_the_words_each_with_its_description(self):
        self.publish(
            photos=[photo(), photo(picture("PNG")), photo(picture("GIF"))],
            descriptions=["First", "Second", "Third"],
            text="Sports day.",
        )
        post = BlogPostPage.objects.get(title="Sports day")
        self.assertEqual(post.featured_image.description, "First")
        gallery = [block for block in post.body if block.block_type == "gallery"]
        self.assertEqual(
            [item["alt_text"] for item in gallery[0].value["images"]], ["Second", "Third"]
        )

    def test_the_same_title_again_gets_its_own_address_and_no_draft_is_left_anywhere(self):
        pages_before = Page.objects.count()
        self.client.get(reverse("writing:quick_post"))  # an attempt abandoned: nothing stored
        self.assertEqual(Page.objects.count(), pages_before)
        self.publish(text="Sports day.", title="Sports day")
        self.publish(text="More sports day.", title="Sports day")
        slugs = BlogPostPage.objects.filter(title="Sports day").values_list("slug", "live")
        self.assertEqual(sorted(slugs), [("sports-day", True), ("sports-day-1", True)])
        self.assertFalse(BlogPostPage.objects.filter(live=False).exists())

    def test_nothing_is_stored_until_everything_is_right(self):
        response = self.publish(
            photos=[photo(), photo()], descriptions=["A described photo", ""], text=""
        )
        self.assertEqual(response.status_code, 400)
        errors = response.json()["errors"]
        self.assertEqual(errors["text"], ["Write a sentence or two about the learning."])
        self.assertEqual(
            errors["photos-1-description"], ["Describe this photo for people who cannot see it."]
        )
        # A photo the school cannot use stores none of the others either.
        not_a_photo = SimpleUploadedFile("b.jpg", b"%PDF-1.4 not a photo", "image/jpeg")
        response = self.publish(
            photos=[photo(), not_a_photo], descriptions=["Fine", "Broken"], text="Trip."
        )
        self.assertIn(
            "This is not a photo we can use", response.json()["errors"]["photos-1-photo"][0]
        )
        self.assertFalse(get_image_model().objects.exists())
        self.assertFalse(BlogPostPage.objects.filter(title__startswith="Trip").exists())

    def test_a_bad_hashtag_is_named(self):
        response = self.publish(text="Fun.", more_hashtags="#good #not-good")
        self.assertEqual(
            response.json()["errors"]["more_hashtags"],
            ["“#not-good” cannot be a hashtag: use letters and numbers without spaces."],
        )

    def test_a_teacher_posts_only_where_they_may_publish(self):
        self.client.login(username="falcon.teacher", password=DEFAULT_DEMO_PASSWORD)
        response = self.publish(text="Into Eagle.")
        self.assertIn("class_blog", response.json()["errors"])
        self.assertFalse(BlogPostPage.objects.filter(title="Into Eagle").exists())
        for username in ("eagle.pupil", "digital.leader", "staff"):
            self.client.login(username=username, password=DEFAULT_DEMO_PASSWORD)
            self.assertNotEqual(self.client.get(reverse("writing:quick_post")).status_code, 200)

    def test_the_home_screen_shortcut_opens_the_quick_post(self):
        self.client.logout()
        response = self.client.get(reverse("quick_post_manifest"))
        self.assertEqual(response["Content-Type"], "application/manifest+json")
        manifest = response.json()
        self.assertEqual(manifest["start_url"], reverse("writing:quick_post"))
        self.assertEqual(manifest["short_name"], "Quick post")
        self.assertIn("Oakfield Primary School", manifest["name"])
        self.assertEqual({icon["sizes"] for icon in manifest["icons"]}, {"192x192", "512x512"})
        self.assertNotIn("Set-Cookie", response.headers)
