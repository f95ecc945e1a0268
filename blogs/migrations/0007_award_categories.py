"""A new school starts with the Digital Leaders' five award categories; badges are added later."""

from django.db import migrations

from blogs.awards.models import DEFAULT_CATEGORIES


def add_categories(apps, schema_editor):
    AwardCategory = apps.get_model("blogs", "AwardCategory")
    for name, description in DEFAULT_CATEGORIES:
        AwardCategory.objects.get_or_create(name=name, defaults={"description": description})


class Migration(migrations.Migration):
    dependencies = [("blogs", "0006_awards_and_visits")]

    operations = [migrations.RunPython(add_categories, migrations.RunPython.noop)]
