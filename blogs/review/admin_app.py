"""Wagtail's admin app, without Wagtail's own "submitted for moderation" emails.

Replaces ``wagtail.admin`` in INSTALLED_APPS (as ``school.users_app`` does for the users app):
Wagtail connects its email senders when its app is ready, so this is where they can be let go.
Wagtail emailed every superuser and each class teacher once per pupil's post, twice over,
with a subject such as "… approval in moderation stage …"; "To check" tells the class's own
teachers instead, batched and in plain words (``notices.py``). Wagtail's emails to the person
who sent something (approved, changes asked for) stay: pupils have no email address anyway.
"""

from wagtail.admin.apps import WagtailAdminAppConfig
from wagtail.signals import task_submitted, workflow_submitted


class SchoolAdminAppConfig(WagtailAdminAppConfig):
    def ready(self):
        super().ready()
        # Models can be imported only now that the app registry is ready.
        from wagtail.models import TaskState, WorkflowState

        task_submitted.disconnect(
            sender=TaskState, dispatch_uid="group_approval_task_submitted_email_notification"
        )
        workflow_submitted.disconnect(
            sender=WorkflowState, dispatch_uid="workflow_state_submitted_email_notification"
        )
