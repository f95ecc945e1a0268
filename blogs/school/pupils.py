"""Pupil accounts: made in bulk from a list of first names, with simple passwords.

Pupils need no email address. Usernames are the first name and the class ("amara.eagle");
passwords are three short words ("otter-jam-kite", see ``passwords.py``) that a teacher prints
on a card.
"""

import csv
import io
from dataclasses import dataclass

from axes.utils import reset as reset_sign_in_lockouts
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from home.languages import in_default_language

from ..classes.authors import FIRST_NAME, AuthorProfile
from ..classes.class_blogs import ClassBlogIndexPage
from .groups import DIGITAL_LEADERS, SENIOR_LEADERS
from .passwords import pupil_password

MAX_NAME_LENGTH = 30


@dataclass
class LoginCard:
    first_name: str
    class_name: str
    username: str
    password: str


class PupilListError(ValueError):
    """The list has problems; ``errors`` says what, row by row."""

    def __init__(self, errors: list[str]):
        super().__init__("; ".join(errors))
        self.errors = errors


def names_from_text(text: str) -> list[str]:
    """One first name per line; the rows of a pasted list keep their blank lines for numbering."""
    lines = text.splitlines()
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


def names_from_csv(content: bytes) -> list[str]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise PupilListError([_("The file is not a CSV saved as UTF-8 text.")]) from error
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        raise PupilListError([_("The CSV file is empty.")])
    header = [cell.strip().lower() for cell in rows[0]]
    if header != ["first_name"]:
        raise PupilListError(
            [
                _("The CSV needs exactly one column, headed “first_name”; it has: %(found)s.")
                % {"found": ", ".join(f"“{cell}”" for cell in rows[0]) or _("nothing")}
            ]
        )
    names = []
    for row in rows[1:]:
        names.append(row[0] if len(row) == 1 else ",".join(row))
    return names


def check_names(names: list[str], class_blog: ClassBlogIndexPage) -> list[str]:
    """Every problem with the list, row by row; an empty list means it is clean."""
    errors = []
    existing = {
        name.casefold()
        for name in get_user_model()
        .objects.filter(groups=class_blog.pupils_group)
        .values_list("first_name", flat=True)
    }
    seen: dict[str, int] = {}
    if not any(name.strip() for name in names):
        return [_("Add at least one first name.")]
    for row, raw in enumerate(names, start=1):
        name = " ".join(raw.split())
        key = name.casefold()
        if not name:
            errors.append(_("Row %(row)s: the name is blank.") % {"row": row})
        elif len(name) > MAX_NAME_LENGTH or not FIRST_NAME.match(name):
            errors.append(
                _("Row %(row)s: “%(name)s” should be a first name only (an initial is fine).")
                % {"row": row, "name": name}
            )
        elif key in seen:
            errors.append(
                _(
                    "Row %(row)s: “%(name)s” is also on row %(other)s. Add an initial to tell them apart."  # noqa: E501
                )
                % {"row": row, "name": name, "other": seen[key]}
            )
        elif key in existing:
            errors.append(
                _("Row %(row)s: %(class_name)s already has a pupil called “%(name)s”.")
                % {"row": row, "name": name, "class_name": class_blog.title}
            )
        seen.setdefault(key, row)
    return errors


def _unique_username(first_name: str, class_blog: ClassBlogIndexPage) -> str:
    User = get_user_model()
    base = f"{slugify(first_name).replace('-', '')}.{slugify(class_blog.short_name)}"
    username, number = base, 1
    while User.objects.filter(username=username).exists():
        number += 1
        username = f"{base}{number}"
    return username


@transaction.atomic
def create_pupils(names: list[str], class_blog: ClassBlogIndexPage) -> list[LoginCard]:
    """Create every account, or none: a list with any problem raises ``PupilListError``."""
    errors = check_names(names, class_blog)
    if errors:
        raise PupilListError(errors)
    User = get_user_model()
    cards = []
    for raw in names:
        first_name = " ".join(raw.split())
        user = User(username=_unique_username(first_name, class_blog), first_name=first_name)
        password = pupil_password(user)
        user.set_password(password)
        user.save()
        user.groups.add(class_blog.pupils_group)
        AuthorProfile.objects.create(user=user, role=AuthorProfile.Role.PUPIL)
        cards.append(LoginCard(first_name, class_blog.title, user.username, password))
    return cards


def reset_password(user, class_blog: ClassBlogIndexPage) -> LoginCard:
    """A new password, and sign-in unlocked, so the pupil can use the new card at once."""
    password = pupil_password(user)
    user.set_password(password)
    user.save(update_fields=["password"])
    reset_sign_in_lockouts(username=user.username)
    return LoginCard(user.first_name, class_blog.title, user.username, password)


def every_class():
    """Every class blog with pupils, in the school's language, in the page tree's order."""
    return in_default_language(ClassBlogIndexPage.objects.exclude(pupils_group=None)).order_by(
        "path"
    )


def classes_managed_by(user):
    """The class blogs whose pupils ``user`` may manage: senior leaders all, teachers their own."""
    classes = every_class()
    if user.is_superuser or user.groups.filter(name=SENIOR_LEADERS).exists():
        return classes
    return classes.filter(teachers_group__in=user.groups.all())


def pupil_class(user) -> ClassBlogIndexPage | None:
    """The class a pupil belongs to, or None for anyone who is not a pupil.

    Remembered on the user object: the menu, the dashboard and the middleware all ask within
    one request, and request.user lives for that request only.
    """
    if not user.is_authenticated:
        return None
    if not hasattr(user, "_schoolsite_pupil_class"):
        user._schoolsite_pupil_class = in_default_language(
            ClassBlogIndexPage.objects.filter(pupils_group__in=user.groups.all())
        ).first()
    return user._schoolsite_pupil_class


def is_a_child(user) -> bool:
    """A pupil, Digital Leaders included, with no adult role: their admin home is "My posts"
    and the writing screen, with nothing of Wagtail's own screens to find their way through.
    Remembered on the user object, as ``pupil_class`` is."""
    if not user.is_authenticated or user.is_superuser:
        return False
    if not hasattr(user, "_schoolsite_is_a_child"):
        groups = list(user.groups.values_list("name", "pupil_class_blogs"))
        user._schoolsite_is_a_child = bool(groups) and all(
            class_blog is not None or name == DIGITAL_LEADERS for name, class_blog in groups
        )
    return user._schoolsite_is_a_child
