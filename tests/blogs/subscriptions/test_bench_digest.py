"""``manage.py bench_digest``: the digest's cost per subscriber does not grow with subscribers."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from blogs.models import BlogPostPage
from tests.school import build_school


@pytest.mark.django_db
def test_the_benchmark_reports_the_same_queries_per_digest_for_few_or_many_subscribers():
    build_school()
    BlogPostPage.objects.update(first_published_at=timezone.now())  # this week's posts
    output = StringIO()
    call_command("bench_digest", subscribers=[5, 40], stdout=output)
    rows = {
        int(line.split()[0]): line.split()
        for line in output.getvalue().splitlines()[1:]
        if line.strip()
    }
    assert set(rows) == {5, 40}
    # subscribers, digests sent, seconds, ms/digest, queries, queries/digest, posts this week
    assert int(rows[5][1]) == 5 and int(rows[40][1]) == 40
    assert int(rows[5][6]) > 0
    per_digest = {count: float(row[5]) for count, row in rows.items()}
    assert per_digest[40] <= per_digest[5]


@pytest.mark.django_db
def test_the_benchmark_needs_a_school():
    with pytest.raises(CommandError, match="seed_demo"):
        call_command("bench_digest", subscribers=[5])
