"""Uploads through the Wagtail admin are limited in size and type; a refusal stores nothing."""

from io import BytesIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images import get_image_model
from wagtailmedia.models import Media

pytestmark = pytest.mark.django_db


def _png(size=(64, 64)) -> bytes:
    buffer = BytesIO()
    PILImage.new("RGB", size, "#1e6b34").save(buffer, format="PNG")
    return buffer.getvalue()


def _stored_files() -> set[Path]:
    return {path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()}


@pytest.fixture
def nothing_stored():
    """Asserts that the test left no new file in the media folder."""
    before = _stored_files()
    yield
    assert _stored_files() == before


def _errors(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=1024)
def test_an_oversized_image_is_refused(admin_client, nothing_stored):
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {
            "people_answer": "none",
            "title": "Huge",
            "file": SimpleUploadedFile("huge.png", _png((600, 600)), "image/png"),
        },
    )
    assert "This file is too big" in _errors(response)
    assert not get_image_model().objects.exists()


def test_a_file_that_is_not_an_image_is_refused_as_an_image(admin_client, nothing_stored):
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {
            "people_answer": "none",
            "title": "Notes",
            "file": SimpleUploadedFile("notes.txt", b"hello", "text/plain"),
        },
    )
    assert "Upload a valid image" in _errors(response)
    assert not get_image_model().objects.exists()


def test_a_program_is_refused_as_a_document(admin_client, nothing_stored):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Game",
            "file": SimpleUploadedFile("game.exe", b"MZ", "application/octet-stream"),
        },
    )
    assert "File extension “exe” is not allowed" in _errors(response)
    assert not Document.objects.exists()


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=100)
def test_an_oversized_document_is_refused(admin_client, nothing_stored):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Big Write", "file": SimpleUploadedFile("big.pdf", b"%PDF" + b"x" * 500)},
    )
    assert "This file is too big" in _errors(response)
    assert not Document.objects.exists()


@override_settings(SCHOOLSITE_MEDIA_MAX_UPLOAD_SIZE=100)
def test_an_oversized_recording_is_refused(admin_client, nothing_stored):
    response = admin_client.post(
        reverse("wagtailmedia:add", args=("audio",)),
        {
            "people_answer": "none",
            "title": "Poem",
            "file": SimpleUploadedFile("poem.mp3", b"ID3" + b"x" * 500),
            "duration": 3,
        },
    )
    assert "the largest allowed is 100" in _errors(response)
    assert not Media.objects.exists()


def test_a_video_of_the_wrong_type_is_refused(admin_client, nothing_stored):
    response = admin_client.post(
        reverse("wagtailmedia:add", args=("video",)),
        {
            "people_answer": "none",
            "title": "Race",
            "file": SimpleUploadedFile("race.exe", b"MZ"),
            "duration": 3,
        },
    )
    assert "cannot be uploaded here" in _errors(response)
    assert not Media.objects.exists()


def test_a_recording_of_the_right_type_and_size_is_stored(admin_client):
    response = admin_client.post(
        reverse("wagtailmedia:add", args=("audio",)),
        {
            "people_answer": "none",
            "title": "Poem",
            "file": SimpleUploadedFile("poem.mp3", b"ID3 audio"),
            "duration": 3,
        },
    )
    assert response.status_code == 302
    assert Media.objects.get().title == "Poem"
