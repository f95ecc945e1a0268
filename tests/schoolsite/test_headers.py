"""Headers and third parties: a Content-Security-Policy on every page, no cookie for reading
the public site, and no staff email hashes sent to Gravatar."""

import re
import time
from datetime import date
from pathlib import Path

from django.contrib.staticfiles import finders
from django.test import Client, TestCase

from blogs.comments import tokens
from blogs.models import AwardCategory, AwardPage, Comment
from tests.factories import StandardPageFactory
from tests.school import build_school

INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"<[^>]+\sstyle\s*=", re.IGNORECASE)


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


class PublicPagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        school = build_school(help_sheets=True)
        StandardPageFactory(parent=school.home, title="About us", slug="about")
        school.awards.add_child(
            instance=AwardPage(
                title="Star post",
                slug="star-post",
                week_start=date(2026, 11, 16),
                category=AwardCategory.objects.get(name="Star post"),
                winner_kind="class",
                winning_class=school.eagle,
                citation="Brilliant!",
            )
        )
        post = school.posts["eagle"][0]
        Comment.objects.create(
            post=post, name="Rose", relation="grandparent", body="Lovely!", status="approved"
        )
        subject = post.subjects.first()
        cls.pages = {
            "home page": "/en-gb/",
            "standard page": "/en-gb/about/",
            "class blog": "/en-gb/eagle/",
            "post with its comment form": post.url,
            "timeline": "/en-gb/news/",
            "subject": f"/en-gb/news/subjects/{subject.slug}/",
            "awards archive": "/en-gb/awards/",
            "award": "/en-gb/awards/star-post/",
            "help sheets": "/en-gb/help/",
            "help sheet": "/en-gb/help/writing-a-class-blog-post/",
            "search": "/en-gb/search/?q=castle",
            "follow by email": f"/en-gb/subscribe/?class={school.eagle.pk}",
        }

    def test_every_public_page_has_a_policy_that_runs_only_our_own_scripts(self):
        for name, url in self.pages.items():
            with self.subTest(name):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                policy = directives(response)
                self.assertEqual(policy["default-src"], ["'self'"])
                self.assertEqual(policy["script-src"], ["'self'"])
                self.assertEqual(policy["style-src"], ["'self'"])
                self.assertIn("https://www.youtube-nocookie.com", policy["frame-src"])
                self.assertIn("https://player.vimeo.com", policy["frame-src"])

    def test_our_pages_have_no_inline_script_handler_or_style_for_the_policy_to_block(self):
        for name, url in self.pages.items():
            with self.subTest(name):
                html = self.client.get(url).content.decode()
                self.assertEqual(INLINE_SCRIPT.findall(html), [])
                self.assertEqual(EVENT_HANDLER.findall(html), [])
                self.assertEqual(STYLE_ATTRIBUTE.findall(html), [])

    def test_the_help_sheets_print_button_works_from_a_script_file(self):
        html = self.client.get(self.pages["help sheet"]).content.decode()
        self.assertIn('<button type="button" data-print>', html)
        self.assertRegex(html, r'<script src="/static/js/print-button\.js" defer>')
        script = Path(finders.find("js/print-button.js")).read_text(encoding="utf-8")
        self.assertIn("window.print()", script)

    def test_reading_the_public_site_sets_no_cookie(self):
        for name, url in self.pages.items():
            with self.subTest(name):
                response = Client().get(url)
                self.assertEqual(response.status_code, 200)
                self.assertFalse(response.has_header("Set-Cookie"))
                self.assertEqual(dict(response.cookies), {})
        not_found = Client().get("/en-gb/no-such-page/")
        self.assertEqual(not_found.status_code, 404)
        self.assertEqual(dict(not_found.cookies), {})

    def test_a_comment_is_sent_with_no_cookie_even_where_csrf_is_enforced(self):
        visitor = Client(enforce_csrf_checks=True)
        page = visitor.get(self.pages["post with its comment form"]).content.decode()
        action = re.search(r'<form class="comment-form" method="post" action="([^"]+)"', page)[1]
        token_url = re.search(r'data-token-url="([^"]+)"', page)[1]
        token = visitor.get(token_url).json()["token"]
        self.assertNotIn("csrfmiddlewaretoken", page)
        time.sleep(tokens.MIN_SECONDS_TO_WRITE + 0.2)  # a person takes a moment to write
        response = visitor.post(
            action,
            {
                "name": "Grandad Joe",
                "relation": "grandparent",
                "body": "Wonderful castles!",
                "website": "",
                "started": token,
            },
        )
        self.assertEqual(response.status_code, 302)
        self.assertTrue(Comment.objects.filter(name="Grandad Joe", status="pending").exists())


class AdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.school = build_school()

    def setUp(self):
        self.client.force_login(self.school.users["head"])

    def test_the_admin_works_under_a_policy_that_allows_its_inline_code(self):
        post = self.school.posts["eagle"][0]
        for url in ["/admin/", f"/admin/pages/{post.pk}/edit/", "/admin/snippets/blogs/comment/"]:
            with self.subTest(url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                policy = directives(response)
                self.assertEqual(policy["default-src"], ["'self'"])
                self.assertIn("'unsafe-inline'", policy["script-src"])
                self.assertIn("'self'", policy["script-src"])

    def test_no_staff_email_hash_goes_to_gravatar(self):
        head = self.school.users["head"]
        self.assertTrue(head.email)
        for url in ["/admin/", "/admin/users/", "/admin/account/"]:
            with self.subTest(url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assertNotIn("gravatar", response.content.decode())

    def test_the_admin_does_not_ask_wagtail_org_for_updates(self):
        html = self.client.get("/admin/").content.decode()
        self.assertNotIn('data-controller="w-upgrade', html)
