"""A new school's help-sheet library starts with the topics the seeds' schools use."""

from django.db import migrations

from blogs.helpsheets.models import DEFAULT_TOPICS


def add_topics(apps, schema_editor):
    HelpSheetTopic = apps.get_model("blogs", "HelpSheetTopic")
    for name, slug in DEFAULT_TOPICS:
        HelpSheetTopic.objects.get_or_create(slug=slug, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("blogs", "0008_help_sheets")]

    operations = [migrations.RunPython(add_topics, migrations.RunPython.noop)]
