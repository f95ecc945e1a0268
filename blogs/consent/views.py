"""The register in the admin: a class at a glance, one pupil's decisions and history, a CSV
import, the reasons a page was refused, and what withdrawals hid, for teachers to review."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.models import Page

from .checks import problems_for
from .enforcement import refusal_message
from .forms import ImportForm, RecordConsentForm
from .importing import ConsentFileError, import_csv
from .models import Channel, ConsentRecord, Kind, Withdrawal
from .names import pupils
from .recording import NotYourPupil, classes_in_register_of, may_read, pupils_of, record
from .register import consents_for, grid, policy
from .withdrawal import describe, reviewing


def _classes_or_refuse(user):
    classes = classes_in_register_of(user)
    if not classes.exists():
        raise PermissionDenied
    return classes


def register(request):
    classes = _classes_or_refuse(request.user)
    chosen = classes.filter(pk=request.GET.get("class") or 0).first() or classes.first()
    class_pupils = list(pupils_of(chosen)) if chosen else []
    consents = consents_for(pupil.pk for pupil in class_pupils)
    channel = request.GET.get("channel") if request.GET.get("channel") in Channel else "website"
    rows = [
        (pupil, [consents.allows(pupil.pk, kind, channel) for kind in Kind])
        for pupil in class_pupils
    ]
    return TemplateResponse(
        request,
        "blogs/consent/register.html",
        {
            "classes": classes,
            "chosen": chosen,
            "channel": channel,
            "channels": Channel.choices,
            "kinds": Kind.choices,
            "rows": rows,
            "policy": policy(),
        },
    )


def pupil(request, user_id: int):
    child = pupils().filter(pk=user_id).first()
    if child is None or not may_read(request.user, child):
        raise PermissionDenied
    form = RecordConsentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            made = record(
                child,
                form.decisions(),
                given_by=form.cleaned_data["given_by"],
                decided_on=form.cleaned_data["decided_on"],
                recorded_by=request.user,
            )
        except NotYourPupil as refused:
            messages.error(request, str(refused))
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)s decision recorded for %(name)s.",
                    "%(count)s decisions recorded for %(name)s.",
                    len(made),
                )
                % {"count": len(made), "name": child.first_name},
            )
            return redirect("consent:pupil", child.pk)
    return TemplateResponse(
        request,
        "blogs/consent/pupil.html",
        {
            "child": child,
            "grid": grid(child),
            "channels": Channel.choices,
            "form": form,
            "history": ConsentRecord.objects.filter(pupil=child).select_related("recorded_by"),
            "hidden": Withdrawal.objects.filter(record__pupil=child).select_related("record"),
        },
    )


def import_file(request):
    _classes_or_refuse(request.user)
    form = ImportForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        try:
            made = import_csv(form.cleaned_data["csv_file"].read(), request.user)
        except ConsentFileError as error:
            problems = error.errors
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)s decision recorded from the file.",
                    "%(count)s decisions recorded from the file.",
                    len(made),
                )
                % {"count": len(made)},
            )
            return redirect("consent:register")
    return TemplateResponse(
        request, "blogs/consent/import.html", {"form": form, "problems": problems}
    )


def refused(request, page_id: int):
    """Where a refused approval leads: the page in the editor, with the reasons."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        raise PermissionDenied
    page = page.get_latest_revision_as_object()
    problems = problems_for(page)
    if problems:
        messages.error(request, refusal_message(page, problems))
    return redirect("wagtailadmin_pages:edit", page_id)


def review(request):
    """What withdrawals hid in the teacher's classes, to check and mark as reviewed."""
    hidden = reviewing(request.user)
    return TemplateResponse(
        request,
        "blogs/consent/review.html",
        {"hidden": [(withdrawal, describe(withdrawal)) for withdrawal in hidden]},
    )


@require_POST
def reviewed(request, pk: int):
    withdrawal = reviewing(request.user).filter(pk=pk).first()
    if withdrawal is None:
        raise PermissionDenied
    withdrawal.reviewed_by = request.user
    withdrawal.reviewed_at = timezone.now()
    withdrawal.save(update_fields=["reviewed_by", "reviewed_at"])
    messages.success(request, _("Marked as reviewed."))
    return redirect("consent:review")
