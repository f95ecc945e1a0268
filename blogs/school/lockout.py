"""Sign-in lock-out: django-axes, counted in the database so every worker and server agrees.

Every sign-in form (Wagtail's admin login, the public ``/<language>/login/``, and the second
step's code, see ``two_factor.py``) goes through Django's ``authenticate`` with the request,
so django-axes counts each failure against the pair username and client address
(``client_address.py``). Five failures lock that pair out for 15 minutes; a success clears its
count. Other pupils at the same school address, and the same pupil at home, are not affected.
"""

import math

from axes.backends import AxesStandaloneBackend
from axes.helpers import get_cool_off
from django.contrib.auth.backends import ModelBackend
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers


class SignInLockoutBackend(AxesStandaloneBackend):
    """django-axes' check, for sign-ins made through a web request.

    ``authenticate`` without a request is not a web sign-in (the test client's ``login()``, a
    management command): nobody is guessing over the network there, so there is nothing to
    count, and the next backend decides as usual. Every login view passes its request.
    """

    def authenticate(self, request: HttpRequest | None, *args, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, *args, **kwargs)

    def get_user(self, user_id):
        """A session may name this backend (``force_login`` picks the first one); the user is
        looked up as Django's own backend does."""
        return ModelBackend().get_user(user_id)


def locked_out(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """A plain page in the visitor's language saying how long to wait (AXES_LOCKOUT_CALLABLE)."""
    cool_off = get_cool_off(request)
    minutes = math.ceil(cool_off.total_seconds() / 60) if cool_off else None
    response = render(request, "registration/locked_out.html", {"minutes": minutes}, status=429)
    add_never_cache_headers(response)
    return response
