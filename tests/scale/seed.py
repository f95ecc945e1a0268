"""The school the scale-out test runs against, written by the app's own code with the production
settings into the shared PostgreSQL and bucket: ``python -m tests.scale.seed <visitors' address>``.

The small test school (``tests/school.py``) with its help sheets (some staff-only, with pictures
in the bucket), and Amara's post "Pond dipping" waiting for her teacher's approval. The Site gets
the address visitors use (nginx's), so that the addresses the app purges are the ones nginx
keeps. Prints what the tests need to know, as JSON.
"""

import json
import sys

import django


def main(address: str) -> None:
    django.setup()
    # Django must be set up before models are imported.
    from django.db import transaction
    from wagtail.models import Site

    from blogs.demo.school import DEFAULT_DEMO_PASSWORD
    from blogs.models import HelpSheetPage
    from home.site_address import set_site_address
    from tests.factories import BlogPostPageFactory
    from tests.school import build_school

    with transaction.atomic():
        school = build_school(help_sheets=True)
        pupil = school.users["eagle.pupil"]
        waiting = BlogPostPageFactory(
            parent=school.eagle,
            title="Pond dipping",
            slug="pond-dipping",
            summary="We found newts and water boatmen in the school pond.",
            owner=pupil,
            live=False,
        )
        waiting.save_revision(user=pupil)
        waiting.get_workflow().start(waiting, pupil)
        set_site_address(Site.objects.get(is_default_site=True), address)
        staff_only = HelpSheetPage.objects.filter(staff_only=True).order_by("path").first()
        facts = {
            "password": DEFAULT_DEMO_PASSWORD,
            "home": school.home.url,
            "timeline": school.timeline.url,
            "class_blog": school.eagle.url,
            "other_class_blog": school.falcon.url,
            "waiting_post": {"title": waiting.title, "url": waiting.url},
            "posts": {
                post.slug: {"id": post.pk, "title": post.title, "url": post.url}
                for post in [*school.posts["eagle"], *school.posts["falcon"]]
            },
            "staff_only": {"url": staff_only.url, "summary": staff_only.summary},
        }
    print(json.dumps(facts))  # noqa: T201 - read by the test that ran this


if __name__ == "__main__":
    main(sys.argv[1])
