"""``deploy/nginx.conf`` in front of the site: it serves public media, and never a private file.

Debian's nginx runs the file as written, only its paths and ports replaced, on a free port of
127.0.0.1 in front of a live Django server (``tests/nginx_server.py``). Files are uploaded
through the Wagtail admin into the private "Staff documents" collection, then fetched through
nginx as a visitor and as staff.
CI installs nginx and its cache-purge module with apt (``.ci/run``).
"""

import http.client
import re
from io import BytesIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from blogs.helpsheets.models import STAFF_DOCUMENTS_COLLECTION
from blogs.school.groups import SENIOR_LEADERS
from tests import nginx_server
from tests.factories import HelpSheetLibraryPageFactory, HelpSheetPageFactory, UserFactory
from tests.school import build_school

# Real requests between threads need committed data; the rollback restores Wagtail's rows.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ACCEL_LOCATION = "/_private-media/"
PDF = b"%PDF-1.4\n% Staff checklist: pupils' passwords\n%%EOF\n"
SCREENSHOT_ALT = "The Approve button, top right"


@pytest.fixture
def nginx(live_server, settings, tmp_path):
    """nginx on a free port in front of the live server; its address."""
    if nginx_server.binary() is None:
        pytest.fail(nginx_server.MISSING)
    settings.PRIVATE_MEDIA_ACCEL_REDIRECT = ACCEL_LOCATION
    app_port = int(live_server.url.rsplit(":", 1)[1])
    port = nginx_server.free_port()
    folders = {
        "static_collected": settings.STATIC_ROOT,
        "media": settings.MEDIA_ROOT,
        "private-media": settings.PRIVATE_MEDIA_ROOT,
    }
    site = nginx_server.site_config(port, [app_port], folders, cache=tmp_path / "cache")
    with nginx_server.running(tmp_path, port, site):
        yield port


def get(
    port: int, path: str, session: str = "", *, read_body: bool = True
) -> tuple[int, dict[str, str], bytes]:
    """One GET, redirects not followed: status, headers (lower-case names), body.

    An X-Accel-Redirect answer from Django announces the file's length but sends nothing (nginx
    sends the file), so asking Django directly reads its headers only (``read_body=False``).
    """
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    headers = {"Cookie": f"{settings.SESSION_COOKIE_NAME}={session}"} if session else {}
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        return (
            response.status,
            {name.lower(): value for name, value in response.getheaders()},
            response.read() if read_body else b"",
        )
    finally:
        connection.close()


def png(colour: str) -> bytes:
    buffer = BytesIO()
    PILImage.new("RGB", (640, 400), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def admin_upload(client: Client, view: str, collection: Collection, name: str, content: bytes):
    file = ContentFile(content, name=name)
    file.content_type = "application/pdf" if name.endswith(".pdf") else "image/png"
    response = client.post(
        reverse(view),
        {
            "title": name.rsplit(".", 1)[0],
            "description": "What the picture shows",
            "collection": collection.pk,
            "file": file,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]


@pytest.fixture
def uploads():
    """A school; a senior leader uploads a private screenshot and document, and a public
    photo; a staff-only help sheet shows the screenshot."""
    school = build_school()
    deputy = UserFactory(username="deputy", first_name="Dana", last_name="Reyes")
    deputy.groups.add(Group.objects.get(name=SENIOR_LEADERS))
    client = Client()
    client.force_login(deputy)
    staff_documents = Collection.objects.get(name=STAFF_DOCUMENTS_COLLECTION)
    admin_upload(client, "wagtailimages:add", staff_documents, "approve-button.png", png("#b00"))
    admin_upload(client, "wagtaildocs:add", staff_documents, "pupil-passwords.pdf", PDF)
    admin_upload(client, "wagtailimages:add", school.eagle.collection, "castles.png", png("#0b0"))
    Image = get_image_model()
    screenshot = Image.objects.get(title="approve-button")
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
                    "screenshot_alt": SCREENSHOT_ALT,
                },
            )
        ],
    )
    staff = Client()
    staff.force_login(school.users["staff"])
    return {
        "screenshot": screenshot,
        "document": get_document_model().objects.get(title="pupil-passwords"),
        "photo": Image.objects.get(title="castles"),
        "sheet": sheet,
        "staff_session": staff.cookies[settings.SESSION_COOKIE_NAME].value,
    }


