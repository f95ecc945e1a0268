"""The panel of a teacher's dashboard that leads to the quick post."""

from wagtail.admin.ui.components import Component

from .quick_post_views import publishable_class_blogs


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
