"""Which responses a cache may keep, and the ``Cache-Control`` every response carries.

One rule keeps children's safety: only the answer to a request that carries no session and
no message can be shared, because that is the answer every anonymous visitor gets. A signed-in
teacher, a preview, a draft, a staff-only page or its files, the admin, a form's result and a
page showing a message are all asked with a session or a message cookie, or answered with a
cookie, so they are never stored and are marked ``private, no-store``.

On top of that a response is shared only when the view says it is a public page
(:func:`mark_public`): Wagtail's pages (a ``before_serve_page`` hook in ``wagtail_hooks``), the
search and the sitemap. Everything else (sign-in, subscribe and survey forms with their one-use
tokens, redirects, errors) is ``private``.
"""

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.utils.cache import patch_cache_control

# A form protected by Django's CSRF token belongs to one visitor's cookie, never to a cache.
CSRF_FIELD = b'name="csrfmiddlewaretoken"'
# Never looked up or stored, whatever a view says: the admin and the files behind permissions.
NEVER_CACHED_PREFIXES = ("/admin/", "/documents/", "/private-media/", "/media/", "/static/")
# Links shared on social media carry these; the page is the same without them.
IGNORED_QUERY_PARAMETERS = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid")
# Larger answers (none of ours) are not worth a cache entry.
MAX_ENTRY_BYTES = 2 * 1024 * 1024


def shared_seconds() -> int:
    """How long a shared cache (ours, nginx, a CDN) may keep a public page: a backstop, since
    every change purges what it changed (``SCHOOLSITE_PAGE_CACHE_SECONDS``)."""
    return int(getattr(settings, "SCHOOLSITE_PAGE_CACHE_SECONDS", 3600))


def personal_cookie_names() -> tuple[str, ...]:
    """Cookies that make a request someone's own: the session (signed in, a page password, a
    preview) and Django's messages ("Thank you for your comment")."""
    return (settings.SESSION_COOKIE_NAME, "messages")


def may_share_request(request: HttpRequest) -> bool:
    """Whether the answer to this request could be the one every anonymous visitor gets."""
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path_info.startswith(NEVER_CACHED_PREFIXES):
        return False
    if getattr(settings, "SECURE_SSL_REDIRECT", False) and not request.is_secure():
        return False  # Django's security middleware sends it to https
    return not any(name in request.COOKIES for name in personal_cookie_names())


def cache_query(request: HttpRequest) -> str:
    """The query string as a cache key: parameters sorted, tracking parameters dropped."""
    if not request.META.get("QUERY_STRING"):
        return ""
    kept = sorted(
        (name, value)
        for name, values in request.GET.lists()
        for value in values
        if not name.startswith(IGNORED_QUERY_PARAMETERS)
    )
    return "&".join(f"{name}={value}" for name, value in kept)


def mark_public(request: HttpRequest) -> None:
    """Say that this request's successful answer is a public page, the same for every
    anonymous visitor, so caches may share it."""
    request.page_cache_public = True


def public_view(view: Callable) -> Callable:
    """A view decorator: :func:`mark_public` for every request to it."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        mark_public(request)
        return view(request, *args, **kwargs)

    return wrapped


def may_share_response(request: HttpRequest, response: HttpResponseBase) -> bool:
    """Whether this answer, to a request :func:`may_share_request` allowed, may be shared."""
    return (
        getattr(request, "page_cache_public", False)
        and response.status_code == 200
        and not response.streaming
        and not _sets_personal_cookie(response)
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
        and not _shows_messages(request)
        and not _is_signed_in(request)
        and len(response.content) <= MAX_ENTRY_BYTES
        and CSRF_FIELD not in response.content
    )


def _sets_personal_cookie(response: HttpResponseBase) -> bool:
    # The language cookie only remembers a choice; the page is the same with or without it
    # (the middleware stores the page without it and sets it again where needed).
    return any(name != settings.LANGUAGE_COOKIE_NAME for name in response.cookies)


def _shows_messages(request: HttpRequest) -> bool:
    storage = getattr(request, "_messages", None)
    return bool(storage is not None and getattr(storage, "used", False))


def _is_signed_in(request: HttpRequest) -> bool:
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


def make_public(response: HttpResponseBase) -> None:
    """``Cache-Control`` for a shared public page: browsers ask again each time (so a purge
    shows at once), shared caches keep it until purged or for :func:`shared_seconds`."""
    response.headers.pop("Cache-Control", None)
    patch_cache_control(response, public=True, max_age=0, s_maxage=shared_seconds())
    # The page is the same whatever cookies the visitor has (personal ones bypass the cache).
    _drop_vary_cookie(response)


def make_private(response: HttpResponseBase) -> None:
    """``Cache-Control`` for anything else: never kept by a shared cache, nor on disk."""
    cache_control = response.get("Cache-Control", "")
    if "public" in cache_control or "s-maxage" in cache_control:
        del response.headers["Cache-Control"]
    patch_cache_control(response, private=True, no_store=True)


def _drop_vary_cookie(response: HttpResponseBase) -> None:
    if not response.has_header("Vary"):
        return
    kept = [
        header.strip()
        for header in response["Vary"].split(",")
        if header.strip() and header.strip().lower() != "cookie"
    ]
    if kept:
        response["Vary"] = ", ".join(kept)
    else:
        del response.headers["Vary"]
