from django.db import migrations, models

# Frozen here: the curriculum subjects' slugs, each the name of its own picture.
CURRICULUM_SLUGS = [
    "english",
    "maths",
    "science",
    "history",
    "geography",
    "art-and-design",
    "music",
    "pe",
    "computing",
    "re",
    "pshe",
    "languages",
    "design-and-technology",
]


def give_curriculum_subjects_their_pictures(apps, schema_editor):
    Subject = apps.get_model("blogs", "Subject")
    for slug in CURRICULUM_SLUGS:
        Subject.objects.filter(slug=slug, picture="star").update(picture=slug)


class Migration(migrations.Migration):
    dependencies = [("blogs", "0015_subscriptions")]

    operations = [
        migrations.AddField(
            model_name="subject",
            name="picture",
            field=models.CharField(
                choices=[
                    ("english", "Open book (English)"),
                    ("maths", "Sums (maths)"),
                    ("science", "Flask (science)"),
                    ("history", "Castle (history)"),
                    ("geography", "Globe (geography)"),
                    ("art-and-design", "Paint palette (art and design)"),
                    ("music", "Musical notes (music)"),
                    ("pe", "Ball (PE)"),
                    ("computing", "Computer (computing)"),
                    ("re", "Candle (RE)"),
                    ("pshe", "Heart (PSHE)"),
                    ("languages", "Speech bubbles (languages)"),
                    ("design-and-technology", "Cog and hammer (design and technology)"),
                    ("outdoors", "Leaf (outdoor learning)"),
                    ("star", "Star (anything else)"),
                ],
                default="star",
                help_text="Children choose subjects by their pictures when they write a post.",
                max_length=30,
                verbose_name="picture",
            ),
        ),
        migrations.RunPython(give_curriculum_subjects_their_pictures, migrations.RunPython.noop),
    ]
