"""Curriculum subjects, managed as snippets, that posts are filed under."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Subject(index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=60, unique=True)
    slug = models.SlugField(_("slug"), max_length=60, unique=True, allow_unicode=True)
    description = models.CharField(
        _("description"),
        max_length=200,
        blank=True,
        help_text=_("Shown on the subject's page, e.g. 'Learning about living things'."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("subject")
        verbose_name_plural = _("subjects")

    def __str__(self) -> str:
        return self.name


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
