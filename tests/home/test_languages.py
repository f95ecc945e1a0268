"""The public site in Welsh, Polish and Urdu: URLs, the switcher, hreflang, fallbacks, search."""

import re

import pytest
from django.conf import settings
from wagtail.models import Locale, Page
from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.synctree import create_aliases_for_new_page

from blogs.demo.translations import translate
from blogs.models import Comment, TimelinePage
from tests.blogs.test_comments import comment_form_action, form_data
from tests.factories import BlogPostPageFactory, ClassBlogIndexPageFactory, StandardPageFactory

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


@pytest.fixture
def school(home_page, django_capture_on_commit_callbacks):
    """English pages; Welsh, Polish and Urdu switched on and kept in step with English; the
    home page, its timeline, Eagle Class and one post translated into Welsh and Urdu, Polish
    untranslated."""
    about = StandardPageFactory(
        parent=home_page,
        title="About us",
        slug="about",
        show_in_menus=True,
        introduction="Our history and our values.",
    )
    eagle = ClassBlogIndexPageFactory(parent=home_page, title="Eagle Class", slug="eagle")
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
    with django_capture_on_commit_callbacks(execute=True):
        for code, strings in (("cy", WELSH), ("ur", URDU)):
            timeline = TimelinePage.objects.child_of(home_page).get()
            for page in (home_page, timeline, eagle, post):
                translate(page.specific, Locale.objects.get(language_code=code), strings)
    return {"home": home_page, "about": about, "eagle": eagle, "post": post}


def _html(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def _switcher(html: str) -> list[tuple[str, str]]:
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S)
    return re.findall(r'<a href="([^"]+)" lang="([^"]+)"', nav.group(0)) if nav else []


def test_the_welsh_home_page_is_welsh_inside_and_out(school, client):
    html = _html(client, "/cy/")
    assert '<html lang="cy" dir="ltr">' in html
    assert "<h1>Ysgol Gynradd Oakfield</h1>" in html
    # Interface strings from the Welsh catalogue, not English.
    assert "Neidio i’r prif gynnwys" in html
    assert "Chwilio’r wefan" in html
    assert "Skip to main content" not in html


def test_urdu_pages_read_right_to_left(school, client):
    for url in ["/ur/", "/ur/eagle/", "/ur/eagle/castle-models/", "/ur/about/"]:
        assert '<html lang="ur" dir="rtl">' in _html(client, url), url
    assert '<html lang="en-gb" dir="ltr">' in _html(client, "/en-gb/")


def test_the_switcher_offers_only_the_translations_that_exist(school, client):
    assert _switcher(_html(client, "/en-gb/eagle/castle-models/")) == [
        ("/en-gb/eagle/castle-models/", "en-gb"),
        ("/cy/eagle/castle-models/", "cy"),
        ("/ur/eagle/castle-models/", "ur"),
    ]
    # Polish is switched on but nothing is translated into it yet: it is not offered.
    assert "/pl/" not in _html(client, "/en-gb/")
    # About us exists only in English: from its Welsh copy, the way back is English.
    assert _switcher(_html(client, "/cy/about/")) == [("/en-gb/about/", "en-gb")]
    # Only English: nothing to choose between, so no switcher.
    school["about"].get_translation(Locale.objects.get(language_code="cy")).delete()
    assert 'class="language-switcher"' not in _html(client, "/en-gb/about/")


def test_the_switcher_keeps_the_route_of_a_routable_page(school, client):
    assert ("/ur/news/", "ur") in _switcher(_html(client, "/cy/news/"))


def test_the_current_language_is_marked_for_screen_readers(school, client):
    html = _html(client, "/ur/")
    assert 'hreflang="ur" dir="rtl" aria-current="true">اردو</a>' in html
    assert 'lang="cy" hreflang="cy" dir="ltr">Cymraeg</a>' in html


def test_an_untranslated_page_falls_back_to_english_with_a_note(school, client):
    response = client.get("/cy/about/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "About us" in html
    assert 'class="translation-note" lang="cy"' in html
    # The English content is marked as English, for screen readers and translation tools.
    assert '<main id="main" tabindex="-1" lang="en-gb" dir="ltr">' in html
    # Search engines are pointed at the English original rather than a duplicate.
    assert '<link rel="canonical" href="http://localhost/en-gb/about/">' in html
    assert "translation-note" not in _html(client, "/cy/")


def test_hreflang_alternates_name_every_translation_and_a_default(school, client):
    html = _html(client, "/cy/eagle/")
    links = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html)
    assert links == [
        ("en-gb", "http://localhost/en-gb/eagle/"),
        ("cy", "http://localhost/cy/eagle/"),
        ("ur", "http://localhost/ur/eagle/"),
        ("x-default", "http://localhost/en-gb/eagle/"),
    ]


