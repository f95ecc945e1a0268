"""Saving, sending and publishing a post from the writing screens, as Wagtail's editor does.

A post is a ``BlogPostPage`` under its class blog. Saving makes a revision (a post never
published also keeps its draft on the page itself, as Wagtail's editor does); sending starts
the class's approval workflow, or resumes it after the teacher asked for changes; publishing
(teachers only) publishes that revision. Wagtail's own logging, signals and notifications run
as they do from the editor.
"""

from django.db import transaction
from django.utils.text import slugify
from wagtail import hooks
from wagtail.coreutils import find_available_slug
from wagtail.models import WorkflowState

from ..classes.posts import BlogPostPage

DEFAULT_SLUG = "post"


def new_post(class_blog, owner) -> BlogPostPage:
    """A post not yet in the page tree, owned by ``owner``, in the class blog's language."""
    return BlogPostPage(owner=owner, locale_id=class_blog.locale_id, live=False)


def _slug_for(post: BlogPostPage, parent) -> str:
    """A free address from the title: "castle-models", then "castle-models-1" …"""
    wanted = slugify(post.title, allow_unicode=True)[:200] or DEFAULT_SLUG
    return find_available_slug(parent, wanted, ignore_page_id=post.pk)


@transaction.atomic
def save_draft(post: BlogPostPage, class_blog, request):
    """Store what was written as the post's newest revision, and return that revision.

    The checks a sent or published post must pass (a described photo) are the form's; a draft
    may be unfinished, so the model's own checks are not run here. A new post gets what
    Wagtail's editor gives one (``after_create_page`` hooks: wagtail-localize makes its copy
    in every language the school reads in, so that it can be read there once published).
    """
    user = request.user
    if post.pk is None:
        post.slug = _slug_for(post, class_blog)
        class_blog.add_child(instance=post)
        revision = _save(post, user)
        for after_create_page in hooks.get_hooks("after_create_page"):
            after_create_page(request, post)
        return revision
    elif not (post.live or post.first_published_at):
        # Nobody has the address of a post never published: it follows the title.
        post.slug = _slug_for(post, class_blog)
    return _save(post, user)


def _save(post: BlogPostPage, user):
    if not post.live:
        post.save(clean=False)
    return post.save_revision(user=user, clean=False, log_action=True)


@transaction.atomic
def send_to_teacher(post: BlogPostPage, class_blog, request) -> None:
    """Save, then ask the class's teachers to check it (Wagtail's workflow, as "Submit")."""
    user = request.user
    save_draft(post, class_blog, request)
    state = post.current_workflow_state
    if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    elif state is None:
        post.get_workflow().start(post, user)


@transaction.atomic
def publish_now(post: BlogPostPage, class_blog, request) -> None:
    """Save and publish (only for someone who may publish in the class blog)."""
    revision = save_draft(post, class_blog, request)
    revision.publish(user=request.user)


def take_back(post: BlogPostPage, user) -> bool:
    """Stop a post waiting for the teacher, so that its writer can change it (Wagtail's
    "cancel workflow"); whether it was waiting and may be taken back by ``user``."""
    state = post.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_IN_PROGRESS:
        return False
    if not state.user_can_cancel(user):
        return False
    state.cancel(user=user)
    return True
