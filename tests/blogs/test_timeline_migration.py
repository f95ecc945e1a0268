"""A school that existed before the timeline became a page gets one from migration 0012.

Until then the home page served ``news/`` itself, in every language. After the migration each
home page (English and its Welsh copy, translated or not) has its "News from our classes"
page at the same address, listing the same posts, in the main menu, and running the migration
again adds nothing.
"""

import importlib

import pytest
from django.apps import apps
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from wagtail.models import Locale, Page
from wagtail_localize.models import LocaleSynchronization

from blogs.demo.translations import translate
from blogs.models import TimelinePage
from home.models import StandardPage
from tests.factories import BlogPostPageFactory, ClassBlogIndexPageFactory

MIGRATION = ("blogs", "0012_timeline_for_existing_schools")
migration = importlib.import_module(f"{MIGRATION[0]}.migrations.{MIGRATION[1]}")

pytestmark = pytest.mark.django_db

WELSH = {
    "Oakfield Primary School": "Ysgol Gynradd Oakfield",
    "Eagle Class": "Dosbarth yr Eryr",
    "Castle models": "Modelau castell",
}


@pytest.fixture(params=["translated", "alias"])
def school_before(request, home_page, django_capture_on_commit_callbacks):
    """A school as it stood before: English and Welsh home pages, posts, and no timeline.

    The Welsh home page is a translation or, when nobody has translated it yet, the copy
    (alias) wagtail-localize keeps of the English one.
    """
    eagle = ClassBlogIndexPageFactory(parent=home_page, title="Eagle Class", slug="eagle")
    BlogPostPageFactory(parent=eagle, title="Castle models", slug="castle-models")
    BlogPostPageFactory(parent=eagle, title="Pond dipping", slug="pond-dipping")
    welsh = Locale.objects.create(language_code="cy")
    LocaleSynchronization.objects.create(locale=welsh, sync_from=Locale.get_default())
    if request.param == "translated":
        # wagtail-localize publishes a translation once the transaction commits.
        with django_capture_on_commit_callbacks(execute=True):
            for page in (home_page, eagle, *eagle.get_children()):
                translate(page.specific, welsh, WELSH)
    # The timeline did not exist yet: remove it (and its Welsh copy) from the tree.
    while timeline := TimelinePage.objects.first():
        timeline.delete()
    welsh_home = home_page.get_translation(welsh)
    assert (welsh_home.alias_of_id is None) == (request.param == "translated")
    return {"home": home_page, "welsh_home": welsh_home}


def create_timelines(models=apps) -> None:
    migration.create_timelines(models, schema_editor=None)


def historical_models():
    """The models as ``migrate`` hands them to the migration: plain Django models, without
    Wagtail's ``save()`` that would mend a wrong path, URL path or child count."""
    loader = MigrationLoader(connection, ignore_no_migrations=True)
    return loader.project_state(MIGRATION, at_end=False).apps


def news(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_before_the_migration_the_old_address_is_missing(school_before, client):
    assert client.get("/en-gb/news/").status_code == 404
    assert client.get("/cy/news/").status_code == 404


def test_every_home_page_gets_its_timeline_at_the_old_address(school_before, client):
    create_timelines()

    english = news(client, "/en-gb/news/")
    assert "Castle models" in english
    assert "Pond dipping" in english
    welsh = news(client, "/cy/news/")
    castle = "Modelau castell" if school_before["welsh_home"].alias_of_id is None else "Castle"
    assert castle in welsh
    assert "Pond dipping" in welsh
    assert 'href="/cy/eagle/castle-models/"' in welsh
    for home in (school_before["home"], school_before["welsh_home"]):
        timeline = TimelinePage.objects.child_of(home).get()
        assert timeline.live and timeline.show_in_menus
        assert timeline.locale_id == home.locale_id


def test_the_welsh_timeline_is_a_copy_of_the_english_one(school_before):
    create_timelines()

    english = TimelinePage.objects.child_of(school_before["home"]).get()
    welsh = TimelinePage.objects.child_of(school_before["welsh_home"]).get()
    assert welsh.alias_of_id == english.pk
    assert welsh.translation_key == english.translation_key


def test_the_main_menu_links_class_news_in_each_language(school_before, client):
    create_timelines()

    assert '<a href="/en-gb/news/" aria-current="page">Class news</a>' in news(
        client, "/en-gb/news/"
    )
    assert '<a href="/en-gb/news/">Class news</a>' in news(client, "/en-gb/eagle/")
    assert '<a href="/cy/news/">Newyddion y dosbarthiadau</a>' in news(client, "/cy/")


def test_the_feeds_and_subject_pages_answer_at_their_old_addresses(school_before, client):
    create_timelines()

    assert client.get("/en-gb/news/feed/rss/").status_code == 200
    assert client.get("/cy/news/feed/atom/").status_code == 200
    assert client.get("/en-gb/news/subjects/science/").status_code == 200


def test_running_the_migration_twice_adds_nothing(school_before, client):
    create_timelines()
    pages = list(Page.objects.order_by("path").values_list("pk", "path", "numchild"))

    create_timelines()

    assert list(Page.objects.order_by("path").values_list("pk", "path", "numchild")) == pages
    assert TimelinePage.objects.count() == 2
    assert client.get("/en-gb/news/").status_code == 200


def test_the_tree_stays_consistent_for_editors(school_before, admin_client):
    """Wagtail's tree bookkeeping (paths, child counts) is right, so the admin can add pages."""
    create_timelines()

    home = Page.objects.get(pk=school_before["home"].pk)
    assert home.numchild == home.get_children().count() == 2
    timeline = TimelinePage.objects.child_of(home).get()
    assert timeline.url_path == f"{home.url_path}news/"
    assert admin_client.get(f"/admin/pages/{timeline.pk}/edit/").status_code == 200
    assert admin_client.get(f"/admin/pages/{home.pk}/").status_code == 200
    added = home.add_child(instance=StandardPage(title="Term dates", slug="term-dates"))
    assert added.path > timeline.path


def test_as_migrate_runs_it_with_historical_models(school_before, client, admin_client):
    create_timelines(historical_models())
    pages = list(Page.objects.order_by("path").values_list("pk", "path", "numchild"))
    create_timelines(historical_models())

    assert list(Page.objects.order_by("path").values_list("pk", "path", "numchild")) == pages
    assert "Castle models" in news(client, "/en-gb/news/")
    assert 'href="/cy/news/"' in news(client, "/cy/eagle/")
    for home in (school_before["home"], school_before["welsh_home"]):
        home.refresh_from_db()
        assert home.numchild == home.get_children().count() == 2
        timeline = TimelinePage.objects.child_of(home).get()
        assert timeline.url_path == f"{home.url_path}news/"
        assert admin_client.get(f"/admin/pages/{timeline.pk}/edit/").status_code == 200


def test_migrating_back_removes_the_timelines_and_mends_the_tree(school_before, client):
    create_timelines(historical_models())

    migration.remove_timelines(historical_models(), schema_editor=None)

    assert not Page.objects.filter(slug="news").exists()
    for home in (school_before["home"], school_before["welsh_home"]):
        home.refresh_from_db()
        assert home.numchild == home.get_children().count() == 1
    assert client.get("/en-gb/news/").status_code == 404
    create_timelines(historical_models())
    assert client.get("/en-gb/news/").status_code == 200
