"""``SENDFILE_BACKEND`` for Wagtail's document view: nginx sends the file when it is in front.

Wagtail serves documents at ``/documents/<id>/<name>`` after checking their collection's
privacy, then hands the file's path to this backend. With ``PRIVATE_MEDIA_ACCEL_REDIRECT`` set,
a file in the private folder is sent by nginx from its ``internal`` location (a public one from
``MEDIA_URL``); otherwise, or for any other path, Django streams it as Wagtail would.
"""

from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.http import HttpResponse
from wagtail.utils import sendfile_streaming_backend

from .delivery import accel_redirect_uri


def _relative(path: Path, root) -> str | None:
    try:
        return path.relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        return None


def sendfile(request, filename, **kwargs) -> HttpResponse:
    if settings.PRIVATE_MEDIA_ACCEL_REDIRECT:
        path = Path(filename).resolve()
        if (inner := _relative(path, settings.PRIVATE_MEDIA_ROOT)) is not None:
            response = HttpResponse()
            response["X-Accel-Redirect"] = accel_redirect_uri(inner)
            return response
        media_url = settings.MEDIA_URL
        if media_url.startswith("/") and (public := _relative(path, settings.MEDIA_ROOT)):
            response = HttpResponse()
            response["X-Accel-Redirect"] = media_url.rstrip("/") + "/" + quote(public)
            return response
    return sendfile_streaming_backend.sendfile(request, filename, **kwargs)
