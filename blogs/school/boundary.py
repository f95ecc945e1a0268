"""The admin boundary: admin screens each role may not open at all, refused before they run.

Wagtail decides what a user may *do*; some of its screens still show what they may not see.
This middleware refuses:

- reports (Wagtail's, and any other app's in its Reports menu) to everyone but senior leaders:
  they name other people and other classes' work, and Wagtail shows them to anyone who may add
  a page. The Reports menu is hidden to match (``wagtail_hooks``);
- bulk actions to pupils, Digital Leaders included: pupils never publish, move or delete;
- wagtail-localize's snippet API to everyone but senior leaders: it lists every object of any
  snippet model, comments awaiting moderation included, and checks no permission;
- any screen addressed by a page the user may not see (``visibility``): Wagtail's workflow,
  move and preview screens name the page, on screen or in an error message, before they check
  what the user may do with it.

What each screen then lists is scoped where it is built: bulk actions (``bulk_actions``),
choosers (``choosers``), the admin API (``admin_api``), the page explorer and chooser
(``wagtail_hooks``).
"""

from functools import cache

from django.core.exceptions import PermissionDenied
from django.urls import ResolverMatch, resolve, reverse
from wagtail.admin.menu import reports_menu
from wagtail.models import Page

from .groups import is_senior_leader
from .pupils import pupil_class
from .visibility import choosable_pages, explorable_pages

REPORT_NAMESPACES = {"wagtailadmin_reports"}
SENIOR_LEADERS_ONLY_VIEWS = {
    "wagtail_localize:snippets_api_listing",
    "wagtail_localize:snippets_api_detail",
}
PUPILS_REFUSED_VIEWS = {"wagtail_bulk_action"}
# The URL arguments by which Wagtail's admin addresses a page.
PAGE_ARGUMENTS = {"page_id", "parent_page_id", "page_to_move_id", "destination_id", "page_pk"}
PAGE_PK_NAMESPACES = {"wagtailadmin_pages", "wagtailadmin_api:pages"}
CHOOSER_VIEWS = {"wagtailadmin_choose_page_child"}


@cache
def admin_prefix() -> str:
    return reverse("wagtailadmin_home")


@cache
def report_views() -> frozenset[str]:
    """The view names of every report in Wagtail's Reports menu, and of their results."""
    names = {resolve(item.url).view_name for item in reports_menu.registered_menu_items}
    return frozenset(names | {f"{name}_results" for name in names})


def is_report(match: ResolverMatch) -> bool:
    return bool(REPORT_NAMESPACES.intersection(match.namespaces)) or (
        match.view_name in report_views()
    )


def addressed_page_ids(match: ResolverMatch) -> list[str]:
    ids = [value for name, value in match.kwargs.items() if name in PAGE_ARGUMENTS]
    if "pk" in match.kwargs and match.namespace in PAGE_PK_NAMESPACES:
        ids.append(match.kwargs["pk"])
    return [str(value) for value in ids]


def may_see_pages(request, match: ResolverMatch, page_ids: list[str]) -> bool:
    if match.view_name in CHOOSER_VIEWS:
        visible = choosable_pages(Page.objects.all(), request)
    else:
        visible = explorable_pages(request)
    return visible.filter(pk__in=page_ids).count() == len(set(page_ids))


class AdminBoundaryMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        user = request.user
        if (
            match is None
            or not request.path.startswith(admin_prefix())
            or not user.has_perm("wagtailadmin.access_admin")  # Wagtail refuses them itself
            or is_senior_leader(user)
        ):
            return None
        if is_report(match) or match.view_name in SENIOR_LEADERS_ONLY_VIEWS:
            raise PermissionDenied
        if match.view_name in PUPILS_REFUSED_VIEWS and pupil_class(user) is not None:
            raise PermissionDenied
        page_ids = addressed_page_ids(match)
        if page_ids and not may_see_pages(request, match, page_ids):
            raise PermissionDenied
        return None
