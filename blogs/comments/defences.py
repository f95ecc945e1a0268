"""The comment form's rate limit: five comments a minute per client, counted atomically
(:mod:`.counters`) so that a burst of simultaneous requests, on one app server or several,
cannot slip past it. (The form's one-use token is :mod:`.tokens`.)

The client is the visitor's address as our trusted proxies saw it (:func:`home.clients.
client_address`), never stored: only a salted hash, for rate limiting, for 30 days. An IPv6
address counts with its /64 network, which one household or phone usually holds whole.
"""

import hashlib
import hmac
import ipaddress
from datetime import timedelta

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from home.clients import client_address

from .counters import hit, purge_expired_counters
from .models import Comment

RATE_LIMIT = 5  # comments a minute from one client
RATE_WINDOW = timedelta(minutes=1)
CLIENT_HASH_RETENTION = timedelta(days=30)


def _rate_limited_part(address: str) -> str:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6:
        if ip.ipv4_mapped:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def client_hash(request: HttpRequest) -> str:
    """A salted hash of the client's address: enough to count, never enough to identify."""
    address = _rate_limited_part(client_address(request))
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()


def take_rate_slot(request: HttpRequest) -> bool:
    """Count a comment from this client; False once it has sent its five this minute.

    The minute starts with the client's first comment.
    """
    return hit(f"comment-rate:{client_hash(request)}", RATE_WINDOW) <= RATE_LIMIT


def purge_client_hashes() -> int:
    """Forget the hashed addresses of comments older than 30 days, and expired counters.

    Returns how many comments were forgotten.
    """
    purge_expired_counters()
    cutoff = timezone.now() - CLIENT_HASH_RETENTION
    return (
        Comment.objects.filter(created_at__lt=cutoff).exclude(client_hash="").update(client_hash="")
    )
