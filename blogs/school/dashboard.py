"""The dashboard a pupil sees: one big button to write a post, and their posts' progress."""

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.ui.components import Component
from wagtail.models import WorkflowState

from ..classes.posts import BlogPostPage

RECENT_POSTS = 20


def post_status(post: BlogPostPage) -> tuple[str, str]:
    """(status, teacher's comment) in words a seven-year-old understands.

    Expects ``post.newest_workflow_states`` (newest first), prefetched by the panel.
    """
    state = next(iter(post.newest_workflow_states), None)
    if state and state.status == WorkflowState.STATUS_IN_PROGRESS:
        return _("Waiting for your teacher to check it"), ""
    if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        comment = state.current_task_state.get_comment() if state.current_task_state else ""
        return _("Your teacher asked for changes"), comment
    if post.live and not post.has_unpublished_changes:
        return _("Published – everyone can read it"), ""
    if post.live:
        return _("Published, with changes not sent yet"), ""
    return _("Draft – not sent to your teacher yet"), ""


class PupilDashboardPanel(Component):
    name = "pupil_dashboard"
    order = 10
    template_name = "blogs/admin/pupil_dashboard.html"

    def __init__(self, user, class_blog):
        self.user = user
        self.class_blog = class_blog

    def get_context_data(self, parent_context=None):
        states = WorkflowState.objects.order_by("-created_at").select_related("current_task_state")
        posts = (
            # Untranslated copies in other languages carry the same owner; leave them out.
            BlogPostPage.objects.filter(owner=self.user, alias_of=None)
            .defer_streamfields()
            .prefetch_related(
                # Wagtail's relation for querysets of a specific page type.
                Prefetch(
                    "_specific_workflow_states", queryset=states, to_attr="newest_workflow_states"
                )
            )
            .order_by("-latest_revision_created_at")[:RECENT_POSTS]
        )
        return {
            "class_blog": self.class_blog,
            "new_post_url": reverse(
                "wagtailadmin_pages:add", args=("blogs", "blogpostpage", self.class_blog.pk)
            ),
            "posts": [(post, *post_status(post)) for post in posts],
        }
