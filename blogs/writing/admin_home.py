"""The admin's home: "My posts" for a child (a pupil, Digital Leaders too), else Wagtail's
dashboard.

Mounted at ``/admin/`` before Wagtail's own URLs, under Wagtail's name for its dashboard, so
that every link to the dashboard (the logo, sign-in, "back") takes a child to their posts.
"""

from django.shortcuts import redirect
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.home import HomeView

from ..school.pupils import is_a_child

wagtail_dashboard = HomeView.as_view()


@require_admin_access
@never_cache
def admin_home(request, *args, **kwargs):
    if is_a_child(request.user):
        return redirect("writing:my_posts")
    return wagtail_dashboard(request, *args, **kwargs)
