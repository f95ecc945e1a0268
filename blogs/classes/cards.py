"""A post's card, as lists of posts show it (class blog, timeline, hashtag and subject pages,
home page), kept between those pages until the post changes.

Making a card is most of a list page's work (its picture, links, subjects and hashtags); a list
made again after one post changed (the timeline, after every publish) makes only that post's
card and takes the others from the page cache's store (``fragments.remember_each``). The
card's post is read again, with its subjects, hashtags and picture, only when its card is made.
"""

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from home.page_cache.fragments import remember_each

from .listing import attach_class_blogs
from .posts import BlogPostPage

CARD_TEMPLATE = "includes/post_card.html"


def post_cards(request, posts, *, show_class: bool, class_blog=None) -> list[SafeString]:
    """The cards of ``posts`` (a page of a list, in its order, from ``for_cards``);
    ``show_class`` names each post's class on its card, ``class_blog`` is the class of every
    post when they share it."""
    posts = list(posts)

    def make(missing: list) -> dict[int, SafeString]:
        # Read again: the list was read before the cards' generations were.
        fresh = list(
            BlogPostPage.objects.filter(pk__in=[post.pk for post in missing]).for_listing(request)
        )
        attach_class_blogs(fresh, class_blog=class_blog)
        return {
            post.pk: render_to_string(
                CARD_TEMPLATE, {"post": post, "show_class": show_class}, request=request
            )
            for post in fresh
        }

    cards = remember_each(request, "post-card", posts, make, vary=(show_class,))
    # A post gone since the list was read (unpublished this instant) has no card.
    return [cards[post.pk] for post in posts if post.pk in cards]
