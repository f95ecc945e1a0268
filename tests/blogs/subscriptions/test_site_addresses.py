"""Every link the site sends out leads to the address it is served at, from the Site record:
feeds, ``hreflang``, the sitemap and every email (workflow emails from
``WAGTAILADMIN_BASE_URL``, which the deploy check holds to the same address)."""

import re
from io import StringIO

import feedparser
import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import TestCase, override_settings
from wagtail.models import Site

from blogs.models import BlogPostPage, Comment
from home.site_address import set_site_address
from tests.school import build_school

ROOT = "http://oakfield.test:8080"


class SiteAddressTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.school = build_school(languages=True)
        set_site_address(cls.school.home.get_site(), ROOT)

    def setUp(self):
        self.client.defaults["HTTP_HOST"] = "oakfield.test:8080"

    def test_feeds_link_to_the_sites_address(self):
        for url in ["/en-gb/eagle/feed/rss/", "/en-gb/news/feed/atom/", "/cy/eagle/feed/rss/"]:
            feed = feedparser.parse(self.client.get(url).content)
            assert feed.feed.link.startswith(f"{ROOT}/"), url
            assert feed.entries, url
            for entry in feed.entries:
                assert entry.link.startswith(f"{ROOT}/"), entry.link

    def test_hreflang_and_canonical_links_use_the_sites_address(self):
        for url in ["/cy/eagle/", "/en-gb/eagle/castle-models/", "/cy/eagle/times-tables-rock/"]:
            html = self.client.get(url).content.decode()
            links = re.findall(r'<link rel="(?:alternate|canonical)"[^>]* href="([^"]+)"', html)
            absolute = [link for link in links if "://" in link]
            assert absolute, url
            assert all(link.startswith(f"{ROOT}/") for link in absolute), absolute

    def test_the_sitemap_lists_the_sites_address(self):
        xml = self.client.get("/sitemap.xml").content.decode()
        locations = re.findall(r"<loc>([^<]+)</loc>", xml)
        assert f"{ROOT}/cy/eagle/castle-models/" in locations
        assert all(location.startswith(f"{ROOT}/") for location in locations)

    def test_the_comment_published_email_links_to_the_sites_address(self):
        post = BlogPostPage.objects.get(slug="castle-models", locale__language_code="en-gb")
        comment = Comment.objects.create(
            post=post, name="Rose", relation="grandparent", body="Lovely!", email="r@example.com"
        )
        comment.moderate(Comment.Status.APPROVED, self.school.users["eagle.teacher"])
        [message] = mail.outbox
        assert f"{ROOT}/en-gb/eagle/castle-models/#comments" in message.body
        assert "localhost" not in message.body

    @override_settings(WAGTAILADMIN_BASE_URL=ROOT)
    def test_workflow_emails_link_to_the_admins_address(self):
        pupil = self.school.users["eagle.pupil"]
        post = BlogPostPage(title="Owl pellets", slug="owl-pellets", owner=pupil, live=False)
        self.school.eagle.add_child(instance=post)
        post.save_revision(user=pupil)
        with self.captureOnCommitCallbacks(execute=True):
            post.get_workflow().start(post, pupil)
        # The teacher's "waiting for you" email links to To check at the admin's address.
        [message] = [m for m in mail.outbox if "eagle.teacher@oakfield.example" in m.to]
        assert f"{ROOT}/admin/to-check/" in message.body
        assert "127.0.0.1" not in message.body and "localhost" not in message.body


@pytest.mark.django_db
def test_set_site_address_sets_host_scheme_and_port(home_page):
    call_command("set_site_address", "https://www.oakfield.sch.uk", stdout=StringIO())
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == (
        "www.oakfield.sch.uk",
        443,
        "https://www.oakfield.sch.uk",
    )
    call_command("set_site_address", "http://127.0.0.1:8000", stdout=StringIO())
    assert Site.objects.get(is_default_site=True).root_url == "http://127.0.0.1:8000"
    # Wagtail takes every port but 443 to be http: an address it would get wrong is refused.
    with pytest.raises(CommandError):
        call_command("set_site_address", "https://www.oakfield.sch.uk:8443", stdout=StringIO())
    assert Site.objects.get(is_default_site=True).root_url == "http://127.0.0.1:8000"


@pytest.mark.django_db
def test_the_deploy_check_says_when_links_would_lead_elsewhere(home_page):
    def warnings() -> str:
        out = StringIO()
        call_command("check", "--deploy", "--database", "default", stdout=out, stderr=out)
        return out.getvalue()

    with override_settings(WAGTAILADMIN_BASE_URL="https://www.oakfield.sch.uk"):
        assert "home.W001" in warnings()  # the Site is still localhost
        set_site_address(Site.objects.get(is_default_site=True), "https://www.oakfield.sch.uk")
        assert "home.W001" not in warnings() and "home.W002" not in warnings()
    with override_settings(WAGTAILADMIN_BASE_URL="http://127.0.0.1:8000"):
        assert "home.W002" in warnings()
