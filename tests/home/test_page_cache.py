"""The page cache: public pages shared, anything personal never kept, and no page stale after
any kind of change (each compared with the same page made afresh)."""

import re
from datetime import date

from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.test import TestCase, override_settings
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page, PageViewRestriction, Site

from blogs.consent.models import Kind
from blogs.models import AwardCategory, AwardPage, BlogPostPage, Comment
from blogs.school.pupils import create_pupils
from home.page_cache import store
from home.site_settings import SchoolSettings
from tests.consent import consent_to_everything, withhold
from tests.factories import BlogPostPageFactory, StandardPageFactory
from tests.school import build_school

CACHED = override_settings(SCHOOLSITE_PAGE_CACHE=True, SCHOOLSITE_FRAGMENT_CACHE=True)
FRESH = override_settings(SCHOOLSITE_PAGE_CACHE=False, SCHOOLSITE_FRAGMENT_CACHE=False)


def page_in(page: Page, language: str) -> Page:
    return Page.objects.get(translation_key=page.translation_key, locale__language_code=language)


@CACHED
class PageCacheTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.school = build_school(help_sheets=True, languages=True)
        cls.post = BlogPostPage.objects.get(slug="castle-models", locale__language_code="en-gb")
        cls.about = StandardPageFactory(
            parent=cls.school.home, title="About us", slug="about-us", show_in_menus=True
        )

    def setUp(self):
        caches[store.PAGE_CACHE].clear()

    def test_a_public_page_is_made_once_then_shared_without_a_cookie(self):
        first = self.client.get(self.post.url)
        second = self.client.get(self.post.url)
        self.assertEqual((first["X-Page-Cache"], second["X-Page-Cache"]), ("miss", "hit"))
        self.assertEqual(first.content, second.content)
        for response in (first, second):
            self.assertIn("public", response["Cache-Control"])
            self.assertIn("s-maxage=", response["Cache-Control"])
            self.assertFalse(response.cookies)
            self.assertNotIn("Cookie", response.get("Vary", ""))

    def test_a_page_from_the_cache_keeps_its_security_headers_and_static_files_pass_by(self):
        made = self.client.get(self.post.url)
        kept = self.client.get(self.post.url)
        self.assertEqual(kept["X-Page-Cache"], "hit")
        for header in ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy"):
            self.assertEqual(kept.get(header), made.get(header), header)
            self.assertTrue(kept.get(header), header)
        stylesheet = re.search(r'href="(/static/[^"]+\.css)"', made.content.decode())[1]
        static = self.client.get(stylesheet)
        self.assertNotIn("X-Page-Cache", static)
        self.assertNotIn("private", static.get("Cache-Control", ""))
        self.assertTrue(static.get("Content-Security-Policy"))

    @override_settings(SECURE_SSL_REDIRECT=True, SECURE_HSTS_SECONDS=3600)
    def test_pages_are_kept_for_each_scheme_and_http_is_always_sent_to_https(self):
        made = self.client.get(self.post.url, secure=True)
        kept = self.client.get(self.post.url, secure=True)
        self.assertEqual((made["X-Page-Cache"], kept["X-Page-Cache"]), ("miss", "hit"))
        self.assertIn("max-age=3600", kept["Strict-Transport-Security"])
        insecure = self.client.get(self.post.url)
        self.assertEqual(insecure.status_code, 301)
        self.assertEqual(insecure["Location"], f"https://testserver{self.post.url}")

    def test_a_signed_in_teacher_never_gets_or_leaves_a_shared_page(self):
        self.client.get(self.post.url)
        teacher = self.client_class()
        teacher.force_login(self.school.users["eagle.teacher"])
        response = teacher.get(self.post.url)
        self.assertEqual(response["X-Page-Cache"], "bypass")
        self.assertIn("private", response["Cache-Control"])
        self.assertIn("no-store", response["Cache-Control"])
        self.assertContains(response, "Sign out")
        self.assertNotContains(self.client.get(self.post.url), "Sign out")

    def test_a_staff_only_page_and_its_answers_are_never_kept(self):
        sheet = self.school.help_sheets.get_children().filter(helpsheetpage__staff_only=True)[0]
        anonymous = self.client.get(sheet.url)
        self.assertEqual(anonymous.status_code, 302)
        self.assertIn("private", anonymous["Cache-Control"])
        staff = self.client_class()
        staff.force_login(self.school.users["staff"])
        shown = staff.get(sheet.url)
        self.assertEqual((shown.status_code, shown["X-Page-Cache"]), (200, "bypass"))
        self.assertIn("no-store", shown["Cache-Control"])
        # Nothing the staff member saw is served to the next visitor.
        self.assertEqual(self.client.get(sheet.url).status_code, 302)

    def test_a_password_form_is_never_shared(self):
        PageViewRestriction.objects.create(
            page=self.about, restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )
        for _ in range(2):
            response = self.client.get(self.about.url)
            self.assertEqual(response["X-Page-Cache"], "uncacheable")
            self.assertIn("private", response["Cache-Control"])

    def test_a_page_showing_a_message_is_neither_taken_from_nor_kept_in_the_cache(self):
        self.client.get(self.post.url)
        self.client.cookies["messages"] = "a message for this visitor"
        response = self.client.get(self.post.url)
        self.assertEqual(response["X-Page-Cache"], "bypass")
        self.assertIn("private", response["Cache-Control"])

    def test_the_admin_and_previews_are_private(self):
        self.client.force_login(self.school.users["head"])
        for url in ("/admin/", f"/admin/pages/{self.post.pk}/view_draft/"):
            response = self.client.get(url)
            self.assertIn("private", response["Cache-Control"], url)
            self.assertNotIn("public", response["Cache-Control"], url)

    @override_settings(
        CACHES={
            "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
            "pages": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": "redis://127.0.0.1:9/0",  # nothing listens there
                "OPTIONS": {"socket_connect_timeout": 0.1, "socket_timeout": 0.1},
            },
        }
    )
    def test_a_cache_outage_serves_pages_uncached_and_never_fails_a_publish(self):
        store._paused_until = 0.0
        try:
            response = self.client.get(self.post.url)
            self.assertEqual((response.status_code, response["X-Page-Cache"]), (200, "off"))
            with self.captureOnCommitCallbacks(execute=True):
                self.post.title = "Castle models (updated)"
                self.post.save_revision().publish()
            self.assertContains(self.client.get(self.post.url), "Castle models (updated)")
        finally:
            store._paused_until = 0.0


