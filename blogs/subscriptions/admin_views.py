"""Email subscribers in the admin, for senior leaders: how many follow each class, and a
subscriber's data exported or erased when they ask (UK GDPR rights of access and erasure).

Counts need ``blogs.view_subscriber``. Addresses are shown only to those given
``blogs.view_subscriber_addresses`` one by one (senior leaders do not get it with their role);
export and erasure work from the address the person gives, so they need no list of them.
Erasing needs ``blogs.delete_subscriber``.
"""

import json
from collections import Counter

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Site

from home.languages import language_name

from ..classes.class_blogs import ClassBlogIndexPage
from .models import ADDRESSES_PERMISSION, Subscriber

ADDRESSES_PER_PAGE = 50


class AddressForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("The subscriber's email address"),
        help_text=gettext_lazy("As they gave it when they asked to see or erase their data."),
    )

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()


def _counts(site: Site) -> dict:
    """Confirmed subscribers per class and how often, the whole school's, and by language."""
    confirmed = Subscriber.objects.confirmed().filter(site=site)
    by_class = Counter(
        (row["classes"], row["frequency"])
        for row in confirmed.filter(whole_school=False)
        .exclude(classes=None)
        .values("classes", "frequency")
    )
    school = Counter(confirmed.filter(whole_school=True).values_list("frequency", flat=True))
    weekly, each_post = Subscriber.Frequency.WEEKLY, Subscriber.Frequency.EACH_POST
    classes = [
        {
            "title": class_blog.title,
            "weekly": by_class[(class_blog.pk, weekly)],
            "each_post": by_class[(class_blog.pk, each_post)],
            "with_school": school[weekly] + school[each_post],
        }
        for class_blog in ClassBlogIndexPage.objects.child_of(site.root_page).order_by("path")
    ]
    languages = Counter(confirmed.values_list("language", flat=True))
    return {
        "site": site,
        "classes": classes,
        "school": {"weekly": school[weekly], "each_post": school[each_post]},
        "total": confirmed.count(),
        "waiting": Subscriber.objects.unconfirmed().filter(site=site).count(),
        "languages": sorted(
            ((language_name(code), count) for code, count in languages.items()),
            key=lambda item: -item[1],
        ),
    }


class SubscribersView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "blogs/admin/email_subscribers.html"
    page_title = gettext_lazy("Email subscribers")
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("blogs.view_subscriber"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["schools"] = [_counts(site) for site in Site.objects.order_by("pk")]
        context.setdefault("address_form", AddressForm())
        context["may_erase"] = user.has_perm("blogs.delete_subscriber")
        if user.has_perm(f"blogs.{ADDRESSES_PERMISSION}"):
            everyone = Subscriber.objects.select_related("site").order_by("email")
            context["addresses"] = Paginator(everyone, ADDRESSES_PER_PAGE).get_page(
                self.request.GET.get("p")
            )
        return context

    def post(self, request, *args, **kwargs):
        form = AddressForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(address_form=form))
        subscribers = list(
            Subscriber.objects.filter(email=form.cleaned_data["email"]).select_related("site")
        )
        if not subscribers:
            form.add_error("email", _("Nobody has subscribed with this address."))
            return self.render_to_response(self.get_context_data(address_form=form))
        if request.POST.get("action") == "erase":
            if not request.user.has_perm("blogs.delete_subscriber"):
                raise PermissionDenied
            for subscriber in subscribers:
                subscriber.delete()
            messages.success(request, _("The address and everything kept with it is erased."))
            return redirect(request.path)
        return _export(subscribers)


def _export(subscribers: list[Subscriber]) -> HttpResponse:
    """Everything kept about the address, as a JSON file to give its owner."""
    data = {
        "exported_on": timezone.now().isoformat(),
        "subscriptions": [subscriber.as_data() for subscriber in subscribers],
    }
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json"
    )
    response["Content-Disposition"] = 'attachment; filename="subscriber-data.json"'
    return response
