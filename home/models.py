"""The school website: one HomePage per school and the StandardPages beneath it."""

from django.db import models
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from blogs.feeds import AtomPostFeed, PostFeed
from blogs.listing import attach_class_blogs
from blogs.models import ClassBlogIndexPage, Subject
from blogs.timeline import school_posts, timeline_context

from .blocks import PARAGRAPH_FEATURES, BaseStreamBlock, LinkBlock
from .site_settings import SchoolSettings  # noqa: F401 - registers the setting's model

LATEST_POSTS_ON_HOME_PAGE = 6


class HomePage(RoutablePageMixin, Page):
    """The front page of one school: welcome, what's new in the classes, quick links.

    It also serves the school-wide timeline of class blog posts ("News from our classes"),
    a page per curriculum subject, and the school's feeds, as routes under ``news/``.
    """

    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A wide photo of the school; no pupils' faces unless parents agreed."),
    )
    welcome = RichTextField(_("welcome"), features=PARAGRAPH_FEATURES, blank=True)
    quick_links = StreamField(
        [("link", LinkBlock())],
        verbose_name=_("quick links"),
        blank=True,
        max_num=8,
        help_text=_("The pages parents look for most: term dates, lunches, clubs …"),
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "blogs.ClassBlogIndexPage",
        "blogs.AwardIndexPage",
        "blogs.HelpSheetLibraryPage",
    ]
    max_count_per_parent = 1

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("welcome")], heading=_("Welcome")),
        FieldPanel("quick_links"),
    ]
    search_fields = Page.search_fields + [index.SearchField("welcome")]

    class Meta:
        verbose_name = _("home page")

    @path("")
    def index_route(self, request, *args, **kwargs):
        """The front page itself; the timeline routes below don't need its lists."""
        return self.render(
            request,
            context_overrides={
                "class_blogs": ClassBlogIndexPage.objects.for_listing(self),
                "latest_posts": attach_class_blogs(school_posts(self)[:LATEST_POSTS_ON_HOME_PAGE]),
            },
        )

    @path("news/", name="news")
    def news(self, request):
        return self.render(
            request,
            template="blogs/news_page.html",
            context_overrides=timeline_context(request, self, school_posts(self)),
        )

    @path("news/subjects/<slug:subject_slug>/", name="subject")
    def subject(self, request, subject_slug):
        subject = get_object_or_404(Subject, slug=subject_slug)
        posts = school_posts(self).filter(subjects=subject)
        context = timeline_context(request, self, posts)
        context["subject"] = subject
        return self.render(request, template="blogs/subject_page.html", context_overrides=context)

    def school_feed(self, feed_class):
        return feed_class(
            self,
            school_posts(self),
            title=gettext("News from our classes"),
            description=gettext("The newest posts from every class blog at %(school)s.")
            % {"school": self.title},
        )

    @path("news/feed/rss/", name="rss")
    def rss_feed(self, request):
        return self.school_feed(PostFeed)(request)

    @path("news/feed/atom/", name="atom")
    def atom_feed(self, request):
        return self.school_feed(AtomPostFeed)(request)

    def get_sitemap_urls(self, request=None):
        home_url = self.get_full_url(request)
        return [
            *super().get_sitemap_urls(request),
            {"location": home_url + self.reverse_subpage("news")},
            *(
                {
                    "location": home_url
                    + self.reverse_subpage("subject", kwargs={"subject_slug": slug})
                }
                for slug in Subject.objects.values_list("slug", flat=True)
            ),
        ]


class StandardPage(Page):
    """About us, Contact, Policies and any other page of text, images and documents."""

    introduction = models.TextField(_("introduction"), blank=True, max_length=500)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("standard page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # A section page lists its own sub-pages (e.g. Policies lists each policy).
        context["child_pages"] = self.get_children().live().public()
        return context
