from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class SearchConfig(AppConfig):
    name = "search"

    def ready(self):
        # Editors' picks show on the results pages, which the page cache keeps: a change to
        # one purges them (home/page_cache). Models: only once the registry is ready.
        from wagtail.contrib.search_promotions.models import SearchPromotion

        from . import purging  # imports the page cache's models too

        for signal in (post_save, post_delete):
            signal.connect(
                purging.promotion_changed, sender=SearchPromotion, dispatch_uid="page-cache"
            )
