"""The admin's user forms, for a school where pupils have a first name and nothing more.

Wagtail's forms require a surname and an email from everyone, so the head could not save a pupil,
deactivate one, or let one change their own password. Here both are optional, and a pupil may
not be given a surname at all (children are shown by first name only). Pupils do not see the
"Name and email" part of their account page: their teacher chose the name on their login card.
"""

from django import forms
from django.contrib.auth.models import Group
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.forms.account import NameEmailForm
from wagtail.admin.views.account import AccountView, NameEmailSettingsPanel
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import EditView, UserViewSet

from .groups import DIGITAL_LEADERS
from .two_factor import has_two_factor


def pupil_groups():
    """Every class's pupils and the Digital Leaders: groups whose members are children."""
    return Group.objects.filter(Q(name=DIGITAL_LEADERS) | Q(pupil_class_blogs__isnull=False))


def is_pupil(user) -> bool:
    return not user.is_superuser and user.groups.filter(pk__in=pupil_groups()).exists()


def make_surname_and_email_optional(form: forms.Form) -> None:
    if "last_name" in form.fields:
        form.fields["last_name"].required = False
        form.fields["last_name"].help_text = _("Leave blank for pupils.")
    if "email" in form.fields:
        form.fields["email"].required = False
        form.fields["email"].help_text = _("Optional. Pupils have none.")


class PupilNameRulesMixin:
    """Surname and email optional for everyone; no surname for anyone in a pupils' group."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        make_surname_and_email_optional(self)

    def clean(self):
        cleaned = super().clean()
        groups = cleaned.get("groups")
        if groups is None and self.instance.pk:
            groups = self.instance.groups.all()
        child = (
            groups is not None
            and not cleaned.get("is_superuser", self.instance.is_superuser)
            and pupil_groups().filter(pk__in=[group.pk for group in groups]).exists()
        )
        if child and cleaned.get("last_name"):
            self.add_error(
                "last_name",
                _("Pupils are known by their first name only: leave the surname blank."),
            )
        return cleaned


class SchoolUserCreationForm(PupilNameRulesMixin, UserCreationForm):
    pass


class SchoolUserEditForm(PupilNameRulesMixin, UserEditForm):
    """Also lets a superuser turn off someone's two-step sign-in when they lose their phone."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if for_user is not None and for_user.is_superuser and has_two_factor(self.instance):
            self.fields["turn_off_two_factor"] = forms.BooleanField(
                required=False,
                label=gettext_lazy("Turn off two-step sign-in"),
                help_text=gettext_lazy(
                    "For someone who has lost the phone with their authenticator app. "
                    "They can turn it on again from their account."
                ),
            )

    def save(self, commit=True):
        user = super().save(commit=commit)
        if self.cleaned_data.get("turn_off_two_factor"):
            TOTPDevice.objects.filter(user=user).delete()
        return user


class SchoolUserEditView(EditView):
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}


class SchoolUserViewSet(UserViewSet):
    edit_view_class = SchoolUserEditView
    # Wagtail's edit template, with the two-step sign-in switch among the account fields.
    edit_template_name = "registration/user_edit.html"

    def get_form_class(self, for_update=False):
        return SchoolUserEditForm if for_update else SchoolUserCreationForm


class OptionalNameEmailForm(NameEmailForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        make_surname_and_email_optional(self)


class NameSettingsPanel(NameEmailSettingsPanel):
    form_class = OptionalNameEmailForm


class SchoolAccountView(AccountView):
    """Wagtail's account page, with the school's "Name and email" part (none for pupils)."""

    def get_panels(self):
        panels = []
        for panel in super().get_panels():
            if isinstance(panel, NameEmailSettingsPanel):
                if is_pupil(self.request.user):
                    continue
                panel = NameSettingsPanel(panel.request, panel.user, panel.profile)
            panels.append(panel)
        return panels
