"""The comment form's token: signed, time-checked and good for one comment only.

Anonymous comments carry no CSRF cookie (so that public pages set no cookie at all); this token
does that work instead. Each rendered form gets a token holding the time the page was made and
a random nonce, signed with ``SECRET_KEY`` so that nobody can make one up. The form refuses a
token younger than a person could write in (bots post at once), older than a day, or whose
nonce was used before (a captured form posted again and again).
"""

import secrets
import time
from dataclasses import dataclass
from datetime import timedelta

from django.core import signing

from .counters import hit

TOKEN_SALT = "blogs.comment-form-token"  # noqa: S105 - a namespace, not a secret
MIN_SECONDS_TO_WRITE = 3
MAX_AGE = timedelta(days=1)


class TokenExpired(Exception):
    """The page was opened more than a day ago."""


class TokenInvalid(Exception):
    """The token was not made by this site."""


@dataclass(frozen=True)
class FormToken:
    started: float
    nonce: str

    def written_too_quickly(self) -> bool:
        return time.time() - self.started < MIN_SECONDS_TO_WRITE


def issue(started: float | None = None) -> str:
    """A new token for a form shown now (or, when renewing one, shown at ``started``)."""
    payload = {"s": time.time() if started is None else started, "n": secrets.token_urlsafe(12)}
    return signing.dumps(payload, salt=TOKEN_SALT)


def read(token: str) -> FormToken:
    """The token's contents; raises :class:`TokenInvalid` or :class:`TokenExpired`."""
    try:
        payload = signing.loads(token, salt=TOKEN_SALT, max_age=MAX_AGE)
    except signing.SignatureExpired as error:
        raise TokenExpired from error
    except signing.BadSignature as error:
        raise TokenInvalid from error
    try:
        return FormToken(started=float(payload["s"]), nonce=str(payload["n"]))
    except (TypeError, KeyError, ValueError) as error:
        raise TokenInvalid from error


def renewed(token: str) -> str:
    """A fresh token for a form shown again, so that its nonce is unused.

    A genuine token keeps the time its page was first shown (the visitor has spent that time
    writing, and need not wait again); a forged one starts the clock now.
    """
    try:
        started = read(token).started
    except TokenExpired:
        started = time.time() - MIN_SECONDS_TO_WRITE
    except TokenInvalid:
        started = None
    return issue(started)


def claim(token: FormToken) -> bool:
    """Mark the token used; False if it had been used before. Atomic across app servers."""
    return hit(f"comment-token:{token.nonce}", MAX_AGE) == 1
