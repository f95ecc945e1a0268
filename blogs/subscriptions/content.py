"""What a digest or a new-post email holds: the period's posts and awards, class by class.

Gathered once per language for a whole sending round (a fixed number of queries), then cut
per subscriber in memory, so sending a thousand digests costs what sending one does, plus the
one write and one queued email of each.

Only what any visitor may read goes in: live, public posts and awards under live, public
class blogs (a private or staff-only page is never public; a pupil's post is live only once a
teacher approved it). Each item is shown in the subscriber's language where it is translated,
linked within that language (an untranslated post opens in English there, with the site's
"not translated yet" note), and English otherwise.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Prefetch
from django.utils.translation import gettext, override
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from ..awards.models import AwardPage
from ..classes.class_blogs import ClassBlogIndexPage
from ..classes.posts import BlogPostPage
from ..comments.models import CLASS_PATH_LENGTH
from ..consent.email import allowed_by_email

# Shown at up to 560 px wide in the email; twice that for sharp phone screens. JPEG: every
# email client shows it.
PICTURE_FILTER = "fill-1120x746|format-jpeg|jpegquality-70"
PICTURE_WIDTH, PICTURE_HEIGHT = 560, 373


@dataclass(frozen=True)
class Picture:
    url: str
    alt: str
    width: int = PICTURE_WIDTH
    height: int = PICTURE_HEIGHT


@dataclass(frozen=True)
class ClassItem:
    key: int  # the English class blog's id
    title: str
    url: str


@dataclass(frozen=True)
class PostItem:
    class_key: int
    published_at: datetime
    title: str
    summary: str
    url: str
    picture: Picture | None


@dataclass(frozen=True)
class AwardItem:
    class_key: int | None  # None: a school-wide award (a commenter's)
    published_at: datetime
    category: str
    title: str
    winner: str
    citation: str
    url: str


@dataclass
class Section:
    """One class's part of an email (``class_item`` None: awards for the whole school)."""

    class_item: ClassItem | None
    posts: list[PostItem] = field(default_factory=list)
    awards: list[AwardItem] = field(default_factory=list)

    @property
    def comment_url(self) -> str:
        """Where to leave a comment: the newest post's comment form."""
        return f"{self.posts[0].url}#comments" if self.posts else ""


@dataclass
class News:
    """One school's news published in a period, in one language."""

    classes: dict[int, ClassItem]  # in the order of the page tree
    posts: list[PostItem]  # newest first
    awards: list[AwardItem]

    def sections_for(
        self,
        class_keys: Iterable[int],
        whole_school: bool,
        since: datetime,
        *,
        with_awards: bool = True,
    ) -> list[Section]:
        """The sections of one subscriber's email: their classes' news after ``since``.

        Empty when there is nothing new for them, and then no email is sent.
        """
        wanted = set(self.classes) if whole_school else set(class_keys) & set(self.classes)
        sections = {key: Section(self.classes[key]) for key in self.classes if key in wanted}
        for post in self.posts:
            if post.class_key in sections and post.published_at > since:
                sections[post.class_key].posts.append(post)
        school_wide = Section(None)
        if with_awards:
            for award in self.awards:
                if award.published_at <= since:
                    continue
                if award.class_key in sections:
                    sections[award.class_key].awards.append(award)
                elif award.class_key is None and whole_school:
                    school_wide.awards.append(award)
        found = [section for section in sections.values() if section.posts or section.awards]
        return found + ([school_wide] if school_wide.awards else [])


def _absolute(site: Site, url: str) -> str:
    """Media URLs are relative unless they come from a bucket or CDN."""
    return site.root_url + url if url.startswith("/") else url


def _picture(site: Site, post: BlogPostPage) -> Picture | None:
    image = post.featured_image
    if image is None:
        return None
    rendition = image.get_rendition(PICTURE_FILTER)
    return Picture(_absolute(site, rendition.url), image.default_alt_text)


