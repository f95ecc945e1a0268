"""Storing a photo or a voice clip sent from the writing screens, checked and said plainly.

The checks are the site's own (``home.uploads``: a picture must open whole and be what it says,
a recording must be audio of an allowed type and size), with messages a child understands.
Pictures lose their location and camera data as every picture does (``home.images``). Files
are named after the post, never after the file a device sent (which may hold a child's name).
Choosing the same photo again reuses the picture already stored instead of making a copy.
"""

from io import BytesIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.text import slugify
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike
from wagtailmedia.models import MediaType, get_media_model

from home.images.originals import cleaned
from home.uploads import CheckedImageField, check_media_upload

# Pillow's names for the formats Wagtail takes, and the extension each is stored under.
PICTURE_EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}
TOO_BIG_CODES = {"file_too_large", "file_too_many_pixels", "file_too_large_unknown_size"}
MAX_TITLE_LENGTH = 200


def photo_limit_text() -> str:
    return filesizeformat(settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)


def photo_problem(error: ValidationError) -> str:
    """What went wrong with a photo, in words a seven-year-old can act on."""
    codes = {getattr(item, "code", None) for item in error.error_list}
    if codes & TOO_BIG_CODES:
        return _("This photo is too big to send. Photos can be up to %(limit)s.") % {
            "limit": photo_limit_text()
        }
    if "damaged_image" in codes:
        return _("This photo is damaged, so it cannot be used. Try taking it again.")
    return _("This is not a photo we can use. Choose a photo (JPG, PNG, GIF or WebP).")


def voice_problem(error: ValidationError) -> str:
    codes = {getattr(item, "code", None) for item in error.error_list}
    if "file_too_large" in codes:
        return _("This recording is too long to send. Try a shorter one.")
    return _("This recording could not be used. Try recording it again.")


def _named_by_its_content(upload) -> None:
    """Give the upload the extension of what it really is (phones name files loosely)."""
    upload.seek(0)
    try:
        with PILImage.open(upload) as picture:
            extension = PICTURE_EXTENSIONS.get(picture.format or "")
    except Exception:  # noqa: BLE001 - not a picture at all: the field's checks say so
        extension = None
    finally:
        upload.seek(0)
    if extension:
        upload.name = f"photo.{extension}"


def store_photo(upload, *, user, collection, title: str, description: str = ""):
    """A Wagtail image for ``upload`` in ``collection``; the same photo again is not copied.

    Raises ``ValidationError`` with a message for a child (``photo_problem``).
    """
    _named_by_its_content(upload)
    field = CheckedImageField(required=True)
    try:
        field.clean(upload)
    except ValidationError as error:
        raise ValidationError(photo_problem(error), code="photo") from error
    upload.seek(0)
    data, _turned = cleaned(upload.read())
    file_hash = hash_filelike(BytesIO(data))
    Image = get_image_model()
    image = Image.objects.filter(
        file_hash=file_hash, collection=collection, uploaded_by_user=user
    ).first()
    if image is None:
        extension = upload.name.rsplit(".", 1)[-1]
        image = Image(
            title=title[:MAX_TITLE_LENGTH] or _("Photo"),
            file=ContentFile(data, name=f"{slugify(title)[:50] or 'photo'}.{extension}"),
            collection=collection,
            uploaded_by_user=user,
            file_size=len(data),
            file_hash=file_hash,
        )
    if description or not image.pk:
        image.description = description
        image.save()
    return image


def store_voice(upload, *, user, collection, title: str, duration: float | None = None):
    """A wagtailmedia audio item for a recording; raises ``ValidationError`` for a child."""
    try:
        check_media_upload(upload, MediaType.AUDIO)
    except ValidationError as error:
        raise ValidationError(voice_problem(error), code="voice") from error
    extension = upload.name.rsplit(".", 1)[-1].lower()
    upload.seek(0)
    Media = get_media_model()
    media = Media(
        title=title[:MAX_TITLE_LENGTH],
        type=MediaType.AUDIO,
        file=ContentFile(upload.read(), name=f"{slugify(title)[:50] or 'voice'}.{extension}"),
        collection=collection,
        uploaded_by_user=user,
        duration=duration or 0,
    )
    media.save()
    return media
