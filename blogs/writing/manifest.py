"""The web app manifest: "Quick post" on a teacher's home screen, opening the quick post.

Served without signing in (browsers fetch manifests without cookies) and holding nothing but
the school's name: the screen it opens asks for the sign-in as usual.
"""

from django.http import JsonResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from wagtail.models import Site

from home.site_settings import SchoolSettings

ICON_SIZES = (192, 512)
THEME_COLOUR = "#0f5e5a"


@cache_control(public=True, max_age=60 * 60)
def quick_post_manifest(request):
    site = Site.find_for_request(request)
    school = (SchoolSettings.for_site(site).school_name or site.root_page.title) if site else ""
    start = reverse("writing:quick_post")
    return JsonResponse(
        {
            "name": _("Quick post – %(school)s") % {"school": school}
            if school
            else _("Quick post"),
            "short_name": _("Quick post"),
            "description": _("A photo and a sentence on your class blog, from your phone."),
            "id": start,
            "start_url": start,
            "scope": reverse("wagtailadmin_home"),
            "display": "standalone",
            "background_color": "#ffffff",
            "theme_color": THEME_COLOUR,
            "icons": [
                {
                    "src": static(f"blogs/writing/quick-post-{size}.png"),
                    "sizes": f"{size}x{size}",
                    "type": "image/png",
                    "purpose": "any maskable",
                }
                for size in ICON_SIZES
            ],
        },
        content_type="application/manifest+json",
        json_dumps_params={"ensure_ascii": False},
    )
