"""The help-sheet library's filters: ``?q=<words>&topic=<slug>&audience=<who>``."""

from django.utils.translation import gettext_lazy as _

from home.filters import PublicChoiceFilter, PublicFilterSet, SearchWordsFilter

# Who a sheet is for: the URL value, the sheet's field, the label.
AUDIENCES = {
    "staff": ("for_staff", _("Staff")),
    "pupils": ("for_pupils", _("Pupils")),
    "parents": ("for_parents", _("Parents")),
}


class HelpSheetFilterSet(PublicFilterSet):
    """The library gives its topics; the page searches for the words within what is left."""

    heading = _("Find a help sheet")
    submit_label = _("Show help sheets")

    q = SearchWordsFilter(label=_("Search the help sheets"))
    topic = PublicChoiceFilter(field_name="topics", label=_("Topic"), empty_label=_("All topics"))
    audience = PublicChoiceFilter(
        label=_("For"),
        empty_label=_("Everyone"),
        choices=[(value, label) for value, (_field, label) in AUDIENCES.items()],
        method="for_audience",
    )

    def for_audience(self, sheets, name, audience: str):
        return sheets.filter(**{AUDIENCES[audience][0]: True})
