"""Curriculum subjects, managed as snippets, that posts are filed under."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from home.page_cache.fragments import remember


class SubjectPicture(models.TextChoices):
    """The pictures of ``blogs/static/blogs/subjects.svg``, which children choose subjects by."""

    ENGLISH = "english", _("Open book (English)")
    MATHS = "maths", _("Sums (maths)")
    SCIENCE = "science", _("Flask (science)")
    HISTORY = "history", _("Castle (history)")
    GEOGRAPHY = "geography", _("Globe (geography)")
    ART = "art-and-design", _("Paint palette (art and design)")
    MUSIC = "music", _("Musical notes (music)")
    PE = "pe", _("Ball (PE)")
    COMPUTING = "computing", _("Computer (computing)")
    RE = "re", _("Candle (RE)")
    PSHE = "pshe", _("Heart (PSHE)")
    LANGUAGES = "languages", _("Speech bubbles (languages)")
    DESIGN_AND_TECHNOLOGY = "design-and-technology", _("Cog and hammer (design and technology)")
    OUTDOORS = "outdoors", _("Leaf (outdoor learning)")
    STAR = "star", _("Star (anything else)")


class Subject(index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=60, unique=True)
    slug = models.SlugField(_("slug"), max_length=60, unique=True, allow_unicode=True)
    description = models.CharField(
        _("description"),
        max_length=200,
        blank=True,
        help_text=_("Shown on the subject's page, e.g. 'Learning about living things'."),
    )
    picture = models.CharField(
        _("picture"),
        max_length=30,
        choices=SubjectPicture.choices,
        default=SubjectPicture.STAR,
        help_text=_("Children choose subjects by their pictures when they write a post."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("picture"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("subject")
        verbose_name_plural = _("subjects")

    def __str__(self) -> str:
        return self.name


def all_subjects(request=None) -> list[Subject]:
    """Every subject, by name: the filters' choice. Kept between requests (a change to a
    subject purges everything, see ``blogs.apps``)."""
    return remember(request, "subjects", lambda: list(Subject.objects.all()), per_language=False)


# The National Curriculum's subjects, as seed_demo and a new school start with.
CURRICULUM_SUBJECTS = [
    ("English", "english"),
    ("Maths", "maths"),
    ("Science", "science"),
    ("History", "history"),
    ("Geography", "geography"),
    ("Art and design", "art-and-design"),
    ("Music", "music"),
    ("PE", "pe"),
    ("Computing", "computing"),
    ("RE", "re"),
    ("PSHE", "pshe"),
    ("Languages", "languages"),
    ("Design and technology", "design-and-technology"),
]

# Each curriculum subject's picture: its own, by slug.
CURRICULUM_PICTURES = {slug: slug for _name, slug in CURRICULUM_SUBJECTS}
