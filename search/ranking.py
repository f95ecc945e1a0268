"""Search results, title matches first, read from the index one page of results at a time.

Wagtail's database backend (modelsearch) orders results by relevance by looking up each
matching page's score on its own; on SQLite every look-up runs the whole full-text query again,
so a word found in 10,000 posts took minutes. Here the index is asked once for the page of
results shown: the ids of its ten pages, title matches first and then the rest, each by
relevance, with the number of matches in the same query (``COUNT(*) OVER ()``).

- SQLite (FTS5): relevance is ``bm25``; a title match is a match of the title column alone.
- PostgreSQL: relevance is ``ts_rank`` of the title (weighted as Wagtail does) and the body,
  with the English configuration the index was built with; a title match is ``title @@ query``.
- Any other backend (Elasticsearch): Wagtail's own search, titles first, then the rest.
"""

from collections.abc import Sequence

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import CharField
from django.db.models.functions import Cast
from modelsearch.conf import get_app_config
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from home.search_backend import search_words


def _index_query_template(backend) -> str | None:
    kinds = {cls.__name__ for cls in type(backend).__mro__}
    if "SQLiteSearchBackend" in kinds:
        return SQLITE_QUERY
    if "PostgresSearchBackend" in kinds:
        return POSTGRES_QUERY
    return None


def searches_the_database() -> bool:
    """Whether results come from the database's own index (any filter on pages works),
    rather than from a search server (which filters on indexed fields only)."""
    return _index_query_template(get_search_backend()) is not None


def ranked_results(pages, query: str, first_page_size: int) -> Sequence[int]:
    """The ids of ``pages`` that match ``query``'s words, best first, as a sequence the
    paginator slices; counting it also reads the first ``first_page_size`` ids."""
    words = search_words(query).split()
    if not words:
        return []
    backend = get_search_backend()
    template = _index_query_template(backend)
    if template is None:
        return BackendSearch(pages, " ".join(words))
    return IndexQuery(pages, words, first_page_size, template, backend)


class IndexQuery(Sequence):
    """A page of ranked ids, and their number, by one query of the database's own index."""

    def __init__(self, pages, words: list[str], first_page_size: int, template: str, backend):
        self.pages = pages.order_by()
        self.words = words
        self.first_page_size = first_page_size
        self.template = template
        # The text-search configuration the index was built with (PostgreSQL; None: the
        # database's default, English).
        self.config = getattr(backend, "config", None)
        self._count: int | None = None
        self._first: list[int] = []

    def _fetch(self, offset: int, limit: int) -> tuple[list[int], int]:
        app = get_app_config()
        # The index keys every page by its id as text.
        allowed = self.pages.annotate(text_pk=Cast("pk", output_field=CharField()))
        try:
            allowed_sql, allowed_params = allowed.values("text_pk").query.sql_with_params()
        except EmptyResultSet:  # the filters leave no page (an unknown class …)
            return [], 0
        content_types = get_descendants_content_types_pks(Page)
        words = " ".join(self.words)
        if self.template is SQLITE_QUERY:
            # Only words reach here (search_words), each quoted as FTS5 wants a string.
            quoted = " AND ".join(f'"{word}"' for word in self.words)
            first = [f"{{title}} : ({quoted})", f"{{title body}} : ({quoted})"]
            last = []
            fts = app.get_model("SQLiteFTSIndexEntry")._meta.db_table
        else:
            first, last, fts = ([self.config, words] if self.config else [words]), [], ""
        sql = self.template.format(
            entries=app.get_model("IndexEntry")._meta.db_table,
            fts=fts,
            words=("plainto_tsquery(%s::regconfig, %s)" if self.config else "plainto_tsquery(%s)"),
            content_types=", ".join(["%s"] * len(content_types)),
            allowed=allowed_sql,
        )
        params = [*first, *content_types, *allowed_params, *last, limit, offset]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        return [int(object_id) for object_id, _total in rows], (rows[0][1] if rows else 0)

    def count(self) -> int:
        if self._count is None:
            self._first, self._count = self._fetch(0, self.first_page_size)
            if not self._first:
                self._count = 0
        return self._count

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window):
        if not isinstance(window, slice):
            return self[window : window + 1][0]
        start, stop = window.start or 0, window.stop if window.stop is not None else len(self)
        if stop <= start:
            return []
        if self._count is not None and stop <= self.first_page_size:
            return self._first[start:stop]
        ids, self._count = self._fetch(start, stop - start)
        return ids


# The newest page wins a tie (as Wagtail's database backend orders them). FTS5's bm25 is read
# in an inner query: it cannot be called where a window function is computed.
SQLITE_QUERY = """
SELECT object_id, COUNT(*) OVER () FROM (
    SELECT entry.object_id AS object_id,
           {fts}.rowid IN (SELECT rowid FROM {fts} WHERE {fts} MATCH %s) AS in_title,
           bm25({fts}) AS score
    FROM {fts} JOIN {entries} AS entry ON entry.id = {fts}.rowid
    WHERE {fts} MATCH %s
      AND entry.content_type_id IN ({content_types})
      AND entry.object_id IN ({allowed})
) AS ranked
ORDER BY in_title DESC, score ASC, CAST(object_id AS INTEGER) DESC
LIMIT %s OFFSET %s
"""

POSTGRES_QUERY = """
WITH words AS (SELECT {words} AS query)
SELECT entry.object_id, COUNT(*) OVER ()
FROM {entries} AS entry, words
WHERE (entry.title @@ words.query OR entry.body @@ words.query)
  AND (entry.title || entry.body) @@ words.query
  AND entry.content_type_id IN ({content_types})
  AND entry.object_id IN ({allowed})
ORDER BY entry.title @@ words.query DESC,
         ts_rank(entry.title, words.query) * entry.title_norm
           + ts_rank(entry.body, words.query) DESC,
         CAST(entry.object_id AS INTEGER) DESC
LIMIT %s OFFSET %s
"""


class BackendSearch(Sequence):
    """Any other search backend: pages whose title matches, then the rest, each ranked by the
    backend; only the page of results shown is fetched."""

    def __init__(self, pages, terms: str):
        self.pages = pages.order_by()
        self.terms = terms

    def _titled(self):
        return self.pages.search(self.terms, fields=["title"])

    def count(self) -> int:
        if not hasattr(self, "_count"):
            self._count = self.pages.search(self.terms).count()
        return self._count

    def __len__(self) -> int:
        return self.count()

    def _title_count(self) -> int:
        if not hasattr(self, "_title_total"):
            self._title_total = self._titled().count()
        return self._title_total

    def __getitem__(self, window):
        if not isinstance(window, slice):
            return self[window : window + 1][0]
        start, stop = window.start or 0, window.stop if window.stop is not None else len(self)
        if stop <= start:
            return []
        titled = self._title_count()
        ids = []
        if start < titled:
            ids = [page.pk for page in self._titled()[start : min(stop, titled)]]
        if stop > titled:
            # The rest, in relevance order, less the title matches already listed above.
            skip = max(0, start - titled)
            rest = self.pages.search(self.terms)
            if titled:
                title_ids = [page.pk for page in self._titled()]
                rest = self.pages.exclude(pk__in=title_ids).search(self.terms)
            ids += [page.pk for page in rest[skip : skip + (stop - start - len(ids))]]
        return ids
