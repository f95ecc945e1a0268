"""Keeping every file on the right side as items and collections change.

- A new upload into a private collection is written straight to the private place, so it is
  never, even for a moment, at a public address.
- An item saved with a different collection has its files moved (``moving.sync_owner``).
- A collection whose privacy is set or lifted has its items' files moved by a background
  task, after the change is committed.
- A rendition of a private image is named privately when Wagtail makes it.
"""

from django.db import transaction
from django.db.models import Model
from django.db.models.signals import post_delete, post_save, pre_save
from wagtail.images import get_image_model
from wagtail.models import CollectionViewRestriction

from .moving import sync_owner
from .names import private_name
from .rules import file_fields, is_private, owner_models
from .tasks import sync_private_files_task


def store_new_uploads_privately(sender, instance: Model, raw: bool = False, **kwargs) -> None:
    """Write a private item's newly uploaded files under a private name, before Django would
    write them under the public one."""
    if raw:
        return
    new_files = [
        getattr(instance, field_name)
        for field_name in file_fields(sender)
        if getattr(instance, field_name) and not getattr(instance, field_name)._committed
    ]
    if not new_files or not is_private(instance):
        return
    for new_file in new_files:
        # What Django would have named it (upload_to, the storage's rules), made private.
        name = new_file.field.generate_filename(instance, new_file.name)
        new_file.file.seek(0)
        new_file.name = new_file.storage.save(
            private_name(name), new_file.file, max_length=new_file.field.max_length
        )
        # Django's FileField saves only uncommitted files: this one is stored already.
        new_file._committed = True


def move_files_of_saved_item(sender, instance: Model, raw: bool = False, **kwargs) -> None:
    if not raw:
        sync_owner(instance)


def move_files_of_collection(sender, instance: CollectionViewRestriction, **kwargs) -> None:
    """A collection became private or public: move its items' files once that is committed."""
    collection_id = instance.collection_id
    transaction.on_commit(lambda: sync_private_files_task.enqueue(collection_id))


def name_renditions_privately() -> None:
    """Renditions of a private image get a private name too.

    Wagtail names a rendition in ``Rendition.get_upload_to`` (its documented place to change
    rendition paths) and offers no setting or hook for it; renditions are created in bulk
    (no save signals), so the name is the one place to decide. This wraps that method once.
    """
    Rendition = get_image_model().get_rendition_model()
    if getattr(Rendition.get_upload_to, "names_private_renditions", False):
        return
    wagtail_get_upload_to = Rendition.get_upload_to

    def get_upload_to(rendition, filename):
        name = wagtail_get_upload_to(rendition, filename)
        return private_name(name) if is_private(rendition.image) else name

    get_upload_to.names_private_renditions = True
    Rendition.get_upload_to = get_upload_to


def connect() -> None:
    for model in owner_models():
        uid = f"schoolsite-private-files-{model._meta.label_lower}"
        pre_save.connect(store_new_uploads_privately, sender=model, dispatch_uid=uid)
        post_save.connect(move_files_of_saved_item, sender=model, dispatch_uid=uid)
    for signal in (post_save, post_delete):
        signal.connect(
            move_files_of_collection,
            sender=CollectionViewRestriction,
            dispatch_uid="schoolsite-private-collections",
        )
    name_renditions_privately()
