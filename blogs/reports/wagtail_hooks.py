"""The reports in the admin: their own menu, "Blogging reports", and their own URLs.

The reports live under their own URL namespace (``access.NAMESPACE``), not in Wagtail's
Reports menu: the admin boundary keeps that menu for senior leaders, and a teacher must see her
own classes' reports. Each view applies the rule of ``access.py``; each menu item is shown to
those the rule lets in. Surveys, their runs and the term dates are snippets that only senior
leaders hold permissions for.
"""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from ..school.groups import is_senior_leader
from . import views
from .access import NAMESPACE, may_see_class_reports
from .surveys.models import Survey, SurveyRun
from .terms import TermDates

MENU_HOOK = "register_blogging_reports_menu_item"

urlpatterns = [
    path("activity/", views.ActivityView.as_view(), name="activity"),
    path("participation/", views.ParticipationView.as_view(), name="participation"),
    path("governors/", views.GovernorsReportView.as_view(), name="governors"),
    path("surveys/", views.SurveyResultsIndexView.as_view(), name="survey_results"),
    path("surveys/<int:pk>/", views.SurveyResultsView.as_view(), name="survey_result"),
]


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("blogging-reports/", include((urlpatterns, NAMESPACE), namespace=NAMESPACE))]


class ClassReportMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_class_reports(request.user)


class SeniorLeaderMenuItem(MenuItem):
    def is_shown(self, request):
        return is_senior_leader(request.user)


@hooks.register(MENU_HOOK)
def activity_menu_item():
    return ClassReportMenuItem(
        _("Activity"), reverse(f"{NAMESPACE}:activity"), icon_name="table", order=1
    )


@hooks.register(MENU_HOOK)
def participation_menu_item():
    return ClassReportMenuItem(
        _("Participation"), reverse(f"{NAMESPACE}:participation"), icon_name="user", order=2
    )


@hooks.register(MENU_HOOK)
def governors_menu_item():
    return SeniorLeaderMenuItem(
        _("Governors’ report"), reverse(f"{NAMESPACE}:governors"), icon_name="doc-full", order=3
    )


@hooks.register(MENU_HOOK)
def survey_results_menu_item():
    return SeniorLeaderMenuItem(
        _("Survey results"), reverse(f"{NAMESPACE}:survey_results"), icon_name="form", order=4
    )


class SurveyViewSet(SnippetViewSet):
    model = Survey
    icon = "form"
    menu_label = _("Pupil surveys")
    menu_order = 5
    list_display = ["title", "created_at"]


class SurveyRunViewSet(SnippetViewSet):
    model = SurveyRun
    icon = "clipboard-list"
    menu_label = _("Survey runs")
    menu_order = 6
    list_display = ["label", "survey", "code", "access", "opens", "closes"]
    list_filter = ["survey"]


class TermDatesViewSet(SnippetViewSet):
    model = TermDates
    icon = "calendar"
    menu_label = _("Term dates")
    menu_order = 7
    list_display = ["__str__", "starts", "half_term_starts", "half_term_ends", "ends"]


class BloggingReportsGroup(SnippetViewSetGroup):
    items = (SurveyViewSet, SurveyRunViewSet, TermDatesViewSet)
    menu_icon = "tasks"
    menu_label = _("Blogging reports")
    menu_name = "blogging-reports"
    menu_order = 260  # after Pupil accounts
    submenu_hook = MENU_HOOK


register_snippet(BloggingReportsGroup)
