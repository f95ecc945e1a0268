"""Files of private collections are never at a public address, and open only for those allowed.

Uploads go through the Wagtail admin as a senior leader; files are fetched over HTTP, from
``/media/`` (what a web server serves to anyone) and from the addresses the site links to.
"""

import re
import urllib.error
import urllib.request
from io import BytesIO, StringIO
from pathlib import Path

import boto3
import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.checks import run_checks
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction
from wagtailmedia.models import get_media_model

from blogs.helpsheets.models import STAFF_DOCUMENTS_COLLECTION
from blogs.school.groups import SENIOR_LEADERS
from schoolsite.settings.environment import media_storage, private_media_storage
from tests.factories import HelpSheetLibraryPageFactory, HelpSheetPageFactory, UserFactory
from tests.school import build_school
from tests.schoolsite.conftest import BUCKET

pytestmark = pytest.mark.django_db

Image, Document = get_image_model(), get_document_model()
PDF = b"%PDF-1.4\n% Staff checklist: pupils' passwords\n%%EOF\n"


def png(colour: str = "#1d4e89", size: tuple[int, int] = (640, 400)) -> bytes:
    buffer = BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, format="PNG")
    return buffer.getvalue()


def upload(kind: str, name: str, content: bytes) -> ContentFile:
    file = ContentFile(content, name=name)
    file.content_type = "image/png" if kind == "image" else "application/pdf"
    return file


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def public_files() -> set[str]:
    root = Path(settings.MEDIA_ROOT)
    return {path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file()}


def private_files() -> set[str]:
    root = Path(settings.PRIVATE_MEDIA_ROOT)
    return {path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file()}


@pytest.fixture
def school():
    return build_school()


@pytest.fixture
def staff_documents(school) -> Collection:
    return Collection.objects.get(name=STAFF_DOCUMENTS_COLLECTION)


@pytest.fixture
def senior_leader(school) -> Client:
    """A deputy head: a senior leader without superuser powers."""
    user = UserFactory(username="deputy", first_name="Dana", last_name="Reyes")
    user.groups.add(Group.objects.get(name=SENIOR_LEADERS))
    return signed_in(user)


@pytest.fixture
def staff(school) -> Client:
    return signed_in(school.users["staff"])


@pytest.fixture
def pupil(school) -> Client:
    return signed_in(school.users["eagle.pupil"])


def upload_image(client: Client, collection: Collection, filename: str, colour="#1d4e89"):
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "people_answer": "none",
            "title": filename.rsplit(".", 1)[0].replace("-", " ").capitalize(),
            "description": "The Publish button, bottom left",
            "collection": collection.pk,
            "file": upload("image", filename, png(colour)),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return Image.objects.latest("pk")


def upload_document(client: Client, collection: Collection, filename: str):
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Pupil passwords checklist",
            "collection": collection.pk,
            "file": upload("document", filename, PDF),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return Document.objects.latest("pk")


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_an_image_uploaded_into_a_private_collection_is_never_at_a_public_address(
    senior_leader, staff_documents, client
):
    image = upload_image(senior_leader, staff_documents, "staff-checklist-screenshot.png")

    # Where Wagtail would have put it, the web server (here Django's /media/ route) has nothing.
    assert client.get("/media/original_images/staff-checklist-screenshot.png").status_code == 404
    assert client.get(f"/media/{image.file.name}").status_code == 404
    assert not any("staff-checklist-screenshot" in name for name in public_files())
    # It is in the private folder, under a random folder nobody can guess from its title.
    name = image.file.name
    assert name.startswith("private/") and name.endswith("/staff-checklist-screenshot.png")
    assert name.removeprefix("private/") in private_files()
    # Its address is the checking view's: signed out, sign in first.
    url = image.file.url
    assert url.startswith("/private-media/")
    assert client.get(url)["Location"].startswith("/en-gb/login/?next=")


def test_a_private_images_file_opens_for_staff_and_editors_but_never_for_pupils(
    senior_leader, staff_documents, staff, pupil
):
    image = upload_image(senior_leader, staff_documents, "marking-codes.png")
    url = image.file.url
    assert pupil.get(url).status_code == 403
    assert "private" in pupil.get(url).content.decode()
    for allowed in (staff, senior_leader):
        response = allowed.get(url)
        assert response.status_code == 200
        assert body(response) == image.file.open("rb").read()
        assert response["Content-Type"] == "image/png"
        assert "no-store" in response["Cache-Control"]


