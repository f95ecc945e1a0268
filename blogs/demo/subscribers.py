"""The demo's email subscribers, from ``data/subscribers.yaml``: confirmed, in several
languages, some for the weekly digest and some for each new post."""

from django.utils import timezone
from wagtail.models import Site

from home.languages import in_default_language

from ..classes.class_blogs import ClassBlogIndexPage
from ..subscriptions.models import Subscriber
from .data import load


def ensure_subscribers(site: Site) -> list[Subscriber]:
    """The data file's subscribers of ``site``, confirmed; an address already there is kept
    as it is (a visitor to the demo may have changed its choices)."""
    classes = {
        class_blog.slug: class_blog
        for class_blog in in_default_language(
            ClassBlogIndexPage.objects.descendant_of(site.root_page, inclusive=True)
        )
    }
    now = timezone.now()
    subscribers = []
    for entry in load("subscribers"):
        subscriber, created = Subscriber.objects.get_or_create(
            site=site,
            email=entry["email"],
            defaults={
                "language": entry["language"],
                "frequency": entry["frequency"],
                "whole_school": entry["classes"] == "all",
                "confirmed_at": now,
                # As confirming does: new-post emails from the next post on; the first digest
                # is the next one due (``make digest`` sends the last seven days' at once).
                "sent_until": now if entry["frequency"] == Subscriber.Frequency.EACH_POST else None,
            },
        )
        if created and entry["classes"] != "all":
            subscriber.classes.set([classes[slug] for slug in entry["classes"] if slug in classes])
        subscribers.append(subscriber)
    return subscribers
