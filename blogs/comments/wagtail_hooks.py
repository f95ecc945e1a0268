"""Comments in the admin: the moderation queue, its bulk actions and the dashboard count."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.site_summary import SummaryItem
from wagtail.snippets.models import register_snippet

from .models import Comment
from .moderation import BULK_ACTIONS, CommentViewSet

register_snippet(CommentViewSet)
for bulk_action in BULK_ACTIONS:
    hooks.register("register_bulk_action", bulk_action)


class PendingCommentsSummaryItem(SummaryItem):
    """ "N comments waiting" on a moderator's dashboard, linking to the filtered queue."""

    order = 50
    template_name = "blogs/admin/pending_comments_summary.html"

    def get_context_data(self, parent_context=None):
        waiting = Comment.objects.for_moderator(self.request.user).pending().count()
        return {"waiting": waiting, "url": reverse("wagtailsnippets_blogs_comment:list")}

    def is_shown(self):
        return self.request.user.has_perm("blogs.change_comment")


@hooks.register("construct_homepage_summary_items")
def add_pending_comments_summary(request, summary_items):
    summary_items.append(PendingCommentsSummaryItem(request))
