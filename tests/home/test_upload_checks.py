"""Bad input gets a plain message and changes nothing (issue 14.8).

Uploads are checked by what is in them, not only by their name; a damaged picture or an
animation too large in all its frames is refused at upload; and every search box takes any
text a person can type, quotes and operators included.
"""

import io
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from PIL import Image
from wagtail.documents.models import Document
from wagtail.images import get_image_model
from wagtailmedia.models import Media

from tests.factories import (
    AwardIndexPageFactory,
    HelpSheetLibraryPageFactory,
    HelpSheetPageFactory,
    ImageFactory,
    school_home,
)
from tests.media import picture, wav

pytestmark = pytest.mark.django_db

PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200
WEB_PAGE = (
    b"<!DOCTYPE html>\n<html><body><script>document.location='//x.test'</script></body></html>"
)


def zip_file(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def pdf() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 40), "white").save(buffer, "PDF")
    return buffer.getvalue()


def word_document() -> bytes:
    return zip_file(
        {"[Content_Types].xml": b"<Types/>", "_rels/.rels": b"<R/>", "word/document.xml": b"<w/>"}
    )


def opendocument_text() -> bytes:
    return zip_file(
        {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<o/>"}
    )


def stored_files() -> set[Path]:
    roots = [settings.MEDIA_ROOT, getattr(settings, "PRIVATE_MEDIA_ROOT", None)]
    return {path for root in roots if root for path in Path(root).rglob("*") if path.is_file()}


@pytest.fixture
def nothing_stored():
    """The test leaves no new file in storage."""
    before = stored_files()
    yield
    assert stored_files() == before


def refusal(response) -> str:
    """The page's text, after checking that the form was shown again (not saved, no 500)."""
    assert response.status_code == 200
    return " ".join(response.content.decode().split())


# Uploads: a file must be what its name says.


@pytest.mark.parametrize(
    ("name", "content", "really"),
    [
        ("homework.pdf", PROGRAM, "a Windows program"),
        ("homework.pdf", WEB_PAGE, "a web page"),
        ("homework.pdf", WEB_PAGE + b"\n%PDF-1.7\n", "a web page"),
        ("plan.docx", WEB_PAGE, "a web page"),
        ("scores.xlsx", word_document(), "a Word document"),
        ("story.odt", PROGRAM, "a Windows program"),
        ("notes.txt", PROGRAM, "a Windows program"),
    ],
)
def test_a_document_that_is_not_what_its_name_says_is_refused(
    admin_client, nothing_stored, name, content, really
):
    response = admin_client.post(
        reverse("wagtaildocs:add"), {"title": "Homework", "file": SimpleUploadedFile(name, content)}
    )
    assert f"“{name}” is named as a .{name.split('.')[1]} file, but it is really {really}" in (
        refusal(response)
    )
    assert not Document.objects.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("homework.pdf", pdf()),
        ("plan.docx", word_document()),
        ("story.odt", opendocument_text()),
        ("notes.txt", "Spelling list: été, naïve\n".encode()),
        ("letter.rtf", b"{\\rtf1\\ansi Dear parents}"),
    ],
)
def test_real_documents_are_accepted(admin_client, name, content):
    response = admin_client.post(
        reverse("wagtaildocs:add"), {"title": "Homework", "file": SimpleUploadedFile(name, content)}
    )
    assert response.status_code == 302
    assert Document.objects.get().title == "Homework"


@pytest.mark.parametrize(
    ("kind", "name", "content", "really"),
    [
        ("audio", "poem.mp3", PROGRAM, "a Windows program"),
        ("audio", "poem.mp3", WEB_PAGE, "a web page"),
        ("audio", "poem.wav", pdf(), "a PDF document"),
        ("video", "race.mp4", WEB_PAGE, "a web page"),
        ("video", "race.webm", wav(), "a sound recording"),
    ],
)
def test_a_recording_that_is_not_what_its_name_says_is_refused(
    admin_client, nothing_stored, kind, name, content, really
):
    response = admin_client.post(
        reverse("wagtailmedia:add", args=(kind,)),
        {
            "people_answer": "none",
            "title": "Poem",
            "file": SimpleUploadedFile(name, content),
            "duration": 3,
        },
    )
    assert f"but it is really {really}, so it cannot be uploaded" in refusal(response)
    assert not Media.objects.exists()


def test_a_video_poster_that_is_not_a_picture_is_refused(admin_client, nothing_stored):
    response = admin_client.post(
        reverse("wagtailmedia:add", args=("video",)),
        {
            "people_answer": "none",
            "title": "Race",
            "file": SimpleUploadedFile("race.mp4", b"\x00\x00\x00\x18ftypisom" + b"\0" * 64),
            "thumbnail": SimpleUploadedFile("poster.jpg", WEB_PAGE),
            "duration": 3,
        },
    )
    assert "“poster.jpg” is named as a .jpg file, but it is really a web page" in refusal(response)
    assert not Media.objects.exists()


