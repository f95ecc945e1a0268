"""Finding the page at a public address in two queries, where Wagtail asks two per level.

Wagtail routes ``/cy/eagle/our-trip/`` by asking for the site's home page in the visitor's
language (its Locale, its translation, its specific page), then, level by level, for the child
with the next slug and for that child's specific page: nine queries for a post. This
middleware routes the same way before Wagtail's ``serve`` view runs and hands it the answer
(``request._wagtail_route_for_request``, which Wagtail reads first): the home page is kept
between requests (``localized_home``), every page on the path comes in one query, and only
the page served is loaded as its own type. A routable page on the way (the timeline, a class
blog's feeds) is asked for its routes by its class, as Wagtail would, before its children.
"""

from django.db.models import Q
from django.http import Http404, HttpRequest
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page
from wagtail.url_routing import RouteResult
from wagtail.views import serve

from .languages import localized_home


class PageRoutingMiddleware:
    """Routes the requests that reach Wagtail's ``serve`` view (see the module)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> None:
        if view_func is serve and not hasattr(request, "_wagtail_route_for_request"):
            path = view_args[0] if view_args else view_kwargs.get("path", "")
            request._wagtail_route_for_request = route(request, path)


def route(request: HttpRequest, path: str) -> RouteResult | None:
    """What Wagtail's ``Page.route_for_request`` finds for ``path``, or None (a 404)."""
    home = localized_home(request)
    if home is None:
        return None
    components = [component for component in path.split("/") if component]
    try:
        return _route_below(home, components, request)
    except Http404:
        return None


def _route_below(home: Page, components: list[str], request: HttpRequest) -> RouteResult:
    pages_on_path = _pages_on_path(home, components)
    page = home
    for index, slug in enumerate(components):
        remaining = components[index:]
        if not _routes_like_wagtail(page):
            return page.specific.route(request, remaining)  # its own rule: let it decide
        if page.live and _has_route(page, remaining):
            return page.specific.route(request, remaining)
        child = pages_on_path.get((page.path, slug))
        if child is None:
            raise Http404
        child._cached_parent_obj = page  # as Wagtail's routing does: get_parent() is free
        page = child
    return page.specific.route(request, [])


def _pages_on_path(home: Page, components: list[str]) -> dict[tuple[str, str], Page]:
    """Every page the path could pass through, by (parent's path, slug), in one query."""
    if not components:
        return {}
    levels = Q()
    for depth, slug in enumerate(components, start=home.depth + 1):
        levels |= Q(depth=depth, slug=slug)
    candidates = Page.objects.filter(levels, path__startswith=home.path)
    return {(page.path[: -Page.steplen], page.slug): page for page in candidates}


def _routes_like_wagtail(page: Page) -> bool:
    """Whether the page's type routes as Wagtail's ``Page`` or ``RoutablePageMixin`` do."""
    return (page.specific_class or Page).route in (Page.route, RoutablePageMixin.route)


def _has_route(page: Page, components: list[str]) -> bool:
    """Whether a routable page's own routes (feeds, subjects …) take this path, as
    ``RoutablePageMixin.route`` tries them before the page's children."""
    if not issubclass(page.specific_class or Page, RoutablePageMixin):
        return False
    try:
        page.specific_class.get_resolver().resolve("/" + "/".join(components) + "/")
    except Http404:
        return False
    return True
