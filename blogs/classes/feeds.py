"""RSS and Atom feeds of posts, for one class blog or the whole school."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from .listing import attach_class_blogs

FEED_LENGTH = 20


class PostFeed(Feed):
    """A feed of the newest posts of ``posts``, titled after ``source_page``.

    Built per request by the routable page that serves it, so it knows its page and its
    request (for absolute links) without a URL lookup of its own.
    """

    feed_type = Rss201rev2Feed

    def __init__(self, source_page, posts, title: str, description: str, class_blog=None):
        super().__init__()
        self.source_page = source_page
        self.posts = posts
        self.feed_title = title
        self.feed_description = description
        self.class_blog = class_blog

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.source_page

    def title(self, obj) -> str:
        return self.feed_title

    def description(self, obj) -> str:
        return self.feed_description

    subtitle = description

    def link(self, obj) -> str:
        return obj.get_full_url(self.request)

    def items(self, obj):
        return attach_class_blogs(self.posts[:FEED_LENGTH], self.class_blog)

    def item_title(self, post) -> str:
        return post.title

    def item_description(self, post) -> str:
        return post.listing_summary

    def item_link(self, post) -> str:
        return post.get_full_url(self.request)

    def item_guid(self, post) -> str:
        return post.get_full_url(self.request)

    def item_author_name(self, post) -> str:
        return post.author_name

    def item_pubdate(self, post) -> datetime:
        return post.first_published_at or timezone.make_aware(datetime.combine(post.date, time(9)))

    def item_updateddate(self, post) -> datetime:
        return post.last_published_at or self.item_pubdate(post)

    def item_categories(self, post) -> list[str]:
        return [subject.name for subject in post.subjects.all()] + [
            f"#{tag.name}" for tag in post.tags.all()
        ]


class AtomPostFeed(PostFeed):
    feed_type = Atom1Feed
