"""Two-step sign-in (django-otp's time-based codes) for the accounts that can see pupils' data.

Staff, teachers, senior leaders and superusers may turn it on from their account page
(``two_factor_setup.py``); from then on, signing in asks for the 6-digit code an authenticator
app shows, after the password, on the admin's sign-in page and the public one alike. Pupils are
never offered it and never asked.

The password step signs nobody in: it notes in the (still anonymous) session who has given the
right password, for five minutes. Only the right code then signs in, so no signed-in session
ever skipped the code. A wrong code counts as a failed sign-in for the lock-out (``lockout.py``),
and django-otp makes each further wrong code wait longer, in the database.
"""

import time
from dataclasses import dataclass

import django_otp
from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model, logout
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..helpsheets.models import staff_groups
from .pupils import pupil_class

PENDING_SESSION_KEY = "schoolsite_two_factor_pending"
PENDING_SECONDS = 5 * 60


def is_offered_two_factor(user) -> bool:
    """Superusers, and teachers, senior leaders and staff who use the admin, never pupils.

    The admin is where pupils' data is (their accounts, names, work and comments), and where
    the account page that turns two-step sign-in on lives.
    """
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return (
        user.has_perm("wagtailadmin.access_admin")
        and pupil_class(user) is None
        and user.groups.filter(pk__in=staff_groups()).exists()
    )


def has_two_factor(user) -> bool:
    return django_otp.user_has_device(user, confirmed=True)


@dataclass
class PendingSignIn:
    """Someone who gave the right password and has yet to give the code."""

    user: object
    backend: str
    remember: bool

    @classmethod
    def start(cls, request: HttpRequest, user, remember: bool = False) -> None:
        request.session[PENDING_SESSION_KEY] = {
            "user": user.pk,
            "backend": user.backend,
            "remember": remember,
            "since": time.time(),
        }

    @classmethod
    def load(cls, request: HttpRequest) -> "PendingSignIn | None":
        """The pending sign-in, or None when there is none or it took too long."""
        pending = request.session.get(PENDING_SESSION_KEY)
        if not isinstance(pending, dict):
            return None
        if time.time() - pending.get("since", 0) > PENDING_SECONDS:
            cls.clear(request)
            return None
        user = get_user_model().objects.filter(pk=pending.get("user"), is_active=True).first()
        if user is None or pending.get("backend") not in settings.AUTHENTICATION_BACKENDS:
            cls.clear(request)
            return None
        return cls(user=user, backend=pending["backend"], remember=bool(pending.get("remember")))

    @staticmethod
    def clear(request: HttpRequest) -> None:
        request.session.pop(PENDING_SESSION_KEY, None)


class CodeForm(forms.Form):
    """The 6-digit code from an authenticator app.

    Checked against ``device`` (one being set up), else against any of ``user``'s confirmed
    devices. django-otp refuses a code used before and makes each wrong code wait longer.
    """

    code = forms.CharField(
        label=gettext_lazy("Code from your authenticator app"),
        max_length=12,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "autofocus": True}
        ),
    )

    def __init__(self, user, *args, device=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.device_to_check = device
        self.device = None

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split())
        if not (code.isdigit() and len(code) == 6):
            raise forms.ValidationError(
                _("Enter the 6 numbers your authenticator app shows."), code="invalid"
            )
        self.device = self._matching_device(code)
        if self.device is None:
            raise forms.ValidationError(
                _("That code didn’t work. Enter the newest code your app shows."), code="wrong"
            )
        return code

    def _matching_device(self, code: str):
        if self.device_to_check is None:
            return django_otp.match_token(self.user, code)
        # Locked, as match_token does, so that two requests cannot both use one code.
        with transaction.atomic():
            device = (
                type(self.device_to_check)
                .objects.select_for_update()
                .get(pk=self.device_to_check.pk)
            )
            return device if device.verify_token(code) else None


class TwoFactorSessionMiddleware:
    """Sign out any session of an account with two-step sign-in on that never gave a code.

    Sign-in always asks for the code, so such a session can only be one that began before the
    account turned two-step sign-in on, in another browser; it must not outlive that choice.
    Requests without a session cookie (every anonymous visitor) are not looked at, so public
    pages stay cacheable. Goes after django-otp's ``OTPMiddleware``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            user = request.user
            if user.is_authenticated and not user.is_verified() and has_two_factor(user):
                logout(request)
        return self.get_response(request)
