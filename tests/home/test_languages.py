"""The public site in Welsh, Polish and Urdu: URLs, the switcher, hreflang, fallbacks, search."""

import re

from django.conf import settings
from django.test import TestCase
from wagtail.models import Locale, Page
from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.synctree import create_aliases_for_new_page

from blogs.demo.translations import translate
from blogs.models import Comment, TimelinePage
from tests.blogs.test_comments import comment_form_action, form_data
from tests.factories import (
    BlogPostPageFactory,
    ClassBlogIndexPageFactory,
    StandardPageFactory,
    school_home,
)

WELSH = {
    "Oakfield Primary School": "Ysgol Gynradd Oakfield",
    "News from our classes": "Newyddion ein dosbarthiadau",
    "Eagle Class": "Dosbarth yr Eryr",
    "Castle models": "Modelau castell",
    "We built castles with moving drawbridges.": "Adeiladon ni gestyll gyda phontydd codi.",
}
URDU = {
    "Oakfield Primary School": "اوک فیلڈ پرائمری اسکول",
    "News from our classes": "ہماری کلاسوں کی خبریں",
    "Eagle Class": "ایگل کلاس",
    "Castle models": "قلعوں کے ماڈل",
}


def _html(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def _switcher(html: str) -> list[tuple[str, str]]:
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S)
    return re.findall(r'<a href="([^"]+)" lang="([^"]+)"', nav.group(0)) if nav else []


