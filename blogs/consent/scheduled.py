"""Scheduled publishing held back where the register no longer allows it."""

from django.core.mail import send_mail
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Revision

from .checks import problems_for


def hold_back_refused() -> list[str]:
    """Clear the schedule of every due revision that is refused; their titles."""
    held = []
    for revision in Revision.objects.filter(approved_go_live_at__lt=timezone.now()):
        page = revision.as_object()
        problems = problems_for(page)
        if not problems:
            continue
        Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=None)
        log(
            instance=page,
            action="blogs.consent_held_back",
            revision=revision,
            data={"problems": [str(problem) for problem in problems]},
        )
        if revision.user and revision.user.email:
            send_mail(
                _("“%(title)s” was not published") % {"title": page.title},
                "\n".join(
                    [
                        _("“%(title)s” was due to be published now, but it cannot be:")
                        % {"title": page.title},
                        "",
                        *(f"- {problem}" for problem in problems),
                    ]
                ),
                None,
                [revision.user.email],
            )
        held.append(page.title)
    return held
