"""The writing screens in the admin, and the admin made simple for pupils.

- Pupils write in the writing screen: Wagtail's page editor, opened on a post by a pupil,
  sends them there, so they never meet its jargon, locks or workflow buttons.
- A child (a pupil, Digital Leaders too) has "My posts" as their admin home
  (``admin_home.py``), never Wagtail's dashboard with its summary and editor guide. Their
  menu loses what they never need: Wagtail's help and editor guide and the library screens,
  and for a pupil who is not a Digital Leader (who writes awards in Wagtail's editor) all
  but "My posts".
- Teachers get "Quick post" at the top of their dashboard and in the menu.
"""

from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from ..classes.posts import BlogPostPage
from ..school.groups import DIGITAL_LEADERS
from ..school.pupils import is_a_child, pupil_class
from . import pupil_views, quick_post_views
from .dashboard import QuickPostPanel

app_name = "writing"
urlpatterns = [
    path("my-posts/", pupil_views.my_posts, name="my_posts"),
    path("write/", pupil_views.write, name="new"),
    path("write/<int:page_id>/", pupil_views.write, name="edit"),
    path("quick-post/", quick_post_views.quick_post, name="quick_post"),
]

# Menu items a pupil never needs (a Digital Leader chooses pictures inside the editor).
HIDDEN_FROM_PUPILS = {"help", "images", "documents", "media"}


@hooks.register("register_admin_urls")
def register_writing_urls():
    return [path("", include((urlpatterns, app_name), namespace=app_name))]


def _pupil_writes(request, page_class) -> bool:
    return (
        issubclass(page_class, BlogPostPage)
        and pupil_class(request.user) is not None
        and not request.user.is_superuser
    )


@hooks.register("before_create_page")
def pupils_write_new_posts_in_the_writing_screen(request, parent_page, page_class):
    if _pupil_writes(request, page_class):
        return redirect("writing:new")
    return None


@hooks.register("before_edit_page")
def pupils_edit_posts_in_the_writing_screen(request, page):
    if _pupil_writes(request, page.specific_class):
        return redirect("writing:edit", page.pk)
    return None


class PupilMenuItem(MenuItem):
    def is_shown(self, request):
        return is_a_child(request.user)


class QuickPostMenuItem(MenuItem):
    def is_shown(self, request):
        return QuickPostPanel.is_offered_to(request.user)


@hooks.register("register_admin_menu_item")
def register_my_posts_menu_item():
    return PupilMenuItem(
        _("My posts"), reverse("writing:my_posts"), name="my-posts", icon_name="doc-full", order=1
    )


@hooks.register("register_admin_menu_item")
def register_quick_post_menu_item():
    return QuickPostMenuItem(
        _("Quick post"),
        reverse("writing:quick_post"),
        name="quick-post",
        icon_name="image",
        order=2,
    )


@hooks.register("construct_main_menu")
def keep_the_menu_simple_for_children(request, menu_items):
    if not is_a_child(request.user):
        return
    hidden = HIDDEN_FROM_PUPILS
    if not request.user.groups.filter(name=DIGITAL_LEADERS).exists():
        hidden = {item.name for item in menu_items} - {"my-posts"}
    menu_items[:] = [item for item in menu_items if item.name not in hidden]


@hooks.register("construct_homepage_panels")
def teachers_dashboards_start_with_the_quick_post(request, panels):
    if QuickPostPanel.is_offered_to(request.user):
        panels.insert(0, QuickPostPanel())
