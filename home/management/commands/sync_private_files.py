"""``python manage.py sync_private_files``: put every upload on the side its collection says.

Files move by themselves when an item changes collection or a collection's privacy changes;
run this once after upgrading (files stored before private collections were kept apart) and
after moving collections around in the tree. Running it again changes nothing.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from home.private_files.moving import sync_private_files


class Command(BaseCommand):
    help = (
        "Move the files of private collections (images and their renditions, documents, audio "
        "and video) to the private storage, and those of public collections out of it."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        moved = sync_private_files()
        if options["verbosity"] > 0:
            self.stdout.write(
                f"Moved {moved.get('private', 0)} file(s) to the private storage and "
                f"{moved.get('public', 0)} to the public one; removed "
                f"{moved.get('renditions', 0)} misplaced rendition(s)."
            )
