"""A photo published on the site never says where it was taken or with what (issue 14.1).

Pupils upload photos from phones and tablets, whose files carry the GPS position, the camera
and the time. These tests upload such photos through the Wagtail admin, as a teacher does, and
read back what a visitor can fetch: the stored original and the renditions pages show, the
Open Graph picture included.
"""

import importlib
import re
from io import BytesIO, StringIO

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from PIL import Image, PngImagePlugin
from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike
from wagtailmedia.models import Media

from tests.factories import (
    BlogPostPageFactory,
    ClassBlogIndexPageFactory,
    ImageFactory,
    school_home,
)
from tests.media import (
    COMMENT,
    TELLTALES,
    XMP,
    assert_clean,
    camera_exif,
    phone_jpeg,
)

pytestmark = pytest.mark.django_db


def upload(client, name: str, data: bytes):
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "people_answer": "none",
            "title": "Our trip",
            "description": "Children on the grass at the picnic",
            "file": SimpleUploadedFile(name, data),
        },
    )
    assert response.status_code == 302
    return get_image_model().objects.get(title="Our trip")


def stored(image) -> bytes:
    with image.open_file() as file:
        return file.read()


def fetch(client, url: str) -> bytes:
    response = client.get(url)
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def store_dirty(image, data: bytes):
    """Put ``data`` in storage as ``image``'s original behind every receiver's back, as files
    stored before this release are."""
    name = image.file.storage.save("original_images/dirty.jpg", ContentFile(data))
    get_image_model().objects.filter(pk=image.pk).update(file=name, file_size=len(data))
    image.refresh_from_db()
    assert stored(image) == data
    return image


def test_a_phone_photo_uploaded_in_the_admin_is_stored_without_location_or_camera(admin_client):
    image = upload(admin_client, "trip.jpg", phone_jpeg())
    original = stored(image)
    assert_clean(original)
    assert fetch(admin_client, image.file.url) == original
    # Wagtail's record describes the file as it is now stored.
    assert image.file_size == len(original)
    assert image.file_hash == hash_filelike(BytesIO(original))
    assert (image.width, image.height) == (160, 120)


def test_the_open_graph_picture_and_every_rendition_are_clean(admin_client, client):
    image = upload(admin_client, "trip.jpg", phone_jpeg())
    eagle = ClassBlogIndexPageFactory(parent=school_home(), title="Eagle Class")
    post = BlogPostPageFactory(parent=eagle, title="Our trip", featured_image=image)

    html = client.get(post.url).content.decode()
    share_url = re.search(r'<meta property="og:image" content="http://testserver([^"]+)"', html)
    share_picture = fetch(client, share_url.group(1))
    assert share_picture.startswith(b"\xff\xd8")
    assert_clean(share_picture)
    for spec in ("width-400|format-webp", "fill-100x100|format-png", "width-200"):
        assert_clean(fetch(client, image.get_rendition(spec).url))


def test_a_sideways_phone_photo_is_stored_upright(admin_client):
    image = upload(admin_client, "sideways.jpg", phone_jpeg(orientation=6))
    with Image.open(BytesIO(stored(image))) as picture:
        assert picture.size == (40, 80) == (image.width, image.height)
        top, bottom = picture.convert("RGB").getpixel((20, 5)), picture.getpixel((20, 75))
    assert top[0] > 150 > top[2] and bottom[2] > 150 > bottom[0]  # red on top, blue below


