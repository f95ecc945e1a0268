"""Panels of Wagtail's dashboard that lead to the writing screens."""

from wagtail.admin.ui.components import Component

from .my_posts import posts_of
from .quick_post_views import publishable_class_blogs


class PupilPostsPanel(Component):
    """A Digital Leader's own posts, as "My posts" shows them, above their awards work."""

    name = "pupil_posts"
    order = 10
    template_name = "blogs/writing/includes/pupil_posts_panel.html"

    def __init__(self, user, class_blog):
        self.user = user
        self.class_blog = class_blog

    def get_context_data(self, parent_context=None):
        return {"class_blog": self.class_blog, "posts": posts_of(self.user)}


class QuickPostPanel(Component):
    """One big button for a teacher: a photo and a sentence, published from the phone."""

    name = "quick_post"
    order = 5
    template_name = "blogs/writing/includes/quick_post_panel.html"

    @staticmethod
    def is_offered_to(user) -> bool:
        if not hasattr(user, "_schoolsite_quick_post"):
            user._schoolsite_quick_post = (
                user.is_authenticated and publishable_class_blogs(user).exists()
            )
        return user._schoolsite_quick_post
