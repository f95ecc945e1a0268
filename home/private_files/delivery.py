"""Handing over a private file once the view has checked who is asking.

Three ways, chosen by where the file is:

- on a disk behind nginx (``PRIVATE_MEDIA_ACCEL_REDIRECT`` set): an empty response with an
  ``X-Accel-Redirect`` header; nginx sends the file from its ``internal`` location, which no
  request from outside can reach (``deploy/nginx.conf``);
- on a disk with nothing in front (development, tests, the demo): Django streams it;
- in a bucket: a redirect to a signed URL that expires within a minute
  (``AWS_PRIVATE_QUERYSTRING_EXPIRE``), so a copied link soon stops working.

Every answer is ``Cache-Control: private, no-store``: no CDN or shared classroom computer keeps
a copy.
"""

import mimetypes
import os
from urllib.parse import quote

from django.conf import settings
from django.core.files.storage import Storage, default_storage
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.utils.cache import patch_cache_control, patch_vary_headers


def private_backend() -> Storage:
    """The storage behind private names (``STORAGES["private_media"]``)."""
    return default_storage.private


def accel_redirect_uri(inner_name: str) -> str:
    """The nginx ``internal`` location's URI for a file of the private backend."""
    return settings.PRIVATE_MEDIA_ACCEL_REDIRECT.rstrip("/") + "/" + quote(inner_name)


def send_private_file(inner_name: str, *, disposition: str = "") -> HttpResponse:
    """The response that hands over the private backend's ``inner_name`` (already checked)."""
    backend = private_backend()
    content_type = mimetypes.guess_type(inner_name)[0] or "application/octet-stream"
    try:
        path = backend.path(inner_name)
    except NotImplementedError:
        path = None
    if path is None:
        parameters = {"ResponseContentDisposition": disposition} if disposition else None
        response = HttpResponseRedirect(backend.url(inner_name, parameters=parameters))
    elif not os.path.isfile(path):
        raise Http404("The file is missing from the private folder.")
    elif settings.PRIVATE_MEDIA_ACCEL_REDIRECT:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = accel_redirect_uri(inner_name)
    else:
        response = FileResponse(open(path, "rb"), content_type=content_type)
    if disposition:
        response["Content-Disposition"] = disposition
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, private=True, no_store=True)
    patch_vary_headers(response, ["Cookie"])
    return response
