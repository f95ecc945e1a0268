"""The demo's accounts: one per role, all with the one shared demo password.

Accounts are made only here (by ``seed_demo``), never by settings or migrations.
"""

import os
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from home.languages import in_default_language

from ..classes.authors import AuthorProfile
from ..classes.class_blogs import ClassBlogIndexPage
from ..school.groups import DIGITAL_LEADERS, SENIOR_LEADERS, STAFF
from .data import load

DEFAULT_DEMO_PASSWORD = "schoolsite-demo"  # noqa: S105 - the documented, public demo password

SCHOOL_GROUPS = {
    "senior leaders": SENIOR_LEADERS,
    "digital leaders": DIGITAL_LEADERS,
    "staff": STAFF,
}


def demo_password() -> str:
    """``DEMO_PASSWORD`` from the environment when set, so a shared demo can have its own."""
    return os.environ.get("DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD


@dataclass(frozen=True)
class DemoAccount:
    """One demo account, as ``data/accounts.yaml`` describes it.

    ``sign_in`` says where it signs in: "admin" (Wagtail's admin) or "site" (the public
    site's sign-in page: staff who only read staff-only help sheets never need the admin).
    """

    username: str
    first_name: str
    last_name: str
    who: str
    sign_in: str = "admin"
    superuser: bool = False
    email: str = ""
    groups: list[str] = field(default_factory=list)
    class_groups: dict[str, str] = field(default_factory=dict)
    author: dict | None = None


DEMO_ACCOUNTS = [DemoAccount(**account) for account in load("accounts")]


def ensure_accounts() -> list[DemoAccount]:
    """Each demo account, made with the demo password if it does not exist yet."""
    User = get_user_model()
    existing = set(User.objects.values_list("username", flat=True))
    missing = [account for account in DEMO_ACCOUNTS if account.username not in existing]
    if missing:
        # Hashing is slow on purpose; the accounts share one password, so hash it once.
        password = make_password(demo_password())
        for account in missing:
            User.objects.create(
                username=account.username,
                first_name=account.first_name,
                last_name=account.last_name,
                email=account.email,
                is_superuser=account.superuser,
                is_staff=account.superuser,
                password=password,
            )
    return DEMO_ACCOUNTS


def ensure_author_profiles() -> None:
    """How the public site names each account's posts: staff by name, pupils by first name."""
    users = {user.username: user for user in get_user_model().objects.all()}
    has_profile = set(AuthorProfile.objects.values_list("user__username", flat=True))
    for account in DEMO_ACCOUNTS:
        user = users.get(account.username)
        if account.author and user and account.username not in has_profile:
            AuthorProfile.objects.create(
                user=user,
                role=account.author["role"],
                display_name=account.author.get("display_name", ""),
            )


def ensure_memberships() -> None:
    """Each account in its groups: school-wide ones and its class's teachers or pupils.

    Run after ``setup_school_roles``, which makes the groups.
    """
    users = {user.username: user for user in get_user_model().objects.all()}
    classes = {blog.slug: blog for blog in in_default_language(ClassBlogIndexPage.objects.all())}
    for account in DEMO_ACCOUNTS:
        user = users.get(account.username)
        if user is None:
            continue
        groups = [Group.objects.get(name=SCHOOL_GROUPS[name]) for name in account.groups]
        groups += [
            getattr(classes[slug], f"{kind}_group") for slug, kind in account.class_groups.items()
        ]
        user.groups.add(*groups)
