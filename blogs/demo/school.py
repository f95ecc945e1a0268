"""The demo school's own website: home page, timeline, About / Contact / Policies, details.

Every function looks for what it would make and makes it only when it is missing, so running
``seed_demo`` twice changes nothing. Content is in ``data/school.yaml``.
"""

from django.conf import settings
from django.utils.translation import get_supported_language_variant
from wagtail.models import Collection, Locale, Page, Site

from home.models import HomePage, StandardPage
from home.site_settings import SchoolSettings

from ..classes.timeline import TimelinePage
from .accounts import DEFAULT_DEMO_PASSWORD, DEMO_ACCOUNTS, demo_password
from .data import load, paragraph
from .media import demo_image

# The password and accounts live in accounts.py; tests and tooling import them from here.
__all__ = [
    "DEFAULT_DEMO_PASSWORD",
    "DEMO_ACCOUNTS",
    "SCHOOL_NAME",
    "demo_password",
    "ensure_home_page",
    "ensure_school_settings",
    "ensure_standard_pages",
    "ensure_timeline",
]

SCHOOL_NAME = load("school")["name"]


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
    spec = load("school")["home"]
    hero = spec["hero"]
    home = HomePage(
        title=SCHOOL_NAME,
        slug="home",
        seo_title=spec["seo_title"],
        hero_image=demo_image(hero["title"], hero["description"], hero["picture"]),
        welcome=paragraph(spec["welcome"]),
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
    """Settings › School details: what the footer shows on every page."""
    school_settings = SchoolSettings.for_site(site)
    if school_settings.school_name:
        return school_settings
    details = dict(load("school")["details"])
    logo = details.pop("logo")
    school_settings.school_name = SCHOOL_NAME
    for name, value in details.items():
        setattr(school_settings, name, value)
    school_settings.logo = demo_image(logo["title"], logo["description"], logo["picture"])
    school_settings.save()
    return school_settings


def ensure_timeline(home: HomePage) -> TimelinePage:
    """ "News from our classes", in the menu right after Home."""
    existing = TimelinePage.objects.child_of(home).first()
    if existing:
        return existing
    spec = load("school")["timeline"]
    timeline = TimelinePage(title=spec["title"], slug=spec["slug"], show_in_menus=True)
    home.add_child(instance=timeline)
    return timeline


def ensure_standard_pages(home: HomePage) -> list[Page]:
    """About us, Contact us and Policies, in the main menu."""
    pages = []
    for spec in load("school")["pages"]:
        existing = home.get_children().filter(slug=spec["slug"]).first()
        if existing:
            pages.append(existing)
            continue
        page = StandardPage(
            title=spec["title"],
            slug=spec["slug"],
            introduction=spec["introduction"],
            body=[next(iter(block.items())) for block in spec["body"]],
            show_in_menus=True,
        )
        home.add_child(instance=page)
        page.save_revision().publish()
        pages.append(page)
    return pages
