"""A class blog post: what a pupil or teacher writes, with pictures, sound, video and work."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page, PageManager
from wagtail.search import index

from home.languages import source_language_pk
from home.view_restrictions import PublicPageQuerySet, ViewRestrictionsMixin

from ..comments.forms import CommentForm
from ..comments.models import Comment
from .authors import personal_name, public_author_name
from .blocks import BlogPostStreamBlock
from .post_form import BlogPostForm


class BlogPostTag(TaggedItemBase):
    content_object = ParentalKey(
        "blogs.BlogPostPage", related_name="tagged_items", on_delete=models.CASCADE
    )


# Newest first; posts of one day in the order they were published.
LISTING_ORDER = ("-date", "-first_published_at", "-pk")


class BlogPostQuerySet(PublicPageQuerySet):
    def for_listing(self, request=None, within: Page | None = None) -> "BlogPostQuerySet":
        """Live, public posts, newest first, with everything a card shows in a fixed few
        queries (``public`` explains ``request`` and ``within``)."""
        return (
            self.live()
            .public(request, within)
            .defer_streamfields()
            .select_related("owner__author_profile", "featured_image")
            .prefetch_related(
                "subjects",
                "tags",
                Prefetch(
                    "featured_image__renditions",
                    queryset=get_image_model().get_rendition_model().objects.all(),
                ),
            )
            .annotate(comment_count=_approved_comment_count())
            .order_by(*LISTING_ORDER)
        )

    def for_cards(self, request=None, within: Page | None = None) -> "BlogPostQuerySet":
        """The posts ``for_listing`` lists, reading only what finds each one's kept card and
        its address (``cards``): a card not kept reads its post again, in full."""
        return (
            self.live()
            .public(request, within)
            .only("title", "path", "url_path", "locale")
            .order_by(*LISTING_ORDER)
        )


BlogPostManager = PageManager.from_queryset(BlogPostQuerySet)


def _approved_comment_count():
    """A subquery, so counting comments never multiplies the listing's rows."""
    counts = (
        Comment.objects.approved()
        # Comments are kept on the default language's post; translations share its count.
        .filter(post__translation_key=OuterRef("translation_key"), reply_to=None)
        .order_by()
        .values("post__translation_key")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return Coalesce(Subquery(counts, output_field=models.IntegerField()), 0)


class BlogPostPage(ViewRestrictionsMixin, Page):
    date = models.DateField(_("date"), default=timezone.localdate)
    summary = models.TextField(
        _("summary"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences for the list of posts and for sharing."),
    )
    featured_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("featured image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in lists of posts. The image's description is used as its alt text."),
    )
    subjects = ParentalManyToManyField(
        "blogs.Subject", verbose_name=_("subjects"), blank=True, related_name="posts"
    )
    tags = ClusterTaggableManager(
        verbose_name=_("tags"),
        through=BlogPostTag,
        blank=True,
        help_text=_("Words that link posts together, shown as hashtags, e.g. 'spacetopic'."),
    )
    body = StreamField(BlogPostStreamBlock(), verbose_name=_("body"))

    objects = BlogPostManager()
    base_form_class = BlogPostForm

    parent_page_types = ["blogs.ClassBlogIndexPage"]
    subpage_types: list[str] = []

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("featured_image"),
        MultiFieldPanel(
            [
                FieldPanel("subjects", widget=forms.CheckboxSelectMultiple),
                FieldPanel("tags"),
            ],
            heading=_("Subjects and tags"),
        ),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.RelatedFields("subjects", [index.SearchField("name")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("date"),
    ]

    class Meta:
        verbose_name = _("blog post")
        # A post's newer and older neighbours are found by date, stopping at the first.
        indexes = [models.Index(fields=["date", "page_ptr"], name="blogs_post_date_idx")]

    def clean(self):
        super().clean()
        if self.featured_image and not self.featured_image.description.strip():
            raise ValidationError(
                {
                    "featured_image": _(
                        "This image has no description, so it cannot be read out to visitors "
                        "who cannot see it. Add a description to the image, or choose another."
                    )
                }
            )

    @cached_property
    def class_blog(self):
        """The class this post belongs to; listings set it in bulk with attach_class_blogs."""
        return self.get_parent().specific

    @property
    def author_name(self) -> str:
        return public_author_name(self.owner, self.class_blog.title)

    @property
    def byline_name(self) -> str:
        """The author's name where the class is shown beside it ("" for the class itself)."""
        return personal_name(self.owner)

    @property
    def listing_summary(self) -> str:
        return self.summary or self.search_description

    def approved_comments(self):
        """Top-level approved comments, oldest first, each with its approved replies."""
        replies = Comment.objects.approved().order_by("created_at")
        return (
            Comment.objects.approved()
            # One conversation in every language: kept on the default language's post.
            .filter(post_id=source_language_pk(self), reply_to=None)
            .order_by("created_at")
            .prefetch_related(Prefetch("replies", queryset=replies, to_attr="approved_replies"))
        )

    def neighbours(self, request=None) -> tuple["BlogPostPage | None", "BlogPostPage | None"]:
        """(the newer post, the older post) of the same class."""
        parent = self.get_parent()  # kept from routing: no query
        # Not public(within=…): a range of paths would lead the database away from the date
        # index, which finds each neighbour by reading a row or two, not the whole class.
        siblings = (
            BlogPostPage.objects.child_of(parent)
            .exclude(pk=self.pk)
            .live()
            .public(request)
            .defer_streamfields()
        )
        newer = Q(date__gt=self.date) | Q(date=self.date, pk__gt=self.pk)
        older = Q(date__lt=self.date) | Q(date=self.date, pk__lt=self.pk)
        return (
            siblings.filter(newer, date__gte=self.date).order_by("date", "pk").first(),
            siblings.filter(older, date__lte=self.date).order_by("-date", "-pk").first(),
        )

    def get_context(self, request, *args, **kwargs):
        # Awards build on posts and class blogs: imported here to keep that one direction.
        from ..awards.models import AwardPage

        context = super().get_context(request, *args, **kwargs)
        context["awards"] = AwardPage.objects.won_by(post=self, request=request)
        context["comments"] = self.approved_comments()
        # The page is cached and shared: the form's token is fetched as the visitor writes.
        context["comment_form"] = CommentForm(issue_token=False)
        context["newer_post"], context["older_post"] = self.neighbours(request)
        if self.owner_id is not None:
            # The byline's name and public name, in one query.
            self.owner = (
                get_user_model().objects.select_related("author_profile").get(pk=self.owner_id)
            )
        return context
