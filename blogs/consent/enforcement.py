"""Nothing goes public against the register, by any path.

Each way of publishing checks first and tells the teacher, in plain words, which child, what is
missing and what to do: the editor's Publish (and scheduling) through ``before_publish_page``,
approval through the school's approval task (``approval.py``), "To check" and the quick post
in their own views, bulk publishing by leaving refused pages out, and scheduled publishing in
``manage.py publish_scheduled``. Underneath them all, a page saved as it is published is
checked once more (``refuse_publishing``), so a path not yet thought of cannot publish either.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models.signals import pre_save
from django.shortcuts import redirect
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from wagtail.models import Page

from .checks import problems_for


class ConsentRefused(ValidationError):
    """A page would go public naming or showing a child against their consent."""


def refusal_message(page, problems) -> str:
    return format_html(
        "{}<ul>{}</ul>",
        _("“%(title)s” cannot be published yet:") % {"title": page.get_admin_display_title()},
        format_html_join("", "<li>{}</li>", ((str(problem),) for problem in problems)),
    )


def before_publish(request, page):
    """Wagtail's ``before_publish_page``: the draft is saved; refused, it stays a draft."""
    problems = problems_for(page)
    if not problems:
        return None
    if page.live and page.live_revision_id is None:
        # Wagtail's create view adds a page to be published as live before publishing its
        # revision: refused, it is a draft like any other.
        Page.objects.filter(pk=page.pk).update(live=False, has_unpublished_changes=True)
    messages.error(request, refusal_message(page, problems))
    return redirect("wagtailadmin_pages:edit", page.pk)


def _is_going_live(page: Page, update_fields) -> bool:
    if not page.live or page.pk is None or page.live_revision_id is None:
        return False
    if update_fields is not None and "live_revision" not in update_fields:
        return False
    stored = Page.objects.filter(pk=page.pk).values_list("live_revision_id", flat=True).first()
    return stored != page.live_revision_id


def refuse_publishing(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    """The last line: a page about to be published with a new revision is checked again."""
    if raw or not isinstance(instance, Page) or not _is_going_live(instance, update_fields):
        return
    problems = problems_for(instance)
    if problems:
        raise ConsentRefused([str(problem) for problem in problems])


def connect() -> None:
    pre_save.connect(refuse_publishing, dispatch_uid="schoolsite-consent-refuse-publishing")
