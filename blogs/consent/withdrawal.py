"""Acting on a withdrawal at once: every published page it no longer allows is hidden.

A pupil's work: their posts are unpublished. Their photo, video or voice: each page showing
it is unpublished, or (if the school's policy says so) republished without that picture or
recording. Their name: posts naming them and awards to them are unpublished, and their own
posts are signed by their class from now on. Every language's copy goes with the page, and
each step is kept (``Withdrawal``) for the class teacher to review and as the audit. The
pictures and recordings themselves leave the public media folder: they move into a staff-only
collection below their own, so their old addresses answer nothing.

The same check runs when a teacher says who is in a picture already on a live page: a page the
register does not allow is unpublished at once (``hide_where_not_allowed``).
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.blocks import StreamValue
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import Collection, CollectionViewRestriction, Locale, Page, ReferenceIndex
from wagtailmedia.models import get_media_model

from ..awards.models import AwardPage
from ..classes.posts import BlogPostPage
from ..helpsheets.models import staff_groups
from ..school.groups import is_senior_leader
from ..school.pupils import classes_managed_by
from .checks import problems_for
from .models import ConsentPolicy, ConsentRecord, Kind, Withdrawal
from .register import policy

UNPUBLISHED = "unpublished"
TOOK_OUT = "took out"


def _live(pages) -> list[Page]:
    """``pages`` and every translation of them, live ones only."""
    keys = {page.translation_key for page in pages}
    return list(Page.objects.filter(translation_key__in=keys, live=True).specific())


def _referencing(objects) -> list[Page]:
    """The pages whose content refers to any of ``objects`` (Wagtail's reference index)."""
    page_type = ContentType.objects.get_for_model(Page)
    ids = (
        ReferenceIndex.get_references_to_in_bulk(objects)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    return list(Page.objects.filter(pk__in=[int(pk) for pk in ids]))


def shown_pictures(pupil, kind: str):
    """The images (photos) and media (videos, or recordings for voice) a pupil is in."""
    if kind == Kind.PHOTO:
        images = get_image_model().objects.filter(people__pupils=pupil)
        media = get_media_model().objects.filter(people__pupils=pupil, type="video")
        return list(images), list(media)
    if kind == Kind.VOICE:
        return [], list(get_media_model().objects.filter(people__pupils=pupil, type="audio"))
    return [], []


def pages_relying_on(pupil, kind: str) -> list[Page]:
    """The live pages (every language) that show ``kind`` of ``pupil`` on the website."""
    if kind == Kind.WORK:
        pages = list(BlogPostPage.objects.filter(owner=pupil))
    elif kind == Kind.NAME:
        awards = AwardPage.objects.filter(
            winner_kind=AwardPage.WinnerKind.PUPIL,
            winner_name__iexact=pupil.first_name,
            winning_class__pupils_group__in=pupil.groups.all(),
        )
        pages = [*BlogPostPage.objects.filter(children_named=pupil), *awards]
    else:
        images, media = shown_pictures(pupil, kind)
        pages = _referencing([*images, *media]) if images or media else []
    return _live(pages) if pages else []


@transaction.atomic
def act_on(record: ConsentRecord) -> list[Withdrawal]:
    """Hide what ``record`` (a withdrawal on the website) no longer allows; what was done, one
    entry per page (its copies in other languages go with it)."""
    if record.allowed or record.channel != "website":
        return []
    how = policy().on_withdrawal
    images, media = shown_pictures(record.pupil, record.kind)
    by_page: dict = {}
    for page in pages_relying_on(record.pupil, record.kind):
        by_page.setdefault(page.translation_key, []).append(page)
    done = []
    for copies in by_page.values():
        # Aliases follow their original: only pages with content of their own are changed.
        own = [page for page in copies if page.alias_of_id is None]
        original = next((page for page in own if page.locale_id == _default_locale()), copies[0])
        took_out = (
            how == ConsentPolicy.OnWithdrawal.TAKE_OUT
            and record.kind in (Kind.PHOTO, Kind.VOICE)
            and all(_take_out(page, images, media) for page in own)
        )
        if not took_out:
            for page in copies:
                page.refresh_from_db(fields=["live"])
                if page.live:
                    page.unpublish(log_action=True)
        action = TOOK_OUT if took_out else UNPUBLISHED
        log(
            instance=original,
            action="blogs.consent_withdrawn",
            data={"pupil": record.pupil.first_name, "kind": record.kind, "action": action},
        )
        done.append(
            Withdrawal.objects.create(
                record=record, page=original, page_title=original.title, action=action
            )
        )
    keep_off_the_website([*images, *media])
    return done


def keep_off_the_website(items) -> None:
    """Move each picture or recording into a staff-only collection below its own: its files
    leave the public media folder (``home.private_files`` moves them and drops the
    renditions), and its class's teachers still find it there."""
    for item in items:
        if item.collection.get_view_restrictions().exists():
            continue
        item.collection = _staff_only_below(item.collection)
        item.save(update_fields=["collection"])


def _staff_only_below(collection: Collection) -> Collection:
    shelf = next((c for c in collection.get_children() if c.get_view_restrictions()), None)
    if shelf is None:
        # Named once, in the school's own language, for the teachers who open it.
        with translation.override(Locale.get_default().language_code):
            shelf = collection.add_child(name=_("Not for the website"))
        restriction = CollectionViewRestriction.objects.create(
            collection=shelf, restriction_type=CollectionViewRestriction.GROUPS
        )
        restriction.groups.set(staff_groups())
    return shelf


def hide_where_not_allowed(images=(), media=()) -> list[Page]:
    """The live pages (every language) showing ``images`` or ``media`` that the register does
    not allow now, because who is in them was changed after they were published: unpublished,
    with the reason in each page's history."""
    hidden = []
    for page in _live(_referencing([*images, *media])) if (images or media) else []:
        problems = problems_for(page)
        if not problems:
            continue
        page.refresh_from_db(fields=["live"])
        if page.live:
            page.unpublish(log_action=True)
            log(
                instance=page,
                action="blogs.consent_withdrawn",
                data={"action": "; ".join(str(problem) for problem in problems)},
            )
            hidden.append(page)
    return hidden


def _default_locale() -> int:
    return Locale.get_default().pk


def _take_out(page, images, media) -> bool:
    """Republish ``page`` without the pictures or recordings the pupil is in; False when
    that would still leave it against someone's consent (then it is unpublished instead)."""
    image_ids = {image.pk for image in images}
    media_ids = {item.pk for item in media}
    live = page.live_revision.as_object() if page.live_revision_id else page
    if getattr(live, "featured_image_id", None) in image_ids:
        live.featured_image = None
    for name in ("body", "steps", "quick_links"):
        stream = getattr(live, name, None)
        if isinstance(stream, StreamValue):
            setattr(live, name, _without(stream, image_ids, media_ids))
    if problems_for(live):
        return False
    revision = live.save_revision(clean=False, log_action=True)
    revision.publish(skip_permission_checks=True)
    return True


def _without(stream: StreamValue, image_ids: set[int], media_ids: set[int]) -> StreamValue:
    """``stream`` less every block showing one of the images or media."""
    kept = []
    for block in stream.raw_data:
        value = block["value"]
        if block["type"] in ("image", "pupil_work") and value.get("image") in image_ids:
            continue
        if block["type"] in ("audio", "video") and value.get(block["type"]) in media_ids:
            continue
        if block["type"] == "gallery":
            items = [
                item
                for item in value["images"]
                if (item.get("value", item) or {}).get("image") not in image_ids
            ]
            if len(items) < 2:
                continue  # a gallery needs two pictures; its one left over goes with it
            value = {**value, "images": items}
        kept.append({**dict(block), "value": value})
    return StreamValue(stream.stream_block, kept, is_lazy=True)


def reviewing(teacher):
    """What withdrawals hid in the classes ``teacher`` teaches, not yet reviewed (senior
    leaders: everything)."""
    waiting = Withdrawal.objects.filter(reviewed_at=None).select_related("record__pupil")
    if is_senior_leader(teacher):
        return waiting
    paths = Q(pk__in=[])
    for path in classes_managed_by(teacher).values_list("path", flat=True):
        paths |= Q(page__path__startswith=path)
    return waiting.filter(paths)


def describe(withdrawal: Withdrawal) -> str:
    return (
        _("“%(title)s” was unpublished")
        if withdrawal.action == UNPUBLISHED
        else _("“%(title)s” was published again without the photo or recording")
    ) % {"title": withdrawal.page_title}
