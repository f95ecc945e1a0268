"""A start-up check: the private folder must not be inside a folder a web server serves."""

from pathlib import Path

from django.conf import settings
from django.core import checks


def private_folder_is_apart(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    private = Path(settings.PRIVATE_MEDIA_ROOT).resolve()
    errors = []
    for setting in ("MEDIA_ROOT", "STATIC_ROOT"):
        public = Path(getattr(settings, setting)).resolve()
        if private == public or private.is_relative_to(public):
            errors.append(
                checks.Error(
                    f"PRIVATE_MEDIA_ROOT ({private}) is inside {setting} ({public}), which the "
                    "web server serves to anyone: files of private collections would be public.",
                    hint=f"Give PRIVATE_MEDIA_ROOT a folder outside {setting}.",
                    id="home.E001",
                )
            )
    return errors


def register() -> None:
    checks.register(private_folder_is_apart, checks.Tags.security)
