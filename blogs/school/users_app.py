"""Wagtail's users app, with the school's user forms (``user_admin.py``).

Replaces ``wagtail.users`` in INSTALLED_APPS: Wagtail reads which user viewset to register from
this app config. Kept apart from the viewset, which cannot be imported before apps are ready.
"""

from wagtail.users.apps import WagtailUsersAppConfig


class SchoolUsersAppConfig(WagtailUsersAppConfig):
    user_viewset = "blogs.school.user_admin.SchoolUserViewSet"
