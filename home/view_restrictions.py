"""Wagtail's page privacy (Settings › Privacy on a page), asked of the database cheaply.

Wagtail's ``PageQuerySet.public()`` reads every view restriction each time it is called, then
tests every row against each one with a ``LIKE``: a list of 10,000 posts in a school whose
four languages each have a few staff-only help sheets spent most of its time there. Here:

- :func:`restricted_sections` reads the restricted pages' paths once per request, keeping only
  the outermost of nested or repeated ones (each language's copy carries its own);
- :func:`public_q` tests only the sections inside the branch being listed, as ranges of paths
  (Wagtail keeps ``path`` in byte order on every database, so a range is a prefix);
- :class:`PublicPageQuerySet` makes ``public()`` do both;
- :class:`ViewRestrictionsMixin` answers Wagtail's check before it serves a page in one query,
  not one per page on the path plus one per alias.
"""

from django.db.models import Exists, OuterRef, Q
from django.http import HttpRequest
from wagtail.models import Page, PageViewRestriction
from wagtail.query import PageQuerySet

# Sorts after every character of a tree path (0-9, A-Z): ``path < section + END`` is
# "``path`` is ``section`` or below it" together with ``path >= section``.
PATH_END = "~"


def restricted_sections(request: HttpRequest | None = None) -> tuple[str, ...]:
    """The paths of the pages with a view restriction, outermost only; read once per request."""
    if request is not None and hasattr(request, "_schoolsite_restricted_sections"):
        return request._schoolsite_restricted_sections
    outermost: list[str] = []
    # In path order a section's own sub-sections follow it directly.
    for path in sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True))):
        if not (outermost and path.startswith(outermost[-1])):
            outermost.append(path)
    sections = tuple(outermost)
    if request is not None:
        request._schoolsite_restricted_sections = sections
    return sections


def under(path: str) -> Q:
    """Pages at ``path`` or below it, as a range an index on ``path`` can serve."""
    return Q(path__gte=path, path__lt=path + PATH_END)


def public_q(sections: tuple[str, ...], within: Page | str | None = None) -> Q:
    """Pages outside every section; with ``within`` (a page or its path), only ``within`` and
    the pages below it."""
    query = Q()
    if within is not None:
        branch = within if isinstance(within, str) else within.path
        if any(branch.startswith(section) for section in sections):
            return Q(pk__in=[])  # the whole branch is private
        query = under(branch)
        sections = tuple(section for section in sections if section.startswith(branch))
    for section in sections:
        query &= ~under(section)
    return query


class PublicPageQuerySet(PageQuerySet):
    def public(self, request: HttpRequest | None = None, within: Page | str | None = None):
        """Wagtail's ``public()``, cheaper: ``request`` reads the restrictions once for the
        whole request; ``within`` (a page every page of the list is at or below) tests only
        the restricted sections of that branch."""
        return self.filter(public_q(restricted_sections(request), within))


class ViewRestrictionsMixin:
    """For every page type: the restrictions Wagtail checks before serving a page, in one
    query (and none more when there are none, as on every public page).

    The rule is Wagtail's own (``Page.get_view_restrictions``): the restrictions of the page
    and of every page above it, an alias standing for the page it copies. An alias of an alias
    (rare: wagtail-localize copies only originals) is left to Wagtail's own method.
    """

    def get_view_restrictions(self):
        if not (self.pk and self.path):
            return super().get_view_restrictions()
        prefixes = [
            self.path[:end] for end in range(Page.steplen, len(self.path) + 1, Page.steplen)
        ]
        restricted = PageViewRestriction.objects.filter(page=OuterRef("pk"))
        source_restricted = PageViewRestriction.objects.filter(page=OuterRef("alias_of"))
        on_path = (
            Page.objects.filter(path__in=prefixes)
            .annotate(restricted=Exists(restricted), source_restricted=Exists(source_restricted))
            .values_list(
                "pk", "alias_of_id", "alias_of__alias_of_id", "restricted", "source_restricted"
            )
        )
        page_ids, seen, any_restricted = set(), set(), False
        for pk, alias_of_id, source_alias_of_id, own, of_source in on_path:
            if source_alias_of_id is not None or (
                pk == self.pk and alias_of_id != self.alias_of_id
            ):
                return super().get_view_restrictions()
            seen.add(pk)
            page_ids.add(alias_of_id or pk)
            any_restricted |= of_source if alias_of_id else own
        if self.pk not in seen:  # moved since it was loaded: Wagtail's own method
            return super().get_view_restrictions()
        if not any_restricted:
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(page_id__in=page_ids)
