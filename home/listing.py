"""Helpers for pages that list other pages."""

from wagtail.models import Page


def attach_parents(pages, attribute: str, parent: Page | None = None) -> list:
    """Give each page its (specific) parent as ``attribute``, in one query for the whole list,
    not a ``get_parent()`` each.

    ``parent`` short-cuts the look-up when every page has the same parent.
    """
    pages = list(pages)
    if parent is None and pages:
        parent_paths = {page.path[: -Page.steplen] for page in pages}
        by_path = {p.path: p for p in Page.objects.filter(path__in=parent_paths).specific()}
        for page in pages:
            setattr(page, attribute, by_path[page.path[: -Page.steplen]])
    else:
        for page in pages:
            setattr(page, attribute, parent)
    return pages
