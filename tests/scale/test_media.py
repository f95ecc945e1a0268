"""A picture a teacher uploads through one app server goes into the shared bucket, and the other
app server, which never saw the upload, shows it: it reads the original from the bucket to make
its thumbnail, and links to it with a signed address the bucket answers."""

import html
import re
import urllib.request
from io import BytesIO

import pytest
from PIL import Image

from .cluster import Cluster

pytestmark = pytest.mark.scale

TITLE = "Our castle display"


def picture() -> bytes:
    buffer = BytesIO()
    Image.new("RGB", (800, 600), "#2a6f97").save(buffer, format="PNG")
    return buffer.getvalue()


def test_a_picture_uploaded_through_one_app_server_is_shown_by_the_other(cluster: Cluster):
    first, second = cluster.app(1), cluster.app(2)
    first.sign_in("eagle.teacher", cluster.school["password"])
    form = first.get("/admin/images/add/")
    uploaded = first.post(
        "/admin/images/add/",
        {
            "csrfmiddlewaretoken": form.csrf_token(),
            "title": TITLE,
            "description": "Cardboard castles on a table by the window",
        },
        files={"file": ("castle-display.png", "image/png", picture())},
    )
    assert uploaded.status == 302, uploaded.text[:2000]

    stored = [item.key for item in cluster.bucket().objects.all()]
    assert "original_images/castle-display.png" in stored

    # The same teacher's next requests go to the other app server.
    second.cookies = dict(first.cookies)
    listing = second.get("/admin/images/?q=castle+display")
    thumbnail = re.search(
        rf'title="{TITLE}".*?<img[^>]+src="({re.escape(cluster.s3_endpoint)}[^"]+)"',
        listing.body.decode(),
        re.DOTALL,
    )
    assert thumbnail, "the other app server does not show the picture from the bucket"
    with urllib.request.urlopen(html.unescape(thumbnail.group(1)), timeout=10) as answer:
        with Image.open(BytesIO(answer.read())) as shown:
            assert shown.format == "PNG"
            assert shown.width <= 165  # a thumbnail made from the original, not the original
    stored_now = [item.key for item in cluster.bucket().objects.all()]
    assert any(key.startswith("images/castle-display") for key in stored_now)
