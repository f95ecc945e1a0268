"""``/private-media/<random>/<name>``: where every private file's URL points.

The view finds the item the file belongs to, applies its collection's privacy as Wagtail does
for documents (a visitor who is not signed in is sent to sign in; a signed-in one who may not
see it is refused), lets editors who may use the item in the admin through (its previews
there), and then hands the file over (``delivery``).
"""

from django.http import HttpRequest, HttpResponse, HttpResponseForbidden, HttpResponseNotFound
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.documents import get_document_model
from wagtail.wagtail_hooks import require_wagtail_login

from .delivery import send_private_file
from .names import PRIVATE_PREFIX
from .rules import find_owner, may_edit, unmet_restrictions

PLAIN_TEXT = "text/plain; charset=utf-8"


@require_safe
def serve_private_file(request: HttpRequest, path: str) -> HttpResponse:
    name = PRIVATE_PREFIX + path
    # A stored name never climbs out of its folder nor holds a control character (PostgreSQL
    # refuses a NUL in a query); such an address names no file.
    plausible = ".." not in path.split("/") and not any(ord(char) < 32 for char in path)
    owner = find_owner(name) if plausible else None
    if owner is None:
        return HttpResponseNotFound(_("There is no file at this address."), PLAIN_TEXT)
    if unmet_restrictions(request, owner) and not may_edit(request.user, owner):
        if not request.user.is_authenticated:
            return require_wagtail_login(next=request.get_full_path())
        return HttpResponseForbidden(
            _("This file is private. Your account may not open it."), PLAIN_TEXT
        )
    disposition = ""
    if isinstance(owner, get_document_model()):
        disposition = owner.content_disposition
    return send_private_file(path, disposition=disposition)