def rendition_src(port: int, sheet, session: str) -> str:
    """The staff-only sheet's screenshot address, as the page shows it to staff."""
    status, _headers, page = get(port, sheet.url, session)
    assert status == 200
    img = re.search(rf'<img[^>]*alt="{SCREENSHOT_ALT}"[^>]*>', page.decode())
    return re.search(r'src="([^"]+)"', img.group()).group(1)


def test_nginx_serves_public_media_and_static_files(nginx, uploads):
    photo = uploads["photo"]
    status, headers, body = get(nginx, "/media/original_images/castles.png")
    assert (status, body) == (200, photo.file.open("rb").read())
    assert headers["content-type"] == "image/png"
    assert headers["x-content-type-options"] == "nosniff"

    static_file = Path(settings.STATIC_ROOT) / "nginx-check.txt"
    static_file.write_text("static from nginx")
    try:
        assert get(nginx, "/static/nginx-check.txt")[::2] == (200, b"static from nginx")
    finally:
        static_file.unlink()


def test_a_visitor_gets_no_private_file_through_nginx_at_any_address(nginx, uploads):
    screenshot, document = uploads["screenshot"], uploads["document"]
    rendition = rendition_src(nginx, uploads["sheet"], uploads["staff_session"])
    rendition_file = rendition.rsplit("/", 1)[1]
    inner = screenshot.file.name.removeprefix("private/")

    # Where Wagtail would have stored them, and their real names under /media/: nothing.
    for path in (
        "/media/original_images/approve-button.png",
        f"/media/images/{rendition_file}",
        "/media/documents/pupil-passwords.pdf",
        f"/media/{screenshot.file.name}",
        f"/media/{document.file.name}",
        f"/media/private/{inner}",
        # The internal location answers nginx's own redirects only.
        f"{ACCEL_LOCATION}{inner}",
        ACCEL_LOCATION + document.file.name.removeprefix("private/"),
    ):
        status, _headers, body = get(nginx, path)
        assert status in (403, 404), path
        assert b"PDF" not in body and b"PNG" not in body, path
    # The addresses the site links to send a visitor to sign in.
    for path in (rendition, screenshot.file.url, document.url):
        status, headers, _body = get(nginx, path)
        assert status == 302, path
        assert "/login/" in headers["location"], path


def test_staff_get_private_files_sent_by_nginx_after_the_permission_check(
    nginx, live_server, uploads
):
    session = uploads["staff_session"]
    rendition = rendition_src(nginx, uploads["sheet"], session)
    status, headers, body = get(nginx, rendition, session)
    assert status == 200
    with PILImage.open(BytesIO(body)) as picture:
        assert picture.format == "WEBP"
    assert "no-store" in headers["cache-control"]
    assert "x-accel-redirect" not in headers

    # Django itself only says where the file is; nginx is what sent it.
    app_port = int(live_server.url.rsplit(":", 1)[1])
    status, headers, _body = get(app_port, rendition, session, read_body=False)
    assert status == 200
    assert headers["x-accel-redirect"].startswith(ACCEL_LOCATION)

    document = uploads["document"]
    status, headers, body = get(nginx, document.url, session)
    assert (status, body) == (200, PDF)
    assert headers["content-type"] == "application/pdf"
    status, headers, _body = get(app_port, document.url, session, read_body=False)
    assert status == 200
    assert headers["x-accel-redirect"].startswith(ACCEL_LOCATION)
    assert get(nginx, uploads["screenshot"].file.url, session)[::2] == (
        200,
        uploads["screenshot"].file.open("rb").read(),
    )
