"""Who sees which report: the one rule every report view applies before it counts anything.

Wagtail's own reports are for senior leaders only (``school/boundary.py``), since they name
other classes' work. These reports are under their own URL namespace, which the boundary
leaves alone, because a teacher needs *her* classes' activity and her pupils' participation:

- activity and participation: senior leaders every class, teachers the classes they teach;
  anyone else (pupils, Digital Leaders, staff without a class) is refused;
- the governors' report and survey results: senior leaders only, since they cover the school.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from ..school.groups import is_senior_leader
from ..school.pupils import classes_managed_by

NAMESPACE = "blogging_reports"


def report_classes(user) -> QuerySet:
    """The class blogs ``user`` may see reports of, in tree order; refused if none."""
    classes = classes_managed_by(user)
    if not classes.exists():
        raise PermissionDenied
    return classes


def may_see_class_reports(user) -> bool:
    return user.is_authenticated and classes_managed_by(user).exists()


def require_senior_leader(user) -> None:
    if not is_senior_leader(user):
        raise PermissionDenied
