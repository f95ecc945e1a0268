"""Whether each pupil's first name may be shown on the website, kept on their author profile.

The byline of every card and post reads it there (``classes.authors``), with no extra query:
without consent a pupil's post is signed by their class. Kept in step whenever a record or the
school's policy changes, and every cached page purged when a byline changes.
"""

from django.contrib.auth import get_user_model

from home.page_cache import purge_everything, purge_page

from ..classes.authors import AuthorProfile
from ..classes.posts import BlogPostPage
from .models import Kind
from .register import consents_for


def refresh_names(pupil_ids=None) -> list[int]:
    """Update ``may_be_named`` for these pupils (all, by default); the ids that changed."""
    profiles = AuthorProfile.objects.filter(role=AuthorProfile.Role.PUPIL)
    if pupil_ids is not None:
        profiles = profiles.filter(user_id__in=pupil_ids)
    profiles = list(profiles)
    consents = consents_for(profile.user_id for profile in profiles)
    changed = []
    for profile in profiles:
        allowed = consents.allows(profile.user_id, Kind.NAME)
        if profile.may_be_named != allowed:
            changed.append(profile.user_id)
            AuthorProfile.objects.filter(pk=profile.pk).update(may_be_named=allowed)
    if changed:
        # Bylines are on posts, class blogs, the timeline, feeds and search, in every
        # language: the app's cache forgets every page; the caches in front (nginx, a CDN),
        # which are told exact addresses, are sent each of these pupils' posts with every
        # list that shows them.
        purge_everything()
        for post in BlogPostPage.objects.live().filter(owner_id__in=changed):
            purge_page(post)
    return changed


def pupils():
    """Everyone the register is about: pupils' accounts, leavers included."""
    return get_user_model().objects.filter(author_profile__role=AuthorProfile.Role.PUPIL)