@pytest.mark.parametrize(
    ("kind", "name", "content"),
    [
        ("audio", "poem.wav", wav()),
        ("audio", "poem.mp3", b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"\xff\xfb\x90\x00" * 50),
        ("video", "race.mp4", b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2" + b"\0" * 64),
    ],
)
def test_real_recordings_are_accepted(admin_client, kind, name, content):
    response = admin_client.post(
        reverse("wagtailmedia:add", args=(kind,)),
        {
            "people_answer": "none",
            "title": "Poem",
            "file": SimpleUploadedFile(name, content),
            "duration": 3,
        },
    )
    assert response.status_code == 302
    assert Media.objects.get().title == "Poem"


# Pictures: whole, and within the pixel limit in all their frames together.


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("cut-short.jpg", picture("JPEG")[:600]),
        ("cut-short.png", picture("PNG")[:-40]),
        ("scrambled.gif", picture("GIF")[:-6] + b"\x00" * 6),
    ],
)
def test_a_damaged_picture_is_refused_with_a_plain_message(
    admin_client, nothing_stored, name, content
):
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {"people_answer": "none", "title": "Trip", "file": SimpleUploadedFile(name, content)},
    )
    assert "This picture is damaged or incomplete, so it cannot be used." in refusal(response)
    assert not get_image_model().objects.exists()


def test_an_animation_counts_all_its_frames_against_the_pixel_limit(admin_client, nothing_stored):
    # 100 frames of 1000 × 1000 pixels: 100 million, over the 40 million allowed.
    animation = picture("GIF", (1000, 1000), frames=100)
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {
            "people_answer": "none",
            "title": "Flicker",
            "file": SimpleUploadedFile("flicker.gif", animation),
        },
    )
    assert (
        "This animation is too big: 100 frames of 1,000 × 1,000 pixels make 100,000,000 pixels, "
        "and the most allowed is 40,000,000."
    ) in refusal(response)
    assert not get_image_model().objects.exists()


@override_settings(WAGTAILIMAGES_MAX_IMAGE_PIXELS=100_000)
def test_an_animated_webp_counts_all_its_frames_but_a_still_of_the_same_size_passes(
    admin_client,
):
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {
            "people_answer": "none",
            "title": "Spin",
            "file": SimpleUploadedFile("spin.webp", picture("WEBP", frames=4)),
        },
    )
    assert "4 frames of 300 × 200 pixels make 240,000 pixels" in refusal(response)
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {
            "people_answer": "none",
            "title": "Still",
            "file": SimpleUploadedFile("still.webp", picture("WEBP")),
        },
    )
    assert response.status_code == 302
    assert get_image_model().objects.get().title == "Still"


def test_the_multiple_uploader_refuses_a_damaged_picture_too(admin_client, nothing_stored):
    response = admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {
            "people_answer": "none",
            "files[]": SimpleUploadedFile("cut-short.jpg", picture("JPEG")[:600]),
        },
    )
    assert response.status_code == 200
    assert not response.json()["success"]
    assert "damaged or incomplete" in response.json()["error_message"]
    assert not get_image_model().objects.exists()


# Search boxes: any text at all.

TYPED = ['"', "*", "(", ")", "AND", "NOT", "-", "'", "it's \"big", "a:b", "\\", "x" * 5000]


@pytest.fixture
def school():
    home = school_home()
    library = HelpSheetLibraryPageFactory(parent=home)
    HelpSheetPageFactory(parent=library, title="Approving a pupil's post")
    AwardIndexPageFactory(parent=home)
    return home


@pytest.mark.parametrize("typed", [*TYPED, "approving \x00"])
def test_every_public_search_box_and_filter_takes_any_text(client, school, typed):
    values = dict.fromkeys(
        ("q", "tag", "class", "subject", "category", "type", "topic", "audience"), typed
    )
    for url in ("/en-gb/help/", "/en-gb/search/", "/en-gb/news/", "/en-gb/awards/"):
        assert client.get(url, values).status_code == 200, url


def test_a_search_with_stray_quotes_still_finds_what_its_words_name(client, school):
    for url in ("/en-gb/help/", "/en-gb/search/"):
        response = client.get(url, {"q": '"approving'})
        assert "Approving a pupil&#x27;s post" in response.content.decode(), url


@pytest.mark.parametrize("typed", TYPED)
def test_the_admin_search_boxes_take_any_text(admin_client, school, typed):
    ImageFactory(title="Sports day")
    for name in (
        "wagtailimages:index",
        "wagtailimages_chooser:choose",
        "wagtailadmin_pages:search",
    ):
        assert admin_client.get(reverse(name), {"q": typed}).status_code == 200, name
    assert admin_client.get("/admin/choose-page/search/", {"q": typed}).status_code == 200
