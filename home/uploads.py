"""Upload rules for audio and video, which wagtailmedia leaves open: size and file type."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from wagtailmedia.forms import BaseMediaForm
from wagtailmedia.models import MediaType
from wagtailmedia.settings import wagtailmedia_settings


class LimitedMediaForm(BaseMediaForm):
    """wagtailmedia's form, refusing files that are too large or of the wrong type."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload or not hasattr(upload, "size"):
            return upload
        limit = settings.SCHOOLSITE_MEDIA_MAX_UPLOAD_SIZE
        if upload.size > limit:
            raise ValidationError(
                _("This file is %(size)s; the largest allowed is %(limit)s.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
            )
        allowed = (
            wagtailmedia_settings.AUDIO_EXTENSIONS
            if self.instance.type == MediaType.AUDIO
            else wagtailmedia_settings.VIDEO_EXTENSIONS
        )
        extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        if extension not in allowed:
            raise ValidationError(
                _("Files of type “%(extension)s” cannot be uploaded here. Use one of: %(allowed)s.")
                % {"extension": extension or "?", "allowed": ", ".join(allowed)}
            )
        return upload
