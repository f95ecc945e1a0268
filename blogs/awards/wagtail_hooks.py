"""Awards in the admin (categories) and the private count of visits behind the candidates."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.views.snippets import SnippetViewSet

from home.languages import source_language_page

from .models import AwardCategory
from .visits import is_countable, record_visit


class AwardCategoryViewSet(SnippetViewSet):
    model = AwardCategory
    icon = "pick"
    menu_label = _("Award categories")
    list_display = ["name", "description"]


@hooks.register("before_serve_page")
def count_visit(page, request, serve_args, serve_kwargs):
    """Count a real visitor's view of a page, privately (see ``visits.py``)."""
    if is_countable(request):
        # A Welsh reader's visit counts for the post, like an English reader's.
        record_visit(source_language_page(page))
