"""The ``default`` storage: public uploads in one place, files of private collections in another.

Every upload (images, renditions, documents, audio, video) goes through Django's default
storage, so routing by name here is the one switch that keeps private files out of anything a
web server or a public bucket URL serves. The two places are other ``STORAGES`` entries
(``public_media`` and ``private_media``, built by ``schoolsite/settings/environment.py``), named
by alias so that the storage deconstructs to two words: Wagtail's file-deletion task stores
that in the database, and it must never hold a bucket's secret key.

A private file's URL is the permission-checking view (``views.serve_private_file``), never the
private backend's own: that view decides who gets the file, and then how (nginx, a short signed
URL, or Django itself).
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.urls import reverse
from django.utils.deconstruct import deconstructible

from .names import PRIVATE_PREFIX, inner_name, is_private_name


@deconstructible(path="home.private_files.storage.PrivacyRoutingStorage")
class PrivacyRoutingStorage(Storage):
    """Names under ``private/`` go to the private backend, every other name to the public one."""

    def __init__(self, public: str = "public_media", private: str = "private_media"):
        self.public_alias = public
        self.private_alias = private

    @property
    def public(self) -> Storage:
        return storages[self.public_alias]

    @property
    def private(self) -> Storage:
        return storages[self.private_alias]

    def _route(self, name: str) -> tuple[Storage, str, str]:
        """The backend for ``name``, the name it knows, and the prefix to put back."""
        if is_private_name(name):
            return self.private, inner_name(name), PRIVATE_PREFIX
        return self.public, name, ""

    @staticmethod
    def _inner_max_length(max_length: int | None, prefix: str) -> int | None:
        return max_length - len(prefix) if max_length else max_length

    # Naming: each backend has its own rules (S3 and the disk differ), so each names its own.
    def get_valid_name(self, name):
        return self.public.get_valid_name(name)

    def generate_filename(self, filename):
        backend, inner, prefix = self._route(str(filename))
        return prefix + backend.generate_filename(inner)

    def get_available_name(self, name, max_length=None):
        backend, inner, prefix = self._route(name)
        return prefix + backend.get_available_name(
            inner, max_length=self._inner_max_length(max_length, prefix)
        )

    def save(self, name, content, max_length=None):
        if name is None:
            name = content.name
        backend, inner, prefix = self._route(name)
        return prefix + backend.save(
            inner, content, max_length=self._inner_max_length(max_length, prefix)
        )

    def open(self, name, mode="rb"):
        backend, inner, _prefix = self._route(name)
        return backend.open(inner, mode)

    def delete(self, name):
        backend, inner, _prefix = self._route(name)
        backend.delete(inner)

    def exists(self, name):
        backend, inner, _prefix = self._route(name)
        return backend.exists(inner)

    def listdir(self, path):
        backend, inner, _prefix = self._route(path)
        return backend.listdir(inner)

    def size(self, name):
        backend, inner, _prefix = self._route(name)
        return backend.size(inner)

    def path(self, name):
        backend, inner, _prefix = self._route(name)
        return backend.path(inner)

    def url(self, name):
        if is_private_name(name):
            return reverse("private_file", kwargs={"path": inner_name(name)})
        return self.public.url(name)

    def get_accessed_time(self, name):
        backend, inner, _prefix = self._route(name)
        return backend.get_accessed_time(inner)

    def get_created_time(self, name):
        backend, inner, _prefix = self._route(name)
        return backend.get_created_time(inner)

    def get_modified_time(self, name):
        backend, inner, _prefix = self._route(name)
        return backend.get_modified_time(inner)


@deconstructible(path="home.private_files.storage.PrivateFileSystemStorage")
class PrivateFileSystemStorage(FileSystemStorage):
    """The disk under ``PRIVATE_MEDIA_ROOT``, which no web server serves, and which has no URL.

    Nginx reaches it only through an ``internal`` location, after the view's X-Accel-Redirect.
    """

    @property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise NotImplementedError("Private files are served by the permission-checking view.")
