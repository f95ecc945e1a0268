"""Settings read from the environment, checked in a fresh process as a server would start."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from schoolsite.settings.environment import database_config, media_storage

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean_env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DATABASE_URL",
            "MEDIA_ROOT",
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
        and not key.startswith("AWS_")
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_ROOT,
        env={**clean_env, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def production_env(tmp_path: Path) -> dict[str, str]:
    return {
        "DJANGO_SETTINGS_MODULE": "schoolsite.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "oakfield.example",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'production.sqlite3'}",
    }


def test_production_with_the_three_required_variables_passes_check_deploy(tmp_path):
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **production_env(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_without_secret_key_stops_with_one_line_naming_it(tmp_path):
    env = production_env(tmp_path)
    del env["SECRET_KEY"]
    result = run_manage("check", **env)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "SECRET_KEY" in lines[0]


def test_production_without_allowed_hosts_names_it(tmp_path):
    env = production_env(tmp_path)
    del env["ALLOWED_HOSTS"]
    result = run_manage("check", **env)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr.strip().splitlines()[-1]


@pytest.mark.parametrize("module", ["dev", "test", "production"])
def test_every_settings_module_honours_database_url_and_media_root(tmp_path, module):
    env = production_env(tmp_path)
    env["DJANGO_SETTINGS_MODULE"] = f"schoolsite.settings.{module}"
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'school.sqlite3'}"
    env["MEDIA_ROOT"] = str(tmp_path / "uploads")
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings as s;"
        "print(s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME'], s.MEDIA_ROOT)",
        **env,
    )
    assert result.returncode == 0, result.stderr
    engine, name, media_root = result.stdout.split()
    assert engine == "django.db.backends.sqlite3"
    assert name == str(tmp_path / "school.sqlite3")
    assert media_root == str(tmp_path / "uploads")


def test_postgres_database_url_selects_postgresql(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://school:pw@db.internal:5432/oakfield")
    config = database_config(Path("/en-gb/unused.sqlite3"))
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["NAME"], config["USER"]) == ("db.internal", "oakfield", "school")


def test_media_stays_on_local_disk_unless_a_bucket_is_named():
    assert media_storage({})["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    s3 = media_storage(
        {"AWS_STORAGE_BUCKET_NAME": "oakfield-media", "AWS_S3_ENDPOINT_URL": "https://s3.example"}
    )
    assert s3["BACKEND"] == "storages.backends.s3.S3Storage"
    assert s3["OPTIONS"]["bucket_name"] == "oakfield-media"
    assert s3["OPTIONS"]["endpoint_url"] == "https://s3.example"
    assert s3["OPTIONS"]["file_overwrite"] is False


def test_a_purge_url_sends_every_purge_to_the_caching_proxy(tmp_path):
    env = production_env(tmp_path)
    env["FRONTEND_CACHE_PURGE_URL"] = "http://cache.internal:6081"
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings as s;"
        "print(s.WAGTAILFRONTENDCACHE['proxy']['BACKEND'],"
        " s.WAGTAILFRONTENDCACHE['proxy']['LOCATION'])",
        **env,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "home.page_cache.frontend.PurgeRequestBackend",
        "http://cache.internal:6081",
    ]


def test_production_collects_static_files_compressed_with_hashed_names(tmp_path):
    env = production_env(tmp_path)
    env["STATIC_ROOT"] = str(tmp_path / "static")
    result = run_manage("collectstatic", "--noinput", "-v", "0", **env)
    assert result.returncode == 0, result.stderr
    stylesheets = {path.name for path in (tmp_path / "static" / "css").iterdir()}
    hashed = [name for name in stylesheets if name.startswith("site.") and name.endswith(".css")]
    assert any(name != "site.css" for name in hashed)
    assert {f"{name}.gz" for name in hashed} <= stylesheets
