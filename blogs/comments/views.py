"""A visitor's comment arrives here: checked, stored to wait for a teacher, and thanked."""

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from home.languages import source_language_page

from ..classes.posts import BlogPostPage
from . import tokens
from .defences import take_rate_slot
from .forms import CommentForm


# No CSRF cookie: the post page renders no {% csrf_token %}, so that reading a public page
# sets no cookie. CSRF protects what a signed-in user's session may do; this view uses no
# session or user, so a forged post could do nothing its sender could not do directly. Bots
# and replays are stopped instead by the form's signed, time-checked, one-use token, its
# honeypot and the rate limit.
@csrf_exempt
@require_POST
def post_comment(request, post_id: int):
    """Store a comment on a live, public post, or show the post again with what to fix."""
    post = get_object_or_404(BlogPostPage.objects.live().public(), pk=post_id)
    form = CommentForm(request.POST)
    status = 400
    if form.is_valid():
        status = _refusal(request, form)
        if status is None:
            # One conversation per post, whichever language it was read in.
            form.save_for(source_language_page(post), request)
            messages.success(
                request, _("Thank you – your comment will appear once a teacher has checked it.")
            )
            return redirect(post.get_url(request) + "#comments")
    context = post.get_context(request)
    context["comment_form"] = form
    return TemplateResponse(request, post.get_template(request), context, status=status)


def _refusal(request, form: CommentForm) -> int | None:
    """The status refusing a well-filled form (a replayed token, one comment too many), having
    told the visitor why on the form; None if the comment may be stored."""
    if not tokens.claim(form.token):
        status, message = (
            400,
            _(
                "This form was already used to send a comment, so this one was not saved. "
                "If you have not sent it before, press Send again."
            ),
        )
    elif not take_rate_slot(request):
        status, message = (
            429,
            _(
                "You have sent several comments in the last minute. Please wait a minute "
                "and press Send again."
            ),
        )
    else:
        return None
    form.renew_token()
    form.add_error(None, message)
    return status


@require_GET
def form_token(request):
    """A fresh one-use token for the comment form of a cached post page, fetched by
    ``comment-form.js`` when the visitor starts writing: the shared page cannot carry one.
    Never cached (the page cache marks anything not public ``private, no-store``)."""
    return JsonResponse({"token": tokens.issue()})
