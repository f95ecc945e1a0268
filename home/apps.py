from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("School website")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Signal handlers need the app registry ready, so they load here, not at import.
        from . import signals

        signals.connect()
