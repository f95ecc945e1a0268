from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("School website")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Signal handlers need the app registry ready, so they load here, not at import.
        from . import private_files, signals
        from .images import receivers as image_receivers  # the same: they use the models
        from .page_cache import receivers as page_cache_receivers  # the same: models too

        signals.connect()
        # First, so that an upload is cleaned before private_files may store it.
        image_receivers.connect()
        private_files.connect()
        # Every change to what a public address shows purges it from the caches.
        page_cache_receivers.connect()
        # Registers the deploy check that the Site holds the address the site is served at.
        from . import site_address  # noqa: F401