class LanguagesTests(TestCase):
    """English pages; Welsh, Polish and Urdu switched on and kept in step with English; the home
    page, its timeline, Eagle Class and one post translated into Welsh and Urdu, Polish
    untranslated. Built once for the class: each test's changes are rolled back."""

    @classmethod
    def setUpTestData(cls):
        home = school_home()
        about = StandardPageFactory(
            parent=home,
            title="About us",
            slug="about",
            show_in_menus=True,
            introduction="Our history and our values.",
        )
        eagle = ClassBlogIndexPageFactory(parent=home, title="Eagle Class", slug="eagle")
        post = BlogPostPageFactory(
            parent=eagle,
            title="Castle models",
            slug="castle-models",
            summary="We built castles with moving drawbridges.",
        )
        english = Locale.get_default()
        for code in ("cy", "pl", "ur"):
            locale = Locale.objects.create(language_code=code)
            LocaleSynchronization.objects.create(locale=locale, sync_from=english)
        # wagtail-localize publishes a translation once the transaction commits.
        with cls.captureOnCommitCallbacks(execute=True):
            for code, strings in (("cy", WELSH), ("ur", URDU)):
                timeline = TimelinePage.objects.child_of(home).get()
                for page in (home, timeline, eagle, post):
                    translate(page.specific, Locale.objects.get(language_code=code), strings)
        cls.school = {"home": home, "about": about, "eagle": eagle, "post": post}

    def test_the_welsh_home_page_is_welsh_inside_and_out(self):
        html = _html(self.client, "/cy/")
        assert '<html lang="cy" dir="ltr">' in html
        assert "<h1>Ysgol Gynradd Oakfield</h1>" in html
        # Interface strings from the Welsh catalogue, not English.
        assert "Neidio i’r prif gynnwys" in html
        assert "Chwilio’r wefan" in html
        assert "Skip to main content" not in html

    def test_urdu_pages_read_right_to_left(self):
        for url in ["/ur/", "/ur/eagle/", "/ur/eagle/castle-models/", "/ur/about/"]:
            assert '<html lang="ur" dir="rtl">' in _html(self.client, url), url
        assert '<html lang="en-gb" dir="ltr">' in _html(self.client, "/en-gb/")

    def test_the_switcher_offers_every_language_the_site_is_in(self):
        assert _switcher(_html(self.client, "/en-gb/eagle/castle-models/")) == [
            ("/en-gb/eagle/castle-models/", "en-gb"),
            ("/cy/eagle/castle-models/", "cy"),
            ("/ur/eagle/castle-models/", "ur"),
        ]
        # Polish is switched on but nothing is translated into it yet: it is not offered.
        assert "/pl/" not in _html(self.client, "/en-gb/")

    def test_an_untranslated_page_still_offers_the_other_languages(self):
        # About us exists only in English. A Welsh reader who lands on it can still switch to
        # Welsh (the page then says it is shown in English), and back.
        about = [("/en-gb/about/", "en-gb"), ("/cy/about/", "cy"), ("/ur/about/", "ur")]
        assert _switcher(_html(self.client, "/en-gb/about/")) == about
        assert _switcher(_html(self.client, "/cy/about/")) == about
        # Search engines are still given only the real translations.
        assert 'hreflang="cy"' not in re.search(
            r"<head>.*</head>", _html(self.client, "/en-gb/about/"), re.S
        ).group(0)
        # With no copy in any other language, there is nothing to choose between.
        for code in ("cy", "ur"):
            self.school["about"].get_translation(Locale.objects.get(language_code=code)).delete()
        assert 'class="language-switcher"' not in _html(self.client, "/en-gb/about/")

    def test_the_switcher_keeps_the_route_of_a_routable_page(self):
        assert ("/ur/news/", "ur") in _switcher(_html(self.client, "/cy/news/"))

    def test_the_current_language_is_marked_for_screen_readers(self):
        html = _html(self.client, "/ur/")
        assert 'hreflang="ur" dir="rtl" aria-current="true">اردو</a>' in html
        assert 'lang="cy" hreflang="cy" dir="ltr">Cymraeg</a>' in html

    def test_an_untranslated_page_falls_back_to_english_with_a_note(self):
        response = self.client.get("/cy/about/")
        assert response.status_code == 200
        html = response.content.decode()
        assert "About us" in html
        assert 'class="translation-note" lang="cy"' in html
        # The English content is marked as English, for screen readers and translation tools.
        assert '<main id="main" tabindex="-1" lang="en-gb" dir="ltr">' in html
        # Search engines are pointed at the English original rather than a duplicate.
        assert '<link rel="canonical" href="http://localhost/en-gb/about/">' in html
        assert "translation-note" not in _html(self.client, "/cy/")

    def test_hreflang_alternates_name_every_translation_and_a_default(self):
        html = _html(self.client, "/cy/eagle/")
        links = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html)
        assert links == [
            ("en-gb", "http://localhost/en-gb/eagle/"),
            ("cy", "http://localhost/cy/eagle/"),
            ("ur", "http://localhost/ur/eagle/"),
            ("x-default", "http://localhost/en-gb/eagle/"),
        ]

    def test_a_bare_address_opens_the_visitors_language(self):
        assert self.client.get("/")["Location"] == "/en-gb/"
        assert (
            self.client.get("/eagle/", HTTP_ACCEPT_LANGUAGE="ur,en;q=0.5")["Location"]
            == "/ur/eagle/"
        )
        # A language the school has not switched on is not offered, even if the browser asks.
        assert self.client.get("/", HTTP_ACCEPT_LANGUAGE="fr")["Location"] == "/en-gb/"
        assert self.client.get("/fr/eagle/")["Location"] == "/en-gb/eagle/"

    def test_the_chosen_language_is_remembered_in_djangos_language_cookie_only(self):
        # Reading in the language we would have chosen anyway stores nothing.
        response = self.client.get("/en-gb/")
        assert not response.cookies
        # Choosing Welsh is remembered, and the next bare visit opens Welsh.
        response = self.client.get("/cy/")
        assert list(response.cookies) == [settings.LANGUAGE_COOKIE_NAME]
        assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "cy"
        assert self.client.get("/")["Location"] == "/cy/"
        # Switching back to English is remembered too.
        self.client.get("/en-gb/")
        assert self.client.get("/")["Location"] == "/en-gb/"

    def test_menus_and_links_stay_in_the_visitors_language(self):
        html = _html(self.client, "/cy/")
        assert 'href="/cy/eagle/"' in html
        assert 'href="/cy/about/"' in html
        assert 'href="/cy/news/"' in html
        assert 'href="/en-gb/eagle/"' not in html

    def test_search_finds_pages_in_the_current_language(self):
        welsh = self.client.get("/cy/search/", {"q": "castell"}).context["search_results"]
        assert [page.url for page in welsh] == ["/cy/eagle/castle-models/"]
        assert not self.client.get("/en-gb/search/", {"q": "castell"}).context["search_results"]
        english = self.client.get("/en-gb/search/", {"q": "castle"}).context["search_results"]
        assert [page.url for page in english] == ["/en-gb/eagle/castle-models/"]
        # An untranslated page is found in Welsh through its stand-in copy, linked within /cy/.
        about = self.client.get("/cy/search/", {"q": "history"}).context["search_results"]
        assert [page.url for page in about] == ["/cy/about/"]

    def test_a_comment_on_the_welsh_post_joins_the_english_conversation(self):
        action = comment_form_action(self.client, "/cy/eagle/castle-models/")
        assert action.startswith("/cy/")
        response = self.client.post(action, form_data(name="Nain", body="Da iawn!"))
        assert response.status_code == 302
        [comment] = Comment.objects.all()
        assert comment.post_id == self.school["post"].pk  # kept on the English post
        assert "Da iawn!" not in _html(self.client, "/cy/eagle/castle-models/")  # not yet approved
        Comment.objects.update(status=Comment.Status.APPROVED)
        assert "Da iawn!" in _html(self.client, "/cy/eagle/castle-models/")
        assert "Da iawn!" in _html(self.client, "/en-gb/eagle/castle-models/")
        assert "Da iawn!" in _html(self.client, "/ur/eagle/castle-models/")
        assert "1 comment" in _html(self.client, "/en-gb/eagle/")

    def test_a_deleted_english_page_leaves_no_copy_behind(self):
        post = self.school["post"]
        new_post = BlogPostPageFactory(
            parent=self.school["eagle"], title="Pond dipping", slug="pond-dipping"
        )
        create_aliases_for_new_page(new_post)  # as the admin does when a page is created
        for code in ("cy", "pl", "ur"):
            Page.objects.get(slug="pond-dipping", locale__language_code=code)  # its copies
        Page.objects.get(slug="pond-dipping", locale__language_code="en-gb").delete()
        assert not Page.objects.filter(slug="pond-dipping").exists()
        assert self.client.get("/pl/eagle/pond-dipping/").status_code == 404
        assert post.get_translations().count() == 3

    def test_the_sitemap_lists_every_real_translation_and_no_stand_in(self):
        xml = self.client.get("/sitemap.xml").content.decode()
        for url in ["/en-gb/eagle/castle-models/", "/cy/eagle/castle-models/", "/ur/eagle/"]:
            assert f"<loc>http://localhost{url}</loc>" in xml, url
        assert "http://localhost/cy/news/</loc>" in xml  # the Welsh home page's own routes
        assert "/pl/" not in xml
        assert "/cy/about/" not in xml
