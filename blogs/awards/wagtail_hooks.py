"""Awards in the admin (categories)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import AwardCategory


class AwardCategoryViewSet(SnippetViewSet):
    model = AwardCategory
    icon = "pick"
    menu_label = _("Award categories")
    list_display = ["name", "description"]
