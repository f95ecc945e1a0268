"""The school's own details, edited once in Settings › School details and used on every page."""

from datetime import time

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from .page_cache.fragments import remember


class Weekday(models.IntegerChoices):
    """Days as Python numbers them (``date.weekday()``): Monday is 0."""

    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


@register_setting(icon="home")
class SchoolSettings(BaseSiteSetting):
    school_name = models.CharField(_("school name"), max_length=120, blank=True)
    motto = models.CharField(_("motto or strapline"), max_length=160, blank=True)
    address = models.TextField(_("address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("office email"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    safeguarding_lead = models.CharField(
        _("designated safeguarding lead"),
        max_length=120,
        blank=True,
        help_text=_("As parents should address them, e.g. 'Mrs A. Khan, Deputy Head'."),
    )
    safeguarding_contact = models.CharField(
        _("safeguarding contact"),
        max_length=120,
        blank=True,
        help_text=_("A phone number or email address for safeguarding concerns."),
    )
    hashtag = models.CharField(
        _("school hashtag"),
        max_length=60,
        blank=True,
        help_text=_("Without the #, e.g. 'OakfieldLearns'."),
    )
    twitter_url = models.URLField(_("X (Twitter)"), blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    # When families who follow the classes by email get the week's news (the school's time
    # zone is TIME_ZONE): after the last lesson on Friday, unless the school says otherwise.
    digest_day = models.PositiveSmallIntegerField(
        _("weekly digest day"), choices=Weekday.choices, default=Weekday.FRIDAY
    )
    digest_time = models.TimeField(
        _("weekly digest time"),
        default=time(15, 30),
        help_text=_("In the school's time zone, e.g. 15:30."),
    )

    select_related = ["logo"]

    panels = [
        MultiFieldPanel(
            [FieldPanel("school_name"), FieldPanel("motto"), FieldPanel("logo")],
            heading=_("School"),
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("email")],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("safeguarding_lead"), FieldPanel("safeguarding_contact")],
            heading=_("Safeguarding"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("hashtag"),
                FieldPanel("twitter_url"),
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
                FieldPanel("youtube_url"),
            ],
            heading=_("Social media"),
        ),
        MultiFieldPanel(
            [FieldPanel("digest_day"), FieldPanel("digest_time")],
            heading=_("Email to families"),
        ),
    ]

    class Meta:
        verbose_name = _("school details")

    @classmethod
    def for_request(cls, request):
        """Wagtail's, kept between requests: every page shows the school's details (a change
        to them purges everything, see ``home.page_cache``)."""
        attribute = cls.get_cache_attr_name()
        if not hasattr(request, attribute):
            found = remember(
                request,
                "school-settings",
                lambda: super(SchoolSettings, cls).for_request(request),
                per_language=False,
            )
            found._request = request  # as Wagtail's, for its page URLs
            setattr(request, attribute, found)
        return getattr(request, attribute)

    def social_links(self) -> list[tuple[str, str]]:
        """(label, url) for each network the school uses, in a stable order."""
        networks = [
            (_("X (Twitter)"), self.twitter_url),
            (_("Facebook"), self.facebook_url),
            (_("Instagram"), self.instagram_url),
            (_("YouTube"), self.youtube_url),
        ]
        return [(label, url) for label, url in networks if url]
