"""Settings shared by every environment. Secrets and hosts are read in ``production``."""

import os
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from .environment import database_config, env_bool, env_list, media_storage

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

INSTALLED_APPS = [
    "home",
    "blogs",
    "search",
    # wagtail-localize: translation in the admin, and its Locales admin replaces Wagtail's.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtailmedia",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    # Background work (every email): django-tasks with its database backend and worker.
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Whitenoise serves static files straight from gunicorn, before any session work.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's LocaleMiddleware, limited to the languages the school has switched on.
    "home.middleware.SiteLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "blogs.school.boundary.PupilAdminBoundaryMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so that it wraps only the view: a request that writes is all-or-nothing.
    "home.errors.AtomicWritesMiddleware",
]

ROOT_URLCONF = "schoolsite.urls"
WSGI_APPLICATION = "schoolsite.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite beside the project unless DATABASE_URL says otherwise (every environment).
DATABASES = {"default": database_config(BASE_DIR / "db.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# A shared cache lets several app servers agree (sessions, rate limits, renditions).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# A CDN or caching proxy in front: Wagtail purges a page from it when the page is published.
if os.environ.get("FRONTEND_CACHE_PURGE_URL") or os.environ.get("CLOUDFLARE_ZONEID"):
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")
    WAGTAILFRONTENDCACHE = {}
    if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
        WAGTAILFRONTENDCACHE["proxy"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
        }
    if os.environ.get("CLOUDFLARE_ZONEID"):
        WAGTAILFRONTENDCACHE["cloudflare"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": os.environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
            "ZONEID": os.environ["CLOUDFLARE_ZONEID"],
        }

# Internationalisation: British English first, then the languages of the school's families.
# A language is on the public site once it has a Locale (Settings → Locales in the admin);
# this list is what a school may choose from. URLs carry the language: /en-gb/, /cy/, /ur/ …
LANGUAGE_CODE = "en-gb"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("en-gb", _("English")),
    ("cy", _("Welsh")),
    ("pl", _("Polish")),
    ("ur", _("Urdu")),
    ("ar", _("Arabic")),
    ("bn", _("Bengali")),
    ("pa", _("Punjabi")),
    ("ro", _("Romanian")),
    ("pt", _("Portuguese")),
    ("es", _("Spanish")),
    ("lt", _("Lithuanian")),
    ("uk", _("Ukrainian")),
    ("fr", _("French")),
    ("tr", _("Turkish")),
    ("ta", _("Tamil")),
    ("zh-hans", _("Simplified Chinese")),
    ("ga", _("Irish")),
    ("gd", _("Scottish Gaelic")),
]
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/London")
USE_I18N = True
USE_TZ = True

# Static files: collected and served by whitenoise.
STATIC_URL = "/static/"
# Serve uploads from Django itself where there is no web server in front (dev, tests, demo).
SERVE_MEDIA = False
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]

# Media: local disk (MEDIA_ROOT) unless AWS_STORAGE_BUCKET_NAME names an S3-compatible bucket.
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": media_storage(os.environ),
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Background tasks: stored in the database and run by `manage.py db_worker` (see README).
TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "email"]}
}

# Email: every message is queued for the worker (home/mail.py), which delivers it through
# SCHOOLSITE_EMAIL_DELIVERY_BACKEND (any SMTP server; development prints to the console) and
# tries again later while the mail server is down.
EMAIL_BACKEND = "home.mail.TaskEmailBackend"
SCHOOLSITE_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Schoolsite <noreply@localhost>")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
ADMINS = [("Site administrator", address) for address in env_list("ADMIN_EMAILS")]

# Staff sign in on the public site to read staff-only pages (see templates/registration/).
LOGIN_URL = "login"
# A URL name, so that the sign-in page opens in the visitor's language.
WAGTAIL_FRONTEND_LOGIN_URL = "login"
WAGTAIL_FRONTEND_LOGIN_TEMPLATE = "registration/login.html"

# Wagtail
WAGTAIL_SITE_NAME = "Schoolsite"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# The database backend uses PostgreSQL full-text search on PostgreSQL, SQLite FTS on SQLite.
# Large school groups can point WAGTAILSEARCH_ELASTICSEARCH_URL at Elasticsearch/OpenSearch.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if os.environ.get("WAGTAILSEARCH_ELASTICSEARCH_URL"):
    WAGTAILSEARCH_BACKENDS["default"] = {
        "BACKEND": os.environ.get(
            "WAGTAILSEARCH_ELASTICSEARCH_BACKEND", "wagtail.search.backends.elasticsearch8"
        ),
        "URLS": [os.environ["WAGTAILSEARCH_ELASTICSEARCH_URL"]],
        "INDEX": os.environ.get("WAGTAILSEARCH_ELASTICSEARCH_INDEX", "schoolsite"),
    }
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Uploads are limited in size and type; pupils upload from tablets and phones.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "pptx", "odp", "xlsx", "ods", "txt", "rtf"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Audio and video (wagtailmedia): formats every current browser plays, and a size limit.
WAGTAILMEDIA = {
    "MEDIA_MODEL": "wagtailmedia.Media",
    "MEDIA_FORM_BASE": "home.uploads.LimitedMediaForm",
    "AUDIO_EXTENSIONS": ["mp3", "m4a", "aac", "ogg", "oga", "wav"],
    "VIDEO_EXTENSIONS": ["mp4", "m4v", "webm", "ogv", "mov"],
}
SCHOOLSITE_MEDIA_MAX_UPLOAD_SIZE = 100 * 1024 * 1024
# Documents are served through Django so that page privacy can protect them.
WAGTAILDOCS_SERVE_METHOD = "serve_view"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
LOGIN_REDIRECT_URL = "/"

# Django's language cookie remembers a visitor's chosen language for a year (see
# home.middleware); it is the only thing stored about a visitor's language.
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"
