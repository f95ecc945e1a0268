"""One rule for every public list's filter form: the timeline, awards, help sheets and search.

Visitors reach these lists through links, bookmarks and hand-edited URLs, so a filter here never
answers with an error page: each value is trimmed and cut to length first, an empty one is
ignored, and an unknown or malformed one matches nothing (the list then says nothing matches).
Choices are the objects the page gives (this school's classes, in the visitor's language), read
once, so checking a value costs no query and a list page keeps its fixed number of queries.

Each list declares its own ``PublicFilterSet`` in its domain module; the form is rendered by
``templates/includes/filter_form.html``.
"""

from collections import OrderedDict
from collections.abc import Iterable, Mapping

import django_filters
from django import forms
from django.http import QueryDict

DEFAULT_MAX_LENGTH = 100
SEARCH_MAX_LENGTH = 200


class QuietBoundField(forms.BoundField):
    """A field that never points at an error message: the filter form shows none (an unknown
    value just matches nothing), so ``aria-invalid``/``aria-describedby`` would mislead."""

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        attrs.pop("aria-invalid", None)
        if self.errors:
            attrs.pop("aria-describedby", None)
        return attrs


class PublicFilterForm(forms.Form):
    """The form behind every filter set: ids that cannot clash with the header's search box,
    labels without a trailing colon, no ``required`` attributes (every filter is optional)."""

    use_required_attribute = False
    bound_field_class = QuietBoundField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "filter-%s")
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class PublicFilterMixin:
    """What the filter set needs of each filter: its URL parameter and its longest value.

    ``param`` names the URL parameter when it cannot be a Python name (``?class=``).
    """

    def __init__(
        self, *args, param: str | None = None, max_length: int = DEFAULT_MAX_LENGTH, **kwargs
    ):
        self.param = param
        self.max_length = max_length
        super().__init__(*args, **kwargs)


class PublicTextFilter(PublicFilterMixin, django_filters.CharFilter):
    """Free text, e.g. a hashtag; the input gets a ``maxlength`` to match."""

    def __init__(self, *args, max_length: int = DEFAULT_MAX_LENGTH, **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"maxlength": max_length}))
        super().__init__(*args, max_length=max_length, **kwargs)


class SearchWordsFilter(PublicTextFilter):
    """Words to search for. The page runs the search itself, after the other filters, because
    search backends rank their results and a queryset filter cannot; so this filter leaves the
    queryset alone, and "clear filters" keeps the words."""

    is_search = True

    def __init__(self, *args, max_length: int = SEARCH_MAX_LENGTH, **kwargs):
        kwargs.setdefault("widget", forms.SearchInput(attrs={"maxlength": max_length}))
        super().__init__(*args, max_length=max_length, **kwargs)

    def filter(self, qs, value):
        return qs


class PublicChoiceFilter(PublicFilterMixin, django_filters.Filter):
    """One of a few values, offered as a ``<select>`` that starts with ``empty_label``.

    Either fixed ``choices`` (``(value, label)`` pairs; the filter gets the value), or the
    objects the page gives through ``PublicFilterSet(choices=…)``: the URL names one by its
    ``key`` attribute and the filter gets the object itself, e.g. the class blog to list posts
    under. Checking the value looks it up among those objects, not in the database.
    """

    def __init__(
        self, *args, empty_label: str, choices: Iterable = (), key: str = "slug", **kwargs
    ):
        self.empty_label = empty_label
        self.fixed_choices = list(choices)
        self.key = key
        self.objects: list | None = None
        super().__init__(*args, **kwargs)

    def give(self, objects: Iterable) -> None:
        """The objects to choose from, read once (a queryset runs its one query here)."""
        self.objects = list(objects)

    @property
    def field(self) -> forms.TypedChoiceField:
        if not hasattr(self, "_field"):
            if self.objects is None:
                options, coerce = self.fixed_choices, str
            else:
                by_key = {str(getattr(obj, self.key)): obj for obj in self.objects}
                options = [(key, str(obj)) for key, obj in by_key.items()]
                coerce = by_key.__getitem__
            self._field = forms.TypedChoiceField(
                label=self.label,
                choices=[("", self.empty_label), *options],
                coerce=coerce,
                empty_value=None,
                **self.extra,
            )
        return self._field


class PublicFilterSet(django_filters.FilterSet):
    """The filters of one public list, read from the query string by the rules above.

    Subclasses declare ``PublicTextFilter``, ``SearchWordsFilter`` and ``PublicChoiceFilter``
    filters, a ``heading`` for the form and a ``submit_label`` for its button. The page gives the
    list (``queryset``), the objects each choice filter offers (``choices``, by parameter name)
    and may leave filters out (``without``), e.g. the subject on a subject's own page.
    """

    heading: str = ""
    submit_label: str = ""

    class Meta:
        form = PublicFilterForm

    def __init__(
        self,
        data: QueryDict | None,
        queryset,
        *,
        choices: Mapping[str, Iterable] | None = None,
        without: Iterable[str] = (),
        request=None,
    ):
        super().__init__(QueryDict(), queryset, request=request)
        without = set(without)
        for name in without:
            del self.filters[name]
        for name, objects in (choices or {}).items():
            if name not in without:
                self.filters[name].give(objects)
        self.data = self._normalised(data if data is not None else QueryDict())

    @classmethod
    def get_filters(cls) -> OrderedDict:
        """Each filter under its URL parameter, which may be a Python keyword (``?class=``)."""
        return OrderedDict(
            (getattr(filter_, "param", None) or name, filter_)
            for name, filter_ in super().get_filters().items()
        )

    def _normalised(self, data: QueryDict) -> QueryDict:
        """Only this list's parameters, with runs of spaces made one and cut to length."""
        values = QueryDict(mutable=True)
        for name, filter_ in self.filters.items():
            value = " ".join(str(data.get(name, "")).split())[: filter_.max_length].strip()
            if value:
                values[name] = value
        return values

    def filter_queryset(self, queryset):
        """An unknown or malformed value matches nothing: never an error page."""
        if self.form.errors:
            return queryset.none()
        return super().filter_queryset(queryset)

    def _is_search(self, name: str) -> bool:
        return getattr(self.filters[name], "is_search", False)

    @property
    def active(self) -> bool:
        """Whether the visitor chose any filter (search words alone are not a filter)."""
        return any(value for name, value in self.data.items() if not self._is_search(name))

    @property
    def clear_query(self) -> str:
        """The query string of the "clear filters" link: only the search words, if any."""
        kept = QueryDict(mutable=True)
        for name, value in self.data.items():
            if self._is_search(name):
                kept[name] = value
        return kept.urlencode()

    def cleaned(self, name: str) -> object:
        """A filter's checked value (an object for a page's choices), or None if it is empty
        or malformed."""
        self.form.is_valid()  # checks every value once; cleaned_data keeps the valid ones
        return self.form.cleaned_data.get(name)
