"""The awards archive's filters: ``?category=<id>&class=<slug>``."""

from django.utils.translation import gettext_lazy as _

from home.filters import PublicChoiceFilter, PublicFilterSet


class AwardFilterSet(PublicFilterSet):
    """The archive gives its categories and the classes of its own language."""

    heading = _("Filter awards")
    submit_label = _("Show awards")

    category = PublicChoiceFilter(key="pk", label=_("Category"), empty_label=_("All categories"))
    class_blog = PublicChoiceFilter(
        param="class", label=_("Class"), empty_label=_("All classes"), method="won_by_class"
    )

    def won_by_class(self, awards, name, class_blog):
        # Awards name the English class; the class chosen is the archive language's copy.
        return awards.filter(winning_class__translation_key=class_blog.translation_key)
