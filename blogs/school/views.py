"""Admin views for teachers: making pupil accounts in bulk and resetting their passwords."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from .pupils import (
    PupilListError,
    classes_managed_by,
    create_pupils,
    names_from_csv,
    names_from_text,
    reset_password,
)

MAX_CSV_BYTES = 200_000


class PupilListForm(forms.Form):
    class_blog = forms.ModelChoiceField(queryset=None, label=gettext_lazy("Class"))
    names = forms.CharField(
        label=gettext_lazy("First names, one per line"),
        widget=forms.Textarea(attrs={"rows": 10}),
        required=False,
    )
    csv_file = forms.FileField(
        label=gettext_lazy("Or a CSV file with one column headed “first_name”"),
        required=False,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["class_blog"].queryset = classes_managed_by(user)

    def clean(self):
        cleaned = super().clean()
        upload, text = cleaned.get("csv_file"), cleaned.get("names", "")
        if upload and text.strip():
            raise forms.ValidationError(_("Paste names or upload a CSV file, not both."))
        if upload and upload.size > MAX_CSV_BYTES:
            raise forms.ValidationError(_("The CSV file is too large for one class."))
        try:
            cleaned["name_list"] = (
                names_from_csv(upload.read()) if upload else names_from_text(text)
            )
        except PupilListError as error:
            raise forms.ValidationError(error.errors) from error
        return cleaned


def _require_manager(request):
    managed = classes_managed_by(request.user)
    if not managed.exists():
        raise PermissionDenied
    return managed


def pupil_accounts(request):
    managed = _require_manager(request)
    form = PupilListForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        class_blog = form.cleaned_data["class_blog"]
        try:
            cards = create_pupils(form.cleaned_data["name_list"], class_blog)
        except PupilListError as error:
            for problem in error.errors:
                form.add_error(None, problem)
        else:
            messages.success(
                request,
                _(
                    "%(count)s pupil accounts created for %(class_name)s. Print the cards now: "
                    "the passwords are not shown again."
                )
                % {"count": len(cards), "class_name": class_blog.title},
            )
            return TemplateResponse(request, "blogs/admin/login_cards.html", {"cards": cards})
    User = get_user_model()
    classes = [
        (class_blog, User.objects.filter(groups=class_blog.pupils_group).order_by("first_name"))
        for class_blog in managed
    ]
    return TemplateResponse(
        request, "blogs/admin/pupil_accounts.html", {"form": form, "classes": classes}
    )


@require_POST
def reset_pupil_password(request, user_id: int):
    managed = _require_manager(request)
    pupil = get_object_or_404(get_user_model(), pk=user_id)
    class_blog = managed.filter(pupils_group__in=pupil.groups.all()).first()
    if class_blog is None:
        raise PermissionDenied
    card = reset_password(pupil, class_blog)
    messages.success(request, _("A new password for %(name)s.") % {"name": pupil.first_name})
    return TemplateResponse(request, "blogs/admin/login_cards.html", {"cards": [card]})
