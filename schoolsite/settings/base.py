"""Settings shared by every environment. Secrets and hosts are read in ``production``."""

import os
from datetime import timedelta
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from .content_security import ADMIN_PATH_PREFIXES, admin_additions, public_policy
from .environment import (
    database_config,
    env_bool,
    env_list,
    media_storage,
    private_media_storage,
)

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
    # Wagtail's users app with the school's user forms (pupils: first name only).
    "blogs.school.users_app.SchoolUsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    # Wagtail's admin, without its own "submitted for moderation" emails ("To check" tells
    # the class's teachers instead, blogs.review).
    "blogs.review.admin_app.SchoolAdminAppConfig",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    # django-csp: the Content-Security-Policy header, and checks of its settings.
    "csp",
    # Background work (every email): django-tasks with its database backend and worker.
    "django_tasks",
    "django_tasks_db",
    # Sign-in lock-out (django-axes) and two-step sign-in codes (django-otp).
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # Public pages from the page cache first, kept with the security and CSP headers the
    # middleware below gave them, so that a page it holds is answered with no other work;
    # Cache-Control on every page (home/page_cache, README "Caching"). Static files pass by.
    "home.page_cache.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy on every response; the admin's path adds inline code.
    "home.content_security.ContentSecurityPolicyMiddleware",
    # Whitenoise serves static files straight from gunicorn, before any session work.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's LocaleMiddleware, limited to the languages the school has switched on.
    "home.middleware.SiteLanguageMiddleware",
    # Finds the page a public address shows in two queries, for Wagtail's serve view.
    "home.routing.PageRoutingMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "blogs.school.two_factor.TwoFactorSessionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # The admin boundary: reports, bulk actions and pages each role may not see (README).
    "blogs.school.boundary.AdminBoundaryMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Turns a locked-out sign-in into the "signing in is paused" page (django-axes).
    "axes.middleware.AxesMiddleware",
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

# A shared cache lets several app servers agree (sessions, rate limits, renditions, pages).
# The page cache ("pages": whole public pages and the parts every page repeats) is in Redis too
# when REDIS_URL is set; otherwise in files on this server's disk, which every gunicorn worker
# and the task worker share, so a purge by one reaches all (home/page_cache, README "Caching").
REDIS_URL = os.environ.get("REDIS_URL", "")
PAGE_CACHE_REDIS_URL = os.environ.get("PAGE_CACHE_REDIS_URL", REDIS_URL)
PAGE_CACHE_DIR = Path(os.environ.get("PAGE_CACHE_DIR", BASE_DIR / "page-cache"))
if REDIS_URL:
    CACHES = {
        "default": {
            # Redis out of reach is a cache miss, never an error page (home/shared_cache.py).
            "BACKEND": "home.shared_cache.OutageTolerantRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if PAGE_CACHE_REDIS_URL:
    CACHES["pages"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": PAGE_CACHE_REDIS_URL,
        "KEY_PREFIX": "pages",
        # Redis out of reach costs a visitor a quarter of a second, once: the site then serves
        # pages uncached for a few seconds before asking again (home/page_cache/store.py).
        "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
    }
else:
    CACHES["pages"] = {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(PAGE_CACHE_DIR),
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    }
# Whole public pages in the page cache; the parts every page repeats in it too. Shared caches
# (the page cache, nginx, a CDN) keep a public page this long at most: every change purges
# what it changed, so this is only a backstop.
SCHOOLSITE_PAGE_CACHE = env_bool("SCHOOLSITE_PAGE_CACHE", True)
SCHOOLSITE_FRAGMENT_CACHE = env_bool("SCHOOLSITE_FRAGMENT_CACHE", True)
SCHOOLSITE_PAGE_CACHE_SECONDS = int(os.environ.get("SCHOOLSITE_PAGE_CACHE_SECONDS", "3600"))

# How many proxies of ours stand in front of the app servers (a TLS proxy or load balancer: 1;
# a CDN in front of that: 2). Rate limits then count the visitor's address from
# X-Forwarded-For instead of the proxy's (home.clients.client_address). 0: no proxy.
SCHOOLSITE_TRUSTED_PROXY_COUNT = int(os.environ.get("SCHOOLSITE_TRUSTED_PROXY_COUNT", "0"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "blogs.school.password_validation.SchoolNameValidator"},
]

# Signing in (README "Signing in"). Every sign-in form goes through django-axes: five failures
# for one username from one client address pause that pair for 15 minutes, counted in the
# database so that every worker and server agrees; a success clears the count.
AUTHENTICATION_BACKENDS = [
    "blogs.school.lockout.SignInLockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "blogs.school.lockout.locked_out"
# The client address through SCHOOLSITE_TRUSTED_PROXY_COUNT proxies, as the rate limits use.
AXES_CLIENT_IP_CALLABLE = "home.clients.client_address"
# No log of every successful sign-in (a child's address); failures expire with the pause.
AXES_DISABLE_ACCESS_LOG = True
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "code"]
AXES_VERBOSE = False
# Two-step sign-in: the name authenticator apps show beside the code.
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Schoolsite")

# Caches in front (nginx, Varnish, a CDN) get the same purges as the page cache, for every
# change (home/page_cache/frontend.py). Wagtail's frontend_cache app is not installed: its own
# handlers would purge only a published page, in every language Wagtail knows.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "home.page_cache.frontend.PurgeRequestBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
        "ZONEID": os.environ["CLOUDFLARE_ZONEID"],
    }
# Purges name each language's address themselves.
WAGTAILFRONTENDCACHE_LANGUAGES: list[str] = []

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
# Each language's own way of writing a date ("23 listopada 2025"), with a few of ours.
FORMAT_MODULE_PATH = ["home.formats"]
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
# Files of private collections (those with a view restriction, like "Staff documents") are kept
# apart, where no web server or public URL reaches them, and served only by a view that checks
# the visitor (home/private_files): PRIVATE_MEDIA_ROOT must stay outside MEDIA_ROOT.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))
# Behind nginx: its `internal` location for PRIVATE_MEDIA_ROOT (deploy/nginx.conf), e.g.
# "/_private-media/". Set, the view answers with X-Accel-Redirect and nginx sends the file.
PRIVATE_MEDIA_ACCEL_REDIRECT = os.environ.get("PRIVATE_MEDIA_ACCEL_REDIRECT", "")
STORAGES = {
    # Routes each upload by name to one of the two below (home/private_files/storage.py).
    "default": {"BACKEND": "home.private_files.storage.PrivacyRoutingStorage"},
    "public_media": media_storage(os.environ),
    "private_media": private_media_storage(os.environ),
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Background tasks: stored in the database and run by `manage.py db_worker` (see README).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "email"]}}

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

