"""The search's results pages, in every language, purged when an editor's pick changes."""

from home.page_cache import purge_paths

from .wagtail_hooks import search_paths


def promotion_changed(sender, instance=None, **kwargs) -> None:
    """Settings › Promoted search results: every language's results show the picks."""
    purge_paths(sorted(search_paths()))
