"""Comments in the admin: the list of every comment and its bulk actions ("To check" holds the
ones waiting, ``blogs.review``)."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .moderation import BULK_ACTIONS, CommentViewSet

register_snippet(CommentViewSet)
for bulk_action in BULK_ACTIONS:
    hooks.register("register_bulk_action", bulk_action)