# Content-Security-Policy (django-csp 4): see schoolsite/settings/content_security.py.
CONTENT_SECURITY_POLICY = public_policy(os.environ, MEDIA_URL)
SCHOOLSITE_ADMIN_CSP = {"PATH_PREFIXES": ADMIN_PATH_PREFIXES, "ADD": admin_additions()}

# Wagtail
WAGTAIL_SITE_NAME = "Schoolsite"
# No third parties: Gravatar would receive a hash of each staff member's email address, and
# the update check tells wagtail.org which version the school runs.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# The database backend uses PostgreSQL full-text search on PostgreSQL, SQLite FTS on SQLite.
# Large school groups can point WAGTAILSEARCH_ELASTICSEARCH_URL at Elasticsearch/OpenSearch.
# home.search_backend is Wagtail's database backend taking any text a person types (README).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "home.search_backend"}}
if os.environ.get("WAGTAILSEARCH_ELASTICSEARCH_URL"):
    WAGTAILSEARCH_BACKENDS["default"] = {
        "BACKEND": os.environ.get(
            "WAGTAILSEARCH_ELASTICSEARCH_BACKEND", "wagtail.search.backends.elasticsearch8"
        ),
        "URLS": [os.environ["WAGTAILSEARCH_ELASTICSEARCH_URL"]],
        "INDEX": os.environ.get("WAGTAILSEARCH_ELASTICSEARCH_INDEX", "schoolsite"),
    }
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Hashtags: a new "#oakfieldlearns" joins the existing "#OakfieldLearns" rather than splitting it.
TAGGIT_CASE_INSENSITIVE = True

# Uploads are limited in size and type; pupils upload from tablets and phones.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Uploads must be what their name says, whole, and (animations) within the pixel limit in all
# frames; pictures lose location and camera metadata as they are stored (home/uploads.py,
# home/images/).
# Every image form also asks who is in the picture, for the consent register (blogs.consent).
WAGTAILIMAGES_IMAGE_FORM_BASE = "blogs.consent.people_forms.ImageFormWithPeople"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "home.uploads.CheckedDocumentForm"
WAGTAILIMAGES_RENDITION_STORAGE = "home.images.storage.MetadataFreeStorage"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "pptx", "odp", "xlsx", "ods", "txt", "rtf"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Audio and video (wagtailmedia): formats every current browser plays, and a size limit.
WAGTAILMEDIA = {
    "MEDIA_MODEL": "wagtailmedia.Media",
    "MEDIA_FORM_BASE": "blogs.consent.people_forms.MediaFormWithPeople",
    # webm: what Chrome and Edge record a pupil's voice as in the writing screen.
    "AUDIO_EXTENSIONS": ["mp3", "m4a", "aac", "ogg", "oga", "wav", "webm"],
    "VIDEO_EXTENSIONS": ["mp4", "m4v", "webm", "ogv", "mov"],
}
SCHOOLSITE_MEDIA_MAX_UPLOAD_SIZE = 100 * 1024 * 1024
# Documents are served through Django so that page privacy can protect them; from a bucket,
# by a redirect (a private one's goes through the checking view to a short signed URL).
WAGTAILDOCS_SERVE_METHOD = "redirect" if os.environ.get("AWS_STORAGE_BUCKET_NAME") else "serve_view"
# Wagtail's document view hands the file to nginx (X-Accel-Redirect) when it is in front.
SENDFILE_BACKEND = "home.private_files.accel"

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
