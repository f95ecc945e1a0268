"""Every change to what the public site shows purges it, however the change is made.

Wagtail's signals fire for the admin's screens and for every other way of changing a page:
``revision.publish()`` (a quick post, an approval in a review queue, scheduled publishing,
wagtail-localize publishing or syncing a translation), ``page.unpublish()``, moves and deletes,
so code that changes pages purges without knowing about the cache. Changes to what every page
shows (school details, languages, Sites, who may see what, pictures, files, audio and video)
purge everything.
A page made private or moved is purged with every page below it, each by its own address, for
the caches in front (nginx, a CDN), which are sent exact addresses.
Other parts connect their own models through ``home.page_cache.purge_page`` (comments) or
``purge_everything`` (snippets shown on many pages).
"""

import threading

from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import CollectionViewRestriction, Locale, Page, PageViewRestriction, Site
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
    pre_page_move,
)
from wagtailmedia.models import get_media_model

from ..site_settings import SchoolSettings
from .purge import (
    PurgeBatch,
    batch_for_page,
    batch_for_section,
    purge_everything,
    purge_page,
    schedule,
)

UID = "schoolsite-page-cache"
# Saves that change nothing a visitor sees (Wagtail fills these in as files are read).
BOOKKEEPING_FIELDS = {"file_size", "file_hash"}


def page_changed(sender, instance, **kwargs) -> None:
    purge_page(instance)


def remember_page_before(sender, instance, **kwargs) -> None:
    """Before a delete: the addresses that show the page where it is now (each page deleted
    with it is remembered in turn)."""
    _before.batches = {**getattr(_before, "batches", {}), instance.pk: batch_for_page(instance)}


def remember_section_before(sender, instance, **kwargs) -> None:
    """Before a move: the addresses of the page and of every page below it where they are now."""
    _before.batches = {**getattr(_before, "batches", {}), instance.pk: batch_for_section(instance)}


def page_moved(sender, instance, **kwargs) -> None:
    before = getattr(_before, "batches", {}).pop(instance.pk, None)
    if before is not None:
        schedule(before)
    purge_page(Page.objects.get(pk=instance.pk))


def page_deleted(sender, instance, **kwargs) -> None:
    before = getattr(_before, "batches", {}).pop(instance.pk, None)
    if before is not None:
        schedule(before)


# The addresses of pages being moved or deleted, by id, between the two signals.
_before = threading.local()


def everything_changed(sender, instance=None, **kwargs) -> None:
    if set(kwargs.get("update_fields") or ()) and set(kwargs["update_fields"]) <= (
        BOOKKEEPING_FIELDS
    ):
        return
    if kwargs.get("created") and sender in _UPLOADS:
        return  # a new picture or file is not on any page yet
    purge_everything()


_UPLOADS: set[type] = set()


def slug_changed(sender, instance, instance_before, **kwargs) -> None:
    """A new slug moves the page and every page below it to new addresses. The caches in front
    are told exact addresses, so they are sent each old one; the app's cache forgets everything
    (menus and lists on every page linked to the old addresses)."""
    new, old = instance.get_full_url(), instance_before.get_full_url()
    batch = PurgeBatch(everything=True)
    if new and old:
        for url in batch_for_section(instance).urls:
            batch.add_url(old + url.removeprefix(new) if url.startswith(new) else url)
    schedule(batch)


def section_made_private(sender, instance, **kwargs) -> None:
    """A page given a view restriction (staff only, a password, signed-in users): it and every
    page below it leave every cache, nginx's and a CDN's too, at once; and, as who may see what
    changed, everything else in the app's cache."""
    batch = batch_for_section(instance.page)
    batch.everything = True
    schedule(batch)


def connect() -> None:
    for signal, receiver in (
        (page_published, page_changed),
        (page_unpublished, page_changed),
        (pre_page_move, remember_section_before),
        (post_page_move, page_moved),
    ):
        signal.connect(receiver, dispatch_uid=UID)
    # Wagtail deletes through the base Page model, so one sender covers every page type.
    pre_delete.connect(remember_page_before, sender=Page, dispatch_uid=UID)
    post_delete.connect(page_deleted, sender=Page, dispatch_uid=UID)
    # A new slug changes the address of the page and of every page below it.
    page_slug_changed.connect(slug_changed, dispatch_uid=UID)
    _UPLOADS.update({get_image_model(), get_document_model(), get_media_model()})
    for model in (SchoolSettings, Locale, Site, CollectionViewRestriction, *_UPLOADS):
        post_save.connect(everything_changed, sender=model, dispatch_uid=UID)
        post_delete.connect(everything_changed, sender=model, dispatch_uid=UID)
    # A page made private leaves the caches in front with every page below it; made public
    # again, nothing private was kept, and the lists that now show it are purged.
    post_save.connect(section_made_private, sender=PageViewRestriction, dispatch_uid=UID)
    post_delete.connect(everything_changed, sender=PageViewRestriction, dispatch_uid=UID)
