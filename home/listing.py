"""Helpers for pages that list other pages."""

from wagtail.models import Page


def attach_parents(
    pages, attribute: str, parent: Page | None = None, parent_model: type[Page] = Page
) -> list:
    """Give each page its (specific) parent as ``attribute``, in one query for the whole list,
    not a ``get_parent()`` each.

    ``parent`` short-cuts the look-up when every page has the same parent; ``parent_model``,
    the parents' one page type, saves finding out which types they have.
    """
    pages = list(pages)
    if parent is None and pages:
        parent_paths = {page.path[: -Page.steplen] for page in pages}
        parents = parent_model.objects.filter(path__in=parent_paths)
        if parent_model is Page:
            parents = parents.specific()
        by_path = {p.path: p for p in parents}
        for page in pages:
            setattr(page, attribute, by_path[page.path[: -Page.steplen]])
    else:
        for page in pages:
            setattr(page, attribute, parent)
    return pages
