"""What of the school each user may see named in the admin: one rule for every screen.

Wagtail checks what a user may *do*; several of its screens still *name* what they may not see
(bulk-action confirmations, choosers, error messages). The admin boundary, the bulk actions,
the choosers and the explorer ask here instead, so that one rule holds everywhere:

- pages: those Wagtail lets the user explore (the pages they may edit, and the way down to
  them), never one behind a view restriction they do not pass, such as a staff-only help sheet;
- in a page chooser, also every live page they could open on the public site;
- anything else: what its permission policy lets them add, change, delete, view or choose (a
  teacher their classes' comments, a pupil their class's pictures, senior leaders everything).
"""

from django.db.models import Q, QuerySet
from wagtail.models import Page
from wagtail.permissions import policy_registry

from ..helpsheets.models import restricted_paths, under_any

ANY_ACTION = ["add", "change", "delete", "view", "choose", "publish"]


def _explorable(request) -> QuerySet:
    return policy_registry.get_by_type(Page).explorable_instances(request.user)


def without_restricted(pages: QuerySet, request) -> QuerySet:
    """``pages`` less those behind a view restriction this request does not pass."""
    return pages.exclude(under_any(restricted_paths(request)))


def explorable_pages(request) -> QuerySet:
    """The pages this user may see in the admin's explorer, and open any admin screen of."""
    return without_restricted(_explorable(request), request)


def choosable_pages(pages: QuerySet, request) -> QuerySet:
    """``pages`` cut to what a page chooser may offer: explorable, or live and open to them."""
    offered = pages.filter(Q(live=True) | Q(pk__in=_explorable(request).values("pk")))
    return without_restricted(offered, request)


def visible_objects(request, model) -> QuerySet:
    """Every object of ``model`` this user may see named anywhere in the admin."""
    if issubclass(model, Page):
        return explorable_pages(request)
    policy = policy_registry.get_by_type(model)
    return policy.instances_user_has_any_permission_for(request.user, ANY_ACTION)
