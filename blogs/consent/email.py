"""What the email digest may carry, by the register's answers for email.

A post goes only if its writer's work may (a pupil's; a teacher's always), its picture only if
everyone in it may be shown by email (a picture nobody has said who is in stays out); an award
to a pupil goes only if the pupil may be named by email. Read for a whole sending round in a
fixed few queries.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model

from .checks import is_pupil
from .models import Channel, ImagePeople, Kind, People
from .register import consents_for


@dataclass(frozen=True)
class EmailAllowed:
    posts: set[int]
    pictures: set[int]  # the posts whose featured picture may be shown
    awards: set[int]


def allowed_by_email(posts: list, awards: list) -> EmailAllowed:
    """``posts`` need ``owner__author_profile`` and ``featured_image`` loaded."""
    people = {
        said.image_id: said
        for said in ImagePeople.objects.filter(
            image__in=[post.featured_image_id for post in posts if post.featured_image_id]
        ).prefetch_related("pupils")
    }
    winners = _award_winners(awards)
    pupils = (
        {post.owner_id for post in posts if is_pupil(post.owner)}
        | {pupil.pk for said in people.values() for pupil in said.pupils.all()}
        | {pupil.pk for pupil in winners.values()}
    )
    consents = consents_for(pupils)

    def may(pupil_id: int, kind: str) -> bool:
        return consents.allows(pupil_id, kind, Channel.EMAIL)

    allowed_posts = {
        post.pk for post in posts if not is_pupil(post.owner) or may(post.owner_id, Kind.WORK)
    }
    pictures = set()
    for post in posts:
        said = people.get(post.featured_image_id)
        if said is None:
            continue
        if said.answer != People.PUPILS or all(
            may(pupil.pk, Kind.PHOTO) for pupil in said.pupils.all()
        ):
            pictures.add(post.pk)
    allowed_awards = {
        award.pk
        for award in awards
        if award.winner_kind != award.WinnerKind.PUPIL
        or (award.pk in winners and may(winners[award.pk].pk, Kind.NAME))
    }
    return EmailAllowed(allowed_posts, pictures, allowed_awards)


def _award_winners(awards: list) -> dict:
    """Each pupil's award's winner, by award, in one query."""
    wanted = [
        award
        for award in awards
        if award.winner_kind == award.WinnerKind.PUPIL and award.winning_class_id
    ]
    if not wanted:
        return {}
    candidates = (
        get_user_model()
        .objects.filter(groups__in=[award.winning_class.pupils_group_id for award in wanted])
        .values_list("pk", "first_name", "groups")
    )
    by_name = {(name.casefold(), group): pk for pk, name, group in candidates}
    users = get_user_model().objects.in_bulk(set(by_name.values()))
    found = {}
    for award in wanted:
        pk = by_name.get((award.winner_name.casefold(), award.winning_class.pupils_group_id))
        if pk is not None:
            found[award.pk] = users[pk]
    return found
