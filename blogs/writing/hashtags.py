"""Hashtags for a quick post: the school's own first, then the class's favourites."""

import re

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from taggit.models import Tag

from home.site_settings import SchoolSettings

from ..classes.posts import BlogPostPage

# Letters (any alphabet), digits and underscores, as on social media.
HASHTAG = re.compile(r"^\w{1,50}$")
SEPARATORS = re.compile(r"[\s,]+")
CLASS_FAVOURITES = 5
RECENT_POSTS = 50


def parse_hashtags(text: str) -> list[str]:
    """``"#space, ourtown"`` → ``["space", "ourtown"]``; ``ValueError`` names a bad one."""
    tags = []
    for word in SEPARATORS.split(text.strip()):
        tag = word.lstrip("#")
        if not word:
            continue
        if not HASHTAG.match(tag):
            raise ValueError(
                _("“%(tag)s” cannot be a hashtag: use letters and numbers without spaces.")
                % {"tag": word}
            )
        tags.append(tag)
    return tags


def school_hashtag(site) -> str:
    """The hashtag from Settings › School details, without its #, or ""."""
    if site is None:
        return ""
    return SchoolSettings.for_site(site).hashtag.strip().lstrip("#")


def suggested_hashtags(site, class_blogs) -> list[str]:
    """The school's hashtag, then those the classes used most in their recent posts."""
    in_classes = Q(pk__in=[])
    for class_blog in class_blogs:
        in_classes |= Q(path__startswith=class_blog.path, depth=class_blog.depth + 1)
    recent = BlogPostPage.objects.filter(in_classes).order_by("-date")[:RECENT_POSTS]
    favourites = (
        Tag.objects.filter(blogs_blogposttag_items__content_object__in=recent.values("pk"))
        .annotate(uses=Count("blogs_blogposttag_items"))
        .order_by("-uses", "name")
        .values_list("name", flat=True)[:CLASS_FAVOURITES]
    )
    suggestions = {}
    for tag in [school_hashtag(site), *favourites]:
        if tag:
            suggestions.setdefault(tag.casefold(), tag)
    return list(suggestions.values())
