from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from blogs.comments import views as comment_views
from home.sitemap import SchoolSitemap
from search import views as search_views

# A database outage is a 503 with Retry-After; anything else the friendly 500 page.
handler500 = "home.errors.server_error"

# Without a language prefix: the admin (each user's own language), files and the sitemap,
# which lists every language's pages.
urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": SchoolSitemap}}, name="sitemap"),
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
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    # Wagtail's page serving comes last: it matches every remaining path.
    path("", include(wagtail_urls)),
)
