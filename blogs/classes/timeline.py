"""The school-wide timeline, "News from our classes": every class's posts in one place.

A page of its own under the home page (``/news/``), so the home page needs nothing of the
blogs. It lists the posts of its school filtered by class, subject or tag, serves a page per
curriculum subject (``/news/subjects/<slug>/``), a page and feeds per hashtag
(``/news/tags/<slug>/``, as a school's hashtag on social media: every class's posts with it),
and the school's feeds (``/news/feed/…``).
"""

from django.db.models.functions import Substr
from django.http import Http404
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from home.languages import localized_home
from home.page_cache.fragments import remember
from home.pagination import paginate
from home.view_restrictions import ViewRestrictionsMixin

from .cards import post_cards
from .class_blogs import class_blogs_of
from .feeds import AtomPostFeed, PostFeed
from .filters import TimelineFilterSet
from .posts import BlogPostPage, BlogPostTag
from .subjects import all_subjects

POSTS_PER_PAGE = 12


def school_posts(home_page, request=None, *, cards: bool = False):
    """Every live, public post of one school (one language's tree), newest first; with
    ``cards``, read for their kept cards (``BlogPostQuerySet.for_cards``)."""
    posts = BlogPostPage.objects.descendant_of(home_page)
    if cards:
        return posts.for_cards(request, within=home_page)
    return posts.for_listing(request, within=home_page)


class TimelinePage(ViewRestrictionsMixin, RoutablePageMixin, Page):
    """ "News from our classes": one per school, directly under its home page."""

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    # The main menu shows this in the reader's language, whatever the page's title.
    menu_label = _("Class news")

    class Meta:
        verbose_name = _("timeline of class news")

    @property
    def home_page(self) -> Page:
        return self.get_parent()

    def timeline_context(
        self, request, posts, *, by_subject: bool = True, by_tag: bool = True
    ) -> dict:
        """The paginated posts and their filters, for the timeline's templates.

        A subject's own page has no subject filter (``by_subject=False``), a hashtag's page no
        hashtag filter (``by_tag=False``).
        """
        filters = TimelineFilterSet(
            request.GET,
            posts,
            choices={
                "class": class_blogs_of(self.home_page, request),
                "subject": all_subjects(request),
            },
            without=tuple(
                name for name, shown in (("subject", by_subject), ("tag", by_tag)) if not shown
            ),
            request=request,
        )
        page = paginate(request, filters.qs, POSTS_PER_PAGE)
        cards = post_cards(request, page.object_list, show_class=True)
        return {"posts": page, "cards": cards, "filters": filters}

    @path("")
    def news(self, request):
        return self.render(
            request,
            context_overrides=self.timeline_context(
                request, school_posts(self.home_page, request, cards=True)
            ),
        )

    @path("subjects/<slug:subject_slug>/", name="subject")
    def subject(self, request, subject_slug):
        subject = next((s for s in all_subjects(request) if s.slug == subject_slug), None)
        if subject is None:
            raise Http404
        posts = school_posts(self.home_page, request, cards=True).filter(subjects=subject)
        context = self.timeline_context(request, posts, by_subject=False)
        context["subject"] = subject
        return self.render(request, template="blogs/subject_page.html", context_overrides=context)

    def tagged_posts(self, tag_slug: str, request=None, *, cards: bool = False):
        """(tag, the school's live posts with it); a 404 for a tag no public post carries,
        so that a draft's hashtag is never revealed."""
        tag = Tag.objects.filter(slug=tag_slug).first()
        # "#Space" and "#space" are one hashtag to a reader, as in the timeline's filter.
        posts = (
            school_posts(self.home_page, request, cards=cards).filter(tags__name__iexact=tag.name)
            if tag
            else None
        )
        if posts is None or not posts.exists():
            raise Http404
        return tag, posts

    @path("tags/<str:tag_slug>/", name="tag")
    def tag(self, request, tag_slug):
        tag, posts = self.tagged_posts(tag_slug, request, cards=True)
        context = self.timeline_context(request, posts, by_tag=False)
        context["tag"] = tag
        return self.render(request, template="blogs/tag_page.html", context_overrides=context)

    def tag_feed(self, feed_class, tag_slug: str, request):
        tag, posts = self.tagged_posts(tag_slug, request)
        return feed_class(
            self,
            posts,
            title=gettext("#%(tag)s at %(school)s")
            % {"tag": tag.name, "school": self.home_page.title},
            description=gettext("The newest posts tagged #%(tag)s, from every class.")
            % {"tag": tag.name},
        )

    @path("tags/<str:tag_slug>/feed/rss/", name="tag_rss")
    def tag_rss_feed(self, request, tag_slug):
        return self.tag_feed(PostFeed, tag_slug, request)(request)

    @path("tags/<str:tag_slug>/feed/atom/", name="tag_atom")
    def tag_atom_feed(self, request, tag_slug):
        return self.tag_feed(AtomPostFeed, tag_slug, request)(request)

    def school_feed(self, feed_class, request):
        home = self.home_page
        return feed_class(
            self,
            school_posts(home, request),
            title=gettext("News from our classes"),
            description=gettext("The newest posts from every class blog at %(school)s.")
            % {"school": home.title},
        )

    @path("feed/rss/", name="rss")
    def rss_feed(self, request):
        return self.school_feed(PostFeed, request)(request)

    @path("feed/atom/", name="atom")
    def atom_feed(self, request):
        return self.school_feed(AtomPostFeed, request)(request)

    def get_sitemap_urls(self, request=None):
        url = self.get_full_url(request)
        home_path = self.path[: -self.steplen]
        return [
            *super().get_sitemap_urls(request),
            *(
                {"location": url + self.reverse_subpage("subject", kwargs={"subject_slug": s.slug})}
                for s in all_subjects(request)
            ),
            *(
                {"location": url + self.reverse_subpage("tag", kwargs={"tag_slug": slug})}
                for slug in hashtags_by_school(request, len(home_path)).get(home_path, [])
            ),
        ]


def hashtags_by_school(request, home_path_length: int) -> dict[str, list[str]]:
    """The hashtags of each school's live, public posts (by its home page's path), sorted:
    one query for the sitemap, however many languages and timelines it lists."""
    remembered = getattr(request, "_schoolsite_hashtags_by_school", None)
    if remembered is None:
        pairs = (
            BlogPostTag.objects.filter(
                content_object__in=BlogPostPage.objects.live().public(request),
            )
            .annotate(home_path=Substr("content_object__path", 1, home_path_length))
            .values_list("home_path", "tag__slug")
            .distinct()
            .order_by("home_path", "tag__slug")
        )
        remembered = {}
        for home_path, slug in pairs:
            remembered.setdefault(home_path, []).append(slug)
        if request is not None:
            request._schoolsite_hashtags_by_school = remembered
    return remembered


def timeline_url(request) -> str:
    """The URL of the visitor's school's timeline in their language ("" if it has none).

    Asked by the menu, cards and feeds of one page many times: looked up once per request.
    """
    if not hasattr(request, "_schoolsite_timeline_url"):

        def find() -> str:
            home = localized_home(request)
            timeline = TimelinePage.objects.child_of(home).live().first() if home else None
            return timeline.get_url(request) if timeline else ""

        # Kept between requests (the timeline is in the menu: a change purges everything).
        request._schoolsite_timeline_url = remember(request, "timeline-url", find)
    return request._schoolsite_timeline_url
