"""The help-sheet library: step-by-step guides for staff, pupils and parents.

A sheet or a whole library can be staff-only: that is Wagtail's own page privacy, limited to
the Staff group and above (``staff_groups``); its documents belong in the private
"Staff documents" collection. Lists show each visitor only the sheets they may open.
"""

from datetime import timedelta

from django import forms
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtailmedia.blocks import VideoChooserBlock

from home.blocks import PARAGRAPH_FEATURES, DocumentBlock
from home.pagination import paginate
from home.view_restrictions import ViewRestrictionsMixin, under

from ..school.groups import SENIOR_LEADERS, STAFF
from .filters import HelpSheetFilterSet

REVIEW_AFTER = timedelta(days=365)
STAFF_DOCUMENTS_COLLECTION = "Staff documents"

DEFAULT_TOPICS = [
    ("Blogging", "blogging"),
    ("Tweeting and social media", "social-media"),
    ("Photos and video", "photos-and-video"),
    ("E-safety", "e-safety"),
    ("The learning platform", "learning-platform"),
    ("Guides for parents", "guides-for-parents"),
]


def staff_groups():
    """Staff "and above": staff, senior leaders and every class's teachers; never pupils."""
    return Group.objects.filter(
        Q(name__in=[STAFF, SENIOR_LEADERS]) | Q(taught_class_blogs__isnull=False)
    ).distinct()


class HelpSheetTopic(models.Model):
    name = models.CharField(_("name"), max_length=60, unique=True)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("help-sheet topic")
        verbose_name_plural = _("help-sheet topics")

    def __str__(self) -> str:
        return self.name


class StepBlock(blocks.StructBlock):
    instruction = blocks.RichTextBlock(label=_("Instruction"), features=PARAGRAPH_FEATURES)
    screenshot = ImageChooserBlock(label=_("Screenshot"), required=False)
    screenshot_alt = blocks.CharBlock(
        label=_("Screenshot alt text"),
        required=False,
        max_length=250,
        help_text=_("Say what the screenshot shows, e.g. 'The Publish button, bottom left'."),
    )
    note_kind = blocks.ChoiceBlock(
        label=_("Note"),
        required=False,
        choices=[("tip", _("Tip")), ("warning", _("Warning"))],
    )
    note = blocks.TextBlock(label=_("Note text"), required=False)

    class Meta:
        icon = "list-ol"
        label = _("Step")
        template = "blocks/step_block.html"

    def clean(self, value):
        value = super().clean(value)
        if value.get("screenshot") and not value.get("screenshot_alt", "").strip():
            raise blocks.StructBlockValidationError(
                block_errors={"screenshot_alt": ValidationError(_("Describe the screenshot."))}
            )
        return value


