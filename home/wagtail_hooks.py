"""Admin behaviour for a site in several languages."""

from wagtail import hooks
from wagtail.models import Page

from .page_cache.policy import mark_public


@hooks.register("construct_translated_pages_to_cascade_actions")
def act_on_every_language(pages: list[Page], action: str) -> dict | None:
    """Unpublishing, deleting or moving a page does the same to it in every language.

    A teacher who takes a post down takes it down everywhere: a Welsh translation of a post
    withdrawn in English must not stay public. Wagtail lists these pages on the confirmation
    screen before anything happens.
    """
    if action in ("unpublish", "delete"):
        # Untranslated copies already follow their original (Wagtail unpublishes aliases;
        # home.signals deletes them), so only real translations are listed here.
        return {
            page: Page.objects.translation_of(page, inclusive=False).filter(alias_of=None)
            for page in pages
        }
    if action == "move":
        return {page: Page.objects.translation_of(page, inclusive=False) for page in pages}
    return None


# After Wagtail's own check of view restrictions (order 0), which answers a staff-only or
# password-protected page with a sign-in redirect or a password form before this runs.
@hooks.register("before_serve_page", order=100)
def pages_are_public(page, request, serve_args, serve_kwargs) -> None:
    """A page Wagtail serves to a visitor without a session is the same for every visitor,
    so the page cache and the caches in front may share it (``home.page_cache.policy``)."""
    mark_public(request)
