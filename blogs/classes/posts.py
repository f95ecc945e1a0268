"""A class blog post: what a pupil or teacher writes, with pictures, sound, video and work."""

from django import forms
from django.conf import settings
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
from wagtail.query import PageQuerySet
from wagtail.search import index

from home.languages import source_language_page

from ..comments.forms import CommentForm
from ..comments.models import Comment
from .authors import personal_name, public_author_name
from .blocks import BlogPostStreamBlock
from .post_form import BlogPostForm


class BlogPostTag(TaggedItemBase):
    content_object = ParentalKey(
        "blogs.BlogPostPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class BlogPostQuerySet(PageQuerySet):
    def for_listing(self) -> "BlogPostQuerySet":
        """Live, public posts, newest first, with everything a card shows in a fixed few queries."""
        return (
            self.live()
            .public()
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
            .order_by("-date", "-first_published_at", "-pk")
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


class BlogPostPage(Page):
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
    # Who is named in the words (the consent register must allow it; blogs.consent).
    children_named = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("children named in this post"),
        blank=True,
        related_name="+",
        help_text=_(
            "Tick each child whose name is in the words: their name may be published only "
            "with their parent's or carer's consent. (Who is in a photo is asked with the photo.)"
        ),
    )

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
        FieldPanel("children_named", widget=forms.CheckboxSelectMultiple),
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
            source_language_page(self)
            .comments.approved()
            .filter(reply_to=None)
            .order_by("created_at")
            .prefetch_related(Prefetch("replies", queryset=replies, to_attr="approved_replies"))
        )

    def get_context(self, request, *args, **kwargs):
        # Awards build on posts and class blogs: imported here to keep that one direction.
        from ..awards.models import AwardPage

        context = super().get_context(request, *args, **kwargs)
        context["awards"] = AwardPage.objects.won_by(post=self)
        context["comments"] = self.approved_comments()
        context["comment_form"] = CommentForm()
        siblings = BlogPostPage.objects.sibling_of(self, inclusive=False).live().public()
        newer = Q(date__gt=self.date) | Q(date=self.date, pk__gt=self.pk)
        context["newer_post"] = siblings.filter(newer).order_by("date", "pk").first()
        context["older_post"] = siblings.exclude(newer).order_by("-date", "-pk").first()
        return context
