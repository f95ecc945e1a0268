"""Editors translate a post in wagtail-localize's editor and sync it when the English changes.

Everything goes through the admin's own URLs, as the translation editor's buttons do.
"""

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    LocaleSynchronization,
    StringSegment,
    Translation,
    TranslationSource,
)
from wagtail_localize.synctree import create_aliases_for_new_page

from tests.factories import BlogPostPageFactory, ClassBlogIndexPageFactory, UserFactory

WELSH_URL = "/cy/eagle/pond-dipping/"


@pytest.fixture
def welsh(home_page):
    english = Locale.get_default()
    locale = Locale.objects.create(language_code="cy")
    LocaleSynchronization.objects.create(locale=locale, sync_from=english)
    return locale


@pytest.fixture
def post(welsh, home_page):
    eagle = ClassBlogIndexPageFactory(parent=home_page, title="Eagle Class", slug="eagle")
    create_aliases_for_new_page(eagle)
    post = BlogPostPageFactory(
        parent=eagle,
        title="Pond dipping",
        slug="pond-dipping",
        summary="We found newts.",
        body=[("paragraph", "<p>We used nets to look for creatures in the pond.</p>")],
    )
    create_aliases_for_new_page(post)
    return post


@pytest.fixture
def editor(client, db):
    client.force_login(UserFactory(username="head", is_superuser=True, is_staff=True))
    return client


def _translate(editor, translation, english_text: str, welsh_text: str) -> None:
    """Type one string into the translation editor (it saves each string as you go)."""
    segment = StringSegment.objects.get(source=translation.source, string__data=english_text)
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    response = editor.put(
        url, f"value={welsh_text}", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code in (200, 201), response.content


def test_an_editor_translates_a_post_including_its_streamfield(
    post, welsh, editor, client, django_capture_on_commit_callbacks
):
    welsh_copy = post.get_translation(welsh)
    assert welsh_copy.alias_of_id == post.pk
    # The Welsh copy's edit screen offers to translate it.
    response = editor.get(reverse("wagtailadmin_pages:edit", args=[welsh_copy.pk]))
    assert "Translate this page" in response.content.decode()

    response = editor.post(
        reverse("wagtail_localize:submit_page_translation", args=[post.pk]),
        {"locales": [welsh.pk]},
    )
    assert response.status_code == 302
    translation = Translation.objects.get(source__object_id=post.translation_key)
    # Started but not published: visitors still see the English with the note.
    html = client.get(WELSH_URL).content.decode()
    assert "translation-note" in html and "We found newts." in html

    _translate(editor, translation, "Pond dipping", "Trochi yn y pwll")
    _translate(editor, translation, "We found newts.", "Daethon ni o hyd i fadfallod dŵr.")
    _translate(
        editor,
        translation,
        "We used nets to look for creatures in the pond.",
        "Defnyddion ni rwydi i chwilio am greaduriaid yn y pwll.",
    )
    # wagtail-localize publishes once the request's transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(
            reverse("wagtailadmin_pages:edit", args=[welsh_copy.pk]), {"action": "publish"}
        )
    assert response.status_code == 302

    welsh_copy.refresh_from_db()
    html = client.get(WELSH_URL).content.decode()
    assert "<h1>Trochi yn y pwll</h1>" in html
    assert "Defnyddion ni rwydi i chwilio am greaduriaid yn y pwll." in html
    assert "translation-note" not in html
    english_html = client.get("/en-gb/eagle/pond-dipping/").content.decode()
    assert 'href="/cy/eagle/pond-dipping/" lang="cy"' in english_html


def test_a_changed_english_post_is_synced_into_its_translation(
    post, welsh, editor, client, django_capture_on_commit_callbacks
):
    source, _created = TranslationSource.get_or_create_from_instance(post)
    translation = Translation.objects.create(source=source, target_locale=welsh)
    _translate(editor, translation, "Pond dipping", "Trochi yn y pwll")
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)

    # A teacher corrects the English summary and publishes it.
    post.summary = "We found newts and a frog."
    post.save_revision().publish()
    welsh_html = client.get(WELSH_URL).content.decode()
    assert "We found newts and a frog." not in welsh_html

    # The translator syncs: the new English string arrives, the Welsh title stays.
    source_id = translation.source.pk
    update = reverse("wagtail_localize:update_translations", args=[source_id])
    assert editor.get(update).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(update, {"publish_translations": "on"})
    assert response.status_code == 302
    welsh_html = client.get(WELSH_URL).content.decode()
    assert "We found newts and a frog." in welsh_html
    assert "<h1>Trochi yn y pwll</h1>" in welsh_html
    assert Page.objects.get(pk=post.get_translation(welsh).pk).live
