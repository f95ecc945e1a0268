from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.decorators.cache import never_cache
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from blogs.awards import visits
from blogs.comments import views as comment_views
from blogs.school import sign_in_views
from blogs.school.user_admin import SchoolAccountView
from blogs.writing.admin_home import admin_home
from blogs.writing.manifest import quick_post_manifest
from home.page_cache.policy import public_view
from home.private_files.views import serve_private_file
from home.sitemap import SchoolSitemap
from search import views as search_views

# A database outage is a 503 with Retry-After; anything else the friendly 500 page.
handler500 = "home.errors.server_error"

# Without a language prefix: the admin (each user's own language), files and the sitemap,
# which lists every language's pages. Django's own admin is not mounted: Wagtail's is the one.
urlpatterns = [
    # Wagtail's sign-in and account pages with the school's changes (two-step sign-in; first
    # name only for pupils), before Wagtail's own at the same addresses.
    path("admin/login/", sign_in_views.AdminLoginView.as_view(), name="wagtailadmin_login"),
    path(
        "admin/account/",
        require_admin_access(never_cache(SchoolAccountView.as_view())),
        name="wagtailadmin_account",
    ),
    # A pupil with no other role starts at "My posts"; everyone else at Wagtail's dashboard.
    path("admin/", admin_home, name="wagtailadmin_home"),
    path("admin/", include(wagtailadmin_urls)),
    # A teacher's home-screen shortcut to the quick post (browsers fetch it without cookies).
    path("quick-post.webmanifest", quick_post_manifest, name="quick_post_manifest"),
    path("documents/", include(wagtaildocs_urls)),
    # Files of private collections, after a permission check (home/private_files).
    path("private-media/<path:path>", serve_private_file, name="private_file"),
    path(
        "sitemap.xml",
        public_view(sitemap),
        {"sitemaps": {"pages": SchoolSitemap}},
        name="sitemap",
    ),
    # The one-pixel beacon each public page shows, counting visits privately (blogs/awards).
    path("visits/<int:page_id>.gif", visits.count_visit, name="count_visit"),
]

if settings.SERVE_MEDIA:
    # Production serves media from its bucket or web server; this is for dev, tests and demo.
    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

# The public site, in the visitor's language: /en-gb/…, /cy/…, /ur/… A path without a prefix
# (an old link, or just the domain) redirects to the language the visitor chose before, else
# the one their browser asks for, else English (see home.middleware).
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("comments/<int:post_id>/", comment_views.post_comment, name="post_comment"),
    path("comments/token/", comment_views.form_token, name="comment_form_token"),
    # Following classes by email: subscribe, confirm, preferences, unsubscribe.
    path("subscribe/", include("blogs.subscriptions.urls")),
    # Pupil surveys: a child types the survey code and answers, with or without an account.
    path("survey/", include("blogs.reports.surveys.urls")),
    path("login/", sign_in_views.PublicLoginView.as_view(), name="login"),
    path("logout/", sign_in_views.PublicLogoutView.as_view(), name="logout"),
    # Wagtail's page serving comes last: it matches every remaining path.
    path("", include(wagtail_urls)),
)
