"""Asking to subscribe: one answer for every address, so the page never tells whether an
address is subscribed.

A new address is stored unconfirmed with its choices and sent the confirmation link (nothing
else is sent before it is followed). An address waiting for confirmation gets the link again,
with the new choices. A confirmed address is not changed: its owner is told, with the link to
change preferences. Each address gets at most three such emails an hour, whoever asks, so the
form cannot be used to flood someone's inbox; the counter keys on a keyed hash, never the
address.
"""

import hashlib
import hmac
from datetime import timedelta

from django.conf import settings
from wagtail.models import Site

from ..comments.counters import hit
from .emails import already_subscribed_message, confirmation_message, school_name
from .forms import SubscribeForm
from .models import Subscriber

EMAILS_PER_ADDRESS = 3
EMAILS_PER_ADDRESS_WINDOW = timedelta(hours=1)


def _may_email(address: str) -> bool:
    digest = hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()
    return hit(f"subscribe-to:{digest}", EMAILS_PER_ADDRESS_WINDOW) <= EMAILS_PER_ADDRESS


def request_subscription(site: Site, form: SubscribeForm) -> None:
    """Act on a valid subscribe form (see the module's docstring)."""
    email = form.cleaned_data["email"]
    subscriber, created = Subscriber.objects.get_or_create(site=site, email=email)
    if not created and subscriber.confirmation_expired():
        # Asked more than a week ago and never confirmed: as good as new.
        subscriber.delete()
        subscriber = Subscriber.objects.create(site=site, email=email)
    if subscriber.is_confirmed:
        make_message = already_subscribed_message
    else:
        form.apply_to(subscriber)
        subscriber.save()
        form.set_classes(subscriber)
        make_message = confirmation_message
    if _may_email(email):
        make_message(subscriber, school_name(site)).send()
