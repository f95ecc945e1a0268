"""The public pages of email subscriptions, in the visitor's language.

- ``subscribe``: the form, with the school's feeds beside it for those who use a feed reader
  (the page a class blog's "follow" link opens, rather than a feed's raw XML);
- ``confirm``: the link in the confirmation email opens a page with one button, so a mail
  filter that opens links cannot confirm an address on its owner's behalf;
- ``preferences``: change classes, how often and language, or unsubscribe;
- ``unsubscribe``: one click deletes the address, from the email's link (GET) or from a mail
  app's own button (RFC 8058: POST ``List-Unsubscribe=One-Click``).

A malformed, forged or expired link gets one plain page that says nothing about any address.
No page sets a session or CSRF cookie: like the comment form, these forms carry their own
signed token (or a signed link) instead of Django's CSRF cookie, and no view uses a session.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.models import Page, Site

from home.languages import enabled_languages, localized_home

from ..classes.class_blogs import ClassBlogIndexPage
from ..classes.timeline import TimelinePage
from ..comments import tokens
from ..comments.counters import hit
from ..comments.defences import client_hash
from .forms import ChoicesForm, SubscribeForm
from .links import make_token, read_token
from .models import Subscriber
from .schedule import next_digest_time
from .signup import request_subscription

RATE_LIMIT = 5  # subscribe forms a client may send in the window
RATE_WINDOW = timedelta(minutes=10)


@dataclass(frozen=True)
class Feed:
    title: str
    url: str


def _site(request: HttpRequest) -> Site:
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    return site


def _classes(request: HttpRequest, site: Site) -> list[tuple[ClassBlogIndexPage, Page]]:
    """(English class blog, the same class in the visitor's language) for every live class."""
    english = list(
        ClassBlogIndexPage.objects.child_of(site.root_page).live().public().order_by("path")
    )
    home = localized_home(request)
    shown = {}
    if home is not None and home.pk != site.root_page_id:
        shown = {
            page.translation_key: page
            for page in ClassBlogIndexPage.objects.child_of(home).live().public()
        }
    return [(page, shown.get(page.translation_key, page)) for page in english]


def _form_kwargs(request: HttpRequest, classes) -> dict:
    return {
        "class_choices": [(english.pk, shown.title) for english, shown in classes],
        "languages": enabled_languages(request),
    }


def _chosen_class(request: HttpRequest, classes):
    """The class named by ``?class=`` (its id in any language), or None."""
    wanted = request.GET.get("class", "")
    for english, shown in classes:
        if wanted in {str(english.pk), str(shown.pk)}:
            return english, shown
    return None


def _feeds(request: HttpRequest, chosen) -> list[Feed]:
    """The school's feed, and the chosen class's, as full addresses to paste into a reader."""
    feeds = []
    if chosen is not None:
        shown = chosen[1]
        feeds.append(
            Feed(
                _("%(class_name)s's blog") % {"class_name": shown.title},
                shown.get_full_url(request) + shown.reverse_subpage("rss"),
            )
        )
    home = localized_home(request)
    timeline = TimelinePage.objects.child_of(home).live().first() if home else None
    if timeline is not None:
        feeds.append(
            Feed(
                _("News from every class"),
                timeline.get_full_url(request) + timeline.reverse_subpage("rss"),
            )
        )
    return feeds


def _invalid_link(request: HttpRequest) -> TemplateResponse:
    return TemplateResponse(request, "blogs/subscriptions/invalid_link.html", status=400)


def _take_rate_slot(request: HttpRequest) -> bool:
    return hit(f"subscribe-rate:{client_hash(request)}", RATE_WINDOW) <= RATE_LIMIT


# No CSRF cookie, as for comments (blogs.comments.views): the form's signed one-use token, its
# honeypot and the rate limit stop bots and replays, and the view uses no session or user.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def subscribe(request: HttpRequest) -> HttpResponse:
    site = _site(request)
    classes = _classes(request, site)
    chosen = _chosen_class(request, classes)
    status = 200
    if request.method == "POST":
        form = SubscribeForm(request.POST, **_form_kwargs(request, classes))
        status = 400
        if form.is_valid():
            status = _refusal(request, form)
            if status is None:
                request_subscription(site, form)
                return redirect("subscriptions:sent")
    else:
        language = get_language()
        initial = {
            "language": language if language in enabled_languages(request) else None,
            "whole_school": chosen is None,
            "classes": [chosen[0].pk] if chosen else [],
        }
        form = SubscribeForm(initial=initial, **_form_kwargs(request, classes))
    context = {
        "form": form,
        "chosen_class": chosen[1] if chosen else None,
        "feeds": _feeds(request, chosen),
    }
    return TemplateResponse(request, "blogs/subscriptions/subscribe.html", context, status=status)


def _refusal(request: HttpRequest, form: SubscribeForm) -> int | None:
    """The status refusing a well-filled form (a replayed token, too many forms from one
    client), having said why on the form; None if the subscription may go ahead."""
    if not tokens.claim(form.token):
        status, message = (
            400,
            _("This form was already sent. If you have not sent it before, press Subscribe again."),
        )
    elif not _take_rate_slot(request):
        status, message = (
            429,
            _(
                "You have sent this form several times in the last few minutes. Please wait a "
                "few minutes and press Subscribe again."
            ),
        )
    else:
        return None
    form.renew_token()
    form.add_error(None, message)
    return status


@require_GET
def sent(request: HttpRequest) -> HttpResponse:
    """The same page whether the address is new, waiting or already subscribed."""
    return TemplateResponse(request, "blogs/subscriptions/sent.html")


def _summary(request: HttpRequest, subscriber: Subscriber) -> dict:
    """What a subscriber chose, named in the visitor's language."""
    site = subscriber.site
    keys = subscriber.class_keys()
    return {
        "subscriber": subscriber,
        "class_titles": [
            shown.title for english, shown in _classes(request, site) if english.pk in keys
        ],
        "next_digest": next_digest_time(site, timezone.now()),
    }


@csrf_exempt  # the signed link is the proof; no session or cookie is involved
@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    subscriber = read_token(token, "confirm")
    if subscriber is None or subscriber.confirmation_expired():
        return _invalid_link(request)
    context = _summary(request, subscriber)
    context["preferences_url"] = reverse(
        "subscriptions:preferences", args=[make_token(subscriber, "preferences")]
    )
    if subscriber.is_confirmed:
        return TemplateResponse(request, "blogs/subscriptions/confirmed.html", context)
    if request.method == "GET":
        return TemplateResponse(request, "blogs/subscriptions/confirm.html", context)
    confirm_subscriber(subscriber)
    return TemplateResponse(request, "blogs/subscriptions/confirmed.html", context)


def confirm_subscriber(subscriber: Subscriber) -> None:
    """Confirmed: new-post emails start with the next post; a weekly subscriber's first
    digest is the next one due, with that whole week's news (``sending``)."""
    now = timezone.now()
    subscriber.confirmed_at = now
    if subscriber.frequency == Subscriber.Frequency.EACH_POST:
        subscriber.sent_until = now
    subscriber.save(update_fields=["confirmed_at", "sent_until"])


@csrf_exempt  # the signed link is the proof; no session or cookie is involved
@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest, token: str) -> HttpResponse:
    subscriber = read_token(token, "preferences")
    if subscriber is None:
        return _invalid_link(request)
    classes = _classes(request, subscriber.site)
    saved, status = False, 200
    if request.method == "POST":
        form = ChoicesForm(request.POST, **_form_kwargs(request, classes))
        if form.is_valid():
            _save_preferences(subscriber, form)
            saved = True
        else:
            status = 400
    else:
        initial = {
            "whole_school": subscriber.whole_school,
            "classes": sorted(subscriber.class_keys()),
            "frequency": subscriber.frequency,
            "language": subscriber.language,
        }
        form = ChoicesForm(initial=initial, **_form_kwargs(request, classes))
    context = {
        "form": form,
        "saved": saved,
        "unsubscribe_url": reverse(
            "subscriptions:unsubscribe", args=[make_token(subscriber, "unsubscribe")]
        ),
    }
    return TemplateResponse(request, "blogs/subscriptions/preferences.html", context, status=status)


def _save_preferences(subscriber: Subscriber, form: ChoicesForm) -> None:
    was_weekly = subscriber.frequency == Subscriber.Frequency.WEEKLY
    form.apply_to(subscriber)
    if was_weekly and subscriber.frequency == Subscriber.Frequency.EACH_POST:
        # From now on, post by post: what the week's digest would have held is not sent twice.
        subscriber.sent_until = max(filter(None, [subscriber.sent_until, timezone.now()]))
    subscriber.save()
    form.set_classes(subscriber)


@csrf_exempt  # RFC 8058: mail apps POST here without cookies; the signed link is the proof
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """One click: the address and everything kept with it is deleted at once."""
    with transaction.atomic():
        subscriber = read_token(token, "unsubscribe")
        if subscriber is None:
            return _invalid_link(request)
        subscriber.delete()
    return TemplateResponse(request, "blogs/subscriptions/unsubscribed.html")
