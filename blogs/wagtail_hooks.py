"""The blogging network's admin: each domain registers its own hooks; this module loads them
and gathers the domains' snippets under one "Class blogs" menu."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from .awards import wagtail_hooks as awards_hooks
from .classes import wagtail_hooks as classes_hooks
from .comments import wagtail_hooks as comments_hooks  # noqa: F401 - registers its hooks
from .consent import wagtail_hooks as consent_hooks  # noqa: F401 - registers its hooks
from .helpsheets import wagtail_hooks as helpsheets_hooks
from .reports import wagtail_hooks as reports_hooks  # noqa: F401 - registers its hooks
from .review import wagtail_hooks as review_hooks  # noqa: F401 - registers its hooks
from .school import wagtail_hooks as school_hooks  # noqa: F401 - registers its hooks
from .subscriptions import wagtail_hooks as mail_hooks  # noqa: F401 - registers its hooks
from .writing import wagtail_hooks as writing_hooks  # noqa: F401 - registers its hooks


class BlogsViewSetGroup(SnippetViewSetGroup):
    items = (
        classes_hooks.SubjectViewSet,
        classes_hooks.AuthorProfileViewSet,
        awards_hooks.AwardCategoryViewSet,
        helpsheets_hooks.HelpSheetTopicViewSet,
    )
    menu_icon = "doc-full-inverse"
    menu_label = _("Class blogs")
    menu_name = "class-blogs"


register_snippet(BlogsViewSetGroup)
