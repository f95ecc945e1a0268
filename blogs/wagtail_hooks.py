"""Admin registrations for the blogging network."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import AuthorProfile, Subject


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


class BlogsViewSetGroup(SnippetViewSetGroup):
    items = (SubjectViewSet, AuthorProfileViewSet)
    menu_icon = "doc-full-inverse"
    menu_label = _("Class blogs")
    menu_name = "class-blogs"


register_snippet(BlogsViewSetGroup)
