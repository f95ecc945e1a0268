"""The register in the admin (its screens and menu item, for senior leaders, the office and
class teachers), publishing checked against it, and what withdrawals hid on teachers' dashboards."""

from django.contrib import messages
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.log_actions import LogFormatter
from wagtail.models import Page

from . import views
from .checks import problems_for
from .enforcement import before_publish, refusal_message
from .recording import classes_in_register_of
from .withdrawal import reviewing

app_name = "consent"
urlpatterns = [
    path("consent/", views.register, name="register"),
    path("consent/pupils/<int:user_id>/", views.pupil, name="pupil"),
    path("consent/import/", views.import_file, name="import"),
    path("consent/refused/<int:page_id>/", views.refused, name="refused"),
    path("consent/review/", views.review, name="review"),
    path("consent/review/<int:pk>/", views.reviewed, name="reviewed"),
]


@hooks.register("register_admin_urls")
def register_consent_urls():
    return [path("", include((urlpatterns, app_name), namespace=app_name))]


class RegisterMenuItem(MenuItem):
    def is_shown(self, request):
        return classes_in_register_of(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_consent_menu_item():
    return RegisterMenuItem(
        _("Consent register"),
        reverse("consent:register"),
        name="consent",
        icon_name="lock",
        order=260,
    )


hooks.register("before_publish_page", before_publish)


@hooks.register("before_bulk_action")
def leave_refused_pages_out_of_bulk_publishing(
    request, action_type, objects, action_class_instance
):
    """Bulk publishing publishes the rest; each refused page is named with its reasons."""
    if action_type != "publish":
        return
    for page in list(objects):
        if not isinstance(page, Page):
            continue
        latest = page.get_latest_revision_as_object()
        problems = problems_for(latest)
        if problems:
            objects.remove(page)
            messages.error(request, refusal_message(latest, problems))


class HiddenByWithdrawalPanel(Component):
    name = "hidden_by_withdrawal"
    order = 2
    template_name = "blogs/consent/includes/review_panel.html"

    def __init__(self, count: int):
        self.count = count

    def get_context_data(self, parent_context=None):
        return {"count": self.count, "url": reverse("consent:review")}


@hooks.register("construct_homepage_panels")
def withdrawals_to_review(request, panels):
    if not classes_in_register_of(request.user).exists():
        return
    count = reviewing(request.user).count()
    if count:
        panels.insert(0, HiddenByWithdrawalPanel(count))


@hooks.register("register_log_actions")
def consent_in_each_pages_history(actions):
    @actions.register_action("blogs.consent_withdrawn")
    class Withdrawn(LogFormatter):
        label = _("Hidden: consent withdrawn")

        def format_message(self, log_entry):
            return _("Hidden because consent was withdrawn (%(action)s)") % {
                "action": log_entry.data.get("action", "")
            }

    @actions.register_action("blogs.consent_held_back")
    class HeldBack(LogFormatter):
        label = _("Not published: consent missing")
        message = _("Scheduled publishing held back: consent is missing")
