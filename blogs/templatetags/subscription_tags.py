"""The "Follow" box on class blogs, the home page and the timeline: email or a feed reader."""

from urllib.parse import urlencode

from django import template
from django.urls import reverse

register = template.Library()


@register.inclusion_tag("blogs/subscriptions/follow_box.html")
def follow_box(class_blog=None) -> dict:
    """Links to the follow page, with ``class_blog`` already chosen when there is one."""
    url = reverse("subscriptions:subscribe")
    if class_blog is not None:
        url += "?" + urlencode({"class": class_blog.pk})
    return {"class_blog": class_blog, "subscribe_url": url}
