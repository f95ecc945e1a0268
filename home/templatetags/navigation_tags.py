"""Site-wide navigation, built from the page tree so editors control it with 'Show in menus'."""

from django import template
from wagtail.models import Page

from ..languages import localized_home
from ..view_restrictions import public_q, restricted_sections

register = template.Library()


def _site_root(request) -> Page | None:
    """The home page in the visitor's language: the Welsh menu lists the Welsh pages."""
    return localized_home(request) if request is not None else None


def _menu_pages(root: Page | None, request=None):
    if root is None:
        return Page.objects.none()
    public = public_q(restricted_sections(request), within=root)
    return root.get_children().live().filter(public).in_menu()


def _menu_label(page: Page) -> str:
    """A page type may name itself in the reader's language (``menu_label``), so a page
    whose title is not translated still reads right in the menu; otherwise, its title."""
    return getattr(page.specific_class, "menu_label", None) or page.title


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context) -> dict:
    request = context.get("request")
    root = _site_root(request)
    current = context.get("page") or context.get("self")
    items = []
    for menu_page in _menu_pages(root, request):
        is_current = bool(
            current is not None
            and isinstance(current, Page)
            and current.path.startswith(menu_page.path)
        )
        items.append({"page": menu_page, "label": _menu_label(menu_page), "is_current": is_current})
    return {
        "root": root,
        "root_url": root.get_url(request) if root else "",
        "items": items,
        "request": request,
    }


@register.inclusion_tag("includes/footer.html", takes_context=True)
def site_footer(context) -> dict:
    request = context.get("request")
    return {
        "menu_pages": _menu_pages(_site_root(request), request),
        "settings": context.get("settings"),
        "request": request,
    }
