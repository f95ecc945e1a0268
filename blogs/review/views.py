"""'To check': the queue page, the next items as the teacher moves on, one decision at a
time (answered in JSON to the page's script, or as a plain form post), and the voice notes
of feedback, to those who may hear them."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from home.private_files.delivery import send_private_file

from ..school.groups import is_senior_leader
from ..writing.forms import upload_limits
from ..writing.strings import screen_strings
from . import decisions, queue
from .forms import CommentDecisionForm, PostDecisionForm
from .models import Feedback


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _may_review(user) -> bool:
    return queue.tasks_for(user).exists() or user.has_perm("blogs.change_comment")


def to_check(request):
    if not _may_review(request.user):
        raise PermissionDenied
    items, more = queue.page_of(request.user)
    limits = upload_limits()
    return TemplateResponse(
        request,
        "blogs/review/queue.html",
        {
            "items": items,
            "more": more,
            "count_text": waiting_words(queue.count_for_request(request)),
            "limits": limits,
            "strings": {
                **screen_strings(limits["voice_limit"]),
                "micRefused": _(
                    "The microphone cannot be used here. Write your feedback instead, or "
                    "choose a recording made on this device."
                ),
                "notDecided": _(
                    "The school's site could not be reached, so nothing was decided. Try again."
                ),
            },
        },
    )


def more_to_check(request):
    """The next page of items after ``?after=`` (the last one the page holds)."""
    if not _may_review(request.user):
        raise PermissionDenied
    after = queue.Waiting.from_cursor(request.GET.get("after", ""))
    if after is None:
        # Never the first page again for an address that lost its place: the page would loop.
        return TemplateResponse(
            request, "blogs/review/includes/items.html", {"items": [], "more": False}
        )
    items, more = queue.page_of(request.user, after=after)
    return TemplateResponse(
        request, "blogs/review/includes/items.html", {"items": items, "more": more}
    )


def waiting_words(count: int) -> str:
    return ngettext(
        "%(counter)s thing waits for you, oldest first.",
        "%(counter)s things wait for you, oldest first.",
        count,
    ) % {"counter": count}


def _answer(request, ok: bool, message: str, status: int = 200):
    if _wants_json(request):
        count = queue.count_for(request.user)
        return JsonResponse(
            {"ok": ok, "message": message, "count": count, "count_text": waiting_words(count)},
            status=status,
        )
    (messages.success if ok else messages.error)(request, message)
    return redirect("review:queue")


@require_POST
def decide_post(request, task_state_id: int):
    form = PostDecisionForm(request.POST, request.FILES)
    if not form.is_valid():
        return _answer(request, False, " ".join(form.errors_in_words()), status=400)
    try:
        decisions.decide_post(
            task_state_id,
            request.user,
            form.cleaned_data["action"],
            form.cleaned_data["text"],
            form.cleaned_data.get("voice"),
        )
    except decisions.AlreadyDecided as taken:
        return _answer(request, False, str(taken), status=409)
    except decisions.NotYet as refused:
        return _answer(request, False, str(refused), status=400)
    except PermissionDenied:
        return _answer(request, False, _("Only its class's teachers can decide on this."), 403)
    done = (
        _("Approved and published.")
        if form.cleaned_data["action"] == decisions.APPROVE
        else _("Sent back with your feedback.")
    )
    return _answer(request, True, done)


@require_POST
def decide_comment(request, comment_id: int):
    form = CommentDecisionForm(request.POST)
    if not form.is_valid():
        return _answer(request, False, " ".join(form.errors_in_words()), status=400)
    action = form.cleaned_data["action"]
    try:
        decisions.decide_comment(comment_id, request.user, action, form.cleaned_data["reply"])
    except decisions.AlreadyDecided as taken:
        return _answer(request, False, str(taken), status=409)
    except PermissionDenied:
        return _answer(request, False, _("Only its class's teachers can decide on this."), 403)
    return _answer(request, True, form.done_message())


def may_hear(user, feedback: Feedback) -> bool:
    """The pupil it is for, the class's teachers and senior leaders; nobody else."""
    post = feedback.post
    if user.pk == post.owner_id or is_senior_leader(user):
        return True
    class_blog = post.get_parent().specific
    return user.groups.filter(pk=class_blog.teachers_group_id).exists()


def voice_note(request, pk: int):
    # Refused alike whether it does not exist or is not theirs: nothing to learn by guessing.
    feedback = Feedback.objects.select_related("post").filter(pk=pk).first()
    if feedback is None or not feedback.voice or not may_hear(request.user, feedback):
        raise PermissionDenied
    return send_private_file(feedback.voice.name)
