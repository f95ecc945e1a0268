"""The links in every subscription email: confirm, change preferences, unsubscribe.

A link is ``<subscriber id>-<HMAC>``: the HMAC (keyed by ``SECRET_KEY``, one salt per purpose)
covers the id and the address, so nobody can make a link up, a confirmation link cannot be
used to unsubscribe, and once an address is deleted every link made for it stops working (a
new subscription of the same address gets a new id). Links hold no address, and nothing
about them is stored.

Absolute URLs use the subscriber's Site (``Site.root_url``) and language, so an email sent by
the worker, which has no request, still links to where the school is served.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import override

from .models import Subscriber

SALT = "blogs.subscriptions."
PURPOSES = ("confirm", "preferences", "unsubscribe")


def _signature(subscriber: Subscriber, purpose: str) -> str:
    value = f"{subscriber.pk}:{subscriber.email}"
    return salted_hmac(SALT + purpose, value, algorithm="sha256").hexdigest()[:40]


def make_token(subscriber: Subscriber, purpose: str) -> str:
    if purpose not in PURPOSES:
        raise ValueError(purpose)
    return f"{subscriber.pk}-{_signature(subscriber, purpose)}"


def read_token(token: str, purpose: str) -> Subscriber | None:
    """The subscriber a genuine link was made for; None for a forged or outdated one."""
    pk, _dash, signature = token.partition("-")
    if not pk.isdigit() or not signature:
        return None
    subscriber = Subscriber.objects.select_related("site").filter(pk=int(pk)).first()
    if subscriber is None or not constant_time_compare(signature, _signature(subscriber, purpose)):
        return None
    return subscriber


def absolute(subscriber: Subscriber, path: str) -> str:
    return subscriber.site.root_url + path


@dataclass(frozen=True)
class SubscriberLinks:
    """The absolute links one subscriber's emails carry, in their language."""

    preferences: str
    unsubscribe: str
    confirm: str = ""


def links_for(subscriber: Subscriber, *, confirm: bool = False) -> SubscriberLinks:
    with override(subscriber.language):
        urls = {
            purpose: absolute(
                subscriber,
                reverse(f"subscriptions:{purpose}", args=[make_token(subscriber, purpose)]),
            )
            for purpose in PURPOSES
            if purpose != "confirm" or confirm
        }
    return SubscriberLinks(**urls)


def subscribe_url(subscriber: Subscriber) -> str:
    with override(subscriber.language):
        return absolute(subscriber, reverse("subscriptions:subscribe"))
