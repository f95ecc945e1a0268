"""Comment moderation in the Wagtail admin: a snippet listing scoped to each teacher's classes.

Wagtail's own snippet views, filters and bulk actions do the work; this module only says who
may see which comments and adds the moderation actions.
"""

import django_filters
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from ..classes.class_blogs import ClassBlogIndexPage
from ..school.bulk_actions import VisibleObjectsOnly
from ..school.choosers import VisibleOnlySnippetChooserViewSet
from .forms import CommentAdminForm
from .models import Comment


class CommentPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions, narrowed to the comments on the user's own classes."""

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and (
            Comment.objects.for_moderator(user).filter(pk=instance.pk).exists()
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return Comment.objects.none()
        return Comment.objects.for_moderator(user)


class CommentFilterSet(WagtailFilterSet):
    class_blog = django_filters.ModelChoiceFilter(
        label=_("Class"),
        queryset=ClassBlogIndexPage.objects.order_by("path"),
        method="filter_class_blog",
    )
    created_at = django_filters.DateFromToRangeFilter(label=_("Sent"), widget=DateRangePickerWidget)

    class Meta:
        model = Comment
        fields = ["status", "class_blog", "created_at", "relation"]

    def filter_class_blog(self, queryset, name, value):
        return queryset.filter(post__path__startswith=value.path)


class ClassScopedObjectMixin:
    """Refuse a comment outside the user's classes, whichever URL asks for it."""

    def get_object(self, *args, **kwargs):
        comment = super().get_object(*args, **kwargs)
        action = "change" if isinstance(self, snippet_views.EditView) else "view"
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, action, comment
        ):
            raise PermissionDenied
        return comment


class CommentEditView(ClassScopedObjectMixin, snippet_views.EditView):
    pass


class CommentInspectView(ClassScopedObjectMixin, snippet_views.InspectView):
    pass


class CommentHistoryView(ClassScopedObjectMixin, snippet_views.HistoryView):
    pass


class CommentUsageView(ClassScopedObjectMixin, snippet_views.UsageView):
    pass


class CommentViewSet(SnippetViewSet):
    model = Comment
    icon = "comment"
    menu_label = _("Comments")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["name", "relation", "post", "status", "flagged_words", "created_at"]
    filterset_class = CommentFilterSet
    search_fields = ["name", "body"]
    inspect_view_enabled = True
    copy_view_enabled = False
    edit_view_class = CommentEditView
    inspect_view_class = CommentInspectView
    history_view_class = CommentHistoryView
    usage_view_class = CommentUsageView
    chooser_viewset_class = VisibleOnlySnippetChooserViewSet
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [
                            FieldPanel("name", read_only=True),
                            FieldPanel("relation", read_only=True),
                        ]
                    ),
                    FieldPanel("body", read_only=True),
                ],
                heading=_("Comment"),
            ),
            MultiFieldPanel(
                [FieldPanel("status"), FieldPanel("links_allowed"), FieldPanel("reply")],
                heading=_("Moderation"),
            ),
        ],
        base_form_class=CommentAdminForm,
    )

    def get_queryset(self, request):
        return (
            self.permission_policy.instances_user_has_any_permission_for(
                request.user, ["change", "view"]
            )
            .select_related("post")
            .order_by("-created_at")
        )


class ModerateCommentsBulkAction(VisibleObjectsOnly, SnippetBulkAction):
    """Approve, reject or mark as spam the chosen comments in one go (of the user's classes)."""

    models = [Comment]
    template_name = "blogs/admin/confirm_bulk_moderate.html"
    status = Comment.Status.APPROVED
    links_allowed = None

    def check_perm(self, comment):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", comment
        )

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        for comment in objects:
            comment.moderate(cls.status, user, links_allowed=cls.links_allowed)
        return len(objects), 0

    def get_execution_context(self):
        return {"user": self.request.user}

    def get_success_message(self, num_parent_objects, num_child_objects):
        return _("%(count)s comments: %(action)s.") % {
            "count": num_parent_objects,
            "action": self.display_name,
        }


class ApproveBulkAction(ModerateCommentsBulkAction):
    display_name = _("Approve")
    action_type = "approve"
    aria_label = _("Approve selected comments")
    action_priority = 10


class ApproveWithLinksBulkAction(ModerateCommentsBulkAction):
    display_name = _("Approve with links")
    action_type = "approve_with_links"
    aria_label = _("Approve selected comments and show their links")
    links_allowed = True
    action_priority = 20


class RejectBulkAction(ModerateCommentsBulkAction):
    display_name = _("Reject")
    action_type = "reject"
    aria_label = _("Reject selected comments")
    status = Comment.Status.REJECTED
    action_priority = 30


class SpamBulkAction(ModerateCommentsBulkAction):
    display_name = _("Mark as spam")
    action_type = "spam"
    aria_label = _("Mark selected comments as spam")
    status = Comment.Status.SPAM
    action_priority = 40


BULK_ACTIONS = [ApproveBulkAction, ApproveWithLinksBulkAction, RejectBulkAction, SpamBulkAction]
