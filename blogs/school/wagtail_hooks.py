"""The admin for the school's people: pupil accounts, the pupil's own dashboard, and the
rules that keep the admin safe and simple for pupils."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views
from .dashboard import PupilDashboardPanel
from .pupils import classes_managed_by, pupil_class


@hooks.register("register_admin_urls")
def register_pupil_account_urls():
    return [
        path("pupil-accounts/", views.pupil_accounts, name="pupil_accounts"),
        path(
            "pupil-accounts/<int:user_id>/reset-password/",
            views.reset_pupil_password,
            name="pupil_accounts_reset_password",
        ),
    ]


class PupilAccountsMenuItem(MenuItem):
    def is_shown(self, request):
        return classes_managed_by(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_pupil_accounts_menu_item():
    return PupilAccountsMenuItem(
        _("Pupil accounts"), reverse("pupil_accounts"), icon_name="group", order=250
    )


@hooks.register("construct_homepage_panels")
def show_pupils_their_own_dashboard(request, panels):
    class_blog = pupil_class(request.user)
    if class_blog is not None and not request.user.is_superuser:
        panels[:] = [PupilDashboardPanel(request.user, class_blog)]


@hooks.register("construct_main_menu")
def hide_reports_from_pupils(request, menu_items):
    if not request.user.is_superuser and pupil_class(request.user) is not None:
        menu_items[:] = [item for item in menu_items if item.name != "reports"]


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
