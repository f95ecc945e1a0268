"""Turning two-step sign-in on and off, from the admin account page ("More actions").

Turning it on shows a QR code (and the same key as text) for any authenticator app, and asks
for one code from it, so nobody is left with a device that gives wrong codes. Turning it off
also asks for a code, so a session left open on a shared computer cannot turn it off. A
superuser can turn it off for someone who has lost their phone (``user_admin.py``).
"""

from base64 import b32encode

import django_otp
import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from .two_factor import CodeForm, has_two_factor, is_offered_two_factor

TEMPLATE = "registration/two_factor_setup.html"


def qr_code_svg(text: str) -> str:
    """An inline SVG QR code, dark on white so that it scans in the admin's dark theme too."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathFillImage, box_size=8)
    # Made here from the device's key; nothing in it comes from the request.
    return mark_safe(image.to_string(encoding="unicode"))  # noqa: S308


def spaced_key(device: TOTPDevice) -> str:
    """The key in groups of four, for typing into an app that cannot scan."""
    key = b32encode(device.bin_key).decode()
    return " ".join(key[start : start + 4] for start in range(0, len(key), 4))


def two_factor_setup(request):
    user = request.user
    if not is_offered_two_factor(user):
        raise PermissionDenied
    if has_two_factor(user):
        return _turn_off(request)
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=_("Authenticator app"), confirmed=False)
    form = CodeForm(user, request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        form.device.confirmed = True
        form.device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        django_otp.login(request, form.device)  # this session has just given a code
        messages.success(
            request,
            _("Two-step sign-in is on. From now on, signing in asks for a code from your app."),
        )
        return redirect("wagtailadmin_account")
    context = {
        "form": form,
        "qr_code": qr_code_svg(device.config_url),
        "key": spaced_key(device),
        "turning_on": True,
    }
    return TemplateResponse(request, TEMPLATE, context)


def _turn_off(request):
    form = CodeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        TOTPDevice.objects.filter(user=request.user).delete()
        messages.success(
            request, _("Two-step sign-in is off. Signing in asks for your password only.")
        )
        return redirect("wagtailadmin_account")
    return TemplateResponse(request, TEMPLATE, {"form": form, "turning_on": False})
