"""Giving each post of a list its class blog, in a fixed number of queries."""

from django.apps import apps

from home.listing import attach_parents


def attach_class_blogs(posts, class_blog=None) -> list:
    """``post.class_blog`` for every post, in one query (none when ``class_blog`` is given)."""
    # A post's parent is always a class blog (BlogPostPage.parent_page_types).
    model = apps.get_model("blogs", "ClassBlogIndexPage")
    return attach_parents(posts, "class_blog", parent=class_blog, parent_model=model)
