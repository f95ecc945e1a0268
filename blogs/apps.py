from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BlogsConfig(AppConfig):
    name = "blogs"
    verbose_name = _("Class blogs")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Models and admin policies need the app registry ready: imported here, not at the top.
        from wagtail.permissions import register_permission_policy

        from .comments.models import Comment  # a model: only once the registry is ready
        from .comments.moderation import CommentPermissionPolicy  # imports the models too

        # Registered before any admin view asks, so Wagtail never falls back to its default.
        register_permission_policy(Comment, CommentPermissionPolicy(Comment))

        # What a public page shows changes with its comments and with the snippets it names:
        # purge the page cache (home/page_cache) however they change.
        from django.db.models.signals import post_delete, post_save

        from .awards.models import AwardCategory  # models: only once the registry is ready
        from .classes import purging  # imports the models too
        from .classes.authors import AuthorProfile  # a model: the same
        from .classes.subjects import Subject  # a model: the same

        for signal in (post_save, post_delete):
            signal.connect(purging.comment_changed, sender=Comment, dispatch_uid="page-cache")
            for model in (Subject, AuthorProfile, AwardCategory):
                signal.connect(
                    purging.shown_everywhere_changed, sender=model, dispatch_uid="page-cache"
                )
