"""Pictures that can be shown: whole, and not too many pixels in all their frames together.

Wagtail reads only a picture's header at upload, so a photo cut short on a slow connection was
stored and then broke every page that showed it, and an animation counted as one frame. Here
the picture is opened fully, every frame, once its size is known to be within the limit.
"""

from typing import IO

from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from PIL import Image, ImageSequence


def check_picture(file: IO[bytes], max_pixels: int | None) -> None:
    """Refuse ``file`` if it is damaged or incomplete, or if width × height × frames is over
    ``max_pixels`` (no limit when None)."""
    try:
        with Image.open(file) as picture:
            width, height = picture.size
            frames = getattr(picture, "n_frames", 1)
            _check_pixels(width, height, frames, max_pixels)
            picture.verify()
        file.seek(0)
        with Image.open(file) as picture:
            for frame in ImageSequence.Iterator(picture):
                frame.load()
    except ValidationError:
        raise
    except Image.DecompressionBombError as error:
        raise ValidationError(
            _("This picture is too big to open. Make it smaller, then upload it again."),
            code="file_too_many_pixels",
        ) from error
    except Exception as error:
        raise ValidationError(
            _(
                "This picture is damaged or incomplete, so it cannot be used. Open it on your "
                "device, save or export it again, then upload the new copy."
            ),
            code="damaged_image",
        ) from error
    finally:
        file.seek(0)


def _check_pixels(width: int, height: int, frames: int, max_pixels: int | None) -> None:
    pixels = width * height * frames
    if max_pixels is None or pixels <= max_pixels:
        return
    numbers = {
        "width": number_format(width, force_grouping=True),
        "height": number_format(height, force_grouping=True),
        "frames": number_format(frames, force_grouping=True),
        "pixels": number_format(pixels, force_grouping=True),
        "limit": number_format(max_pixels, force_grouping=True),
    }
    if frames > 1:
        message = _(
            "This animation is too big: %(frames)s frames of %(width)s × %(height)s pixels make "
            "%(pixels)s pixels, and the most allowed is %(limit)s. Make it smaller or shorter, "
            "then upload it again."
        )
    else:
        message = _(
            "This picture is too big: %(width)s × %(height)s pixels make %(pixels)s pixels, and "
            "the most allowed is %(limit)s. Make it smaller, then upload it again."
        )
    raise ValidationError(message % numbers, code="file_too_many_pixels")
