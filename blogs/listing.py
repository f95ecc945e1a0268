"""Helpers for pages that list posts."""

from wagtail.models import Page


def attach_class_blogs(posts, class_blog=None) -> list:
    """Give each post its class blog in a fixed number of queries, not a ``get_parent()`` each.

    ``class_blog`` short-cuts the look-up when every post comes from the same class.
    """
    posts = list(posts)
    if class_blog is None:
        parent_paths = {post.path[: -Page.steplen] for post in posts}
        parents = Page.objects.filter(path__in=parent_paths).specific() if posts else []
        by_path = {parent.path: parent for parent in parents}
        for post in posts:
            post.class_blog = by_path[post.path[: -Page.steplen]]
    else:
        for post in posts:
            post.class_blog = class_blog
    return posts
