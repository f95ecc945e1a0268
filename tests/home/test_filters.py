"""The one filter rule of every public list: the timeline, a subject's page, the awards archive,
the help-sheet library and site search.

Whatever a visitor puts in the address bar gives a normal page: an unknown or malformed value
matches nothing, never an error. The form keeps the visitor's choices, has a heading, labels and
a button, offers "Clear filters" once a filter is chosen, and page links keep the filters.
"""

import re
from datetime import date, timedelta
from html.parser import HTMLParser

import pytest
from django.test import TestCase
from django.utils import translation
from wagtail.models import Locale
from wagtail_localize.models import LocaleSynchronization

from blogs.demo.translations import translate
from blogs.models import (
    AwardCategory,
    AwardIndexPage,
    AwardPage,
    HelpSheetLibraryPage,
    HelpSheetPage,
    HelpSheetTopic,
    TimelinePage,
)
from tests.factories import (
    BlogPostPageFactory,
    ClassBlogIndexPageFactory,
    SubjectFactory,
    school_home,
)

LIST_PAGES = ["/en-gb/news/", "/en-gb/news/subjects/science/", "/en-gb/awards/", "/en-gb/help/"]
SEARCH = "/en-gb/search/?q=volcano&"

# Values a mistyped link, an old bookmark or a prodding visitor might send.
MALFORMED = [
    "class=nowhere",
    "class=%00",
    "class=" + "x" * 5000,
    "subject=%27%3B+DROP+TABLE+pages",
    "subject=%F0%9F%A6%89",
    "category=nonsense",
    "category=-1",
    "category=99999999999999999999999",
    "topic=../../etc",
    "audience=everyone",
    "type=nonsense",
    "tag=%00",
    "q=%00",
    "class=eagle&class=nowhere",
]


class FormReader(HTMLParser):
    """The filter form's parts, as a screen reader or a browser would find them."""

    def __init__(self, html: str):
        super().__init__()
        self.in_form = False
        self.form_attrs: dict = {}
        self.labels: set[str] = set()
        self.controls: dict[str, dict] = {}
        self.selected: dict[str, str] = {}
        self.links: list[str] = []
        self.headings: list[str] = []
        self._select = ""
        self._heading = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and "filters" in attrs.get("class", ""):
            self.in_form, self.form_attrs = True, attrs
        if not self.in_form:
            return
        if tag == "label":
            self.labels.add(attrs["for"])
        elif tag in ("input", "select"):
            self.controls[attrs["name"]] = attrs
            self._select = attrs["name"] if tag == "select" else ""
        elif tag == "option" and "selected" in attrs and attrs["value"]:
            self.selected[self._select] = attrs["value"]
        elif tag == "a":
            self.links.append(attrs["href"])
        elif tag == "h2":
            self._heading = True

    def handle_data(self, data):
        if self._heading:
            self.headings.append(data.strip())

    def handle_endtag(self, tag):
        if tag == "h2":
            self._heading = False
        if tag == "form":
            self.in_form = False


class FilterFormTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = school_home()
        eagle = ClassBlogIndexPageFactory(parent=home, title="Eagle Class", slug="eagle")
        falcon = ClassBlogIndexPageFactory(parent=home, title="Falcon Class", slug="falcon")
        science = SubjectFactory(name="Science", slug="science")
        BlogPostPageFactory(
            parent=eagle, title="Volcano models", subjects=[science], tags=["space"]
        )
        BlogPostPageFactory(parent=falcon, title="Volcano poems", subjects=[science])

        cls.archive = AwardIndexPage(title="Blogging Awards", slug="awards")
        home.add_child(instance=cls.archive)
        cls.star = AwardCategory.objects.get(name="Star post")
        for week in range(21):
            cls.archive.add_child(
                instance=AwardPage(
                    title=f"Star post {week}",
                    slug=f"star-post-{week}",
                    week_start=date(2026, 11, 16) - timedelta(weeks=week),
                    category=cls.star,
                    winner_kind="class",
                    winning_class=eagle,
                    citation="Brilliant!",
                )
            )

        library = HelpSheetLibraryPage(title="Help sheets", slug="help")
        home.add_child(instance=library)
        blogging = HelpSheetTopic.objects.get(slug="blogging")
        sheet = HelpSheetPage(
            title="Writing a post",
            slug="writing-a-post",
            summary="Writing a post, step by step.",
            for_pupils=True,
            steps=[("step", {"instruction": "<p>Press Add post.</p>"})],
        )
        library.add_child(instance=sheet)
        sheet.topics.set([blogging])
        sheet.save_revision().publish()

    def get(self, url: str):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return response

    def test_malformed_values_give_a_normal_page_that_lists_nothing(self):
        for url in [*LIST_PAGES, SEARCH]:
            for query in MALFORMED:
                with self.subTest(url=url, query=query):
                    response = self.get(url + ("&" if "?" in url else "?") + query)
                    listed = next(
                        response.context[name]
                        for name in ("posts", "awards", "sheets", "search_results")
                        if name in response.context
                    )
                    html = response.content.decode()
                    self.assertIn('<form class="filters" method="get"', html)
                    # No error message is shown, so no field may point at one.
                    self.assertNotIn("aria-invalid", html)
                    self.assertNotIn("_error", html)
                    name = query.split("=")[0]
                    if name in FormReader(html).controls:
                        self.assertEqual(list(listed), [], "an unknown value matches nothing")

    def test_the_form_has_a_heading_labels_for_every_field_and_a_button(self):
        expected = {
            "/en-gb/news/": ("Filter posts", ["class", "subject", "tag"], "Show posts"),
            "/en-gb/news/subjects/science/": ("Filter posts", ["class", "tag"], "Show posts"),
            "/en-gb/awards/": ("Filter awards", ["category", "class"], "Show awards"),
            "/en-gb/help/": ("Find a help sheet", ["q", "topic", "audience"], "Show help sheets"),
            SEARCH: ("Search the school site", ["q", "type", "class", "subject"], "Search"),
        }
        for url, (heading, fields, button) in expected.items():
            with self.subTest(url=url):
                html = self.get(url).content.decode()
                form = FormReader(html)
                self.assertEqual(form.form_attrs["method"], "get")
                self.assertIn(heading, form.headings)
                self.assertEqual(list(form.controls), fields)
                self.assertEqual(form.labels, {attrs["id"] for attrs in form.controls.values()})
                self.assertRegex(html, rf'<button type="submit">{button}</button>')
                self.assertEqual(form.links, [], "no clear link before anything is chosen")

    def test_chosen_filters_stay_in_the_form_with_a_link_to_clear_them(self):
        form = FormReader(
            self.get("/en-gb/news/?class=falcon&subject=science&tag=space").content.decode()
        )
        self.assertEqual(form.selected, {"class": "falcon", "subject": "science"})
        self.assertEqual(form.controls["tag"]["value"], "space")
        self.assertEqual(form.links, ["?"])

        form = FormReader(
            self.get(f"/en-gb/awards/?category={self.star.pk}&class=eagle").content.decode()
        )
        self.assertEqual(form.selected, {"category": str(self.star.pk), "class": "eagle"})
        self.assertEqual(form.links, ["?"])

    def test_clearing_filters_keeps_the_search_words(self):
        form = FormReader(
            self.get("/en-gb/help/?q=post&topic=blogging&audience=pupils").content.decode()
        )
        self.assertEqual(form.selected, {"topic": "blogging", "audience": "pupils"})
        self.assertEqual(form.controls["q"]["value"], "post")
        self.assertEqual(form.links, ["?q=post"])

        form = FormReader(self.get(SEARCH + "type=posts&class=eagle").content.decode())
        self.assertEqual(form.selected, {"type": "posts", "class": "eagle"})
        self.assertEqual(form.links, ["?q=volcano"])
        # Words alone are a search, not a filter: nothing to clear.
        self.assertEqual(FormReader(self.get(SEARCH).content.decode()).links, [])

    def test_values_are_trimmed_and_cut_to_length(self):
        response = self.get("/en-gb/news/?class=%20falcon%20&tag=%20%20")
        self.assertEqual([post.title for post in response.context["posts"]], ["Volcano poems"])
        form = FormReader(self.get("/en-gb/help/?q=" + "word%20%20" * 100).content.decode())
        self.assertEqual(form.controls["q"]["maxlength"], "200")
        self.assertEqual(form.controls["q"]["value"], ("word " * 40).strip())

    def test_filters_find_what_they_name(self):
        def titles(url: str, name: str) -> list[str]:
            return sorted(item.title for item in self.get(url).context[name])

        self.assertEqual(
            titles("/en-gb/news/?class=eagle&tag=%23Space", "posts"), ["Volcano models"]
        )
        self.assertEqual(
            titles(SEARCH + "class=falcon&type=posts", "search_results"), ["Volcano poems"]
        )
        self.assertEqual(
            titles("/en-gb/help/?topic=blogging&audience=pupils", "sheets"), ["Writing a post"]
        )
        self.assertEqual(titles("/en-gb/help/?audience=parents", "sheets"), [])
        self.assertEqual(len(self.get("/en-gb/awards/?class=falcon").context["awards"]), 0)

    def test_page_links_keep_the_filters(self):
        html = self.get(f"/en-gb/awards/?class=eagle&category={self.star.pk}").content.decode()
        self.assertIn(f'href="?class=eagle&amp;category={self.star.pk}&amp;page=2"', html)
        second = self.get(f"/en-gb/awards/?class=eagle&category={self.star.pk}&page=2")
        self.assertEqual(len(second.context["awards"]), 1)
        self.assertIn(
            f'href="?class=eagle&amp;category={self.star.pk}&amp;page=1"',
            second.content.decode(),
        )


@pytest.mark.django_db
def test_the_form_speaks_the_visitors_language_and_offers_its_classes(
    client, django_capture_on_commit_callbacks
):
    home = school_home()
    eagle = ClassBlogIndexPageFactory(parent=home, title="Eagle Class", slug="eagle")
    welsh = Locale.objects.create(language_code="cy")
    LocaleSynchronization.objects.create(locale=welsh, sync_from=Locale.get_default())
    with django_capture_on_commit_callbacks(execute=True):
        timeline = TimelinePage.objects.child_of(home).get()
        for page in (home, timeline, eagle):
            translate(page.specific, welsh, {"Eagle Class": "Dosbarth yr Eryr"})

    html = client.get("/cy/news/").content.decode()
    form = FormReader(html)
    with translation.override("cy"):
        heading, button = translation.gettext("Filter posts"), translation.gettext("Show posts")
    assert heading != "Filter posts"
    assert heading in form.headings
    assert f'<button type="submit">{button}</button>' in html
    classes = re.search(r'<select name="class".*?</select>', html, re.S).group()
    assert "Dosbarth yr Eryr" in classes and "Eagle Class" not in classes
