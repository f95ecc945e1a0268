"""Whether a page may go public: every child it names or shows, against the register.

Any page shows its pictures and videos and lets its recordings be heard (wherever they are: a
field, a block, a gallery); a post also publishes its writer's work and names the children its
teacher ticked; an award names its winning pupil. Each child needs the
register's yes for that on the channel; a photo or recording nobody has said who is in is not
guessed about. Each problem says, in plain words, which child, what is missing and what to do.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _
from wagtail.images import get_image_model
from wagtail.models import ReferenceIndex
from wagtailmedia.models import get_media_model

from ..awards.models import AwardPage
from ..classes.authors import AuthorProfile
from ..classes.posts import BlogPostPage
from .models import Channel, ImagePeople, Kind, MediaPeople, People
from .register import consents_for


@dataclass(frozen=True)
class Problem:
    message: str
    pupil_id: int | None = None
    kind: str = ""
    image_id: int | None = None

    def __str__(self) -> str:
        return self.message


def shown_in(page) -> tuple[list, list]:
    """(images, audio and video items) that ``page`` shows, as it would be published: found the
    way Wagtail's reference index finds them (fields, StreamField blocks, child objects), so a
    picture in any block of any page type counts."""
    references: dict[int, set[str]] = {}
    # Wagtail's own walk of a page's content for what it refers to (the reference index's).
    for content_type_id, object_id, *_paths in ReferenceIndex._extract_references_from_object(page):
        references.setdefault(content_type_id, set()).add(object_id)
    Image, Media = get_image_model(), get_media_model()
    image_type = ContentType.objects.get_for_model(Image)
    media_type = ContentType.objects.get_for_model(Media)
    images = Image.objects.filter(pk__in=references.get(image_type.pk, set())).order_by("pk")
    media = Media.objects.filter(pk__in=references.get(media_type.pk, set())).order_by("pk")
    return list(images), list(media)


def is_pupil(user) -> bool:
    """Whether ``user`` writes as a pupil (their work and name need consent)."""
    profile = getattr(user, "author_profile", None) if user else None
    return isinstance(profile, AuthorProfile) and profile.role == AuthorProfile.Role.PUPIL


def problems_for(page, channel: str = Channel.WEBSITE) -> list[Problem]:
    """What stops ``page`` (as it would be published) from going public on ``channel``."""
    needs: list[tuple[object, str, str, object]] = []  # (pupil, kind, where, image)
    problems: list[Problem] = []
    if isinstance(page, BlogPostPage):
        writer = page.owner
        if is_pupil(writer):
            needs.append((writer, Kind.WORK, "work", None))
        needs += [(pupil, Kind.NAME, "named", None) for pupil in page.children_named.all()]
    elif isinstance(page, AwardPage):
        problems += _award_problems(page, channel)

    pictures, recordings = shown_in(page)
    people = {
        answer.image_id: answer
        for answer in ImagePeople.objects.filter(image__in=pictures).prefetch_related("pupils")
    }
    for picture in pictures:
        answer = people.get(picture.pk)
        if answer is None:
            problems.append(
                Problem(
                    _(
                        "Nobody has said who is in the photo “%(photo)s”. Say who is in it, or "
                        "that no children are."
                    )
                    % {"photo": picture.title},
                    image_id=picture.pk,
                )
            )
        elif answer.answer == People.PUPILS:
            where = _("the photo “%(title)s”") % {"title": picture.title}
            needs += [(pupil, Kind.PHOTO, where, picture) for pupil in answer.pupils.all()]

    heard = {
        answer.media_id: answer
        for answer in MediaPeople.objects.filter(media__in=recordings).prefetch_related("pupils")
    }
    for recording in recordings:
        answer = heard.get(recording.pk)
        kind = Kind.VOICE if recording.type == "audio" else Kind.PHOTO
        if answer is None:
            problems.append(
                Problem(
                    _(
                        "Nobody has said who is in the recording “%(title)s”. Say who is in "
                        "it, or that no children are."
                    )
                    % {"title": recording.title}
                )
            )
        elif answer.answer == People.PUPILS:
            where = (
                _("the recording “%(title)s”") if kind == Kind.VOICE else _("the video “%(title)s”")
            ) % {"title": recording.title}
            needs += [(pupil, kind, where, None) for pupil in answer.pupils.all()]

    return problems + _refusals(needs, channel)


def _refusals(needs, channel: str) -> list[Problem]:
    consents = consents_for({pupil.pk for pupil, *_rest in needs})
    problems = []
    for pupil, kind, where, image in needs:
        if consents.allows(pupil.pk, kind, channel):
            continue
        problems.append(
            Problem(
                _describe(pupil, kind, where, channel),
                pupil_id=pupil.pk,
                kind=kind,
                image_id=image.pk if image is not None else None,
            )
        )
    return problems


def _channel_words(channel: str) -> str:
    return {
        Channel.WEBSITE: _("on the website"),
        Channel.EMAIL: _("in the email digest"),
        Channel.PRINT: _("in print"),
    }[channel]


def _describe(pupil, kind: str, where: str, channel: str) -> str:
    said = {"name": pupil.first_name, "where": where, "channel": _channel_words(channel)}
    if kind == Kind.PHOTO:
        return (
            _(
                "%(name)s is in %(where)s, and there is no consent for photos or videos of "
                "%(name)s %(channel)s. Take it out, say %(name)s cannot be recognised in it, or "
                "record consent in the register."
            )
            % said
        )
    if kind == Kind.VOICE:
        return (
            _(
                "%(name)s is heard in %(where)s, and there is no consent for %(name)s's voice "
                "%(channel)s. Take the recording out, or record consent in the register."
            )
            % said
        )
    if kind == Kind.WORK:
        return (
            _(
                "There is no consent for %(name)s's work %(channel)s, so this post cannot be "
                "published. Record consent in the register if a parent or carer has given it."
            )
            % said
        )
    return (
        _(
            "%(name)s is named here, and there is no consent for %(name)s's name %(channel)s. "
            "Take the name out, or record consent in the register."
        )
        % said
    )


def _award_problems(award, channel: str) -> list[Problem]:
    if award.winner_kind != award.WinnerKind.PUPIL:
        return []
    pupil = award_winner(award)
    if pupil is None:
        return [
            Problem(
                _(
                    "No pupil called “%(name)s” has an account in %(class_name)s, so whether "
                    "they may be named cannot be checked. Check the name, or make their account."
                )
                % {
                    "name": award.winner_name,
                    "class_name": award.winning_class.title if award.winning_class else "",
                }
            )
        ]
    return _refusals([(pupil, Kind.NAME, "award", None)], channel)


def award_winner(award):
    """The pupil an award names: by first name, in the winning class's pupils."""
    if not award.winning_class_id or not award.winner_name:
        return None
    class_blog = award.winning_class
    return (
        get_user_model()
        .objects.filter(groups=class_blog.pupils_group_id, first_name__iexact=award.winner_name)
        .first()
    )