class StaffOnlyMixin(models.Model):
    """A "staff only" switch that keeps Wagtail's page privacy in step with it."""

    staff_only = models.BooleanField(
        _("staff only"),
        default=False,
        help_text=_("Only staff, teachers and senior leaders can open this when signed in."),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        restriction = PageViewRestriction.objects.filter(
            page=self, restriction_type=PageViewRestriction.GROUPS
        ).first()
        if self.staff_only:
            restriction = restriction or PageViewRestriction.objects.create(
                page=self, restriction_type=PageViewRestriction.GROUPS
            )
            restriction.groups.set(staff_groups())
        elif restriction:
            restriction.delete()


def restricted_paths(request) -> list[str]:
    """Tree paths behind a view restriction this request does not pass.

    Every restriction is checked once against the request (one query with its groups), once
    per request, so lists and search can leave out whole private branches in a fixed number
    of queries.
    """
    if not hasattr(request, "_schoolsite_restricted_paths"):
        request._schoolsite_restricted_paths = [
            restriction.page.path
            for restriction in PageViewRestriction.objects.select_related("page").prefetch_related(
                "groups"
            )
            if not restriction.accept_request(request)
        ]
    return request._schoolsite_restricted_paths


def under_any(paths: list[str]) -> Q:
    query = Q(pk__in=[])
    for path in paths:
        query |= under(path)
    return query


class HelpSheetQuerySet(PageQuerySet):
    def visible_to(self, request):
        """Live sheets this visitor may open."""
        return self.live().exclude(under_any(restricted_paths(request)))


HelpSheetManager = PageManager.from_queryset(HelpSheetQuerySet)


class HelpSheetLibraryPage(ViewRestrictionsMixin, StaffOnlyMixin, Page):  # noqa: DJ008 - Page gives __str__
    introduction = models.TextField(_("introduction"), blank=True, max_length=500)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["blogs.HelpSheetPage"]
    content_panels = Page.content_panels + [FieldPanel("introduction")]
    settings_panels = Page.settings_panels + [FieldPanel("staff_only")]

    class Meta:
        verbose_name = _("help-sheet library")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = HelpSheetFilterSet(
            request.GET,
            HelpSheetPage.objects.child_of(self).visible_to(request),
            choices={"topic": HelpSheetTopic.objects.all()},
            request=request,
        )
        sheets = filters.qs.prefetch_related("topics").order_by("title")
        query = filters.cleaned("q")
        if query:
            # Search the library, then keep only what the filters and privacy allow.
            allowed = set(sheets.values_list("pk", flat=True))
            found = HelpSheetPage.objects.child_of(self).live().search(query)
            sheets = [sheet for sheet in found if sheet.pk in allowed]
        context.update(sheets=paginate(request, sheets, 24), filters=filters)
        return context


class HelpSheetPage(ViewRestrictionsMixin, StaffOnlyMixin, Page):  # noqa: DJ008 - Page gives __str__
    summary = models.TextField(_("summary"), max_length=300)
    topics = ParentalManyToManyField(HelpSheetTopic, verbose_name=_("topics"), blank=True)
    for_staff = models.BooleanField(_("for staff"), default=True)
    for_pupils = models.BooleanField(_("for pupils"), default=False)
    for_parents = models.BooleanField(_("for parents"), default=False)
    minutes = models.PositiveSmallIntegerField(_("time needed (minutes)"), default=5)
    steps = StreamField([("step", StepBlock())], verbose_name=_("steps"))
    attachments = StreamField(
        [("document", DocumentBlock())], verbose_name=_("downloads"), blank=True
    )
    video = StreamField(
        [("video", VideoChooserBlock())], verbose_name=_("video"), blank=True, max_num=1
    )
    related_sheets = ParentalManyToManyField(
        "self", verbose_name=_("related sheets"), blank=True, symmetrical=False
    )
    last_reviewed = models.DateField(_("last reviewed"), default=timezone.localdate)

    objects = HelpSheetManager()

    parent_page_types = ["blogs.HelpSheetLibraryPage"]
    subpage_types: list[str] = []

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("for_staff"),
                FieldPanel("for_pupils"),
                FieldPanel("for_parents"),
                FieldPanel("minutes"),
                FieldPanel("last_reviewed"),
            ],
            heading=_("About this sheet"),
        ),
        FieldPanel("steps"),
        FieldPanel("attachments"),
        FieldPanel("video"),
        FieldPanel("related_sheets", widget=forms.CheckboxSelectMultiple),
    ]
    settings_panels = Page.settings_panels + [FieldPanel("staff_only")]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("steps"),
        index.FilterField("for_staff"),
        index.FilterField("for_pupils"),
        index.FilterField("for_parents"),
    ]

    class Meta:
        verbose_name = _("help sheet")

    def clean(self):
        super().clean()
        if not self.staff_only:
            return
        public = [
            block.value["document"].title
            for block in self.attachments
            if block.value["document"].collection.name != STAFF_DOCUMENTS_COLLECTION
        ]
        if public:
            raise ValidationError(
                {
                    "attachments": _(
                        "A staff-only sheet's downloads must be in the “%(collection)s” "
                        "collection, or anyone could open them: %(titles)s."
                    )
                    % {"collection": STAFF_DOCUMENTS_COLLECTION, "titles": ", ".join(public)}
                }
            )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # A list, not .values("pk"): a preview's sheet holds its relations in memory
        # (modelcluster), where "pk" is not a field name.
        related_pks = [sheet.pk for sheet in self.related_sheets.all()]
        context["related"] = HelpSheetPage.objects.filter(pk__in=related_pks).visible_to(request)
        return context