def test_a_staff_only_sheets_screenshot_renditions_are_private_too(
    school, senior_leader, staff_documents, staff, pupil, client
):
    screenshot = upload_image(senior_leader, staff_documents, "approve-button.png")
    library = HelpSheetLibraryPageFactory(parent=school.home)
    sheet = HelpSheetPageFactory(
        parent=library,
        title="Approving a post",
        slug="approving-a-post",
        staff_only=True,
        steps=[
            (
                "step",
                {
                    "instruction": "<p>Press Approve.</p>",
                    "screenshot": screenshot,
                    "screenshot_alt": "The Approve button, top right",
                },
            )
        ],
    )
    page = staff.get(sheet.url)
    assert page.status_code == 200
    img = re.search(r'<img[^>]*alt="The Approve button, top right"[^>]*>', page.content.decode())
    src = re.search(r'src="([^"]+)"', img.group()).group(1)
    assert src.startswith("/private-media/")
    rendition_name = src.rsplit("/", 1)[1]
    assert rendition_name.startswith("approve-button.") and rendition_name.endswith(".webp")

    # Not where Wagtail puts renditions, nor anywhere in the public folder.
    assert client.get(f"/media/images/{rendition_name}").status_code == 404
    assert not any(name.endswith(rendition_name) for name in public_files())
    assert client.get(src).status_code == 302
    assert pupil.get(src).status_code == 403
    response = staff.get(src)
    assert response.status_code == 200
    with PILImage.open(BytesIO(body(response))) as picture:
        assert picture.format == "WEBP"


def test_a_private_document_is_served_only_through_the_checking_view(
    senior_leader, staff_documents, staff, pupil, client
):
    document = upload_document(senior_leader, staff_documents, "pupil-passwords-checklist.pdf")
    assert client.get("/media/documents/pupil-passwords-checklist.pdf").status_code == 404
    assert client.get(f"/media/{document.file.name}").status_code == 404
    assert document.file.name.startswith("private/")
    assert not any("pupil-passwords" in name for name in public_files())

    # Wagtail's document link still works, for staff only.
    assert document.url.endswith("/pupil-passwords-checklist.pdf")
    assert client.get(document.url)["Location"].startswith("/en-gb/login/")
    # Wagtail asks a pupil to sign in as someone else.
    assert pupil.get(document.url)["Location"].startswith("/en-gb/login/")
    response = staff.get(document.url)
    assert response.status_code == 200
    assert body(response) == PDF
    # The file's own address is the checking view's too.
    assert client.get(document.file.url).status_code == 302
    assert body(staff.get(document.file.url)) == PDF


