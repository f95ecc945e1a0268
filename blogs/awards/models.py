"""The Digital Leaders' weekly Blogging Awards: categories, the archive and each award."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, Panel
from wagtail.models import Page, PageManager
from wagtail.search import index

from home.languages import localized_home
from home.page_cache.fragments import remember
from home.pagination import paginate
from home.view_restrictions import PublicPageQuerySet, ViewRestrictionsMixin

from ..classes.authors import FIRST_NAME
from ..classes.class_blogs import ClassBlogIndexPage, class_blogs_of
from ..classes.posts import BlogPostPage
from .candidates import week_candidates
from .filters import AwardFilterSet

AWARDS_PER_PAGE = 20

DEFAULT_CATEGORIES = [
    ("Most active class blog", "The class that posted the most, and the best, this week."),
    ("Most visited class blog", "The class blog with the most visitors this week."),
    ("Most interesting poster", "A pupil whose posts everyone wanted to read."),
    ("Most helpful commenter", "Someone whose comments helped and encouraged our writers."),
    ("Star post", "One post that made us think, laugh or learn."),
]


def monday_of(day):
    return day - timedelta(days=day.weekday())


class CandidatesPanel(Panel):
    """Evidence beside the award being written: the week's figures (``candidates.py``)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "blogs/admin/candidates_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            # A new award is usually for the week just gone.
            week = getattr(self.instance, "week_start", None) or (
                timezone.localdate() - timedelta(days=7)
            )
            context["candidates"] = week_candidates(monday_of(week))
            return context


class AwardCategory(models.Model):
    name = models.CharField(_("name"), max_length=80, unique=True)
    description = models.CharField(_("description"), max_length=200, blank=True)
    badge = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("badge"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A round badge; its description is its alt text."),
    )

    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("badge")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("award category")
        verbose_name_plural = _("award categories")

    def __str__(self) -> str:
        return self.name


def award_categories(request=None) -> list[AwardCategory]:
    """Every category, by name: the archive's choice. Kept between requests (a change to a
    category purges everything, see ``blogs.apps``)."""
    return remember(
        request, "award-categories", lambda: list(AwardCategory.objects.all()), per_language=False
    )


class AwardQuerySet(PublicPageQuerySet):
    def for_listing(self, request=None, within: Page | None = None):
        return (
            self.live()
            .public(request, within)
            .select_related("category__badge", "winning_class", "winning_post")
            .prefetch_related("category__badge__renditions")
            .order_by("-week_start", "category__name", "-pk")
        )

    def won_by(self, *, class_blog=None, post=None, request=None):
        """The awards a class or a post has won, newest first, for its row of badges.

        Awards name the English class or post; a Welsh class blog shows the Welsh copies of
        its awards, so each badge links within the language the visitor is reading.
        """
        winner = class_blog or post
        # The winner's school: its home page is the winner's ancestor at the site root's depth.
        home = localized_home(request) if request is not None else None
        school = winner.path[: home.depth * Page.steplen] if home is not None else None
        won = (
            {"winning_class__translation_key": class_blog.translation_key}
            if class_blog
            else {"winning_post__translation_key": post.translation_key}
        )
        awards = (
            self.live()
            .public(request, within=school)
            # The awards' translation keys first: the database then starts from the few
            # awards, not from every page in the winner's language (10,000 posts).
            .filter(
                translation_key__in=AwardPage.objects.filter(**won).values("translation_key"),
                locale_id=winner.locale_id,
                **won,
            )
            .select_related("category__badge")
        )
        return awards.prefetch_related("category__badge__renditions").order_by("-week_start")


AwardManager = PageManager.from_queryset(AwardQuerySet)


class AwardIndexPage(ViewRestrictionsMixin, Page):
    """The Blogging Awards archive: every award, newest week first."""

    introduction = models.TextField(_("introduction"), blank=True, max_length=500)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["blogs.AwardPage"]
    max_count_per_parent = 1
    content_panels = Page.content_panels + [FieldPanel("introduction")]

    class Meta:
        verbose_name = _("awards archive")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = AwardFilterSet(
            request.GET,
            AwardPage.objects.child_of(self).for_listing(request, within=self),
            choices={
                "category": award_categories(request),
                "class": class_blogs_of(self.get_parent(), request),
            },
            request=request,
        )
        context.update(awards=paginate(request, filters.qs, AWARDS_PER_PAGE), filters=filters)
        return context