def _in_language(pages: list[Page], model, language: str) -> dict[str, Page]:
    """Each page's live copy in ``language`` (translated or not), by translation key."""
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None or not pages or locale.pk == pages[0].locale_id:
        return {}
    copies = model.objects.live().filter(
        locale=locale, translation_key__in=[page.translation_key for page in pages]
    )
    if model is BlogPostPage:
        copies = copies.defer_streamfields().select_related("featured_image")
    elif model is AwardPage:
        copies = copies.select_related("category")
    return {page.translation_key: page for page in copies}


def gather_news(site: Site, since: datetime, until: datetime, language: str) -> News:
    """The school's posts and awards first published in (``since``, ``until``]."""
    home = site.root_page
    english_classes = list(
        ClassBlogIndexPage.objects.child_of(home).live().public().order_by("path")
    )
    by_path = {class_blog.path: class_blog for class_blog in english_classes}
    published = {"first_published_at__gt": since, "first_published_at__lte": until}
    renditions = get_image_model().get_rendition_model().objects.all()
    posts = [
        post
        for post in BlogPostPage.objects.descendant_of(home)
        .live()
        .public()
        .filter(**published)
        .defer_streamfields()
        .select_related("featured_image", "owner__author_profile")
        .prefetch_related(Prefetch("featured_image__renditions", queryset=renditions))
        .order_by("-first_published_at", "-pk")
        if post.path[:CLASS_PATH_LENGTH] in by_path
    ]
    awards = list(
        AwardPage.objects.descendant_of(home)
        .live()
        .public()
        .filter(**published)
        .select_related("category", "winning_class", "winning_post")
        .order_by("-first_published_at", "-pk")
    )
    # Only what each child's consent allows by email (blogs.consent).
    allowed = allowed_by_email(posts, awards)
    posts = [post for post in posts if post.pk in allowed.posts]
    awards = [award for award in awards if award.pk in allowed.awards]
    local_classes = _in_language(english_classes, ClassBlogIndexPage, language)
    local_posts = _in_language(posts, BlogPostPage, language)
    local_awards = _in_language(awards, AwardPage, language)

    classes = {}
    for class_blog in english_classes:
        shown = local_classes.get(class_blog.translation_key, class_blog)
        classes[class_blog.pk] = ClassItem(class_blog.pk, shown.title, shown.get_full_url())
    post_items = []
    for post in posts:
        shown = local_posts.get(post.translation_key, post)
        post_items.append(
            PostItem(
                class_key=by_path[post.path[:CLASS_PATH_LENGTH]].pk,
                published_at=post.first_published_at,
                title=shown.title,
                summary=shown.summary or shown.search_description,
                url=shown.get_full_url(),
                picture=_picture(site, post) if post.pk in allowed.pictures else None,
            )
        )
    with override(language):
        award_items = [
            _award_item(award, local_awards.get(award.translation_key, award), by_path, classes)
            for award in awards
        ]
    return News(classes, post_items, [item for item in award_items if item is not None])


def _award_item(award: AwardPage, shown: AwardPage, by_path, classes) -> AwardItem | None:
    """An award, named for its class in the subscriber's language; None if its class is not
    one whose news may be sent (a class blog taken down since)."""
    class_key = award.winning_class_id
    if class_key is None and award.winning_post_id:
        class_blog = by_path.get(award.winning_post.path[:CLASS_PATH_LENGTH])
        class_key = class_blog.pk if class_blog else None
    if award.winner_kind != AwardPage.WinnerKind.COMMENTER and class_key not in classes:
        return None
    class_title = classes[class_key].title if class_key in classes else ""
    if award.winner_kind == AwardPage.WinnerKind.PUPIL:
        winner = gettext("%(first_name)s, %(class_name)s") % {
            "first_name": award.winner_name,
            "class_name": class_title,
        }
    elif award.winner_kind == AwardPage.WinnerKind.COMMENTER:
        winner = award.winner_name
        class_key = None
    else:
        winner = class_title
    return AwardItem(
        class_key=class_key,
        published_at=award.first_published_at,
        category=award.category.name,
        title=shown.title,
        winner=winner,
        citation=shown.citation,
        url=shown.get_full_url(),
    )
