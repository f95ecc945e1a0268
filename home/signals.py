"""Untranslated copies are deleted with their original, however the original is deleted.

wagtail-localize keeps a copy (an alias) of each English page in every other language until
it is translated. Wagtail turns aliases into ordinary pages when their original is deleted,
which would leave a deleted post live at /cy/…; the admin's delete screen asks about other
languages (see wagtail_hooks), and these receivers cover every other way a page is deleted.

The default Locale's id, remembered by ``languages``, is forgotten whenever a Locale changes.
"""

from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Locale, Page

from .languages import forget_default_locale


def remember_stand_ins(sender, instance, **kwargs) -> None:
    if not hasattr(instance, "_stand_in_ids"):
        instance._stand_in_ids = list(
            Page.objects.filter(alias_of_id=instance.pk)
            .exclude(locale_id=instance.locale_id)
            .values_list("pk", flat=True)
        )


def delete_stand_ins(sender, instance, **kwargs) -> None:
    stand_in_ids = getattr(instance, "_stand_in_ids", None)
    if stand_in_ids:
        instance._stand_in_ids = []
        # One at a time, so Wagtail's tree bookkeeping (and these receivers) run for each.
        for stand_in in Page.objects.filter(pk__in=stand_in_ids):
            stand_in.delete()


def connect() -> None:
    # Wagtail always deletes through the base Page model, so one sender covers every type.
    pre_delete.connect(remember_stand_ins, sender=Page, dispatch_uid="schoolsite-stand-ins")
    post_delete.connect(delete_stand_ins, sender=Page, dispatch_uid="schoolsite-stand-ins")
    for signal in (post_save, post_delete):
        signal.connect(forget_default_locale, sender=Locale, dispatch_uid="schoolsite-locale")