class AwardPage(ViewRestrictionsMixin, Page):
    class WinnerKind(models.TextChoices):
        CLASS = "class", _("A class")
        PUPIL = "pupil", _("A pupil")
        COMMENTER = "commenter", _("A commenter")

    week_start = models.DateField(
        _("week"), help_text=_("Any day of the week the award is for; it is saved as its Monday.")
    )
    category = models.ForeignKey(
        AwardCategory, verbose_name=_("category"), on_delete=models.PROTECT, related_name="awards"
    )
    winner_kind = models.CharField(
        _("the winner is"), max_length=10, choices=WinnerKind.choices, default=WinnerKind.CLASS
    )
    winning_class = models.ForeignKey(
        "blogs.ClassBlogIndexPage",
        verbose_name=_("winning class"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="awards",
    )
    winner_name = models.CharField(
        _("winner's name"),
        max_length=60,
        blank=True,
        help_text=_("A pupil's first name only, or the name a commenter signed with."),
    )
    winning_post = models.ForeignKey(
        "blogs.BlogPostPage",
        verbose_name=_("winning post"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="awards",
    )
    citation = models.TextField(_("citation"), max_length=1000)

    objects = AwardManager()

    parent_page_types = ["blogs.AwardIndexPage"]
    subpage_types: list[str] = []

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("week_start"), FieldPanel("category")], heading=_("The award")),
        MultiFieldPanel(
            [
                FieldPanel("winner_kind"),
                FieldPanel("winning_class"),
                FieldPanel("winner_name"),
                FieldPanel("winning_post"),
            ],
            heading=_("The winner"),
        ),
        FieldPanel("citation"),
        CandidatesPanel(heading=_("This week's candidates")),
    ]

    search_fields = Page.search_fields + [index.SearchField("citation")]

    class Meta:
        verbose_name = _("award")

    def clean(self):
        super().clean()
        errors = {}
        if self.week_start:
            self.week_start = monday_of(self.week_start)
            if self.week_start > monday_of(timezone.localdate()):
                errors["week_start"] = _("A week in the future cannot be awarded yet.")
        name = " ".join(self.winner_name.split())
        self.winner_name = name
        if self.winner_kind == self.WinnerKind.PUPIL:
            if not name or not FIRST_NAME.match(name) or " " in name:
                errors["winner_name"] = _(
                    "Give the pupil's first name only, e.g. 'Amara': never a surname."
                )
            if not self.winning_class_id:
                errors["winning_class"] = _("Choose the pupil's class.")
        elif self.winner_kind == self.WinnerKind.CLASS and not self.winning_class_id:
            errors["winning_class"] = _("Choose the winning class.")
        elif self.winner_kind == self.WinnerKind.COMMENTER and not name:
            errors["winner_name"] = _("Give the name the commenter signed with.")
        if errors:
            raise ValidationError(errors)

    @property
    def winner_display(self) -> str:
        if self.winner_kind == self.WinnerKind.PUPIL and self.winning_class:
            return f"{self.winner_name}, {self.winning_class.title}"
        if self.winner_kind == self.WinnerKind.COMMENTER:
            return self.winner_name
        return self.winning_class.title if self.winning_class else ""

    @property
    def week_end(self):
        return self.week_start + timedelta(days=6)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.category_id is not None:
            self.category = AwardCategory.objects.select_related("badge").get(pk=self.category_id)
        # The winners as named (winner_display) and in the visitor's language (the links):
        # one query each, where following the links and translating them took two or three.
        if self.winning_class_id is not None:
            self.winning_class, context["winning_class_here"] = self._winner_and_translation(
                ClassBlogIndexPage, self.winning_class_id
            )
        if self.winning_post_id is not None:
            self.winning_post, context["winning_post_here"] = self._winner_and_translation(
                BlogPostPage, self.winning_post_id
            )
        return context

    def _winner_and_translation(self, model, pk: int) -> tuple:
        """(the page ``pk``, its live copy in this award's language, or itself)."""
        copies = list(
            model.objects.filter(
                translation_key__in=Page.objects.filter(pk=pk).values("translation_key")
            ).filter(models.Q(pk=pk) | models.Q(locale_id=self.locale_id, live=True))
        )
        winner = next(page for page in copies if page.pk == pk)
        here = next((page for page in copies if page.locale_id == self.locale_id), winner)
        return winner, here
