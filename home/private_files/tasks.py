"""Moving a whole collection's files takes a while, so the worker does it (``db_worker``)."""

from django.db import transaction
from django_tasks import task

from .moving import sync_private_files


@task()
def sync_private_files_task(collection_id: int | None = None) -> dict[str, int]:
    """Put the files of a collection and those below it (None: all) on the right side."""
    with transaction.atomic():
        return dict(sync_private_files(collection_id))
