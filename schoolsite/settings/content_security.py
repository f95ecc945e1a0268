"""The Content-Security-Policy (django-csp) for the public site and for the admin.

Public pages run only the site's own scripts and styles from its own origin: no inline script,
no ``on…=`` handler, no ``style=`` attribute in our templates (a test holds this), so an
injected ``<script>`` does nothing. Images, audio and video come from the site or the media
bucket; frames only from the video sites that posts embed.

Wagtail's admin still writes inline scripts and styles, so under ``/admin/`` (its preview of a
page too) the same policy also allows inline code (``home.content_security``).
"""

from collections.abc import Mapping
from urllib.parse import urlsplit

from csp.constants import SELF, UNSAFE_INLINE

# Where posts' embedded videos play from (Wagtail's EmbedBlock, oEmbed).
EMBED_ORIGINS = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]
ADMIN_PATH_PREFIXES = ("/admin/",)


def _origin(url: str) -> str | None:
    """``https://host[:port]`` of a URL, a protocol-relative URL or a bare host name."""
    if url.startswith("//"):
        url = f"https:{url}"
    elif "://" not in url:
        url = f"https://{url}"
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else None


def media_origins(environ: Mapping[str, str], media_url: str) -> list[str]:
    """Where uploads are served from when that is not the site itself (see README: S3)."""
    origins = []
    if media_url.startswith(("http://", "https://", "//")):
        origins.append(_origin(media_url))
    bucket = environ.get("AWS_STORAGE_BUCKET_NAME", "").strip()
    if bucket:
        if domain := environ.get("AWS_S3_CUSTOM_DOMAIN", "").strip():
            origins.append(_origin(domain))
        elif endpoint := environ.get("AWS_S3_ENDPOINT_URL", "").strip():
            origins.append(_origin(endpoint))
        else:
            region = environ.get("AWS_S3_REGION_NAME", "").strip()
            origins.append(f"https://{bucket}.s3.amazonaws.com")
            if region:
                origins.append(f"https://{bucket}.s3.{region}.amazonaws.com")
    return [origin for origin in dict.fromkeys(origins) if origin]


def public_policy(environ: Mapping[str, str], media_url: str) -> dict:
    """``CONTENT_SECURITY_POLICY`` for django-csp 4."""
    media = media_origins(environ, media_url)
    return {
        "DIRECTIVES": {
            "default-src": [SELF],
            "script-src": [SELF],
            "style-src": [SELF],
            "img-src": [SELF, "data:", *media],
            "media-src": [SELF, *media],
            "frame-src": [SELF, *EMBED_ORIGINS],
            "base-uri": [SELF],
            "form-action": [SELF],
        }
    }


def admin_additions() -> dict:
    """Added under :data:`ADMIN_PATH_PREFIXES`: inline code, and image previews of uploads."""
    return {
        "script-src": [UNSAFE_INLINE],
        "style-src": [UNSAFE_INLINE],
        "img-src": ["blob:"],
        "media-src": ["blob:"],
    }
