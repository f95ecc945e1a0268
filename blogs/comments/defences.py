"""The defences of the comment form that are not the form itself: a rate limit per client,
counted in the database so that every app server agrees, on a salted hash of the address.

An IP address is never stored: only the hash, for rate limiting, for 30 days.
"""

import hashlib
import hmac
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from .models import Comment

RATE_LIMIT = 5  # comments a minute from one client
RATE_WINDOW = timedelta(minutes=1)
CLIENT_HASH_RETENTION = timedelta(days=30)


def client_hash(request) -> str:
    """A salted hash of the client's address: enough to count, never enough to identify."""
    address = request.META.get("REMOTE_ADDR", "")
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()


def is_rate_limited(fingerprint: str) -> bool:
    """Counted in the database, so every app server behind a load balancer agrees."""
    since = timezone.now() - RATE_WINDOW
    return (
        Comment.objects.filter(client_hash=fingerprint, created_at__gte=since).count() >= RATE_LIMIT
    )


def purge_client_hashes() -> int:
    """Forget the hashed addresses of comments older than 30 days; returns how many."""
    cutoff = timezone.now() - CLIENT_HASH_RETENTION
    return (
        Comment.objects.filter(created_at__lt=cutoff).exclude(client_hash="").update(client_hash="")
    )
