"""The sign-in and sign-out pages: Django's and Wagtail's own views, with the code step added.

Both sign-in pages (Wagtail's at ``/admin/login/`` and the public one at
``/<language>/login/``) ask for the password as before. For an account with two-step sign-in
on (``two_factor.py``) a right password then shows a second form, posted back to the same
address, that asks for the code; only a right code signs in.
"""

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.contrib.auth.signals import user_login_failed
from django.http import HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext as _
from wagtail.admin.views.account import LoginView as WagtailLoginView

from home.languages import localized_home_url

from .two_factor import CodeForm, PendingSignIn, has_two_factor

STEP_FIELD = "sign_in_step"
CODE_STEP = "code"


class TwoStepSignInMixin:
    """Adds the code step to a Django ``LoginView``; ``code_template_name`` shows it."""

    code_template_name = ""

    def post(self, request, *args, **kwargs) -> HttpResponse:
        if request.POST.get(STEP_FIELD) == CODE_STEP:
            return self.post_code()
        return super().post(request, *args, **kwargs)

    def form_valid(self, form) -> HttpResponse:
        user = form.get_user()
        if not has_two_factor(user):
            return super().form_valid(form)
        PendingSignIn.start(self.request, user, remember=bool(form.cleaned_data.get("remember")))
        return self.render_code_step(CodeForm(user))

    def post_code(self) -> HttpResponse:
        request = self.request
        pending = PendingSignIn.load(request)
        if pending is None:
            return self.start_again(_("Signing in took too long. Please start again."))
        credentials = {"username": pending.user.get_username()}
        if not AxesProxyHandler.is_allowed(request, credentials):
            return get_lockout_response(request, None, credentials)
        form = CodeForm(pending.user, request.POST)
        if not form.is_valid():
            # Counted by django-axes like a wrong password (it may answer with the lock-out).
            user_login_failed.send(sender=type(self), credentials=credentials, request=request)
            return self.render_code_step(form)
        PendingSignIn.clear(request)
        user = pending.user
        user.otp_device = form.device  # django-otp marks the session verified as it signs in
        auth_login(request, user, backend=pending.backend)
        self.after_code_sign_in(pending)
        return HttpResponseRedirect(self.get_success_url())

    def after_code_sign_in(self, pending: PendingSignIn) -> None:
        """What the view's own ``form_valid`` does after signing in, for the code step."""

    def start_again(self, notice: str) -> HttpResponse:
        """The empty sign-in form, with ``notice`` saying why."""
        form = self.get_form_class()(self.request)
        return self.render_to_response(self.get_context_data(form=form, notice=notice))

    def render_code_step(self, form: CodeForm) -> HttpResponse:
        self.template_name = self.code_template_name
        return self.render_to_response(self.get_context_data(form=form))


class AdminLoginView(TwoStepSignInMixin, WagtailLoginView):
    code_template_name = "registration/admin_sign_in_code.html"

    def after_code_sign_in(self, pending: PendingSignIn) -> None:
        # As Wagtail's LoginView.form_valid: "Remember me" keeps the session past the browser.
        self.request.session.set_expiry(settings.SESSION_COOKIE_AGE if pending.remember else 0)

    def start_again(self, notice: str) -> HttpResponse:
        messages.error(self.request, notice)  # Wagtail's sign-in page shows messages
        return super().start_again(notice)


class PublicLoginView(TwoStepSignInMixin, auth_views.LoginView):
    code_template_name = "registration/sign_in_code.html"


class PublicLogoutView(auth_views.LogoutView):
    """Sign out with a POST (Django's rule: a link cannot sign anyone out); a GET, from a
    bookmark or a typed address, shows a page with the "Sign out" button instead of a blank 405.
    """

    http_method_names = ["get", "post", "options"]
    template_name = "registration/sign_out.html"

    def get_default_redirect_url(self) -> str:
        return localized_home_url(self.request)
