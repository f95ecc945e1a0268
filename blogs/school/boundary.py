"""Keep pupils out of the admin's reports.

Wagtail shows its reports (site history, workflows, aging pages …) to anyone who may add
pages, which includes pupils. Those reports name other people and other classes' work, so a
pupil is refused them here, and the Reports menu is hidden from them in ``wagtail_hooks``.
"""

from django.core.exceptions import PermissionDenied

from .pupils import pupil_class

PUPIL_FORBIDDEN_NAMESPACES = {"wagtailadmin_reports"}


class PupilAdminBoundaryMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if (
            match is not None
            and PUPIL_FORBIDDEN_NAMESPACES.intersection(match.namespaces)
            and request.user.is_authenticated
            and not request.user.is_superuser
            and pupil_class(request.user) is not None
        ):
            raise PermissionDenied
        return None
