"""A visitor's comment arrives here: checked, stored to wait for a teacher, and thanked."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from home.languages import source_language_page

from ..classes.posts import BlogPostPage
from .defences import client_hash, is_rate_limited
from .forms import CommentForm


@require_POST
def post_comment(request, post_id: int):
    """Store a comment on a live, public post, or show the post again with what to fix."""
    post = get_object_or_404(BlogPostPage.objects.live().public(), pk=post_id)
    form = CommentForm(request.POST)
    status = 400
    if is_rate_limited(client_hash(request)):
        form.is_valid()
        form.add_error(
            None,
            _(
                "You have sent several comments in the last minute. Please wait a minute "
                "and press Send again."
            ),
        )
        status = 429
    elif form.is_valid():
        # One conversation per post, whichever language it was read in.
        form.save_for(source_language_page(post), request)
        messages.success(
            request, _("Thank you – your comment will appear once a teacher has checked it.")
        )
        return redirect(post.get_url(request) + "#comments")
    context = post.get_context(request)
    context["comment_form"] = form
    return TemplateResponse(request, post.get_template(request), context, status=status)
