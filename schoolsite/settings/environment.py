"""Reading configuration from the environment, shared by every settings module.

Kept apart from ``base`` so that the S3 and database rules can be tested on their own,
without re-importing a settings module.
"""

import os
import sys
from collections.abc import Mapping
from pathlib import Path

import dj_database_url

SQLITE_BUSY_TIMEOUT_SECONDS = 20


def env_list(name: str, default: str = "") -> list[str]:
    """A comma-separated environment variable as a list, blanks dropped."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def require_env(name: str, why: str) -> str:
    """Return a required variable, or stop start-up with one line that names it.

    A traceback would bury the one fact an operator needs, so this exits with a message.
    """
    value = os.environ.get(name, "").strip()
    if not value:
        sys.exit(f"ImproperlyConfigured: the environment variable {name} is required ({why}).")
    return value


def database_config(default_sqlite_path: Path) -> dict:
    """``DATABASE_URL`` (PostgreSQL or ``sqlite:///path``), else SQLite beside the project.

    SQLite is made to wait rather than fail when two people write at once: the write-ahead log
    lets readers carry on while one writes, a busy timeout makes a second writer queue, and
    ``IMMEDIATE`` transactions take the write lock at their start, where waiting is possible
    (a lock upgrade half-way through a transaction fails at once with "database is locked").
    """
    config = dj_database_url.config(
        default=f"sqlite:///{default_sqlite_path}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config.setdefault("OPTIONS", {}).update(
            {
                "timeout": SQLITE_BUSY_TIMEOUT_SECONDS,
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            }
        )
    return config


def media_storage(environ: Mapping[str, str]) -> dict:
    """The ``default`` storage: S3-compatible when a bucket is named, else the local disk.

    Images, documents, audio and video all go through Django's default storage, so this one
    switch moves every upload.
    """
    bucket = environ.get("AWS_STORAGE_BUCKET_NAME", "").strip()
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    options = {
        "bucket_name": bucket,
        # Uploads by pupils are never overwritten by a later file with the same name.
        "file_overwrite": False,
        # Objects stay private to the bucket; pages link through signed URLs.
        "default_acl": None,
        "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", True),
    }
    optional = {
        "endpoint_url": "AWS_S3_ENDPOINT_URL",
        "region_name": "AWS_S3_REGION_NAME",
        "custom_domain": "AWS_S3_CUSTOM_DOMAIN",
        "location": "AWS_LOCATION",
        "access_key": "AWS_ACCESS_KEY_ID",
        "secret_key": "AWS_SECRET_ACCESS_KEY",
    }
    for option, variable in optional.items():
        if environ.get(variable):
            options[option] = environ[variable]
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


def private_media_storage(environ: Mapping[str, str]) -> dict:
    """Where files of private collections go: never anywhere a web server or URL serves.

    On disk, ``PRIVATE_MEDIA_ROOT`` (outside ``MEDIA_ROOT``). In a bucket, private objects under
    ``private/`` (or in ``AWS_PRIVATE_STORAGE_BUCKET_NAME``), only ever linked by URLs signed
    for ``AWS_PRIVATE_QUERYSTRING_EXPIRE`` seconds (60), and never through the CDN's domain.
    """
    public = media_storage(environ)
    if public["BACKEND"] != "storages.backends.s3.S3Storage":
        return {"BACKEND": "home.private_files.storage.PrivateFileSystemStorage"}
    options = dict(public["OPTIONS"])
    options.pop("custom_domain", None)
    location = environ.get("AWS_PRIVATE_LOCATION", "").strip()
    if environ.get("AWS_PRIVATE_STORAGE_BUCKET_NAME", "").strip():
        options["bucket_name"] = environ["AWS_PRIVATE_STORAGE_BUCKET_NAME"].strip()
    elif not location:
        location = "/".join(part for part in (options.get("location", ""), "private") if part)
    options.update(
        location=location,
        default_acl="private",
        querystring_auth=True,
        querystring_expire=int(environ.get("AWS_PRIVATE_QUERYSTRING_EXPIRE", "60")),
    )
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}
