"""The "help sheets due for review" panel on the dashboard of those who can edit them."""

from django.utils import timezone
from wagtail.admin.ui.components import Component

from .models import REVIEW_AFTER, HelpSheetPage


class HelpSheetsDueForReviewPanel(Component):
    """Help sheets nobody has reviewed for a year, for those who can edit them."""

    name = "help_sheets_due_for_review"
    order = 150
    template_name = "blogs/admin/help_sheets_due.html"

    def __init__(self, sheets):
        self.sheets = sheets

    @classmethod
    def for_user(cls, user):
        due = HelpSheetPage.objects.filter(
            alias_of=None, last_reviewed__lt=timezone.localdate() - REVIEW_AFTER
        ).order_by("last_reviewed")
        editable = [sheet for sheet in due if sheet.permissions_for_user(user).can_edit()]
        return cls(editable) if editable else None

    def get_context_data(self, parent_context=None):
        return {"sheets": self.sheets}
