"""Production: every secret and host from the environment, HTTPS assumed, secure by default.

Required: SECRET_KEY, ALLOWED_HOSTS. Usual: DATABASE_URL, REDIS_URL, CSRF_TRUSTED_ORIGINS,
EMAIL_*, AWS_* (see README). Start-up stops with one line naming a missing requirement.
"""

from .base import *  # noqa: F403
from .environment import env_bool, env_list, require_env

DEBUG = False
SECRET_KEY = require_env("SECRET_KEY", "a long random string that signs sessions and tokens")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS") or require_env(
    "ALLOWED_HOSTS", "the comma-separated host names this site answers to"
)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS") or [
    f"https://{host.lstrip('.')}" for host in ALLOWED_HOSTS if host != "*"
]

# HTTPS everywhere: a load balancer or proxy terminates TLS and says so in this header.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365))  # noqa: F405
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview panel opts itself back in to same-origin frames.

SCHOOLSITE_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"

# Compressed files with hashed names, cached for ever by browsers and the CDN.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}

WAGTAILADMIN_BASE_URL = os.environ.get(  # noqa: F405
    "WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0].lstrip('.')}"
)

LOGGING["root"]["level"] = os.environ.get("LOG_LEVEL", "INFO")  # noqa: F405
