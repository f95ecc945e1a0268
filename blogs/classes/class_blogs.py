"""A class's blog: one ClassBlogIndexPage per class, under the school's home page."""

from django.db import models
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager
from wagtail.search import index

from home.blocks import PARAGRAPH_FEATURES
from home.page_cache.fragments import remember
from home.pagination import paginate
from home.view_restrictions import PublicPageQuerySet, ViewRestrictionsMixin

from .cards import post_cards
from .feeds import AtomPostFeed, PostFeed
from .posts import BlogPostPage

POSTS_PER_PAGE = 12
BADGES_SHOWN = 12


class KeyStage(models.TextChoices):
    EYFS = "eyfs", _("Early Years (Nursery and Reception)")
    KS1 = "ks1", _("Key Stage 1 (Years 1–2)")
    LKS2 = "lks2", _("Lower Key Stage 2 (Years 3–4)")
    UKS2 = "uks2", _("Upper Key Stage 2 (Years 5–6)")
    RESOURCE_BASE = "sen", _("Resource base (mixed ages)")


class ClassColour(models.TextChoices):
    """A fixed palette: every colour keeps white text at WCAG AA contrast (4.5:1 or more)."""

    RED = "red", _("Red")
    ORANGE = "orange", _("Orange")
    GREEN = "green", _("Green")
    TEAL = "teal", _("Teal")
    BLUE = "blue", _("Blue")
    PURPLE = "purple", _("Purple")
    PINK = "pink", _("Pink")
    GREY = "grey", _("Grey")


class ClassBlogQuerySet(PublicPageQuerySet):
    def for_listing(self, home_page: Page, request=None) -> "ClassBlogQuerySet":
        """The live, public class blogs of one school, with what a listing card shows."""
        return (
            self.child_of(home_page)
            .live()
            .public(request, within=home_page)
            .select_related("mascot")
            .prefetch_related("mascot__renditions")
            .order_by("path")
        )


ClassBlogManager = PageManager.from_queryset(ClassBlogQuerySet)


def class_blogs_of(home_page: Page, request=None) -> list["ClassBlogIndexPage"]:
    """The live, public class blogs of one school, in order: the timeline's and search's
    choice of class. Kept between requests (a class blog is in the menu: a change to one
    purges everything)."""
    return remember(
        request,
        f"class-blogs:{home_page.pk}",
        lambda: list(
            ClassBlogIndexPage.objects.child_of(home_page)
            .live()
            .public(request, within=home_page)
            .order_by("path")
        ),
        per_language=False,
    )


class ClassBlogIndexPage(ViewRestrictionsMixin, RoutablePageMixin, Page):
    """The home of one class's blog, e.g. Eagle Class (Years 1–2)."""

    year_group = models.CharField(
        _("year group"),
        max_length=60,
        help_text=_("As parents know it, e.g. 'Years 1 and 2' or 'Nursery and Reception'."),
    )
    key_stage = models.CharField(_("key stage"), max_length=8, choices=KeyStage.choices)
    teachers = models.CharField(
        _("teachers"),
        max_length=200,
        blank=True,
        help_text=_("Display names as the children use them, e.g. 'Mrs Khan and Mr Patel'."),
    )
    introduction = RichTextField(_("introduction"), features=PARAGRAPH_FEATURES, blank=True)
    colour = models.CharField(
        _("class colour"), max_length=10, choices=ClassColour.choices, default=ClassColour.BLUE
    )
    mascot = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("mascot"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The class's emblem; its description is used as alt text."),
    )

    # The class's own groups and collection, made and kept in step by `setup_school`.
    teachers_group = models.ForeignKey(
        "auth.Group",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="taught_class_blogs",
    )
    pupils_group = models.ForeignKey(
        "auth.Group",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="pupil_class_blogs",
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ClassBlogManager()

    parent_page_types = ["home.HomePage"]
    subpage_types = ["blogs.BlogPostPage"]

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("year_group"), FieldPanel("key_stage"), FieldPanel("teachers")],
            heading=_("Class"),
        ),
        FieldPanel("introduction"),
        MultiFieldPanel([FieldPanel("colour"), FieldPanel("mascot")], heading=_("Look")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.FilterField("key_stage"),
    ]

    class Meta:
        verbose_name = _("class blog")

    @property
    def short_name(self) -> str:
        """'Eagle' for 'Eagle Class': the word its groups and collection are named after."""
        return self.title.removesuffix(" Class").strip() or self.title

    def get_posts(self, request=None):
        return BlogPostPage.objects.child_of(self).for_listing(request, within=self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        posts = BlogPostPage.objects.child_of(self).for_cards(request, within=self)
        posts = paginate(request, posts, POSTS_PER_PAGE)
        context["posts"] = posts
        context["cards"] = post_cards(request, posts.object_list, show_class=False, class_blog=self)
        # Awards build on class blogs, so the class blog finds its badges through them.
        from ..awards.models import AwardPage

        context["awards"] = AwardPage.objects.won_by(class_blog=self, request=request)[
            :BADGES_SHOWN
        ]
        return context

    def feed(self, feed_class, request):
        return feed_class(
            self,
            self.get_posts(request),
            title=self.title,
            description=_gettext("The newest posts from %(class_name)s's blog.")
            % {"class_name": self.title},
            class_blog=self,
        )

    @path("feed/rss/", name="rss")
    def rss_feed(self, request):
        return self.feed(PostFeed, request)(request)

    @path("feed/atom/", name="atom")
    def atom_feed(self, request):
        return self.feed(AtomPostFeed, request)(request)
