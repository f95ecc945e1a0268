"""What families noticed on the way to subscribing: bylines that named the class twice, and
Polish dates in the wrong case. (The language switcher on untranslated pages is in
tests/home/test_languages.py; the follow page that explains feeds, in test_subscribing.)"""

import re
from datetime import date

from django.test import TestCase

from blogs.models import BlogPostPage
from tests.factories import BlogPostPageFactory, UserFactory
from tests.school import build_school

NOVEMBER_23 = date(2025, 11, 23)


def card_meta(html: str, title: str) -> str:
    """The byline of the card of the post called ``title``, as text, after its date."""
    cards = re.findall(r'<article class="card card--post.*?</article>', html, re.S)
    [card] = [card for card in cards if f">{title}</a></h3>" in card]
    meta = re.search(r'<p class="card__meta">(.*?)</p>', card, re.S).group(1)
    meta = re.sub(r"<time[^>]*>.*?</time>", "", meta)
    return " ".join(re.sub(r"<[^>]+>", "", meta).split())


class FamiliesSeeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.school = build_school(languages=True)
        # A post nobody in particular wrote (the class's shared laptop): it stands for its class.
        laptop = UserFactory(username="laptop", first_name="")
        BlogPostPageFactory(parent=cls.school.falcon, title="Our class assembly", owner=laptop)

    def test_a_cards_byline_names_the_class_once(self):
        for url in ["/en-gb/", "/en-gb/news/"]:
            html = self.client.get(url).content.decode()
            # The pupil by first name; the class beside it, once.
            assert card_meta(html, "Castle models") == "· Amara · Eagle Class", url
            # Staff by their public name; a post with no author's name, by its class alone.
            assert card_meta(html, "Our Big Write") == "· Miss Evans · Falcon Class", url
            assert card_meta(html, "Our class assembly") == "· Falcon Class", url
        # On the class's own blog the class is the page: the author alone, or the class.
        falcon = self.client.get("/en-gb/falcon/").content.decode()
        assert card_meta(falcon, "Our class assembly") == "· Falcon Class"
        eagle = self.client.get("/en-gb/eagle/").content.decode()
        assert card_meta(eagle, "Castle models") == "· Amara"

    def test_dates_are_written_as_each_language_writes_them(self):
        BlogPostPage.objects.filter(slug="castle-models").update(date=NOVEMBER_23)
        for url, written in [
            ("/en-gb/eagle/castle-models/", "23 November 2025"),
            ("/cy/eagle/castle-models/", "23 Tachwedd 2025"),
            # Polish puts the month in the genitive after a day: "listopada", not "Listopad".
            ("/pl/eagle/castle-models/", "23 listopada 2025"),
        ]:
            html = self.client.get(url).content.decode()
            assert f'<time datetime="2025-11-23">{written}</time>' in html, url
        assert "Listopad" not in self.client.get("/pl/eagle/").content.decode()
