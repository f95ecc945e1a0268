"""The page cache in front of the site, and the ``Cache-Control`` of every page it answers.

Placed first (``MIDDLEWARE``): a page found in the cache is answered before any other
middleware, with the headers it was stored with (security headers, Content-Security-Policy),
before sessions, languages, authentication or any database work; static files go straight on
to whitenoise. Pages are kept for each scheme, so an ``https`` page keeps its HSTS header, and
a request that Django will redirect to ``https`` is never answered from the cache.
``X-Page-Cache`` says what happened:
``hit``, ``miss`` (made now, and stored), ``bypass`` (a personal request, never looked up),
``uncacheable`` (made now, not a public page) or ``off`` (a public page, the cache switched off
or unreachable).
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from wagtail import hooks

from ..middleware import SiteLanguageMiddleware
from . import policy, store

HEADER = "X-Page-Cache"
# Functions registered with this hook hear of each page answered from the cache, which never
# reaches its view: ``fn(request)`` (search counts its searches).
PAGE_CACHE_HIT_HOOK = "page_cache_hit"


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.path_info.startswith(settings.STATIC_URL):
            return self.get_response(request)  # whitenoise's, with its own Cache-Control
        shareable = policy.may_share_request(request)
        found = None
        if shareable and getattr(settings, "SCHOOLSITE_PAGE_CACHE", True):
            address = f"{request.scheme}://{request.get_host()}"
            found = store.lookup(address, request.path, policy.cache_query(request))
            if found is not None and found.entry is not None:
                return self._answer_from(request, found.entry)
        # Fragments of the page are kept under the same generations (see fragments).
        request.page_cache_lookup = found
        response = self.get_response(request)
        if not (shareable and policy.may_share_response(request, response)):
            policy.make_private(response)
            response[HEADER] = "uncacheable" if shareable else "bypass"
            return response
        policy.make_public(response)
        if found is not None and request.method == "GET":
            # Stored under the generations read before the page was made (see store).
            store.store(found, _entry(request, response), policy.shared_seconds())
            response[HEADER] = "miss"
        else:
            response[HEADER] = "off" if found is None else "miss"
        return response

    def _answer_from(self, request: HttpRequest, entry: dict) -> HttpResponse:
        response = HttpResponse(
            b"" if request.method == "HEAD" else entry["content"],
            status=entry["status"],
            headers=entry["headers"],
        )
        SiteLanguageMiddleware.remember_language(request, response, entry["languages"])
        for heard in hooks.get_hooks(PAGE_CACHE_HIT_HOOK):
            heard(request)
        response[HEADER] = "hit"
        return response


def _entry(request: HttpRequest, response: HttpResponseBase) -> dict:
    """What is kept of a public page: its body and headers, never a cookie."""
    headers = {
        name: value
        for name, value in response.headers.items()
        if name.lower() not in ("set-cookie", HEADER.lower())
    }
    return {
        "status": response.status_code,
        "headers": headers,
        "content": response.content,
        # For the language cookie a hit may need to set (see SiteLanguageMiddleware).
        "languages": list(getattr(request, "_schoolsite_languages", [])),
    }
