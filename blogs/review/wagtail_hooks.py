"""'To check' in the admin: its screens, its place in the menu and at the top of the
dashboard (with how many things wait), and feedback in each post's history.

It replaces the two places a teacher used to look: Wagtail's "Awaiting your review" panel and
the "N comments waiting" link are gone from the dashboard.
"""

from django.urls import include, path, reverse
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.log_actions import LogFormatter

from . import queue, views

app_name = "review"
urlpatterns = [
    path("to-check/", views.to_check, name="queue"),
    path("to-check/more/", views.more_to_check, name="more"),
    path("to-check/posts/<int:task_state_id>/", views.decide_post, name="decide_post"),
    path("to-check/comments/<int:comment_id>/", views.decide_comment, name="decide_comment"),
    path("feedback/<int:pk>/voice/", views.voice_note, name="voice_note"),
]
# Wagtail's own dashboard panel of pages waiting for the user's review: "To check" replaces it.
WAGTAILS_REVIEW_PANEL = "workflow_objects_to_moderate"


@hooks.register("register_admin_urls")
def register_review_urls():
    return [path("", include((urlpatterns, app_name), namespace=app_name))]


class ToCheckMenuItem(MenuItem):
    def is_shown(self, request):
        return views._may_review(request.user)

    def render_component(self, request):
        component = super().render_component(request)
        count = queue.count_for_request(request)
        if count:
            component.label = _gettext("To check (%(count)s)") % {"count": count}
        return component


@hooks.register("register_admin_menu_item")
def register_to_check_menu_item():
    return ToCheckMenuItem(
        _("To check"), reverse("review:queue"), name="to-check", icon_name="tasks", order=3
    )


class ToCheckPanel(Component):
    name = "to_check"
    order = 1
    template_name = "blogs/review/includes/to_check_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        return {"count": queue.count_for_request(self.request), "url": reverse("review:queue")}


@hooks.register("construct_homepage_panels")
def to_check_first_on_the_dashboard(request, panels):
    panels[:] = [panel for panel in panels if getattr(panel, "name", "") != WAGTAILS_REVIEW_PANEL]
    if views._may_review(request.user):
        panels.insert(0, ToCheckPanel(request))


@hooks.register("register_log_actions")
def feedback_in_the_posts_history(actions):
    @actions.register_action("blogs.feedback")
    class FeedbackLog(LogFormatter):
        label = _("Feedback for the pupil")

        def format_message(self, log_entry):
            data = log_entry.data
            words = data.get("text") or ""
            if data.get("voice_note"):
                words = f"{words} ({_gettext('with a voice note')})".strip()
            return _gettext("Feedback for the pupil: %(words)s") % {"words": words}
