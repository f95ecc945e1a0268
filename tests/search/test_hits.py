"""Search counts: under gunicorn's preload_app a worker forked from a process that counted
starts with none of its counts, so nothing is written twice; a search the page cache answers
counts too, in every language."""

import os

from django.core.cache import caches
from django.test import SimpleTestCase, TestCase, override_settings
from django.utils import translation

from home.page_cache import store
from search import hits
from tests.school import build_school


class ForkTests(SimpleTestCase):
    def test_a_forked_worker_starts_with_no_counts_and_a_free_lock(self):
        hits.count("volcanoes")
        before = hits.pending()
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the worker: reports what it would write, then leaves at once
            os.close(read)
            hits.count("castles")  # the lock is free: this would hang if it were held
            os.write(write, str(hits.pending()).encode())
            os._exit(0)
        os.close(write)
        in_worker = int(os.read(read, 16))
        os.waitpid(pid, 0)
        self.assertEqual(in_worker, 1)
        self.assertEqual(hits.pending(), before)


@override_settings(SCHOOLSITE_PAGE_CACHE=True)
class CachedSearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_school(languages=True)

    def test_a_search_the_page_cache_answers_is_counted_in_every_language(self):
        caches[store.PAGE_CACHE].clear()
        hits.flush()
        self.addCleanup(translation.deactivate)
        for language in ("en-gb", "cy"):
            self.client.get(f"/{language}/search/", {"q": "castles"})  # made
            # A server thread keeps the language of the last page it made: here, another's.
            translation.activate("pl")
            response = self.client.get(f"/{language}/search/", {"q": "castles"})
            self.assertEqual(response["X-Page-Cache"], "hit")
        self.assertEqual(hits.pending(), 4)
