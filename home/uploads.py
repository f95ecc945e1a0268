"""Upload rules: size, type and content, for images, documents, audio and video.

Wagtail checks an image's size and format; these forms add what it leaves open: a file must be
what its name says (read from its first bytes, see ``file_types``), a picture must open whole,
an animation's frames count together against the pixel limit, audio and video (which
wagtailmedia leaves unlimited) have a size and type limit, and a video's poster picture loses
its location and camera data as Wagtail's images do (``images``). A refused upload stores
nothing.
"""

import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm
from wagtailmedia.forms import BaseMediaForm
from wagtailmedia.models import ALLOWED_EXTENSIONS_THUMBNAIL, MediaType
from wagtailmedia.settings import wagtailmedia_settings

from . import file_types
from .images.checks import check_picture
from .images.metadata import clean_picture


def check_content(upload) -> None:
    """Refuse ``upload`` unless its content is what its extension says it is."""
    name = os.path.basename(upload.name or "")
    extension = _extension(name)
    if not file_types.can_check(extension):
        raise ValidationError(
            _("Files of type “.%(extension)s” cannot be checked, so they cannot be uploaded.")
            % {"extension": extension},
            code="unchecked_type",
        )
    if not file_types.matches(extension, upload):
        raise ValidationError(
            _(
                "“%(name)s” is named as a .%(extension)s file, but it is really %(kind)s, so it "
                "cannot be uploaded. Check that you chose the right file."
            )
            % {"name": name, "extension": extension, "kind": file_types.describe(upload)},
            code="wrong_content",
        )


def _extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _is_new_upload(upload) -> bool:
    """A file sent with this form, rather than the one already stored."""
    return bool(upload) and hasattr(upload, "content_type")


class CheckedImageField(WagtailImageField):
    """Wagtail's image field, which also opens the whole picture, every frame of it."""

    def check_image_pixel_size(self, f):
        if f.image.format_name == "svg":  # a drawing, not pixels (if SVG is ever allowed)
            return super().check_image_pixel_size(f)
        check_picture(f, self.max_image_pixels)


class CheckedImageForm(BaseImageForm):
    """Every image upload form (add, multiple, chooser): see WAGTAILIMAGES_IMAGE_FORM_BASE."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None:
            # Wagtail builds this field itself; the replacement keeps its label and widget.
            self.fields["file"] = CheckedImageField(
                label=field.label, required=field.required, widget=field.widget
            )


class CheckedDocumentForm(BaseDocumentForm):
    """Every document upload form: see WAGTAILDOCS_DOCUMENT_FORM_BASE."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        allowed = getattr(settings, "WAGTAILDOCS_EXTENSIONS", None)
        # A type not allowed at all gets Wagtail's own message (the document's ``clean``).
        if _is_new_upload(upload) and (not allowed or _extension(upload.name) in allowed):
            check_content(upload)
        return upload


def check_media_upload(upload, media_type: str) -> None:
    """Refuse an audio or video upload that is too large, of a type not allowed for
    ``media_type`` (``MediaType.AUDIO`` or ``VIDEO``), or not what its name says."""
    limit = settings.SCHOOLSITE_MEDIA_MAX_UPLOAD_SIZE
    if upload.size > limit:
        raise ValidationError(
            _("This file is %(size)s; the largest allowed is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="file_too_large",
        )
    allowed = (
        wagtailmedia_settings.AUDIO_EXTENSIONS
        if media_type == MediaType.AUDIO
        else wagtailmedia_settings.VIDEO_EXTENSIONS
    )
    extension = _extension(upload.name)
    if extension not in allowed:
        raise ValidationError(
            _("Files of type “%(extension)s” cannot be uploaded here. Use one of: %(allowed)s.")
            % {"extension": extension or "?", "allowed": ", ".join(allowed)},
            code="invalid_extension",
        )
    if _is_new_upload(upload):
        check_content(upload)


class LimitedMediaForm(BaseMediaForm):
    """wagtailmedia's form, refusing files that are too large, of the wrong type, or that are
    not what their name says."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload or not hasattr(upload, "size"):
            return upload
        check_media_upload(upload, self.instance.type)
        return upload

    def clean_thumbnail(self):
        """A video's poster picture is public too: whole, and without location or camera data."""
        thumbnail = self.cleaned_data.get("thumbnail")
        # A type not allowed at all gets wagtailmedia's own message (the media's ``clean``).
        if not _is_new_upload(thumbnail) or (
            _extension(thumbnail.name) not in ALLOWED_EXTENSIONS_THUMBNAIL
        ):
            return thumbnail
        check_content(thumbnail)
        check_picture(thumbnail, settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS)
        return ContentFile(clean_picture(thumbnail.read()), name=thumbnail.name)
