"""The demo's consent register: everyone's consent recorded, a few families' "no", a post that
cannot be approved until it is fixed, and every demo picture's answer to "who is in it"."""

from datetime import date

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.images import get_image_model
from wagtail.models import Locale
from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.synctree import create_aliases_for_new_page

from ..classes.authors import AuthorProfile
from ..classes.posts import BlogPostPage
from ..consent.models import Channel, ConsentRecord, ImagePeople, Kind, People
from ..consent.names import refresh_names
from ..consent.people import remember_who_is_in
from ..school.pupils import pupil_class
from .data import load, paragraph
from .media import demo_image

DATA = load("consent")


def ensure_consent() -> tuple[None, str]:
    """Returns what ``seed_demo`` prints for this stage."""
    _pictures_without_children()
    recorded = ensure_register()
    _refused_post()
    return None, _("%(pupils)s pupils' consent recorded, %(exceptions)s with a “no”") % {
        "pupils": recorded,
        "exceptions": len(DATA["exceptions"]),
    }


def _pictures_without_children() -> None:
    """The demo's pictures are drawings, work and photos of things: no children in them
    (``demo_image`` says so of each; this catches any made another way)."""
    answered = ImagePeople.objects.values("image_id")
    ImagePeople.objects.bulk_create(
        ImagePeople(image=image, answer=People.NO_CHILDREN)
        for image in get_image_model().objects.exclude(pk__in=answered)
    )


def ensure_register() -> int:
    """Consent for every pupil who has none recorded yet; how many pupils there are."""
    pupils = get_user_model().objects.filter(author_profile__role=AuthorProfile.Role.PUPIL)
    new = pupils.exclude(consent_records__isnull=False)
    start_of_year = date(timezone.localdate().year - (timezone.localdate().month < 9), 9, 4)
    records = []
    for pupil in new:
        said_no = set(DATA["exceptions"].get(pupil.username, []))
        records += [
            ConsentRecord(
                pupil=pupil,
                kind=kind,
                channel=channel,
                allowed=f"{channel}_{kind}" not in said_no,
                given_by=DATA["given_by"],
                decided_on=start_of_year,
                source=ConsentRecord.Source.IMPORT,
            )
            for channel in Channel
            for kind in Kind
        ]
    ConsentRecord.objects.bulk_create(records)
    refresh_names()  # bulk_create sends no signals
    return pupils.count()


def _refused_post() -> None:
    spec = DATA["refused_post"]
    User = get_user_model()
    writer = User.objects.get(username=spec["writer"])
    shown = User.objects.get(username=spec["shows"])
    class_blog = pupil_class(writer)
    slug = slugify(spec["title"])
    if BlogPostPage.objects.child_of(class_blog).filter(slug=slug).exists():
        return
    photo = demo_image(spec["title"], spec["picture"]["description"], spec["picture"])
    remember_who_is_in(photo, People.PUPILS, [shown], writer)
    post = BlogPostPage(
        title=spec["title"],
        slug=slug,
        owner=writer,
        live=False,
        locale=Locale.get_default(),
        summary=spec["text"],
        featured_image=photo,
        body=[("paragraph", paragraph(spec["text"]))],
    )
    class_blog.add_child(instance=post)
    if LocaleSynchronization.objects.exists():
        create_aliases_for_new_page(post)  # as the writing screen does for a new post
    post.save_revision(user=writer)
    post.get_workflow().start(post, writer)
