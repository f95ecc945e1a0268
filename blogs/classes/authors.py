"""How the author of a post is named in public: pupils by first name and class only."""

import re

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

# A first name, optionally with one initial to tell two pupils apart ("Olivia B").
FIRST_NAME = re.compile(r"^[^\W\d_][^\W\d_'’-]*(?:[-'’][^\W\d_]+)*(?: [^\W\d_]\.?)?$")


class AuthorProfile(models.Model):
    """What the public site may say about a user who writes posts."""

    class Role(models.TextChoices):
        PUPIL = "pupil", _("Pupil")
        STAFF = "staff", _("Staff")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="author_profile",
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.PUPIL)
    display_name = models.CharField(
        _("public name (staff only)"),
        max_length=60,
        blank=True,
        help_text=_("How children and parents know this member of staff, e.g. 'Mr Patel'."),
    )
    # Kept in step with the consent register (blogs.consent.names): whether a pupil's first
    # name may be shown on the website. Without it their posts are signed by their class.
    may_be_named = models.BooleanField(default=False, editable=False)

    panels = [FieldPanel("user"), FieldPanel("role"), FieldPanel("display_name")]

    class Meta:
        verbose_name = _("author name")
        verbose_name_plural = _("author names")

    def __str__(self) -> str:
        return self.display_name or self.user.get_username()


def _staff_name(user) -> str:
    """A member of staff's public name ("Mr Patel"), or ""."""
    try:
        profile = user.author_profile
    except ObjectDoesNotExist:
        return ""
    return profile.display_name if profile.role == AuthorProfile.Role.STAFF else ""


def _first_name(user) -> str:
    """A first name the site may show: a pupil's only with their consent to be named."""
    try:
        profile = user.author_profile
    except ObjectDoesNotExist:
        profile = None
    is_pupil = profile is not None and profile.role == AuthorProfile.Role.PUPIL
    if is_pupil and not profile.may_be_named:
        return ""
    return (user.first_name or "").strip().split(" ")[0]


def personal_name(user) -> str:
    """The author's own public name, without their class: "Mr Patel", "Amara", or "" when
    there is none (the post then stands for its class).

    Where the class is shown beside it (cards, a post's header) this is the byline, so that
    the class is not named twice ("Amara · Eagle Class", not "Amara, Eagle Class · Eagle Class").
    """
    if user is None:
        return ""
    return _staff_name(user) or _first_name(user)


def public_author_name(user, class_name: str) -> str:
    """The author's name as the public site shows it.

    Staff with a public name are shown by it ("Mr Patel"). Everyone else, pupils above all, is
    shown by first name and class ("Amara, Eagle Class"): never a surname or a username.
    """
    if user is None:
        return class_name
    if staff_name := _staff_name(user):
        return staff_name
    if not (first_name := _first_name(user)):
        return class_name
    return gettext("%(first_name)s, %(class_name)s") % {
        "first_name": first_name,
        "class_name": class_name,
    }
