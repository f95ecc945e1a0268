"""Every original is stored without metadata, however the image is saved.

One ``pre_save`` receiver covers Wagtail's add, multiple-upload and chooser-upload views,
replacing an image's file, ``seed_demo`` and any screen built later: whatever saves an image
with a new file passes here before the file is written (or, if code stored the file first,
before the record points at it).
"""

from django.db.models.signals import pre_save
from wagtail.images import get_image_model

from .originals import CLEANED_NAME, clean_new_file, clean_stored_file


def clean_original_before_save(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    if raw or (update_fields is not None and "file" not in update_fields):
        return  # fixtures are loaded as they are; the file is not being saved
    if not instance.file:
        return
    if not instance.file._committed:
        clean_new_file(instance)
    elif getattr(instance, CLEANED_NAME, None) == instance.file.name:
        return  # cleaned just now, by clean_stored_images
    elif _is_newly_stored(instance):
        clean_stored_file(instance)


def _is_newly_stored(image) -> bool:
    """Whether the file is already in storage but not yet the image's: a new image, or code
    that stored a replacement file before saving (one query, for an image that exists)."""
    if image._state.adding:
        return True
    saved_name = (
        type(image)._base_manager.filter(pk=image.pk).values_list("file", flat=True).first()
    )
    return saved_name != image.file.name


def connect() -> None:
    pre_save.connect(
        clean_original_before_save, sender=get_image_model(), dispatch_uid="schoolsite-originals"
    )
