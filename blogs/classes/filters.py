"""The timeline's filters (``/news/`` and each subject's page): class, subject and hashtag."""

from django.utils.translation import gettext_lazy as _

from home.filters import PublicChoiceFilter, PublicFilterSet, PublicTextFilter


class TimelineFilterSet(PublicFilterSet):
    """``?class=eagle&subject=science&tag=space``; the page gives its school's classes."""

    heading = _("Filter posts")
    submit_label = _("Show posts")

    class_blog = PublicChoiceFilter(
        param="class", label=_("Class"), empty_label=_("All classes"), method="in_class"
    )
    subject = PublicChoiceFilter(
        field_name="subjects", label=_("Subject"), empty_label=_("All subjects")
    )
    tag = PublicTextFilter(label=_("Hashtag"), method="tagged")

    def in_class(self, posts, name, class_blog):
        return posts.child_of(class_blog)

    def tagged(self, posts, name, tag: str):
        # Visitors type hashtags as they see them on posts: "#space" finds posts tagged space.
        return posts.filter(tags__name__iexact=tag.lstrip("#"))