def test_png_webp_and_gif_uploads_lose_their_metadata_and_keep_their_frames(admin_client):
    text = PngImagePlugin.PngInfo()
    text.add_text("Comment", COMMENT.decode())
    text.add_itxt("XML:com.adobe.xmp", XMP.decode())
    frames = [Image.new("RGB", (40, 30), (60 * n, 200 - 40 * n, 90)) for n in range(4)]
    uploads = {  # name: (frames, Pillow's options)
        "drawing.png": (1, {"format": "PNG", "exif": camera_exif(), "pnginfo": text}),
        "photo.webp": (1, {"format": "WEBP", "exif": camera_exif(), "xmp": XMP}),
        "wave.gif": (4, {"format": "GIF", "comment": COMMENT, "duration": 90, "loop": 0}),
        "spin.webp": (4, {"format": "WEBP", "exif": camera_exif(), "xmp": XMP, "duration": 90}),
    }
    for name, (count, options) in uploads.items():
        buffer = BytesIO()
        frames[0].save(buffer, save_all=True, append_images=frames[1:count], **options)
        data = buffer.getvalue()
        assert any(telltale in data for telltale in TELLTALES)

        response = admin_client.post(
            reverse("wagtailimages:add"),
            {"people_answer": "none", "title": name, "file": SimpleUploadedFile(name, data)},
        )
        assert response.status_code == 302
        original = stored(get_image_model().objects.get(title=name))
        assert_clean(original)
        with Image.open(BytesIO(original)) as kept:
            assert (kept.format, kept.size) == (options["format"], (40, 30))
            assert getattr(kept, "n_frames", 1) == count


def test_the_multiple_uploader_stores_photos_without_location_too(admin_client):
    response = admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {"people_answer": "none", "files[]": SimpleUploadedFile("trip.jpg", phone_jpeg())},
    )
    assert response.json()["success"]
    assert_clean(stored(get_image_model().objects.get()))


def test_a_video_poster_picture_is_stored_without_location_or_camera(admin_client):
    video = b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2" + b"\0" * 64
    response = admin_client.post(
        reverse("wagtailmedia:add", args=("video",)),
        {
            "people_answer": "none",
            "title": "Sports day race",
            "file": SimpleUploadedFile("race.mp4", video),
            "thumbnail": SimpleUploadedFile("poster.jpg", phone_jpeg()),
            "duration": 3,
        },
    )
    assert response.status_code == 302
    with Media.objects.get().thumbnail.open("rb") as poster:
        assert_clean(poster.read())


def test_a_rendition_of_a_picture_stored_before_this_release_is_clean(client):
    image = store_dirty(ImageFactory(), phone_jpeg())
    assert_clean(fetch(client, image.get_rendition("width-100").url))


def test_the_command_cleans_pictures_stored_before_and_remakes_their_renditions(
    client, django_capture_on_commit_callbacks
):
    dirty = store_dirty(ImageFactory(title="Sports day"), phone_jpeg(orientation=6))
    clean = ImageFactory(title="Already clean")
    old_rendition = dirty.get_rendition("width-60")
    storage, old_name = dirty.file.storage, dirty.file.name

    output = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("clean_image_metadata", stdout=output)
    report = output.getvalue()
    assert "Sports day" in report and "Already clean" not in report
    assert "Checked 2 image(s): 1 cleaned, 1 rendition(s) deleted" in report

    dirty.refresh_from_db()
    original = stored(dirty)
    assert_clean(original)
    assert not storage.exists(old_name)  # the old file is gone
    assert not storage.exists(old_rendition.file.name)
    assert not dirty.renditions.exists()
    with Image.open(BytesIO(original)) as picture:
        assert picture.size == (40, 80) == (dirty.width, dirty.height)  # upright
    assert dirty.file_hash == hash_filelike(BytesIO(original))
    assert_clean(fetch(client, dirty.get_rendition("width-60").url))

    # Running it again changes nothing.
    clean_name, dirty_name = clean.file.name, dirty.file.name
    output = StringIO()
    call_command("clean_image_metadata", stdout=output)
    assert "Checked 2 image(s): 0 cleaned" in output.getvalue()
    dirty.refresh_from_db()
    clean.refresh_from_db()
    assert (dirty.file.name, clean.file.name) == (dirty_name, clean_name)


def test_the_migration_step_cleans_pictures_stored_before(capsys):
    migration = importlib.import_module("home.migrations.0002_clean_image_metadata")
    migration.clean_stored_images(apps, None)  # an empty site: nothing to do, nothing said
    assert capsys.readouterr().out == ""

    image = store_dirty(ImageFactory(title="Harvest festival"), phone_jpeg())
    migration.clean_stored_images(apps, None)
    image.refresh_from_db()
    assert_clean(stored(image))
    assert "Harvest festival" in capsys.readouterr().out
