"""The survey screens children use, on the public site so that no account is needed.

``/survey/`` asks for the survey code; ``/survey/<code>/`` shows the questions with big
smiley buttons; after Send, a thank-you. A run that asks pupils to sign in sends them to the
sign-in page first. Nothing here is cached: each screen is one child's.
"""

from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from ...school.pupils import pupil_class
from .forms import AlreadyAnswered, SurveyCodeForm, SurveyResponseForm, has_answered
from .models import SurveyRun

TEMPLATES = "blogs/reports/"


@never_cache
def survey_start(request) -> HttpResponse:
    form = SurveyCodeForm(request.GET or None)
    if form.is_valid():
        return redirect("survey_answer", code=form.cleaned_data["code"].code)
    return TemplateResponse(request, TEMPLATES + "survey_start.html", {"form": form})


def _refusal(request, run: SurveyRun, message: str, status: int = 200) -> HttpResponse:
    return TemplateResponse(
        request,
        TEMPLATES + "survey_closed.html",
        {"run": run, "message": message},
        status=status,
    )


@never_cache
def survey_answer(request, code: str) -> HttpResponse:
    run = get_object_or_404(SurveyRun.objects.select_related("survey"), code=code)
    if not run.is_open():
        return _refusal(request, run, _("This survey is closed. Thank you for looking!"))
    user = request.user
    if run.access == SurveyRun.Access.SIGNED_IN and not user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
    own_class = pupil_class(user)
    run_classes = run.classes.all()
    if own_class is not None and own_class not in run_classes:
        own_class = None
    if run.access == SurveyRun.Access.SIGNED_IN and own_class is None:
        return _refusal(request, run, _("This survey is for other classes."), status=403)
    if has_answered(run, user):
        return _refusal(request, run, _("You have answered this survey already. Thank you!"))

    form = SurveyResponseForm(request.POST or None, run=run, class_blog=own_class)
    if request.method == "POST" and form.is_valid():
        try:
            form.save(user)
        except AlreadyAnswered:
            return _refusal(request, run, _("You have answered this survey already. Thank you!"))
        return redirect("survey_thanks", code=run.code)
    return TemplateResponse(
        request,
        TEMPLATES + "survey_answer.html",
        {"run": run, "survey": run.survey, "form": form, "own_class": own_class},
        status=400 if form.is_bound else 200,
    )


@never_cache
def survey_thanks(request, code: str) -> HttpResponse:
    run = get_object_or_404(SurveyRun.objects.select_related("survey"), code=code)
    return TemplateResponse(request, TEMPLATES + "survey_thanks.html", {"run": run})
