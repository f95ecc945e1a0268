"""Who is asking: the visitor's address as the trusted proxies in front of the site saw it.

Behind a TLS proxy or load balancer every request arrives from the proxy, so ``REMOTE_ADDR``
is the same for every visitor. Each trusted proxy appends the address it received the request
from to ``X-Forwarded-For``; anything to the left of what our own proxies wrote was written by
the client and can be forged. ``SCHOOLSITE_TRUSTED_PROXY_COUNT`` says how many proxies of ours
stand in front (0, the default: none, use ``REMOTE_ADDR``; 1: one nginx or load balancer, use
the right-most address; 2: a CDN then nginx, use the second from the right …).

Rate limits (comments, sign-ins) key on this, so they count people rather than the proxy.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_address(request: HttpRequest) -> str:
    """The client's IP address, as the N-th trusted proxy from the right recorded it.

    Falls back to ``REMOTE_ADDR`` when the header holds fewer addresses than there are
    trusted proxies, or the one it should hold is not an IP address: a request that did not
    come through our proxies is from the peer we can see.
    """
    peer = request.META.get("REMOTE_ADDR", "")
    proxies = int(getattr(settings, "SCHOOLSITE_TRUSTED_PROXY_COUNT", 0) or 0)
    if proxies <= 0:
        return peer
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < proxies:
        return peer
    return _valid(forwarded[-proxies]) or peer
