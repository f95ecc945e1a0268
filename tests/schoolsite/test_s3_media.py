"""Media on S3-compatible storage, against a real S3 server (moto's) on 127.0.0.1."""

import urllib.request
from io import BytesIO
from pathlib import Path

import boto3
import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model

from schoolsite.settings.environment import media_storage
from tests.factories import UserFactory
from tests.schoolsite.conftest import BUCKET


@pytest.fixture
def s3_media(s3_endpoint, monkeypatch):
    """Settings as production builds them from these environment variables."""
    environ = {
        "AWS_STORAGE_BUCKET_NAME": BUCKET,
        "AWS_S3_ENDPOINT_URL": s3_endpoint,
        "AWS_S3_REGION_NAME": "eu-west-2",
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
    }
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="eu-west-2",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    client.create_bucket(
        Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"}
    )
    storages = {**settings.STORAGES, "default": media_storage(environ)}
    with override_settings(STORAGES=storages):
        yield client
    for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


def _png(width: int, height: int) -> bytes:
    buffer = BytesIO()
    PILImage.new("RGB", (width, height), "#1d4e89").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.django_db
def test_an_image_uploaded_in_the_admin_is_stored_in_the_bucket_and_its_rendition_served(
    s3_media, client
):
    client.force_login(UserFactory(is_superuser=True))
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "people_answer": "none",
            "title": "Sports day",
            "description": "Children racing on the field",
            # A name no other test uses: they share the local MEDIA_ROOT this must not touch.
            "file": SimpleUploadedFile("s3-bucket-only.png", _png(800, 600), "image/png"),
        },
    )
    assert response.status_code == 302, response.content[:2000]
    image = get_image_model().objects.get(title="Sports day")

    keys = {item["Key"] for item in s3_media.list_objects_v2(Bucket=BUCKET)["Contents"]}
    assert image.file.name in keys
    assert not (Path(settings.MEDIA_ROOT) / image.file.name).exists()

    rendition = image.get_rendition("fill-200x100|format-webp")
    keys = {item["Key"] for item in s3_media.list_objects_v2(Bucket=BUCKET)["Contents"]}
    assert rendition.file.name in keys
    assert rendition.url.startswith(s3_media.meta.endpoint_url)

    with urllib.request.urlopen(rendition.url, timeout=10) as served:
        body = served.read()
    with PILImage.open(BytesIO(body)) as picture:
        assert picture.format == "WEBP"
        assert picture.size == (200, 100)
