"""Moving files between the public and the private place when their privacy changes.

A file moves when its item changes collection, when a collection's privacy is set or lifted,
and (for files stored before this existed) when ``manage.py sync_private_files`` runs. The copy
is made and the database row updated first; the old file goes only once the transaction has
committed, so a failed request leaves the item pointing at a file that is still there.

Renditions are not moved: those in the wrong place are deleted, and Wagtail makes them again,
in the right place, the next time a page asks (see ``receivers.name_renditions``).
"""

import logging
from collections import Counter

from django.core.files.storage import Storage
from django.db import transaction
from django.db.models import Model
from wagtail.images import get_image_model
from wagtail.models import Collection

from .names import is_private_name, private_name, public_name
from .rules import file_fields, is_private, owner_models, private_collection_ids

logger = logging.getLogger(__name__)


def move_file(storage: Storage, name: str, to_private: bool, max_length: int | None) -> str:
    """Copy ``name`` to its private (or public) name, delete the old one on commit, return the
    new name."""
    target = private_name(name) if to_private else public_name(name)
    with storage.open(name, "rb") as source:
        new_name = storage.save(target, source, max_length=max_length)
    transaction.on_commit(lambda: storage.delete(name))
    return new_name


def sync_owner(owner: Model, private: bool | None = None) -> Counter:
    """Put ``owner``'s files where its collection's privacy says (``private``, when the caller
    knows it already); count what moved."""
    if private is None:
        private = is_private(owner)
    moved: Counter = Counter()
    new_names = {}
    for field_name in file_fields(type(owner)):
        stored = getattr(owner, field_name)
        if not stored.name or is_private_name(stored.name) == private:
            continue
        try:
            new_names[field_name] = move_file(
                stored.storage, stored.name, private, stored.field.max_length
            )
        except FileNotFoundError:
            # Nothing to move (a file lost before this ran); leave the row as it is.
            logger.warning("Cannot move missing file %s of %r", stored.name, owner)
            continue
        moved["private" if private else "public"] += 1
    if new_names:
        # An update, not save(): saving would run these receivers again.
        type(owner)._default_manager.filter(pk=owner.pk).update(**new_names)
        for field_name, new_name in new_names.items():
            getattr(owner, field_name).name = new_name
    if isinstance(owner, get_image_model()):
        moved["renditions"] += remove_misplaced_renditions(owner, private)
    return moved


def remove_misplaced_renditions(image: Model, private: bool) -> int:
    """Delete the image's renditions stored on the wrong side; Wagtail remakes them on demand.

    Deleting through the ORM runs Wagtail's own receivers: the files are removed after commit
    and the rendition cache forgets them.
    """
    misplaced = [
        rendition.pk
        for rendition in image.renditions.all()
        if is_private_name(rendition.file.name) != private
    ]
    if misplaced:
        image.renditions.filter(pk__in=misplaced).delete()
    return len(misplaced)


def sync_private_files(collection_id: int | None = None) -> Counter:
    """Sync every item in a collection and the collections below it (all of them if None)."""
    moved: Counter = Counter()
    collections = None
    if collection_id is not None:
        collection = Collection.objects.filter(pk=collection_id).first()
        if collection is None:
            return moved
        collections = collection.get_descendants(inclusive=True)
    private_ids = private_collection_ids()
    for model in owner_models():
        owners = model._default_manager.all()
        if collections is not None:
            owners = owners.filter(collection__in=collections)
        if model is get_image_model():
            owners = owners.prefetch_related("renditions")
        for owner in owners.order_by("pk"):
            moved += sync_owner(owner, private=owner.collection_id in private_ids)
    return moved