def test_a_bare_address_opens_the_visitors_language(school, client):
    assert client.get("/")["Location"] == "/en-gb/"
    assert client.get("/eagle/", HTTP_ACCEPT_LANGUAGE="ur,en;q=0.5")["Location"] == "/ur/eagle/"
    # A language the school has not switched on is not offered, even if the browser asks.
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr")["Location"] == "/en-gb/"
    assert client.get("/fr/eagle/")["Location"] == "/en-gb/eagle/"


def test_the_chosen_language_is_remembered_in_djangos_language_cookie_only(school, client):
    # Reading in the language we would have chosen anyway stores nothing.
    response = client.get("/en-gb/")
    assert not response.cookies
    # Choosing Welsh is remembered, and the next bare visit opens Welsh.
    response = client.get("/cy/")
    assert list(response.cookies) == [settings.LANGUAGE_COOKIE_NAME]
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "cy"
    assert client.get("/")["Location"] == "/cy/"
    # Switching back to English is remembered too.
    client.get("/en-gb/")
    assert client.get("/")["Location"] == "/en-gb/"


def test_menus_and_links_stay_in_the_visitors_language(school, client):
    html = _html(client, "/cy/")
    assert 'href="/cy/eagle/"' in html
    assert 'href="/cy/about/"' in html
    assert 'href="/cy/news/"' in html
    assert 'href="/en-gb/eagle/"' not in html


def test_search_finds_pages_in_the_current_language(school, client):
    welsh = client.get("/cy/search/", {"q": "castell"}).context["search_results"]
    assert [page.url for page in welsh] == ["/cy/eagle/castle-models/"]
    assert not client.get("/en-gb/search/", {"q": "castell"}).context["search_results"]
    english = client.get("/en-gb/search/", {"q": "castle"}).context["search_results"]
    assert [page.url for page in english] == ["/en-gb/eagle/castle-models/"]
    # An untranslated page is found in Welsh through its stand-in copy, linked within /cy/.
    about = client.get("/cy/search/", {"q": "history"}).context["search_results"]
    assert [page.url for page in about] == ["/cy/about/"]


def test_a_comment_on_the_welsh_post_joins_the_english_conversation(school, client):
    action = comment_form_action(client, "/cy/eagle/castle-models/")
    assert action.startswith("/cy/")
    response = client.post(action, form_data(name="Nain", body="Da iawn!"))
    assert response.status_code == 302
    [comment] = Comment.objects.all()
    assert comment.post_id == school["post"].pk  # kept on the English post
    assert "Da iawn!" not in _html(client, "/cy/eagle/castle-models/")  # not yet approved
    Comment.objects.update(status=Comment.Status.APPROVED)
    assert "Da iawn!" in _html(client, "/cy/eagle/castle-models/")
    assert "Da iawn!" in _html(client, "/en-gb/eagle/castle-models/")
    assert "Da iawn!" in _html(client, "/ur/eagle/castle-models/")
    assert "1 comment" in _html(client, "/en-gb/eagle/")


def test_a_deleted_english_page_leaves_no_copy_behind(school, client):
    post = school["post"]
    new_post = BlogPostPageFactory(
        parent=school["eagle"], title="Pond dipping", slug="pond-dipping"
    )
    create_aliases_for_new_page(new_post)  # as the admin does when a page is created
    for code in ("cy", "pl", "ur"):
        Page.objects.get(slug="pond-dipping", locale__language_code=code)  # its copies
    Page.objects.get(slug="pond-dipping", locale__language_code="en-gb").delete()
    assert not Page.objects.filter(slug="pond-dipping").exists()
    assert client.get("/pl/eagle/pond-dipping/").status_code == 404
    assert post.get_translations().count() == 3


def test_the_sitemap_lists_every_real_translation_and_no_stand_in(school, client):
    xml = client.get("/sitemap.xml").content.decode()
    for url in ["/en-gb/eagle/castle-models/", "/cy/eagle/castle-models/", "/ur/eagle/"]:
        assert f"<loc>http://localhost{url}</loc>" in xml, url
    assert "http://localhost/cy/news/</loc>" in xml  # the Welsh home page's own routes
    assert "/pl/" not in xml
    assert "/cy/about/" not in xml
