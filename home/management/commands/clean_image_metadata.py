"""``python manage.py clean_image_metadata``: remove location and camera data from stored pictures.

New uploads are cleaned as they are saved; this cleans the pictures stored before that (the
data migration ``home.0002`` runs it once on upgrade). Each original with EXIF, XMP, IPTC or
comments is stored again without them, turned upright if its EXIF said so, and its renditions
are deleted so that Wagtail makes them again from the clean picture. Running it again changes
nothing. Works with the local disk and with S3 alike.
"""

from django.core.management.base import BaseCommand
from wagtail.images import get_image_model

from home.images.originals import clean_stored_images


class Command(BaseCommand):
    help = (
        "Remove location and camera metadata (EXIF, XMP, IPTC, comments) from every stored "
        "original image, and delete the renditions of each one cleaned."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only list the images that have metadata to remove; change nothing.",
        )

    def handle(self, *args, **options):
        verbose = options["verbosity"] > 0
        image_model = get_image_model()
        summary = clean_stored_images(
            image_model,
            image_model.get_rendition_model(),
            report=self.stdout.write if verbose else lambda line: None,
            dry_run=options["dry_run"],
        )
        if verbose:
            verb = "would be cleaned" if options["dry_run"] else "cleaned"
            self.stdout.write(
                self.style.SUCCESS(
                    f"Checked {summary.checked} image(s): {summary.cleaned} {verb}, "
                    f"{summary.renditions_deleted} rendition(s) deleted, "
                    f"{summary.unreadable} could not be read."
                )
            )
