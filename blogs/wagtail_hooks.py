"""Admin registrations and the rules that make the admin safe and simple for pupils."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.site_summary import SummaryItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.languages import source_language_page

from . import views
from .dashboard import HelpSheetsDueForReviewPanel, PupilDashboardPanel
from .models import AuthorProfile, AwardCategory, Comment, HelpSheetTopic, Subject
from .models.visits import is_countable, record_visit
from .moderation import BULK_ACTIONS, CommentViewSet
from .pupils import classes_managed_by, pupil_class


class SubjectViewSet(SnippetViewSet):
    model = Subject
    icon = "tag"
    menu_label = _("Subjects")
    list_display = ["name", "slug"]
    search_fields = ["name"]


class AuthorProfileViewSet(SnippetViewSet):
    model = AuthorProfile
    icon = "user"
    menu_label = _("Author names")
    list_display = ["user", "role", "display_name"]
    list_filter = ["role"]


class AwardCategoryViewSet(SnippetViewSet):
    model = AwardCategory
    icon = "pick"
    menu_label = _("Award categories")
    list_display = ["name", "description"]


class HelpSheetTopicViewSet(SnippetViewSet):
    model = HelpSheetTopic
    icon = "help"
    menu_label = _("Help-sheet topics")
    list_display = ["name", "slug"]


class BlogsViewSetGroup(SnippetViewSetGroup):
    items = (SubjectViewSet, AuthorProfileViewSet, AwardCategoryViewSet, HelpSheetTopicViewSet)
    menu_icon = "doc-full-inverse"
    menu_label = _("Class blogs")
    menu_name = "class-blogs"


register_snippet(BlogsViewSetGroup)
register_snippet(CommentViewSet)
for bulk_action in BULK_ACTIONS:
    hooks.register("register_bulk_action", bulk_action)


class PendingCommentsSummaryItem(SummaryItem):
    """ "N comments waiting" on a moderator's dashboard, linking to the filtered queue."""

    order = 50
    template_name = "blogs/admin/pending_comments_summary.html"

    def get_context_data(self, parent_context=None):
        waiting = Comment.objects.for_moderator(self.request.user).pending().count()
        return {"waiting": waiting, "url": reverse("wagtailsnippets_blogs_comment:list")}

    def is_shown(self):
        return self.request.user.has_perm("blogs.change_comment")


@hooks.register("construct_homepage_summary_items")
def add_pending_comments_summary(request, summary_items):
    summary_items.append(PendingCommentsSummaryItem(request))


@hooks.register("register_admin_urls")
def register_pupil_account_urls():
    return [
        path("pupil-accounts/", views.pupil_accounts, name="pupil_accounts"),
        path(
            "pupil-accounts/<int:user_id>/reset-password/",
            views.reset_pupil_password,
            name="pupil_accounts_reset_password",
        ),
    ]


class PupilAccountsMenuItem(MenuItem):
    def is_shown(self, request):
        return classes_managed_by(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_pupil_accounts_menu_item():
    return PupilAccountsMenuItem(
        _("Pupil accounts"), reverse("pupil_accounts"), icon_name="group", order=250
    )


@hooks.register("construct_homepage_panels")
def show_pupils_their_own_dashboard(request, panels):
    class_blog = pupil_class(request.user)
    if class_blog is not None and not request.user.is_superuser:
        panels[:] = [PupilDashboardPanel(request.user, class_blog)]
        return
    if review_panel := HelpSheetsDueForReviewPanel.for_user(request.user):
        panels.append(review_panel)


@hooks.register("construct_main_menu")
def hide_reports_from_pupils(request, menu_items):
    if not request.user.is_superuser and pupil_class(request.user) is not None:
        menu_items[:] = [item for item in menu_items if item.name != "reports"]


def _refuse_pupils(request, page, action: str):
    """Pupils never delete or move posts, even their own drafts: a teacher does that."""
    if request.user.is_superuser or pupil_class(request.user) is None:
        return None
    messages.error(
        request, _gettext("Ask your teacher if a post needs to be %(action)s.") % {"action": action}
    )
    return redirect("wagtailadmin_explore", page.get_parent().pk)


@hooks.register("before_delete_page")
def pupils_cannot_delete(request, page):
    return _refuse_pupils(request, page, _gettext("deleted"))


@hooks.register("before_move_page")
def pupils_cannot_move(request, page, destination=None):
    return _refuse_pupils(request, page, _gettext("moved"))


@hooks.register("before_serve_page")
def count_visit(page, request, serve_args, serve_kwargs):
    """Count a real visitor's view of a page, privately (see ``models/visits.py``)."""
    if is_countable(request):
        # A Welsh reader's visit counts for the post, like an English reader's.
        record_visit(source_language_page(page))
