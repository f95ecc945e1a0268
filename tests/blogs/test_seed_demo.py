"""The demo school that `make demo` builds with ``seed_demo``."""

from io import BytesIO, StringIO
from itertools import combinations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import TestCase
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageLogEntry, Revision, Site
from wagtailmedia.models import Media

from blogs.demo.school import DEFAULT_DEMO_PASSWORD
from blogs.models import BlogPostPage, ClassBlogIndexPage, Comment, HelpSheetPage
from home.models import HomePage
from home.site_settings import SchoolSettings

DEMO_USERNAMES = {
    "head",
    "eagle.teacher",
    "eagle.pupil",
    "falcon.teacher",
    "digital.leader",
    "staff",
}
CLASSES = ["Blackbird", "Eagle", "Falcon", "Heron", "Goldfinch", "Kingfisher"]


def snapshot() -> dict:
    """Everything seed_demo writes, in a form two runs can be compared by."""
    User = get_user_model()
    return {
        "pages": list(Page.objects.order_by("path").values_list("path", "title", "live")),
        "revisions": Revision.objects.count(),
        "log_entries": PageLogEntry.objects.count(),
        "images": list(get_image_model().objects.order_by("pk").values_list("pk", "file")),
        "media": list(Media.objects.order_by("pk").values_list("pk", "file")),
        "comments": list(Comment.objects.order_by("pk").values_list("pk", "status")),
        "groups": list(Group.objects.order_by("name").values_list("name", flat=True)),
        "users": list(User.objects.order_by("username").values_list("username", "password")),
        "settings": list(SchoolSettings.objects.values()),
        "sites": list(Site.objects.values()),
    }


def english_posts():
    return BlogPostPage.objects.filter(locale__language_code="en-gb")


class DemoSchoolTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        # The first run, as `make demo` does it, saying what it makes as it goes.
        output = StringIO()
        call_command("seed_demo", stdout=output)
        cls.output = output.getvalue()

    def test_the_demo_home_page_links_to_all_six_classes(self):
        html = self.client.get("/en-gb/").content.decode()
        for name in CLASSES:
            class_blog = ClassBlogIndexPage.objects.get(
                locale__language_code="en-gb", title=f"{name} Class"
            )
            self.assertIn(f'href="{class_blog.url}"', html)
            self.assertEqual(self.client.get(class_blog.url).status_code, 200)

    def test_the_demo_has_about_contact_and_policies_in_the_menu(self):
        html = self.client.get("/en-gb/").content.decode()
        for title, url in [
            ("About us", "/en-gb/about/"),
            ("Contact us", "/en-gb/contact/"),
            ("Policies", "/en-gb/policies/"),
        ]:
            self.assertIn(f'<a href="{url}">{title}</a>', html)
            self.assertEqual(self.client.get(url).status_code, 200)

    def test_every_class_has_ten_to_twenty_posts_across_subjects(self):
        for class_blog in ClassBlogIndexPage.objects.all():
            posts = BlogPostPage.objects.child_of(class_blog).live()
            self.assertTrue(10 <= posts.count() <= 20, class_blog.title)
            subjects = {s for post in posts for s in post.subjects.values_list("slug", flat=True)}
            self.assertGreaterEqual(len(subjects), 5, class_blog.title)
            self.assertTrue(all(post.featured_image_id for post in posts))
            self.assertTrue(all(post.tags.exists() for post in posts))

    def test_no_two_posts_in_the_demo_share_a_title(self):
        titles = list(english_posts().values_list("title", flat=True))
        # Ten teachers' posts per class, then the term's pupils' posts (blogs/demo/activity.py).
        self.assertGreater(len(titles), 60)
        self.assertEqual(len(set(titles)), len(titles))

    def test_each_class_writes_its_own_posts(self):
        titles = {
            blog.slug: set(BlogPostPage.objects.child_of(blog).values_list("title", flat=True))
            for blog in ClassBlogIndexPage.objects.filter(locale__language_code="en-gb")
        }
        for first, second in combinations(titles, 2):
            self.assertEqual(titles[first] & titles[second], set(), (first, second))
        # Eagle Class keeps the posts the rest of the site (and its translations) point to.
        self.assertLessEqual(
            {
                "Our trip to the farm",
                "Castle models",
                "Maps of our local area",
                "Times tables rock!",
                "Painting like Monet",
            },
            titles["eagle"],
        )

    def test_a_subject_page_lists_each_post_once(self):
        html = self.client.get("/en-gb/news/subjects/geography/").content.decode()
        self.assertEqual(html.count(">Maps of our local area<"), 1)
        self.assertIn(">Our trip to the farm<", html)

    def test_each_post_has_a_picture_of_its_own(self):
        """Drawn locally for each post: no two posts' pictures look the same, even small."""
        thumbnails = {}
        for post in english_posts().select_related("featured_image"):
            with post.featured_image.open_file() as file:
                picture = Image.open(BytesIO(file.read()))
                self.assertGreaterEqual(picture.width, 800, post.title)
                thumbnails[post.title] = picture.convert("L").resize((24, 16)).tobytes()
        self.assertEqual(len(set(thumbnails.values())), len(thumbnails))
        # Not one picture slightly varied: a castle model and a map differ all over.
        castle, local_map = thumbnails["Castle models"], thumbnails["Maps of our local area"]
        difference = sum(abs(a - b) for a, b in zip(castle, local_map, strict=True))
        self.assertGreater(difference / len(castle), 20)

    def test_the_demo_has_a_locally_made_recording_video_and_document_in_a_post(self):
        self.assertTrue(Media.objects.filter(type="audio").exists())
        self.assertTrue(Media.objects.filter(type="video", file__endswith=".webm").exists())
        showcase = BlogPostPage.objects.get(
            locale__language_code="en-gb", slug="our-trip-to-the-farm"
        )
        block_types = {block.block_type for block in showcase.body}
        self.assertLessEqual({"gallery", "audio", "video", "document", "pupil_work"}, block_types)
        for block in showcase.body:
            if block.block_type in {"audio", "video"}:
                media = block.value[block.block_type]
                self.assertEqual(self.client.get(media.url).status_code, 200)

    def test_running_seed_demo_twice_changes_nothing(self):
        before = snapshot()
        quiet = StringIO()
        call_command("seed_demo", verbosity=0, stdout=quiet)
        self.assertEqual(snapshot(), before)
        self.assertEqual(quiet.getvalue(), "")

    def test_the_demo_accounts_sign_in_with_the_documented_password(self):
        User = get_user_model()
        # The documented accounts, and the term's classmates who sign in with their own cards.
        self.assertLessEqual(DEMO_USERNAMES, set(User.objects.values_list("username", flat=True)))
        self.assertTrue(User.objects.get(username="head").is_superuser)
        self.assertFalse(User.objects.get(username="eagle.pupil").is_superuser)
        for username in DEMO_USERNAMES:
            self.assertTrue(
                self.client.login(username=username, password=DEFAULT_DEMO_PASSWORD), username
            )

    def test_seed_demo_prints_the_demo_logins(self):
        output = StringIO()
        call_command("seed_demo", stdout=output)
        self.assertIn(DEFAULT_DEMO_PASSWORD, output.getvalue())
        for username in DEMO_USERNAMES:
            self.assertIn(username, output.getvalue())

    def test_seed_demo_says_what_it_makes_and_where_each_account_signs_in(self):
        for stage in [
            "Making demo accounts… 6 accounts",
            "Making class blogs… 6 classes, 60 posts",
            "Making the Blogging Awards… 4 weeks, 12 awards",
            "Making help sheets… 10 help sheets, 4 for staff only",
            "Adding comments…",
            "Translating…",
        ]:
            self.assertIn(stage, self.output)
        lines = {line.split()[0]: line for line in self.output.splitlines() if line.strip()}
        self.assertIn("http://127.0.0.1:8000/ ", self.output)
        # Staff read staff-only help sheets on the public site; the others use the admin.
        self.assertTrue(lines["staff"].endswith("/en-gb/login/"), lines["staff"])
        for username in DEMO_USERNAMES - {"staff"}:
            self.assertTrue(lines[username].endswith("/admin/"), lines[username])
        self.assertEqual(self.client.get("/en-gb/login/").status_code, 200)

    def test_the_demo_school_details_fill_the_footer(self):
        html = self.client.get("/en-gb/").content.decode()
        self.assertIn("Oakfield Primary School", html)
        self.assertIn("safeguarding lead", html)
        self.assertIn("#OakfieldLearns", html)

    def test_the_demo_has_approved_pending_and_spam_comments_from_near_and_far(self):
        statuses = set(Comment.objects.values_list("status", flat=True))
        self.assertEqual(statuses, {"approved", "pending", "spam"})
        relations = set(Comment.objects.approved().values_list("relation", flat=True))
        self.assertLessEqual({"parent", "grandparent", "pupil", "other_school"}, relations)
        html = self.client.get("/en-gb/eagle/our-trip-to-the-farm/").content.decode()
        self.assertIn("Hello from Portugal!", html)
        self.assertNotIn("Buy cheap watches", html)

    def test_the_demo_is_in_welsh_and_urdu_with_polish_switched_on(self):
        self.assertEqual(
            sorted(Locale.objects.values_list("language_code", flat=True)),
            ["cy", "en-gb", "pl", "ur"],
        )
        home = HomePage.objects.get(locale__language_code="en-gb")
        eagle = ClassBlogIndexPage.objects.get(locale__language_code="en-gb", slug="eagle")
        for code, home_title, eagle_title in [
            ("cy", "Ysgol Gynradd Oakfield", "Dosbarth yr Eryr"),
            ("ur", "اوک فیلڈ پرائمری اسکول", "ایگل کلاس"),
        ]:
            locale = Locale.objects.get(language_code=code)
            self.assertEqual(home.get_translation(locale).title, home_title)
            self.assertEqual(eagle.get_translation(locale).title, eagle_title)
            translated_posts = BlogPostPage.objects.child_of(eagle.get_translation(locale)).filter(
                alias_of=None
            )
            self.assertEqual(translated_posts.count(), 3)
            sheet = HelpSheetPage.objects.get(
                locale=locale, slug="leaving-a-comment-on-a-class-blog"
            )
            self.assertIsNone(sheet.alias_of_id)
        # Polish is switched on and kept in step, but nothing is translated yet.
        polish = Page.objects.filter(locale__language_code="pl")
        self.assertEqual(polish.count(), home.get_descendants(inclusive=True).count())
        self.assertFalse(polish.filter(alias_of=None).exists())


@pytest.mark.django_db
def test_the_demo_password_can_be_set_from_the_environment(monkeypatch, client):
    monkeypatch.setenv("DEMO_PASSWORD", "another-demo-secret")
    call_command("seed_demo", verbosity=0)
    assert client.login(username="eagle.teacher", password="another-demo-secret")
    assert not client.login(username="eagle.teacher", password=DEFAULT_DEMO_PASSWORD)
