"""Help sheets in the admin: their topics, and the reminder of sheets due for review."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.views.snippets import SnippetViewSet

from ..school.pupils import pupil_class
from .dashboard import HelpSheetsDueForReviewPanel
from .models import HelpSheetTopic


class HelpSheetTopicViewSet(SnippetViewSet):
    model = HelpSheetTopic
    icon = "help"
    menu_label = _("Help-sheet topics")
    list_display = ["name", "slug"]


@hooks.register("construct_homepage_panels")
def show_help_sheets_due_for_review(request, panels):
    if pupil_class(request.user) is not None and not request.user.is_superuser:
        return  # a pupil's dashboard is their own (see school.wagtail_hooks)
    if review_panel := HelpSheetsDueForReviewPanel.for_user(request.user):
        panels.append(review_panel)
