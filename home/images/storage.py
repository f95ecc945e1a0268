"""Where renditions are written: the default storage, with every picture's metadata removed.

Willow copies an original's EXIF into each JPEG and PNG rendition (and Pillow its comment), so
a rendition is only as clean as its original. Originals are cleaned as they are saved and by
``manage.py clean_image_metadata``; this storage makes renditions clean whatever their
original holds, as they are written (WAGTAILIMAGES_RENDITION_STORAGE).

It forwards everything to the storage named by ``alias`` (the local disk or S3), so renditions
live where they always did.
"""

from django.core.files.base import ContentFile
from django.core.files.storage import Storage, storages
from django.utils.deconstruct import deconstructible

from .metadata import strip_metadata


@deconstructible(path="home.images.storage.MetadataFreeStorage")
class MetadataFreeStorage(Storage):
    def __init__(self, alias: str = "default"):
        self.alias = alias

    @property
    def inner(self) -> Storage:
        return storages[self.alias]

    def save(self, name, content, max_length=None):
        content.seek(0)
        clean = ContentFile(strip_metadata(content.read()), name=getattr(content, "name", name))
        return self.inner.save(name, clean, max_length=max_length)

    def _open(self, name, mode="rb"):
        return self.inner.open(name, mode)

    def delete(self, name):
        return self.inner.delete(name)

    def exists(self, name):
        return self.inner.exists(name)

    def listdir(self, path):
        return self.inner.listdir(path)

    def size(self, name):
        return self.inner.size(name)

    def url(self, name):
        return self.inner.url(name)

    def path(self, name):
        return self.inner.path(name)

    def get_valid_name(self, name):
        return self.inner.get_valid_name(name)

    def get_alternative_name(self, file_root, file_ext):
        return self.inner.get_alternative_name(file_root, file_ext)

    def get_available_name(self, name, max_length=None):
        return self.inner.get_available_name(name, max_length=max_length)

    def generate_filename(self, filename):
        return self.inner.generate_filename(filename)

    def get_accessed_time(self, name):
        return self.inner.get_accessed_time(name)

    def get_created_time(self, name):
        return self.inner.get_created_time(name)

    def get_modified_time(self, name):
        return self.inner.get_modified_time(name)
