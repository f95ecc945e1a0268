"""The reports in the admin: activity, participation, the governors' report, survey results.

Each view applies ``access`` before it counts anything, shows Wagtail's admin furniture, and
offers what it shows as CSV where a spreadsheet is useful. Bad dates leave the form with a
plain message and no report.
"""

import csv

from django import forms
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..school.groups import is_senior_leader
from .access import NAMESPACE, report_classes, require_senior_leader
from .activity import AUDIENCE, activity_report
from .governors import governors_report
from .participation import QUIET_BELOW, participation_report
from .periods import Period, PeriodForm
from .surveys.models import Survey, SurveyRun
from .surveys.results import compare, describe_change, run_pair

# A spreadsheet treats a cell starting with one of these as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_response(name: str, period: Period, rows: list[list]) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"{name}-{period.start.isoformat()}-to-{period.end.isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])
    return response


class ReportForm(PeriodForm):
    """The period, and one class or all the classes the user may see."""

    class_blog = forms.ModelChoiceField(
        queryset=None, required=False, label=gettext_lazy("Class"), empty_label=None
    )

    def __init__(self, data=None, *, classes, user, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["class_blog"].queryset = classes
        if classes.count() > 1:
            every = _("All classes") if is_senior_leader(user) else _("All my classes")
            self.fields["class_blog"].empty_label = every

    def chosen_classes(self, classes):
        chosen = self.cleaned_data.get("class_blog")
        return classes.filter(pk=chosen.pk) if chosen else classes


class BaseReportView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "table"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def export_links(self) -> list[tuple[str, str]]:
        return []

    def export_url(self, kind: str) -> str:
        query = self.request.GET.copy()
        query["export"] = kind
        return f"{self.request.path}?{query.urlencode()}"


class ClassReportView(BaseReportView):
    """A report of the classes the user may see, for a period."""

    def dispatch(self, request, *args, **kwargs):
        self.classes = report_classes(request.user)
        self.form = ReportForm(request.GET, classes=self.classes, user=request.user)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        if self.form.is_valid():
            self.report = self.build(self.form.chosen_classes(self.classes), self.form.resolved)
            export = request.GET.get("export")
            if export in dict(self.export_links()):
                return self.export(export)
        else:
            self.report = None
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(form=self.form, report=self.report)
        if self.report:
            context["exports"] = [
                (self.export_url(kind), label) for kind, label in self.export_links()
            ]
        return context


class ActivityView(ClassReportView):
    page_title = gettext_lazy("Blogging activity")
    template_name = "blogs/reports/activity.html"
    extra_context = {"audience": AUDIENCE}

    def build(self, classes, period):
        return activity_report(classes, period)

    def export_links(self):
        return [
            ("classes", _("Download the classes’ figures (CSV)")),
            ("weeks", _("Download the week-by-week figures (CSV)")),
        ]

    def export(self, kind: str) -> HttpResponse:
        report = self.report
        if kind == "weeks":
            header = [_("Week beginning")] + [chart.title for chart in report.charts]
            rows = [
                [week.isoformat()] + [dict(chart.rows)[week] for chart in report.charts]
                for week in report.weeks
            ]
            return csv_response("activity-weeks", report.period, [header, *rows])
        header = [
            _("Class"),
            _("Pupils"),
            _("Pupils who posted"),
            _("Posts published"),
            _("Comments received"),
            *[str(label) for _relation, label in AUDIENCE],
            _("Replies by the class"),
            _("Visits"),
            _("Email subscribers"),
        ]
        rows = [
            [
                figures.name,
                len(figures.pupils),
                figures.pupils_posted,
                figures.posts,
                figures.comments_received,
                *[count for _label, count in figures.audience],
                figures.replies,
                figures.visits,
                figures.subscribers,
            ]
            for figures in report.classes + ([report.total] if len(report.classes) > 1 else [])
        ]
        return csv_response("activity", report.period, [header, *rows])


class ParticipationView(ClassReportView):
    page_title = gettext_lazy("Participation per pupil")
    header_icon = "user"
    template_name = "blogs/reports/participation.html"
    extra_context = {"quiet_below": QUIET_BELOW}

    def build(self, classes, period):
        return participation_report(classes, period)

    def export_links(self):
        return [("pupils", _("Download the pupils’ figures (CSV)"))]

    def export(self, kind: str) -> HttpResponse:
        report = self.report
        weeks = report.weeks
        header = [
            _("Pupil"),
            _("Class"),
            _("Posts"),
            _("Comments signed with their first name"),
            _("Feedback received"),
            _("Sign-ins"),
            _("Days signed in"),
            _("Last active"),
            _("Little or no activity"),
            *[_("Sign-ins, week of %(date)s") % {"date": week.isoformat()} for week in weeks],
        ]
        rows = [
            [
                pupil.pupil.first_name,
                pupil.class_blog.title,
                pupil.posts,
                pupil.comments,
                pupil.feedback,
                pupil.sign_ins,
                pupil.days_signed_in,
                pupil.last_active.isoformat() if pupil.last_active else "",
                _("yes") if pupil.is_quiet else _("no"),
                *[count for _week, count in pupil.sign_in_rows(weeks)],
            ]
            for pupil in report.pupils
        ]
        return csv_response("participation", report.period, [header, *rows])


class GovernorsForm(PeriodForm):
    survey = forms.ModelChoiceField(
        queryset=Survey.objects.filter(runs__isnull=False).distinct(),
        required=False,
        label=gettext_lazy("Survey to compare"),
        empty_label=gettext_lazy("No survey"),
    )


class GovernorsReportView(BaseReportView):
    page_title = gettext_lazy("Governors’ report")
    header_icon = "doc-full"
    template_name = "blogs/reports/governors.html"

    def dispatch(self, request, *args, **kwargs):
        require_senior_leader(request.user)
        self.classes = report_classes(request.user)
        data = request.GET.copy()
        if "survey" not in data:
            # The newest survey that has runs, until the leader chooses another (or none).
            newest = Survey.objects.filter(runs__isnull=False).order_by("-created_at").first()
            data["survey"] = newest.pk if newest else ""
        self.form = GovernorsForm(data)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
        if self.form.is_valid():
            report = governors_report(
                self.classes, self.form.resolved, self.form.cleaned_data.get("survey")
            )
            context["report"] = report
            context["changes"] = (
                [
                    (result, describe_change(result.positive_change))
                    for result in report.comparison.smiley_questions
                ]
                if report.comparison
                else []
            )
            context["prepared_on"] = date_format(timezone.localdate(), "j F Y")
        return context


class SurveyResultsIndexView(BaseReportView):
    page_title = gettext_lazy("Survey results")
    header_icon = "form"
    template_name = "blogs/reports/survey_results_index.html"

    def dispatch(self, request, *args, **kwargs):
        require_senior_leader(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["surveys"] = Survey.objects.prefetch_related("runs")
        return context


class RunChoiceForm(forms.Form):
    baseline = forms.ModelChoiceField(queryset=None, label=gettext_lazy("Baseline"))
    follow_up = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label=gettext_lazy("Follow-up"),
        empty_label=gettext_lazy("None yet"),
    )

    def __init__(self, *args, runs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["baseline"].queryset = runs
        self.fields["follow_up"].queryset = runs
        self.fields["baseline"].label_from_instance = lambda run: run.label
        self.fields["follow_up"].label_from_instance = lambda run: run.label

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("baseline") and cleaned.get("baseline") == cleaned.get("follow_up"):
            raise forms.ValidationError(_("Choose two different runs to compare."))
        return cleaned


class SurveyResultsView(BaseReportView):
    header_icon = "form"
    template_name = "blogs/reports/survey_results.html"

    def dispatch(self, request, *args, **kwargs):
        require_senior_leader(request.user)
        self.survey = get_object_or_404(Survey, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Results: %(survey)s") % {"survey": self.survey.title}

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(f"{NAMESPACE}:survey_results"), "label": _("Survey results")},
            {"url": "", "label": self.survey.title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        runs = SurveyRun.objects.filter(survey=self.survey).order_by("opens", "created_at")
        data = self.request.GET
        if "baseline" not in data:
            pair, data = run_pair(self.survey), None
            if pair:
                baseline, follow_up = pair
                data = {"baseline": baseline.pk, "follow_up": follow_up.pk if follow_up else ""}
        form = RunChoiceForm(data, runs=runs)
        context.update(survey=self.survey, form=form, has_runs=runs.exists())
        if form.is_bound and form.is_valid():
            comparison = compare(form.cleaned_data["baseline"], form.cleaned_data["follow_up"])
            context["comparison"] = comparison
            context["results"] = [
                (result, describe_change(result.positive_change)) for result in comparison.questions
            ]
        return context
