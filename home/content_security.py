"""django-csp's middleware, with the admin's additions under its own path.

Every response gets ``settings.CONTENT_SECURITY_POLICY`` (see
``schoolsite/settings/content_security.py``). Wagtail's admin still writes inline scripts and
styles, so under ``SCHOOLSITE_ADMIN_CSP["PATH_PREFIXES"]`` the directives in
``SCHOOLSITE_ADMIN_CSP["ADD"]`` are added; the public site never gets them.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        admin = getattr(settings, "SCHOOLSITE_ADMIN_CSP", None)
        if admin and request.path_info.startswith(tuple(admin["PATH_PREFIXES"])):
            update = {key: list(values) for key, values in admin["ADD"].items()}
            for key, values in (parts.update or {}).items():
                values = values if isinstance(values, list | tuple | set) else [values]
                update[key] = [*update.get(key, []), *values]
            parts.update = update
        return parts
