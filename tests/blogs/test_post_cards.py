"""A post's card is kept between the lists that show it, and made again only when the post
changes (blogs/classes/cards.py)."""

from unittest.mock import patch

from django.core.cache import caches
from django.template.loader import render_to_string
from django.test import TestCase, override_settings

from home.page_cache import purge_paths, store
from tests.school import build_school


@override_settings(SCHOOLSITE_PAGE_CACHE=True, SCHOOLSITE_FRAGMENT_CACHE=True)
class PostCardTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.school = build_school()
        cls.post = cls.school.posts["eagle"][0]

    def setUp(self):
        self.settle()
        caches[store.PAGE_CACHE].clear()

    def settle(self) -> None:
        """Purges of changes never committed (setUpTestData's; the school details a first
        page view makes) wait to go with the next purge (home/page_cache/purge.py): they go
        now, not with the change a test makes."""
        with self.captureOnCommitCallbacks(execute=True):
            purge_paths([])

    def cards_made(self, url: str) -> tuple[int, str]:
        with patch("blogs.classes.cards.render_to_string", wraps=render_to_string) as made:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return made.call_count, response.content.decode()

    def test_a_list_made_again_after_one_post_changed_makes_only_that_posts_card(self):
        timeline = self.school.timeline.url
        self.client.get(timeline)
        self.settle()
        made, _html = self.cards_made(timeline)
        self.assertGreater(made, 1)
        with self.captureOnCommitCallbacks(execute=True):
            self.post.title = "Castle models with drawbridges"
            self.post.save_revision().publish()
        made, html = self.cards_made(timeline)
        self.assertEqual(made, 1)
        self.assertIn("Castle models with drawbridges", html)

    def test_the_class_blog_and_the_timeline_keep_their_own_cards(self):
        # The timeline names each post's class on its card; the class blog does not.
        self.cards_made(self.school.timeline.url)
        made, html = self.cards_made(self.school.eagle.url)
        self.assertEqual(made, len(self.school.posts["eagle"]))
        self.assertNotIn(
            f'href="{self.school.eagle.url}">Eagle Class</a>', html.split("<main", 1)[1]
        )
