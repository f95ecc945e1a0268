"""The school website: one HomePage per school and the StandardPages beneath it."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import PARAGRAPH_FEATURES, BaseStreamBlock, LinkBlock
from .site_settings import SchoolSettings  # noqa: F401 - registers the setting's model
from .view_restrictions import ViewRestrictionsMixin, public_q, restricted_sections

# Other parts of the site add their sections to the home page (the class blogs add their
# latest posts) through this hook, so the base imports nothing of them.
HOME_PAGE_CONTEXT_HOOK = "construct_home_page_context"


class HomePage(ViewRestrictionsMixin, Page):
    """The front page of one school: welcome, what's new in the classes, quick links.

    Functions registered with the ``construct_home_page_context`` hook add what other parts
    of the site show here: ``fn(request, home_page, context)``.
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
        "blogs.TimelinePage",
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

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        for construct_context in hooks.get_hooks(HOME_PAGE_CONTEXT_HOOK):
            construct_context(request, self, context)
        return context


class StandardPage(ViewRestrictionsMixin, Page):
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
        context["child_pages"] = (
            self.get_children().live().filter(public_q(restricted_sections(request), within=self))
        )
        return context
