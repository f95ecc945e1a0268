"""Give every existing school its "News from our classes" page, where the home page's routes were.

Until now the home page served ``news/`` itself. The timeline is a page of its own now, so each
home page (in every language) gets one, slug ``news``, keeping every address that was shared.
The English page is the source; the other languages' copies are aliases of it, as
wagtail-localize keeps untranslated pages.
"""

import uuid

from django.conf import settings
from django.db import migrations
from django.utils import timezone

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's, as Wagtail's Page uses it
STEPLEN = 4


def _step(number: int) -> str:
    digits = ""
    while number:
        number, remainder = divmod(number, len(ALPHABET))
        digits = ALPHABET[remainder] + digits
    return digits.rjust(STEPLEN, "0")


def _next_child_path(Page, parent) -> str:
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    return parent.path + _step(int(last[-STEPLEN:], 36) + 1 if last else 1)


def create_timelines(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Locale = apps.get_model("wagtailcore", "Locale")
    HomePage = apps.get_model("home", "HomePage")
    TimelinePage = apps.get_model("blogs", "TimelinePage")
    ContentType = apps.get_model("contenttypes", "ContentType")

    content_type, _ = ContentType.objects.get_or_create(app_label="blogs", model="timelinepage")
    default_locale = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    homes = sorted(
        HomePage.objects.all(),
        # The default language's home first, so its timeline exists before the aliases.
        key=lambda home: (home.locale_id != getattr(default_locale, "pk", None), home.path),
    )
    sources = {}  # home's translation_key -> the timeline the other languages alias
    now = timezone.now()
    for home in homes:
        children = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1)
        if children.filter(content_type=content_type).exists():
            continue
        slug = "news" if not children.filter(slug="news").exists() else "class-news"
        source = sources.get(home.translation_key)
        timeline = TimelinePage.objects.create(
            title="News from our classes",
            draft_title="News from our classes",
            slug=slug,
            content_type=content_type,
            path=_next_child_path(Page, home),
            depth=home.depth + 1,
            numchild=0,
            url_path=f"{home.url_path}{slug}/",
            live=True,
            has_unpublished_changes=False,
            show_in_menus=True,
            first_published_at=now,
            last_published_at=now,
            locale_id=home.locale_id,
            translation_key=source.translation_key if source else uuid.uuid4(),
            alias_of_id=source.pk if source else None,
        )
        sources.setdefault(home.translation_key, timeline)
        Page.objects.filter(pk=home.pk).update(numchild=children.count())


def remove_timelines(apps, schema_editor):
    """Back to 0011, whose reverse drops the timeline's table: its pages go first, or the tree
    would keep live pages, listed in the main menu, of a type that no longer exists."""
    Page = apps.get_model("wagtailcore", "Page")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type = ContentType.objects.filter(app_label="blogs", model="timelinepage").first()
    if content_type is None:
        return
    timelines = Page.objects.filter(content_type=content_type)
    parent_paths = {path[:-STEPLEN] for path in timelines.values_list("path", flat=True)}
    timelines.delete()
    for parent in Page.objects.filter(path__in=parent_paths):
        children = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        Page.objects.filter(pk=parent.pk).update(numchild=children.count())


class Migration(migrations.Migration):
    dependencies = [
        ("blogs", "0011_timeline_page"),
        ("home", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_timelines, remove_timelines)]
