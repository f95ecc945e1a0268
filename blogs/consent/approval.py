"""The school's approval task: Wagtail's group approval, refusing to approve (and so publish) a
page that names or shows a child against the register.

A Wagtail task type of its own, so that every way of approving goes through it: the editor's
"Approve and publish", Wagtail's workflow buttons and "To check". Refused, the teacher is taken
to the page in the editor with the reasons (``views.refused``), and the page stays waiting.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask

from .checks import problems_for


class ConsentCheckedApprovalTask(AbstractGroupApprovalTask):
    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            page = task_state.revision.as_object()
            if problems_for(page):
                return reverse("consent:refused", args=(page.pk,))
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups approve; a page that names or shows a child without "
            "their consent cannot be approved."
        )

    class Meta:
        verbose_name = _("group approval, checking consent")
        verbose_name_plural = _("group approvals, checking consent")
