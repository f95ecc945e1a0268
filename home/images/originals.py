"""Original pictures without metadata: each new one as it is saved, and those stored before.

An upload is cleaned in memory before it is first written. A file already in storage (stored
before this existed, or by code that writes to storage first) is written again without its
metadata under a new name, and the old file is deleted once the image's record points at the
new one: storage cannot roll back, so the picture is never left without a file. Its renditions
are deleted too, to be made again from the clean original.

Everything goes through Django's storage API, so it works on the local disk and on S3 alike,
and takes the image and rendition models as arguments, so that a data migration can run it.
"""

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from io import BytesIO

from django.core.files.base import ContentFile
from django.db import transaction
from PIL import Image as PILImage
from wagtail.utils.file import hash_filelike

from .metadata import strip_metadata, upright

FOCAL_POINT_FIELDS = ("focal_point_x", "focal_point_y", "focal_point_width", "focal_point_height")
# What a cleaned original changes in the image's record.
RECORD_FIELDS = ["file", "file_size", "file_hash", "width", "height", *FOCAL_POINT_FIELDS]
# The name of the stored file just cleaned, so that saving the image does not read it again.
CLEANED_NAME = "_schoolsite_cleaned_file_name"


@dataclass
class Summary:
    """What ``clean_stored_images`` did."""

    checked: int = 0
    cleaned: int = 0
    unreadable: int = 0
    renditions_deleted: int = 0


def cleaned(data: bytes) -> tuple[bytes, bool]:
    """``data`` upright and without metadata, and whether it had to be turned."""
    turned = upright(data)
    return strip_metadata(turned), turned is not data


def clean_new_file(image) -> None:
    """Give an original that is not yet stored (an upload) its clean bytes."""
    source = image.file.file
    source.seek(0)
    data = source.read()
    source.seek(0)
    clean, turned = cleaned(data)
    if clean != data:
        image.file = ContentFile(clean, name=os.path.basename(image.file.name))
        _describe(image, clean, turned)


def clean_stored_file(image, *, write: bool = True) -> bool:
    """Whether the stored original had metadata; if so (and ``write``), store it again without.

    The image's record is changed but not saved: the caller saves it.
    """
    storage, old_name = image.file.storage, image.file.name
    with storage.open(old_name, "rb") as stored:
        data = stored.read()
    clean, turned = cleaned(data)
    if clean == data:
        return False
    if write:
        image.file.name = storage.save(
            old_name, ContentFile(clean), max_length=image.file.field.max_length
        )
        _describe(image, clean, turned)
        setattr(image, CLEANED_NAME, image.file.name)
        transaction.on_commit(partial(storage.delete, old_name))
    return True


def clean_stored_images(
    image_model,
    rendition_model,
    report: Callable[[str], None] = lambda line: None,
    *,
    dry_run: bool = False,
) -> Summary:
    """Clean every stored original of ``image_model`` and delete the renditions of each one
    cleaned. Safe to run again: a clean original is left as it is."""
    summary = Summary()
    for image in image_model.objects.order_by("pk").iterator(chunk_size=100):
        summary.checked += 1
        label = f"Image {image.pk} “{image.title}” ({image.file.name})"
        try:
            changed = clean_stored_file(image, write=not dry_run)
        except Exception as error:  # noqa: BLE001 - storages and Pillow fail in many ways
            summary.unreadable += 1
            report(f"{label}: could not be read ({error}); left as it was.")
            continue
        if not changed:
            continue
        summary.cleaned += 1
        if dry_run:
            report(f"{label}: has location or camera data to remove.")
            continue
        image.save(update_fields=RECORD_FIELDS)
        deleted = delete_renditions(rendition_model.objects.filter(image_id=image.pk))
        summary.renditions_deleted += deleted
        report(f"{label}: location and camera data removed; {deleted} renditions deleted.")
    return summary


def delete_renditions(renditions: Iterable) -> int:
    """Delete renditions and their files; Wagtail makes them again when next shown."""
    deleted = 0
    for rendition in renditions:
        storage, name = rendition.file.storage, rendition.file.name
        rendition.delete()
        transaction.on_commit(partial(storage.delete, name))
        deleted += 1
    return deleted


def _describe(image, data: bytes, turned: bool) -> None:
    """Make the image's size, hash and dimensions those of ``data``, as Wagtail computes them."""
    image.file_size = len(data)
    image.file_hash = hash_filelike(BytesIO(data))
    try:
        with PILImage.open(BytesIO(data)) as picture:
            image.width, image.height = picture.size
    except (OSError, SyntaxError, ValueError):
        pass  # a picture Pillow cannot read keeps the dimensions Wagtail gave it
    if turned:
        # The focal point was marked on the picture as it was stored, on its side.
        for name in FOCAL_POINT_FIELDS:
            setattr(image, name, None)
