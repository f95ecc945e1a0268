"""Class blogs in the admin (subjects, author names) and their sections of the home page."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import HOME_PAGE_CONTEXT_HOOK

from ..school.choosers import VisibleOnlySnippetChooserViewSet
from .authors import AuthorProfile
from .cards import post_cards
from .class_blogs import ClassBlogIndexPage
from .subjects import Subject
from .timeline import school_posts, timeline_url

LATEST_POSTS_ON_HOME_PAGE = 6


class SubjectViewSet(SnippetViewSet):
    model = Subject
    icon = "tag"
    menu_label = _("Subjects")
    list_display = ["name", "slug"]
    search_fields = ["name"]


class AuthorProfileViewSet(SnippetViewSet):
    model = AuthorProfile
    icon = "user"
    menu_label = _("Author names")
    list_display = ["user", "role", "display_name"]
    list_filter = ["role"]
    # Pupils' author names are their usernames: chosen only by those who may see them.
    chooser_viewset_class = VisibleOnlySnippetChooserViewSet


@hooks.register(HOME_PAGE_CONTEXT_HOOK)
def add_class_blogs_to_home_page(request, home_page, context):
    """The home page's "latest from our class blogs" and its cards of every class."""
    context["class_blogs"] = ClassBlogIndexPage.objects.for_listing(home_page, request)
    latest = list(school_posts(home_page, request, cards=True)[:LATEST_POSTS_ON_HOME_PAGE])
    context["latest_posts"] = latest
    context["latest_cards"] = post_cards(request, latest, show_class=True)
    context["timeline_url"] = timeline_url(request)
