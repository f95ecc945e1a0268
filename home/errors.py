"""What the site does when something underneath it fails.

- Writes are all-or-nothing: every request that may change data (POST, PUT, PATCH, DELETE)
  runs in one transaction, rolled back if it ends in a server error, so a failure half-way
  through saving a post never leaves a page without its revision.
- A database that cannot be reached is an outage, not a bug: visitors get a "back soon" page
  with status 503 and ``Retry-After``, and the next request connects afresh, so the site
  recovers by itself when the database does.
"""

import sys

from django.db import DatabaseError, InterfaceError, OperationalError, connections, transaction
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
RETRY_AFTER_SECONDS = 30


class AtomicWritesMiddleware:
    """One transaction per request that may write; placed last, so it wraps only the view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in UNSAFE_METHODS:
            return self.get_response(request)
        with transaction.atomic():
            response = self.get_response(request)
            # Django turns the view's exception into this response before it reaches here.
            if response.status_code >= 500:
                transaction.set_rollback(True)
        return response


def _is_outage(error: BaseException | None) -> bool:
    return isinstance(error, OperationalError | InterfaceError) or (
        isinstance(error, DatabaseError) and "connection" in str(error).lower()
    )


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    """Django's ``handler500``: a 503 for a database outage, else the friendly 500 page.

    Called while the exception is being handled, so ``sys.exc_info()`` names it.
    """
    if _is_outage(sys.exc_info()[1]):
        # Forget broken connections now: the next request opens a new one.
        for connection in connections.all(initialized_only=True):
            connection.close_if_unusable_or_obsolete()
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return HttpResponse(loader.render_to_string("500.html"), status=500)
