"""The admin for the school's people: pupil accounts, two-step sign-in, and the rules that keep
the admin safe for pupils (their own screens are ``blogs.writing``)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import two_factor_setup, views
from .admin_api import VisibleDocumentsAdminAPIViewSet, VisibleImagesAdminAPIViewSet
from .bulk_actions import WAGTAIL_BULK_ACTIONS, visible_only
from .groups import is_senior_leader
from .pupils import classes_managed_by, pupil_class
from .two_factor import has_two_factor, is_offered_two_factor
from .visibility import choosable_pages, without_restricted


@hooks.register("register_admin_urls")
def register_pupil_account_urls():
    return [
        path("pupil-accounts/", views.pupil_accounts, name="pupil_accounts"),
        path(
            "pupil-accounts/<int:user_id>/reset-password/",
            views.reset_pupil_password,
            name="pupil_accounts_reset_password",
        ),
        path(
            "account/two-step-sign-in/",
            two_factor_setup.two_factor_setup,
            name="two_factor_setup",
        ),
    ]


@hooks.register("register_account_menu_item")
def offer_two_step_sign_in(request):
    """On the account page's "More actions", for everyone who can see pupils' data."""
    if not is_offered_two_factor(request.user):
        return None
    on = has_two_factor(request.user)
    return {
        "url": reverse("two_factor_setup"),
        "label": _gettext("Turn off two-step sign-in")
        if on
        else _gettext("Turn on two-step sign-in"),
        "help_text": _gettext(
            "Signing in asks for a code from an app on your phone as well as your password."
        ),
    }


class PupilAccountsMenuItem(MenuItem):
    def is_shown(self, request):
        return classes_managed_by(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_pupil_accounts_menu_item():
    return PupilAccountsMenuItem(
        _("Pupil accounts"), reverse("pupil_accounts"), icon_name="group", order=250
    )


# The admin boundary (see boundary.py): what each screen may list.


@hooks.register("construct_reports_menu")
def reports_for_senior_leaders_only(request, menu_items):
    """An empty Reports menu is not shown; the reports themselves are refused in boundary.py."""
    if not is_senior_leader(request.user):
        menu_items.clear()


@hooks.register("construct_explorer_page_queryset")
def explore_only_pages_the_user_may_view(parent_page, pages, request):
    """No staff-only help sheet in the explorer of someone who may not open it."""
    return without_restricted(pages, request)


@hooks.register("construct_page_chooser_queryset")
def choose_only_pages_the_user_may_see(pages, request):
    """Live pages the user could open on the site, and drafts they may edit; no one else's."""
    return choosable_pages(pages, request)


# Wagtail registers its own at order 0; the last registered for a model and action is used.
for action_class in WAGTAIL_BULK_ACTIONS:
    hooks.register("register_bulk_action", visible_only(action_class), order=1)


@hooks.register("construct_admin_api", order=1)
def admin_api_lists_only_what_the_user_may_see(router):
    router.register_endpoint("images", VisibleImagesAdminAPIViewSet)
    router.register_endpoint("documents", VisibleDocumentsAdminAPIViewSet)


def _refuse_pupils(request, page, action: str):
    """Pupils never delete or move posts, even their own drafts: a teacher does that."""
    if request.user.is_superuser or pupil_class(request.user) is None:
        return None
    messages.error(
        request, _gettext("Ask your teacher if a post needs to be %(action)s.") % {"action": action}
    )
    return redirect("wagtailadmin_explore", page.get_parent().pk)


@hooks.register("before_delete_page")
def pupils_cannot_delete(request, page):
    return _refuse_pupils(request, page, _gettext("deleted"))


@hooks.register("before_move_page")
def pupils_cannot_move(request, page, destination=None):
    return _refuse_pupils(request, page, _gettext("moved"))
