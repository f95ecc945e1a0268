"""List pages and post pages run a fixed number of SQL queries, however many posts exist."""

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page
from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.synctree import create_aliases_for_new_page

from blogs.models import AuthorProfile
from tests.factories import (
    BlogPostPageFactory,
    ClassBlogIndexPageFactory,
    ImageFactory,
    SubjectFactory,
    UserFactory,
    school_home,
)

URLS = [
    "/en-gb/",
    "/en-gb/eagle/",
    "/en-gb/news/",
    "/en-gb/news/?subject=science&tag=space",
    "/en-gb/news/subjects/science/",
]


class QueryBudgetTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = school_home()
        cls.classes = [
            ClassBlogIndexPageFactory(parent=home, title=f"{name} Class", slug=name.lower())
            for name in ("Eagle", "Falcon")
        ]
        cls.science = SubjectFactory(name="Science", slug="science")
        cls.maths = SubjectFactory(name="Maths", slug="maths")
        cls.pupil = UserFactory(first_name="Amara", last_name="Smithson")
        AuthorProfile.objects.create(user=cls.pupil)
        cls.images = [ImageFactory(description=f"Picture {n}") for n in range(3)]
        cls.created = 0

    def add_posts(self, count: int) -> None:
        for _ in range(count):
            number = self.created
            post = BlogPostPageFactory.build(
                title=f"Post {number}",
                slug=f"post-{number}",
                owner=self.pupil,
                featured_image=self.images[number % 3],
            )
            # Subjects and tags set before the one save, as the admin's form does.
            post.subjects = [self.science, self.maths]
            post.tags.add("space", f"week{number % 7}")
            self.classes[number % 2].add_child(instance=post)
            if Locale.objects.filter(language_code="cy").exists():
                create_aliases_for_new_page(post)  # as the admin does
            self.created += 1

    def query_counts(self, language: str = "en-gb") -> dict[str, int]:
        post_url = Page.objects.get(title="Post 1", locale__language_code=language).url
        counts = {}
        for url in [*(url.replace("/en-gb/", f"/{language}/") for url in URLS), post_url]:
            self.client.get(url)  # renditions are made on the first view; count the next ones
            with CaptureQueriesContext(connection) as queries:
                response = self.client.get(url)
            self.assertEqual(response.status_code, 200, url)
            counts[url if url != post_url else "post page"] = len(queries)
        return counts

    def test_list_and_post_pages_run_the_same_queries_for_5_posts_or_500(self):
        self.add_posts(5)
        with_five = self.query_counts()
        self.add_posts(495)
        with_five_hundred = self.query_counts()
        print(f"SQL queries per page, 5 posts: {with_five}; 500 posts: {with_five_hundred}")  # noqa: T201 - the figures, for the README
        self.assertEqual(with_five, with_five_hundred)
        for url, count in with_five.items():
            self.assertLessEqual(count, 30, f"{url} runs {count} queries")

    def test_welsh_pages_run_the_same_queries_for_5_posts_or_100(self):
        """The Welsh site lists the Welsh copies of every post: still a fixed count."""
        welsh = Locale.objects.create(language_code="cy")
        LocaleSynchronization.objects.create(locale=welsh, sync_from=Locale.get_default())
        self.add_posts(5)
        with_five = self.query_counts("cy")
        self.add_posts(95)
        with_a_hundred = self.query_counts("cy")
        print(f"SQL queries per Welsh page, 5 posts: {with_five}; 100 posts: {with_a_hundred}")  # noqa: T201 - the figures, for the README
        self.assertEqual(with_five, with_a_hundred)
        # A few more than English: Wagtail routes through the Welsh tree, and an untranslated
        # copy also checks its English original's privacy and finds it for the note.
        for url, count in with_five.items():
            self.assertLessEqual(count, 36, f"{url} runs {count} queries")
