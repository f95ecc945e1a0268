"""Wagtail's database search backend, made to accept anything a person types.

The backend (modelsearch) puts each search word inside double quotes in SQLite's FTS5 query
language without escaping a quote in the word, so a search for ``"`` (or ``it's "big"``)
was a database syntax error: a 500 on the public search, the help-sheet library and Wagtail's
own image and page choosers. PostgreSQL refuses a NUL byte the same way.

Here every query is cut to its words before it reaches the backend: letters and digits in any
script, which is all that the full-text index holds (punctuation only ever separates words).
It is done once for every search box, in the backend itself (WAGTAILSEARCH_BACKENDS), so no
page has to remember it. Phrases and exclusions built from the admin's query syntax keep
their meaning; they are only made safe too. Elasticsearch, if configured, is not wrapped: its
query DSL takes text as data.
"""

import re

from modelsearch.backends.database import SearchBackend as database_backend
from modelsearch.query import And, Boost, Fuzzy, Not, Or, Phrase, PlainText

WORD = re.compile(r"[^\W_]+")
# A search box needs no more; longer queries only cost the database time.
MAX_WORDS = 32


def search_words(text: str) -> str:
    """The words of ``text`` (at most ``MAX_WORDS``), separated by spaces; "" if none."""
    return " ".join(WORD.findall(text)[:MAX_WORDS])


def safe_query(query):
    """``query`` (a string or a query object) with only words as text; "" if nothing is left,
    which the backend answers with no results."""
    if isinstance(query, str):
        return search_words(query)
    if isinstance(query, PlainText):
        words = search_words(query.query_string)
        return PlainText(words, operator=query.operator, boost=query.boost) if words else ""
    if isinstance(query, Phrase):
        words = search_words(query.query_string)
        return Phrase(words) if words else ""
    if isinstance(query, Fuzzy):
        words = search_words(query.query_string)
        return Fuzzy(words, operator=query.operator, unaccent=query.unaccent) if words else ""
    if isinstance(query, (And, Or)):
        parts = [part for part in map(safe_query, query.subqueries) if part != ""]
        if not parts:
            return ""
        return parts[0] if len(parts) == 1 else type(query)(parts)
    if isinstance(query, Not):
        inner = safe_query(query.subquery)
        return Not(inner) if inner != "" else ""
    if isinstance(query, Boost):
        inner = safe_query(query.subquery)
        return Boost(inner, query.boost) if inner != "" else ""
    return query  # MatchAll and other queries hold no text


class SafeQueriesMixin:
    """Makes every search and autocomplete query safe before the backend builds its SQL."""

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        return super()._search(query_compiler_class, safe_query(query), model_or_queryset, **kwargs)


_safe_classes: dict[type, type] = {}


def SearchBackend(params):
    """The database backend Wagtail picks for this database (PostgreSQL, SQLite FTS, MySQL or
    the fallback), as a subclass with safe queries."""
    base = type(database_backend(params))
    if base not in _safe_classes:
        _safe_classes[base] = type(f"Safe{base.__name__}", (SafeQueriesMixin, base), {})
    return _safe_classes[base](params)
