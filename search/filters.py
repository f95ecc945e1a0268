"""Site search's words and filters: ``?q=<words>&type=<kind>&class=<slug>&subject=<slug>``."""

from django.utils.translation import gettext_lazy as _

from blogs.awards.models import AwardPage
from blogs.classes.class_blogs import ClassBlogIndexPage
from blogs.classes.posts import BlogPostPage
from blogs.helpsheets.models import HelpSheetPage
from home.filters import PublicChoiceFilter, PublicFilterSet, SearchWordsFilter
from home.models import StandardPage

# What search finds, by the ``?type=`` value that picks one kind.
RESULT_TYPES = {
    "posts": (BlogPostPage, _("Blog posts")),
    "classes": (ClassBlogIndexPage, _("Class blogs")),
    "awards": (AwardPage, _("Awards")),
    "help": (HelpSheetPage, _("Help sheets")),
    "pages": (StandardPage, _("School information")),
}


class SearchFilterSet(PublicFilterSet):
    """The view gives the classes of the visitor's language and the subjects; it searches
    for the words itself, within the pages the filters leave."""

    heading = _("Search the school site")
    submit_label = _("Search")

    q = SearchWordsFilter(label=_("Words to search for"))
    type = PublicChoiceFilter(
        label=_("Type"),
        empty_label=_("Everything"),
        choices=[(value, label) for value, (_model, label) in RESULT_TYPES.items()],
        method="of_type",
    )
    class_blog = PublicChoiceFilter(
        param="class", label=_("Class"), empty_label=_("All classes"), method="in_class"
    )
    subject = PublicChoiceFilter(
        label=_("Subject"), empty_label=_("All subjects"), method="about_subject"
    )

    def of_type(self, pages, name, kind: str):
        return pages.type(RESULT_TYPES[kind][0])

    def in_class(self, pages, name, class_blog):
        return pages.descendant_of(class_blog, inclusive=True)

    def about_subject(self, pages, name, subject):
        # Ids, not a subquery: search backends filter on a plain list of ids.
        tagged = BlogPostPage.objects.filter(subjects=subject).values_list("pk", flat=True)
        return pages.filter(pk__in=list(tagged))
