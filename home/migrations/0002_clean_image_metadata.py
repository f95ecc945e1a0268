"""Remove location and camera metadata from the pictures stored before uploads were cleaned.

Runs the same cleaning as ``manage.py clean_image_metadata`` (home.images.originals), with the
historical models. Not atomic: storage cannot roll back, so each image's record is saved as its
clean file is written, and an interrupted run is simply finished by the command or a re-run.
"""

from django.db import migrations


def clean_stored_images(apps, schema_editor):
    Image = apps.get_model("wagtailimages", "Image")
    if not Image.objects.exists():
        return  # a new site: nothing stored yet
    # Imported here, not at the top: only this step needs Pillow and the storage code.
    from home.images.originals import clean_stored_images as clean

    # Django prints "Applying …" then " OK" on one line: each report goes between them.
    summary = clean(
        Image,
        apps.get_model("wagtailimages", "Rendition"),
        report=lambda line: print(f"\n  {line}", end=""),  # noqa: T201
    )
    if summary.cleaned or summary.unreadable:
        print(  # noqa: T201
            f"\n  Image metadata: {summary.cleaned} of {summary.checked} cleaned, "
            f"{summary.unreadable} could not be read.",
            end="",
        )


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("home", "0001_initial"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.RunPython(clean_stored_images, migrations.RunPython.noop, elidable=True),
    ]
