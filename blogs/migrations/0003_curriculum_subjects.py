"""A new school starts with the National Curriculum's subjects; it can edit them as snippets."""

from django.db import migrations

from blogs.classes.subjects import CURRICULUM_SUBJECTS


def add_subjects(apps, schema_editor):
    Subject = apps.get_model("blogs", "Subject")
    for name, slug in CURRICULUM_SUBJECTS:
        Subject.objects.get_or_create(slug=slug, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("blogs", "0002_posts_subjects_authors")]

    operations = [migrations.RunPython(add_subjects, migrations.RunPython.noop)]
