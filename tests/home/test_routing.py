"""Every public address finds what Wagtail's own routing finds, in two queries, not two per
level (home/routing.py)."""

from django.db import connection
from django.test import RequestFactory, TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page

from home.routing import route
from tests.school import build_school

LANGUAGES = ("en-gb", "cy", "pl", "ur")
# Routes of the routable pages, and addresses that are nothing.
MORE_PATHS = [
    "news/subjects/history/",
    "news/tags/castles/",
    "news/tags/castles/feed/atom/",
    "news/feed/rss/",
    "eagle/feed/rss/",
    "eagle/feed/nothing/",
    "eagle/castle-models/nothing/",
    "nothing/",
    "help/nothing/",
]


def route_result(found) -> tuple | None:
    """What a route result is made of, comparable between two routings."""
    if found is None:
        return None
    page, args, kwargs = found
    if args:  # a routable page's own view, bound to the page
        view, view_args, view_kwargs = args
        args = (view.__func__, tuple(view_args), view_kwargs)
    return page.pk, type(page), tuple(args), kwargs


class RoutingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.school = build_school(help_sheets=True, languages=True)
        cls.draft = cls.school.posts["eagle"][1]
        cls.draft.unpublish()

    def request(self, language: str):
        request = RequestFactory().get(f"/{language}/")
        return request

    def paths(self, language: str) -> list[str]:
        prefix = f"/{language}/"
        urls = [page.get_url() or "" for page in Page.objects.filter(depth__gt=2)]
        return [""] + [url[len(prefix) :] for url in urls if url.startswith(prefix)] + MORE_PATHS

    def test_every_address_finds_what_wagtail_finds(self):
        for language in LANGUAGES:
            with translation.override(language):
                for path in self.paths(language):
                    with self.subTest(language=language, path=path):
                        ours = route(self.request(language), path)
                        wagtails = Page.route_for_request(self.request(language), path)
                        self.assertEqual(route_result(ours), route_result(wagtails))

    def test_an_unpublished_page_is_not_found(self):
        path = self.draft.url.removeprefix("/en-gb/")
        with translation.override("en-gb"):
            self.assertIsNone(route(self.request("en-gb"), path))

    @override_settings(SCHOOLSITE_FRAGMENT_CACHE=True)
    def test_a_post_is_found_in_two_queries_when_the_home_page_is_kept(self):
        post = Page.objects.get(slug="castle-models", locale__language_code="cy")
        path = post.url.removeprefix("/cy/")
        with translation.override("cy"):
            route(self.request("cy"), path)  # keeps the Welsh home page
            with CaptureQueriesContext(connection) as queries:
                found = route(self.request("cy"), path)
        self.assertEqual(found.page.pk, post.pk)
        self.assertEqual(len(queries), 2, [query["sql"] for query in queries])
