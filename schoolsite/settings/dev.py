"""Local development and the demo school: debug on, email to the console."""

import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "django-insecure-schoolsite-development-only"  # noqa: S105 - never used in production
ALLOWED_HOSTS = ["*"]
# Email is printed by the worker; a local mail catcher can have it instead (README).
SCHOOLSITE_EMAIL_DELIVERY_BACKEND = os.environ.get(
    "SCHOOLSITE_EMAIL_DELIVERY_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
SERVE_MEDIA = True
