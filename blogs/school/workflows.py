"""Approval workflows: each class's teachers approve its pupils' posts; senior leaders
approve the Digital Leaders' awards.

Teachers hold publish permission, so their own posts publish directly; a pupil can only
"Submit for moderation", which starts this workflow.
"""

from django.contrib.auth.models import Group
from django.utils.translation import gettext as _
from wagtail.models import Workflow, WorkflowPage, WorkflowTask

from home.languages import source_language_page

from ..consent.approval import ConsentCheckedApprovalTask
from .groups import SENIOR_LEADERS


def ensure_pupil_post_workflow(class_blog) -> Workflow:
    """The class's teachers approve its pupils' posts; senior leaders may too (every class is
    theirs), though only the class's teachers are told a post is waiting (``blogs.review``)."""
    name = source_language_page(class_blog).short_name
    # Approving publishes, and nothing is published against a child's consent (blogs.consent).
    task, _created = ConsentCheckedApprovalTask.objects.get_or_create(
        name=_("%(name)s teachers approve") % {"name": name}
    )
    task.groups.add(class_blog.teachers_group, Group.objects.get_or_create(name=SENIOR_LEADERS)[0])
    workflow, _created = Workflow.objects.get_or_create(
        name=_("Pupil post approval – %(name)s Class") % {"name": name}
    )
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=class_blog, defaults={"workflow": workflow})
    return workflow


def ensure_award_workflow(awards_index, senior_leaders) -> Workflow:
    """Digital Leaders' awards are approved by a senior leader before they are published."""
    task, _created = ConsentCheckedApprovalTask.objects.get_or_create(
        name=_("Senior leaders approve")
    )
    task.groups.add(senior_leaders)
    workflow, _created = Workflow.objects.get_or_create(name=_("Blogging Award approval"))
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=awards_index, defaults={"workflow": workflow})
    return workflow
