"""A password validator that refuses the school's own name and the username.

The school's name is the first thing anyone guessing a password at a school tries
("Oakfield1", "oakfield-primary"), and this site's name the second ("schoolsite-demo"). Django's
``UserAttributeSimilarityValidator`` only refuses a password *like* the username as a whole;
this one refuses any password that holds the name, one of its distinctive words, or a part of
the username, whatever the case, spaces or punctuation. Django's own validators stay on too.
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.models import Site

from home.site_settings import SchoolSettings

# Words in many schools' names: refusing them alone would refuse too much.
COMMON_NAME_WORDS = {
    "academy",
    "catholic",
    "church",
    "college",
    "community",
    "england",
    "federation",
    "infant",
    "infants",
    "junior",
    "juniors",
    "nursery",
    "primary",
    "saint",
    "school",
    "schools",
}
MIN_NAME_WORD = 4  # shorter words of a name ("Oak", "St") are too common to refuse alone
MIN_USERNAME_PART = 3


def squash(text: str) -> str:
    """Lower case, letters and digits only: "Oak-Field 1!" and "oakfield1" are the same."""
    return re.sub(r"[\W_]+", "", text.casefold())


def school_names() -> set[str]:
    """Every name the site goes by: the site's own, each Wagtail Site's and each school's."""
    names = {settings.WAGTAIL_SITE_NAME}
    names.update(Site.objects.values_list("site_name", flat=True))
    names.update(SchoolSettings.objects.values_list("school_name", flat=True))
    return {name for name in names if name and name.strip()}


def forbidden_parts(names: set[str], username: str = "") -> set[str]:
    """The squashed names, their distinctive words, and the username and its parts."""
    parts = set()
    for name in names:
        parts.add(squash(name))
        parts.update(
            squash(word)
            for word in re.split(r"\W+", name)
            if len(squash(word)) >= MIN_NAME_WORD and squash(word) not in COMMON_NAME_WORDS
        )
    if username:
        parts.add(squash(username))
        parts.update(
            squash(part)
            for part in re.split(r"[\W_]+", username)
            if len(squash(part)) >= MIN_USERNAME_PART
        )
    return {part for part in parts if part}


class SchoolNameValidator:
    """Refuses a password holding the school's or the site's name, or the username."""

    def validate(self, password: str, user=None) -> None:
        username = (user.get_username() or "") if user is not None else ""
        squashed = squash(password)
        if any(part in squashed for part in forbidden_parts(school_names(), username)):
            raise ValidationError(
                _("Your password can’t contain the school’s name or your username."),
                code="password_contains_school_name",
            )

    def get_help_text(self) -> str:
        return _("Your password can’t contain the school’s name or your username.")
