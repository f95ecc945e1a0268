"""The demo school's website: home page, About / Contact / Policies, school details, accounts.

Every function looks for what it would make and makes it only when it is missing, so running
``seed_demo`` twice changes nothing.
"""

import os
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.translation import get_supported_language_variant
from wagtail.models import Collection, Locale, Page, Site

from home.models import HomePage, StandardPage
from home.site_settings import SchoolSettings

from .media import demo_image

DEFAULT_DEMO_PASSWORD = "schoolsite-demo"
SCHOOL_NAME = "Oakfield Primary School"


def demo_password() -> str:
    return os.environ.get("DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD


@dataclass(frozen=True)
class DemoAccount:
    username: str
    first_name: str
    last_name: str
    role: str
    is_superuser: bool = False


# The usernames are relied on by other tooling: keep them.
DEMO_ACCOUNTS = [
    DemoAccount("head", "Helen", "Okafor", "Head teacher (superuser)", is_superuser=True),
    DemoAccount("eagle.teacher", "Sam", "Patel", "Eagle Class teacher"),
    DemoAccount("eagle.pupil", "Amara", "", "Eagle Class pupil"),
    DemoAccount("falcon.teacher", "Rhian", "Evans", "Falcon Class teacher"),
    DemoAccount("digital.leader", "Theo", "", "Digital Leader (pupil)"),
    DemoAccount("staff", "Jo", "Whitfield", "Teaching assistant (staff)"),
]


def ensure_accounts() -> list[DemoAccount]:
    User = get_user_model()
    for account in DEMO_ACCOUNTS:
        if User.objects.filter(username=account.username).exists():
            continue
        user = User(
            username=account.username,
            first_name=account.first_name,
            last_name=account.last_name,
            is_superuser=account.is_superuser,
            is_staff=account.is_superuser,
        )
        if account.is_superuser:
            user.email = "head@oakfield.example"
        user.set_password(demo_password())
        user.save()
    return DEMO_ACCOUNTS


def _tree_root() -> Page:
    """Wagtail's root page, remade if the database was flushed (as browser tests do).

    The root page, the default locale and the root collection are rows that Wagtail's
    migrations make; a flushed database has none of them.
    """
    Locale.objects.get_or_create(
        language_code=get_supported_language_variant(settings.LANGUAGE_CODE)
    )
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")
    return Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))


def ensure_home_page() -> HomePage:
    """The one HomePage, made the root of the default Site in place of Wagtail's welcome page."""
    root = _tree_root()
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    if home:
        return home
    # Wagtail's migrations leave a plain welcome page holding the slug 'home'.
    for placeholder in root.get_children().filter(slug="home"):
        if type(placeholder.specific) is Page:
            placeholder.delete()
    hero = demo_image(
        "Oakfield school building",
        "The front of Oakfield Primary School on a sunny morning",
        colour="#1d4e89",
        size=(1920, 800),
        shapes=5,
    )
    home = HomePage(
        title=SCHOOL_NAME,
        slug="home",
        seo_title="Welcome",
        hero_image=hero,
        welcome=(
            "<p>Welcome to Oakfield, a friendly primary school where every child is known. "
            "Read our class blogs to see what the children are learning this week, and leave "
            "them a comment: they love to hear from you.</p>"
        ),
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname = site.hostname or "localhost"
    site.port = site.port or 80
    site.site_name = SCHOOL_NAME
    site.root_page = home
    site.save()
    return home


def ensure_school_settings(site: Site) -> SchoolSettings:
    settings = SchoolSettings.for_site(site)
    if settings.school_name:
        return settings
    settings.school_name = SCHOOL_NAME
    settings.motto = "Learning together, growing together"
    settings.address = "Oakfield Primary School\n12 Orchard Lane\nOakfield\nOK1 2AB"
    settings.phone = "01234 567890"
    settings.email = "office@oakfield.example"
    settings.logo = demo_image(
        "Oakfield logo", "Oakfield Primary School logo", colour="#1e6b34", size=(256, 256)
    )
    settings.safeguarding_lead = "Mrs A. Khan, Deputy Head"
    settings.safeguarding_contact = "safeguarding@oakfield.example"
    settings.hashtag = "OakfieldLearns"
    settings.twitter_url = "https://x.com/oakfieldprimary"
    settings.youtube_url = "https://www.youtube.com/@oakfieldprimary"
    settings.save()
    return settings


STANDARD_PAGES = [
    {
        "title": "About us",
        "slug": "about",
        "introduction": "Oakfield is a two-form entry primary school with a Nursery and a "
        "resource base for children with special educational needs.",
        "body": [
            ("heading", {"text": "Our values", "level": "h2"}),
            (
                "paragraph",
                "<p>We are kind, curious and brave. Children learn from Nursery to Year 6 in "
                "classes named after birds, and every class keeps a blog of its learning.</p>",
            ),
            (
                "quote",
                {
                    "quote": "Blogging has given our children a real audience for their writing.",
                    "attribution": "Mrs Okafor, Head teacher",
                },
            ),
        ],
    },
    {
        "title": "Contact us",
        "slug": "contact",
        "introduction": "The school office is open from 8.15am to 4pm, Monday to Friday.",
        "body": [
            (
                "paragraph",
                "<p>Phone 01234 567890 or email office@oakfield.example. For anything urgent "
                "about a child's safety, ask for Mrs Khan, our designated safeguarding lead.</p>",
            ),
        ],
    },
    {
        "title": "Policies",
        "slug": "policies",
        "introduction": "Our policies, including how we keep children safe online.",
        "body": [
            ("heading", {"text": "Online safety and blogging", "level": "h2"}),
            (
                "paragraph",
                "<p>Children are named on the blogs by first name and class only. Every post "
                "and every comment is checked by a teacher before it appears.</p>",
            ),
        ],
    },
]


def ensure_standard_pages(home: HomePage) -> None:
    for spec in STANDARD_PAGES:
        if home.get_children().filter(slug=spec["slug"]).exists():
            continue
        page = StandardPage(
            title=spec["title"],
            slug=spec["slug"],
            introduction=spec["introduction"],
            body=spec["body"],
            show_in_menus=True,
        )
        home.add_child(instance=page)
        page.save_revision().publish()