@CACHED
class NothingStaleAfterAChangeTests(TestCase):
    """After each kind of change, every address that shows it is the same as the page made
    afresh: none is stale."""

    @classmethod
    def setUpTestData(cls):
        cls.school = build_school(help_sheets=True, languages=True)
        cls.post = BlogPostPage.objects.get(slug="castle-models", locale__language_code="en-gb")
        cls.other = cls.school.posts["eagle"][1]
        cls.about = StandardPageFactory(
            parent=cls.school.home, title="About us", slug="about-us", show_in_menus=False
        )

    def setUp(self):
        caches[store.PAGE_CACHE].clear()

    def urls(self) -> list[str]:
        urls = ["/sitemap.xml"]
        for language in ("en-gb", "cy"):
            timeline = page_in(self.school.timeline, language).url
            urls += [
                page_in(self.school.home, language).url,
                page_in(self.school.eagle, language).url,
                page_in(self.school.eagle, language).url + "feed/rss/",
                page_in(self.school.falcon, language).url,
                page_in(self.school.awards, language).url,
                page_in(self.other, language).url,
                timeline,
                timeline + "feed/atom/",
                timeline + "?class=eagle",
                timeline + "tags/castles/",
                timeline + "subjects/history/",
                f"/{language}/search/?q=castle",
            ]
            if Page.objects.filter(pk=self.post.pk).exists():
                urls.append(page_in(self.post, language).url)
        return urls

    def assert_nothing_stale(self, change) -> None:
        urls = self.urls()
        for url in urls:
            self.client.get(url)
        with self.captureOnCommitCallbacks(execute=True):
            change()
        stale = []
        for url in urls:
            cached = self.client.get(url)
            with FRESH:
                fresh = self.client_class().get(url)
            if (cached.status_code, cached.content) != (fresh.status_code, fresh.content):
                stale.append(url)
        self.assertEqual(stale, [], f"stale after {change.__name__}")

    def test_publishing_an_edit(self):
        def publish():
            self.post.title = "Castle models with drawbridges"
            self.post.save_revision().publish()

        self.assert_nothing_stale(publish)

    def test_unpublishing(self):
        self.assert_nothing_stale(lambda: self.post.unpublish())

    def test_moving_to_another_class(self):
        self.assert_nothing_stale(lambda: self.post.move(self.school.falcon, "last-child"))

    def test_deleting(self):
        self.assert_nothing_stale(lambda: self.post.delete())

    def test_approving_and_removing_a_comment(self):
        comment = Comment.objects.create(
            post=self.post, name="Grandma Rose", relation="grandparent", body="Lovely castles!"
        )
        teacher = self.school.users["eagle.teacher"]
        self.assert_nothing_stale(lambda: comment.moderate(Comment.Status.APPROVED, teacher))
        self.assert_nothing_stale(lambda: comment.delete())

    def test_publishing_an_award(self):
        def award():
            self.school.awards.add_child(
                instance=AwardPage(
                    title="Star post",
                    slug="star-post",
                    week_start=date(2026, 11, 16),
                    category=AwardCategory.objects.get(name="Star post"),
                    winner_kind="class",
                    winning_class=self.school.eagle,
                    winning_post=self.post,
                    citation="Brilliant!",
                )
            ).save_revision().publish()

        self.assert_nothing_stale(award)

    def test_publishing_a_translation(self):
        welsh = page_in(self.post, "cy").specific

        def translate():
            welsh.title = "Modelau cestyll newydd"
            welsh.save_revision().publish()

        self.assert_nothing_stale(translate)

    def test_changing_the_school_details(self):
        def rename():
            school = SchoolSettings.for_site(Site.objects.get(is_default_site=True))
            school.school_name = "Oakfield Community Primary"
            school.save()

        self.assert_nothing_stale(rename)

    def test_adding_a_page_to_the_menu(self):
        def show():
            self.about.show_in_menus = True
            self.about.save_revision().publish()

        self.assert_nothing_stale(show)

    def test_withdrawing_a_pupils_name(self):
        [card] = create_pupils(["Leo"], self.school.eagle)
        leo = get_user_model().objects.get(username=card.username)
        consent_to_everything(leo)
        BlogPostPageFactory(parent=self.school.eagle, title="Leo's rocket", owner=leo)
        self.assertIn(" · Leo", self.client.get(self.school.eagle.url).content.decode())
        self.assert_nothing_stale(lambda: withhold(leo, Kind.NAME))

    def test_promoting_a_page_for_a_search(self):
        def promote():
            SearchPromotion.objects.create(
                query=Query.get("castle"), page=self.other, sort_order=0, description="Ours"
            )

        self.assert_nothing_stale(promote)

    def test_the_test_sees_a_stale_page(self):
        """A change that bypasses Wagtail (a raw update) is caught as stale by this test."""
        urls = [self.post.url]
        self.client.get(urls[0])
        BlogPostPage.objects.filter(pk=self.post.pk).update(title="Changed behind Wagtail")
        cached = self.client.get(urls[0])
        self.assertEqual(cached["X-Page-Cache"], "hit")
        self.assertIsNone(re.search("Changed behind Wagtail", cached.content.decode()))
