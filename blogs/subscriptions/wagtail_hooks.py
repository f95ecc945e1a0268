"""Email subscribers in the admin: a report of counts, with export and erasure on request.

It sits in Wagtail's Reports menu, which the admin boundary keeps for senior leaders
(``blogs.school.boundary``); the view also checks ``blogs.view_subscriber`` itself.
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import SubscribersView


@hooks.register("register_admin_urls")
def register_subscriber_urls():
    return [path("email-subscribers/", SubscribersView.as_view(), name="email_subscribers")]


class SubscribersMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("blogs.view_subscriber")


@hooks.register("register_reports_menu_item")
def register_subscribers_menu_item():
    return SubscribersMenuItem(
        _("Email subscribers"), reverse("email_subscribers"), icon_name="mail", order=950
    )
