"""The emails a subscriber receives, each in their language, as HTML with a plain-text part.

Every one carries the links to change preferences and to unsubscribe, and the
``List-Unsubscribe`` and ``List-Unsubscribe-Post`` headers of RFC 8058, so that mail apps can
offer their own one-click "Unsubscribe" button. They are sent through Django's email backend,
which queues them for the task worker (``home.mail``).
"""

from datetime import datetime
from email.utils import formataddr, parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext, override
from wagtail.models import Site

from home.site_settings import SchoolSettings

from .content import Section
from .links import SubscriberLinks, links_for, subscribe_url
from .models import Subscriber

ONE_CLICK = "List-Unsubscribe=One-Click"


def school_name(site: Site) -> str:
    """As Settings › School details name it, else as the home page does."""
    return SchoolSettings.for_site(site).school_name or site.root_page.title or site.hostname


def _sender(school: str) -> str:
    """The school's name with the site's sending address."""
    return formataddr((school, parseaddr(settings.DEFAULT_FROM_EMAIL)[1]))


def _message(
    subscriber: Subscriber,
    school: str,
    template: str,
    subject: str,
    links: SubscriberLinks,
    context: dict,
) -> EmailMultiAlternatives:
    """Render ``template`` (.txt and .html) for ``subscriber``; call inside their language."""
    context = {
        "school": school,
        "links": links,
        # The home page in the subscriber's language (Wagtail's catch-all view, at its root).
        "home_url": subscriber.site.root_url + reverse("wagtail_serve", args=[""]),
        "subscribe_url": subscribe_url(subscriber),
        "subject": subject,
        **context,
    }
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"blogs/emails/{template}.txt", context),
        from_email=_sender(school),
        to=[subscriber.email],
        headers={"List-Unsubscribe": f"<{links.unsubscribe}>", "List-Unsubscribe-Post": ONE_CLICK},
    )
    message.attach_alternative(
        render_to_string(f"blogs/emails/{template}.html", context), "text/html"
    )
    return message


def confirmation_message(subscriber: Subscriber, school: str) -> EmailMultiAlternatives:
    """The double opt-in: nothing else is sent until this link is followed."""
    with override(subscriber.language):
        links = links_for(subscriber, confirm=True)
        subject = gettext("Please confirm: news from %(school)s by email") % {"school": school}
        return _message(subscriber, school, "subscription_confirm", subject, links, {})


def already_subscribed_message(subscriber: Subscriber, school: str) -> EmailMultiAlternatives:
    """Someone asked to subscribe an address that already is: changes need its owner."""
    with override(subscriber.language):
        subject = gettext("You already get news from %(school)s") % {"school": school}
        return _message(
            subscriber, school, "subscription_already", subject, links_for(subscriber), {}
        )


def digest_message(
    subscriber: Subscriber, school: str, sections: list[Section], week_end: datetime
) -> EmailMultiAlternatives:
    with override(subscriber.language):
        subject = gettext("This week at %(school)s") % {"school": school}
        context = {
            "sections": sections,
            "week_end": timezone.localtime(week_end).date(),
        }
        return _message(subscriber, school, "digest", subject, links_for(subscriber), context)


def new_posts_message(
    subscriber: Subscriber, school: str, sections: list[Section]
) -> EmailMultiAlternatives:
    """One email for every post published since the last one (at most one an hour)."""
    with override(subscriber.language):
        posts = [post for section in sections for post in section.posts]
        if len(posts) == 1:
            subject = gettext("New from %(class_name)s: %(title)s") % {
                "class_name": sections[0].class_item.title,
                "title": posts[0].title,
            }
        else:
            subject = ngettext(
                "%(count)d new post from %(school)s",
                "%(count)d new posts from %(school)s",
                len(posts),
            ) % {"count": len(posts), "school": school}
        context = {"sections": sections}
        return _message(subscriber, school, "new_posts", subject, links_for(subscriber), context)
