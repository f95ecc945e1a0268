"""Bulk actions that list, and act on, only what the user may see.

Wagtail's confirmation page for a bulk action names every object asked for, those the user may
not act on included, and "select all" (``?id=all``) means every object of the model: any
signed-in user could list every comment, page title or author. Every bulk action, Wagtail's
and the project's, is given :class:`VisibleObjectsOnly`, so objects the user may not see
(``visibility.visible_objects``) are left out as if they did not exist.
"""

from wagtail.admin.views.bulk_action import BulkAction
from wagtail.admin.views.pages import bulk_actions as page_actions
from wagtail.documents.views import bulk_actions as document_actions
from wagtail.images.views import bulk_actions as image_actions
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction as SnippetDeleteBulkAction
from wagtail.users.views import bulk_actions as user_actions

from .visibility import visible_objects

# Wagtail's own bulk actions, registered again with VisibleObjectsOnly (see wagtail_hooks).
WAGTAIL_BULK_ACTIONS = [
    page_actions.DeleteBulkAction,
    page_actions.MoveBulkAction,
    page_actions.PublishBulkAction,
    page_actions.UnpublishBulkAction,
    document_actions.AddTagsBulkAction,
    document_actions.AddToCollectionBulkAction,
    document_actions.DeleteBulkAction,
    image_actions.AddTagsBulkAction,
    image_actions.AddToCollectionBulkAction,
    image_actions.DeleteBulkAction,
    SnippetDeleteBulkAction,
    user_actions.AssignRoleBulkAction,
    user_actions.DeleteBulkAction,
    user_actions.SetActiveStateBulkAction,
]


class VisibleObjectsOnly:
    """A bulk action's objects: those asked for that the user may see, split by permission."""

    def get_actionable_objects(self):
        ids = self.request.GET.getlist("id")
        if "all" in ids:
            ids = self.get_all_objects_in_listing_query(self.request.GET.get("childOf"))
        visible = visible_objects(self.request, self.model).filter(pk__in=list(ids))
        objects, without_permission = [], []
        # Wagtail's own lookup, so that nothing visible (or 404 for nothing) changes.
        for obj in self.get_queryset(self.model, visible.values_list("pk", flat=True)):
            (objects if self.check_perm(obj) else without_permission).append(obj)
        return objects, {"items_with_no_access": without_permission}


def visible_only(action_class: type[BulkAction]) -> type[BulkAction]:
    """``action_class`` with :class:`VisibleObjectsOnly`, under the same name and action type."""
    return type(action_class.__name__, (VisibleObjectsOnly, action_class), {"__module__": __name__})
