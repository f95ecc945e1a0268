"""Pupils' passwords: three short words, easy for a child to type, hard for a stranger to guess.

A password is three words drawn independently and uniformly at random (``secrets.choice``) from
``password_words.WORDS`` and joined by hyphens, e.g. ``otter-jam-kite``. With ``N`` words there
are ``N³`` equally likely passwords: the 499 words of today give 499³ ≈ 1.24 × 10⁸ (10^8.1, about
26.9 bits), where the old colour, animal and two digits gave 16,200. The list must keep at least
317 words, so that there are at least 10^7.5 (about 3.2 × 10⁷) passwords; a test holds this.

Guessing is also slowed at sign-in: five wrong tries for one username from one address lock that
pair out for 15 minutes (django-axes, see ``lockout.py``), so one address gets at most 480 tries
a day at one pupil: a chance below one in 250,000 a day.
"""

import secrets

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ImproperlyConfigured, ValidationError

from .password_words import WORDS

WORDS_PER_PASSWORD = 3
# A draw is refused only when a word is in the username or the school's name (a few in a
# hundred), so running out of tries means the password validators were set up to refuse them all.
MAX_DRAWS = 50


def pupil_password(user=None) -> str:
    """A new password that every configured password validator accepts for ``user``."""
    for _draw in range(MAX_DRAWS):
        password = "-".join(secrets.choice(WORDS) for _word in range(WORDS_PER_PASSWORD))
        try:
            validate_password(password, user)
        except ValidationError:
            continue
        return password
    raise ImproperlyConfigured(
        "AUTH_PASSWORD_VALIDATORS refuse every three-word pupil password (see passwords.py)."
    )
