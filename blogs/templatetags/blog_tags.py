"""Links into the school-wide timeline and feeds, found in the page tree, not hard-coded."""

from django import template
from django.urls import reverse
from django.utils.html import format_html
from wagtail.models import Page

from ..classes.class_blogs import ClassBlogIndexPage
from ..classes.posts import BlogPostPage
from ..classes.timeline import TimelinePage, timeline_url

register = template.Library()


def _route(context, name: str, **kwargs) -> str:
    base = timeline_url(context["request"])
    return base + TimelinePage.get_resolver().reverse(name, **kwargs) if base else ""


@register.simple_tag(takes_context=True)
def news_url(context) -> str:
    return _route(context, "news")


@register.simple_tag(takes_context=True)
def subject_url(context, subject) -> str:
    return _route(context, "subject", subject_slug=subject.slug)


@register.simple_tag(takes_context=True)
def tag_url(context, tag) -> str:
    """A hashtag's own page, listing every class's posts with it."""
    return _route(context, "tag", tag_slug=tag.slug)


@register.inclusion_tag("includes/feed_links.html", takes_context=True)
def feed_links(context) -> dict:
    """Feed autodiscovery: the school's feeds everywhere, and a class's feeds on its pages."""
    page = context.get("page")
    if isinstance(page, ClassBlogIndexPage):
        class_blog = page
    elif isinstance(page, BlogPostPage):
        class_blog = page.class_blog
    else:
        class_blog = None
    return {
        "school_rss": _route(context, "rss"),
        "school_atom": _route(context, "atom"),
        "class_blog": class_blog,
        "request": context["request"],
    }


@register.simple_tag(takes_context=True)
def absolute_url(context, url: str) -> str:
    """An absolute URL for sharing; URLs that already are absolute (S3, a CDN) are kept."""
    return context["request"].build_absolute_uri(url)


@register.simple_tag(takes_context=True)
def filter_query(context) -> str:
    """The current filters as a query string without ``page``, for pagination links."""
    query = context["request"].GET.copy()
    query.pop("page", None)
    return query.urlencode()


@register.simple_tag(takes_context=True)
def visit_beacon(context) -> str:
    """The one-pixel picture that counts a visit to this page (``blogs/awards/visits.py``);
    nothing in a preview."""
    page = context.get("page")
    request = context.get("request")
    if not isinstance(page, Page) or getattr(request, "is_preview", False):
        return ""
    return format_html(
        '<img class="visit-beacon" src="{}" alt="" width="1" height="1">',
        reverse("count_visit", args=[page.pk]),
    )