def test_a_private_collections_audio_is_private_like_its_images_and_documents(
    senior_leader, staff_documents, staff, pupil, client
):
    response = senior_leader.post(
        reverse("wagtailmedia:add", args=("audio",)),
        {
            "people_answer": "none",
            "title": "Staff briefing",
            "collection": staff_documents.pk,
            "file": ContentFile(b"ID3 staff briefing", name="staff-briefing.mp3"),
            "duration": 3,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    recording = get_media_model().objects.get(title="Staff briefing")
    assert recording.file.name.startswith("private/")
    assert client.get("/media/media/staff-briefing.mp3").status_code == 404
    assert recording.url.startswith("/private-media/")
    assert pupil.get(recording.url).status_code == 403
    assert body(staff.get(recording.url)) == b"ID3 staff briefing"


def test_public_uploads_stay_public(senior_leader, school, client):
    eagle_collection = school.eagle.collection
    image = upload_image(senior_leader, eagle_collection, "castle-models.png")
    assert image.file.name == "original_images/castle-models.png"
    response = client.get("/media/original_images/castle-models.png")
    assert response.status_code == 200
    assert body(response) == image.file.open("rb").read()


def test_the_same_file_name_gets_a_different_random_folder_each_time(
    senior_leader, staff_documents
):
    first = upload_document(senior_leader, staff_documents, "minutes.pdf")
    second = upload_document(senior_leader, staff_documents, "minutes.pdf")
    first_folder, second_folder = first.file.name.split("/")[1], second.file.name.split("/")[1]
    assert first_folder != second_folder
    assert len(first_folder) >= 24


def test_an_image_moved_into_a_private_collection_takes_its_files_along_and_back(
    senior_leader, school, staff_documents, client, django_capture_on_commit_callbacks
):
    eagle_collection = school.eagle.collection
    image = upload_image(senior_leader, eagle_collection, "swimming-gala.png")
    rendition = image.get_rendition("fill-200x100")
    public_rendition = f"/media/{rendition.file.name}"
    assert client.get(public_rendition).status_code == 200

    def move_to(collection: Collection) -> None:
        with django_capture_on_commit_callbacks(execute=True):
            response = senior_leader.post(
                reverse("wagtailimages:edit", args=[image.pk]),
                {
                    "people_answer": "none",
                    "title": image.title,
                    "description": image.description,
                    "collection": collection.pk,
                },
            )
        assert response.status_code == 302, response.content.decode()[:2000]
        image.refresh_from_db()

    move_to(staff_documents)
    assert image.file.name.startswith("private/")
    assert client.get("/media/original_images/swimming-gala.png").status_code == 404
    assert client.get(public_rendition).status_code == 404
    assert not any("swimming-gala" in name for name in public_files())
    assert client.get(image.file.url).status_code == 302
    # Renditions are made again, privately, when next asked for.
    assert image.get_rendition("fill-200x100").file.name.startswith("private/")

    move_to(eagle_collection)
    assert image.file.name.startswith("original_images/swimming-gala")
    assert client.get(f"/media/{image.file.name}").status_code == 200
    assert not any("swimming-gala" in name for name in private_files())


def test_making_a_collection_private_in_the_admin_moves_its_files(
    senior_leader, school, client, staff, django_capture_on_commit_callbacks
):
    head = signed_in(school.users["head"])
    falcon_collection = school.falcon.collection
    document = upload_document(senior_leader, falcon_collection, "trip-letter.pdf")
    assert client.get("/media/documents/trip-letter.pdf").status_code == 200
    set_privacy = reverse("wagtailadmin_collections:set_privacy", args=[falcon_collection.pk])
    staff_group = Group.objects.get(name="Staff")

    with django_capture_on_commit_callbacks(execute=True):
        response = head.post(
            set_privacy, {"restriction_type": "groups", "groups": [staff_group.pk]}
        )
    assert response.status_code == 200
    document.refresh_from_db()
    assert document.file.name.startswith("private/")
    assert client.get("/media/documents/trip-letter.pdf").status_code == 404
    assert body(staff.get(document.url)) == PDF

    with django_capture_on_commit_callbacks(execute=True):
        head.post(set_privacy, {"restriction_type": "none"})
    document.refresh_from_db()
    assert document.file.name.startswith("documents/trip-letter")
    assert client.get(f"/media/{document.file.name}").status_code == 200


def test_sync_private_files_moves_files_stored_before_their_collection_was_private(
    senior_leader, school, client, django_capture_on_commit_callbacks
):
    """As after an upgrade: a private collection whose files are still in the public folder."""
    collection = school.eagle.collection
    document = upload_document(senior_leader, collection, "old-policy.pdf")
    # The restriction is made, but what would move the files is not run (as before upgrading).
    with django_capture_on_commit_callbacks(execute=False):
        CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.LOGIN
        )
    assert client.get("/media/documents/old-policy.pdf").status_code == 200

    output = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("sync_private_files", stdout=output)
    assert "Moved 1 file(s) to the private storage" in output.getvalue()
    document.refresh_from_db()
    assert document.file.name.startswith("private/")
    assert client.get("/media/documents/old-policy.pdf").status_code == 404

    output = StringIO()
    call_command("sync_private_files", stdout=output)
    assert "Moved 0 file(s) to the private storage and 0" in output.getvalue()


@pytest.mark.parametrize(
    "path",
    [
        "/private-media/0f3c9a/original_images/a-guess.png",
        "/private-media/../../etc/passwd",
        "/private-media/%00",
    ],
)
def test_an_unknown_private_address_is_a_plain_not_found(path, staff):
    response = staff.get(path)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/plain")


def test_a_private_file_cannot_be_changed_through_its_address(
    senior_leader, staff_documents, staff
):
    image = upload_image(senior_leader, staff_documents, "timetable.png")
    before = image.file.open("rb").read()
    for method in ("post", "put", "delete"):
        assert getattr(staff, method)(image.file.url).status_code == 405
    image.refresh_from_db()
    assert image.file.open("rb").read() == before


def test_the_private_folder_may_not_be_inside_the_public_media_folder():
    inside = Path(settings.MEDIA_ROOT) / "private"
    with override_settings(PRIVATE_MEDIA_ROOT=inside):
        errors = [message.id for message in run_checks(tags=["security"])]
    assert "home.E001" in errors
    assert "home.E001" not in [message.id for message in run_checks(tags=["security"])]


@pytest.fixture
def private_bucket(request):
    """Settings as production builds them for a bucket: private files under ``private/``."""
    endpoint = request.getfixturevalue("s3_endpoint")
    environ = {
        "AWS_STORAGE_BUCKET_NAME": BUCKET,
        "AWS_S3_ENDPOINT_URL": endpoint,
        "AWS_S3_REGION_NAME": "eu-west-2",
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
    }
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="eu-west-2",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    client.create_bucket(
        Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"}
    )
    storages = {
        **settings.STORAGES,
        "public_media": media_storage(environ),
        "private_media": private_media_storage(environ),
    }
    with override_settings(STORAGES=storages):
        yield client
    for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


def test_in_a_bucket_a_private_image_is_a_private_object_behind_a_short_signed_url(
    private_bucket, senior_leader, staff_documents, staff, pupil, client
):
    image = upload_image(senior_leader, staff_documents, "staff-rota.png")
    keys = {item["Key"] for item in private_bucket.list_objects_v2(Bucket=BUCKET)["Contents"]}
    assert f"private/{image.file.name.removeprefix('private/')}" in keys
    assert not any("staff-rota" in name for name in private_files() | public_files())

    # Nobody reaches the object without a signature.
    endpoint = private_bucket.meta.endpoint_url
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{endpoint}/{BUCKET}/{keys.pop()}", timeout=10)
    assert refused.value.code == 403

    url = image.file.url
    assert url.startswith("/private-media/")
    assert client.get(url).status_code == 302 and "/login/" in client.get(url)["Location"]
    assert pupil.get(url).status_code == 403
    signed = staff.get(url)
    assert signed.status_code == 302
    assert signed["Location"].startswith(endpoint)
    assert "X-Amz-Expires=60&" in signed["Location"]
    with urllib.request.urlopen(signed["Location"], timeout=10) as served:
        with PILImage.open(BytesIO(served.read())) as picture:
            assert picture.size == (640, 400)
