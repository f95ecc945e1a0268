"""Add many posts to the demo school, for ``make bench``: ``manage.py seed_bench_posts 10000``.

Run after ``seed_demo``, on a database of its own (``make bench`` uses one in a temporary
folder). Posts go round the demo's class blogs, newest first, each with a picture, subjects,
hashtags and a paragraph that mentions "learning", the word the benchmark searches for (found
in every post). Idempotent: only the posts missing to reach the number are added.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model

from blogs.models import BlogPostPage, ClassBlogIndexPage, Subject
from home.languages import in_default_language

BENCH_TAG = "benchmark"
BATCH = 200


class Command(BaseCommand):
    help = "Add posts to the demo school until it has this many (for make bench)."

    def add_arguments(self, parser):
        parser.add_argument("posts", type=int)

    def handle(self, *args, posts: int, **options):
        blogs = list(in_default_language(ClassBlogIndexPage.objects.all()).order_by("path"))
        images = list(get_image_model().objects.exclude(description="")[:12])
        subjects = list(Subject.objects.all()[:6])
        existing = in_default_language(BlogPostPage.objects.all()).count()
        today = timezone.localdate()
        for start in range(existing, posts, BATCH):
            with transaction.atomic():
                for number in range(start, min(start + BATCH, posts)):
                    blog = blogs[number % len(blogs)]
                    post = BlogPostPage(
                        title=f"Our week {number}: learning together",
                        slug=f"bench-week-{number}",
                        date=today - timedelta(days=number // len(blogs)),
                        summary=f"What {blog.title} did in week {number}.",
                        featured_image=images[number % len(images)] if images else None,
                        body=[
                            (
                                "paragraph",
                                f"<p>A week of learning in {blog.title}: reading, maths and "
                                f"a visit to the library, number {number}.</p>",
                            )
                        ],
                    )
                    post.subjects = subjects[number % 3 : number % 3 + 2]
                    post.tags.add(BENCH_TAG, f"week{number % 52}")
                    blog.add_child(instance=post)
            if options["verbosity"]:
                self.stdout.write(f"{min(start + BATCH, posts)} posts")
