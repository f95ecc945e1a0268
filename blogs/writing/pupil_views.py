"""The pupil's screens: "My posts" and the writing screen, inside the admin (same sign-in).

The writing screen saves as the child goes (the page's script posts the form now and then and
keeps a copy on the device), and sends the post to the class's teachers through the class's
approval workflow. The same views answer a plain form post, so nothing depends on the script.
A post waiting for the teacher is shown, not edited (Wagtail locks it for its writer).
"""

import uuid

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ..classes.authors import personal_name
from ..classes.posts import BlogPostPage
from ..consent.people import remember_who_is_heard, remember_who_is_in, who_is_in
from ..school.pupils import is_a_child, pupil_class
from .forms import PupilPostForm, upload_limits
from .my_posts import (
    Progress,
    digital_leaders_awards,
    mark_feedback_seen,
    posts_of,
    progress_of,
    with_feedback,
)
from .post_content import Photo, PostParts, read_parts, write_parts
from .posting import new_post, save_draft, send_to_teacher, take_back
from .strings import screen_strings
from .uploads import photo_limit_text, store_photo, store_voice


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def my_posts(request):
    """A child's admin home: their posts, and a Digital Leader's awards."""
    if not is_a_child(request.user):
        return redirect("wagtailadmin_home")
    posts = posts_of(request.user)
    return TemplateResponse(
        request,
        "blogs/writing/my_posts.html",
        {
            "class_blog": pupil_class(request.user),
            "posts": posts,
            "new_feedback": sum(1 for item in posts if item.has_new_feedback),
            "awards": digital_leaders_awards(request.user),
        },
    )


def _post_for(request, class_blog, page_id):
    """The pupil's post with its newest draft, or None for a post they may not edit."""
    page = BlogPostPage.objects.filter(pk=page_id, alias_of=None).first()
    if (
        page is None
        or page.get_parent().pk != class_blog.pk
        or not page.permissions_for_user(request.user).can_edit()
    ):
        return None
    return page.get_latest_revision_as_object() if page.has_unpublished_changes else page


DRAFT_KEYS = "schoolsite_writing_drafts"
KEPT_DRAFT_KEYS = 20


def _post_already_made(request, class_blog):
    """The post an earlier save of this new post made, if its answer never reached the page."""
    key = request.POST.get("draft_key", "")
    page_id = request.session.get(DRAFT_KEYS, {}).get(key) if key else None
    return _post_for(request, class_blog, page_id) if page_id else None


def _remember_draft_key(request, post) -> None:
    key = request.POST.get("draft_key", "")
    if not key:
        return
    keys = request.session.get(DRAFT_KEYS, {})
    keys[key] = post.pk
    request.session[DRAFT_KEYS] = dict(list(keys.items())[-KEPT_DRAFT_KEYS:])


def _not_yours(request):
    """Back to "My posts", saying why, for a post that is not this pupil's to change."""
    message = _("You can only open your own posts. Here are yours.")
    if _wants_json(request):
        return JsonResponse({"ok": False, "errors": {"__all__": [message]}}, status=403)
    messages.error(request, message)
    return redirect("writing:my_posts")


@require_http_methods(["GET", "POST"])
def write(request, page_id=None):
    class_blog = pupil_class(request.user)
    if class_blog is None:
        # Teachers write in Wagtail's editor, where they have every block.
        if page_id:
            return redirect("wagtailadmin_pages:edit", page_id)
        return redirect("wagtailadmin_home")
    if page_id is None:
        if not class_blog.permissions_for_user(request.user).can_add_subpage():
            raise PermissionDenied
        post = _post_already_made(request, class_blog)
    else:
        post = _post_for(request, class_blog, page_id)
        if post is None:
            return _not_yours(request)

    progress = progress_of(with_feedback(post)) if post else None
    if post and request.method == "GET":
        # She is reading what her teacher said now (this page still marks it new): not again.
        mark_feedback_seen(post)
    lock = post.get_lock() if post else None
    if lock and lock.for_user(request.user):
        return _waiting(request, class_blog, post, progress)

    form = PupilPostForm(
        request.POST or None,
        request.FILES or None,
        collection=class_blog.collection,
        user=request.user,
        post=post,
        initial=_initial(post) if post else {"draft_key": uuid.uuid4().hex},
    )
    if request.method == "POST":
        try:
            return _save(request, form, class_blog, post)
        except BlogPostPage.DoesNotExist:
            # Her teacher deleted the post as it was being saved: the device keeps the writing.
            return _not_yours(request)
    return _render(request, form, class_blog, post, progress)


def _initial(post: BlogPostPage) -> dict:
    parts = read_parts(post)
    photo = parts.photo
    said = who_is_in(photo.image) if photo else None
    return {
        "photo_people_answer": said.answer if said else "",
        "photo_people": list(said.pupils.all()) if said else [],
        "title": parts.title,
        "text": parts.text,
        "photo_id": photo.image.pk if photo else None,
        "photo_description": photo.description if photo else "",
        "subjects": parts.subjects,
        "voice_id": parts.voice.pk if parts.voice else None,
        "transcript": parts.transcript,
    }


def _render(request, form, class_blog, post, progress, status=200):
    photo = _current_photo(form, post)
    voice = _current_voice(form, post)
    return TemplateResponse(
        request,
        "blogs/writing/write.html",
        {
            "form": form,
            "class_blog": class_blog,
            "post": post,
            "progress": progress,
            "photo": photo,
            "voice": voice,
            "photo_limit_text": photo_limit_text(),
            "limits": upload_limits(),
            "strings": screen_strings(upload_limits()["voice_limit"]),
            "forms_with_errors": [form] if form.errors else [],
            "device_key": f"{request.user.pk}:{post.pk if post else 'new'}",
            "saved_at": post.latest_revision_created_at.isoformat()
            if post and post.latest_revision_created_at
            else "",
        },
        status=status,
    )


def _current_photo(form, post):
    if form.is_bound and form.is_valid():
        return form.cleaned_data.get("photo_id")
    return post.featured_image if post else None


def _current_voice(form, post):
    if form.is_bound and form.is_valid():
        return form.cleaned_data.get("voice_id")
    return read_parts(post).voice if post else None


def _save(request, form, class_blog, post):
    if not form.is_valid():
        return _invalid(request, form, class_blog, post)
    data = form.cleaned_data
    title = data["title"].strip()
    photo = data.get("photo_id")
    voice = data.get("voice_id")
    try:
        if form.new_photo:
            photo = store_photo(
                form.new_photo,
                user=request.user,
                collection=class_blog.collection,
                title=title,
                description=data["photo_description"].strip(),
            )
    except ValidationError as error:
        form.add_error("photo", error)
    try:
        if data.get("voice"):
            voice = store_voice(
                data["voice"],
                user=request.user,
                collection=class_blog.collection,
                title=_voice_title(request.user, title),
                duration=data.get("voice_duration"),
            )
    except ValidationError as error:
        form.add_error("voice", error)
    if photo and not form.new_photo and data["photo_description"].strip():
        if photo.description != data["photo_description"].strip():
            photo.description = data["photo_description"].strip()
            photo.save(update_fields=["description"])
    if photo and data.get("photo_people_answer"):
        remember_who_is_in(
            photo, data["photo_people_answer"], data.get("photo_people"), request.user
        )
    if voice is not None:
        # A voice recorded on this screen is the writer's own.
        remember_who_is_heard(voice, [request.user], request.user)
    if form.errors:
        return _invalid(request, form, class_blog, post, photo=photo, voice=voice)

    if not title:
        # Nothing to save as a post yet: the device keeps the writing, the photo is stored.
        return _answer(request, post, photo, voice, saved=False)

    post = post or new_post(class_blog, request.user)
    parts = PostParts(
        title=title,
        text=data["text"],
        photos=[Photo(photo, photo.description)] if photo else [],
        voice=voice,
        transcript=data["transcript"],
        subjects=list(data["subjects"]),
        tags=[tag.name for tag in post.tags.all()] if post.pk else [],
    )
    with translation.override(None):
        voice_title = _voice_title(request.user, title)
    write_parts(post, parts, voice_title=voice_title)
    if form.sending:
        send_to_teacher(post, class_blog, request)
        _remember_draft_key(request, post)
        messages.success(request, _("Your teacher will check your post."))
        return _answer(request, post, photo, voice, saved=True, go_to=reverse("writing:my_posts"))
    save_draft(post, class_blog, request)
    _remember_draft_key(request, post)
    return _answer(request, post, photo, voice, saved=True)


def _voice_title(user, title: str) -> str:
    """What a listener is told they will hear, in the school's language: "Amara reads …"."""
    name = personal_name(user) or _("A pupil")
    return _("%(name)s reads “%(title)s”") % {"name": name, "title": title or _("my post")}


def _answer(request, post, photo, voice, *, saved: bool, go_to: str = ""):
    if _wants_json(request):
        return JsonResponse(
            {
                "ok": True,
                "saved": saved,
                "edit_url": reverse("writing:edit", args=(post.pk,)) if post and post.pk else "",
                "saved_at": post.latest_revision_created_at.isoformat()
                if saved and post.latest_revision_created_at
                else "",
                "photo": _photo_json(photo),
                "voice": _voice_json(voice),
                "go_to": go_to,
            }
        )
    if go_to:
        return redirect(go_to)
    if post and post.pk:
        messages.success(request, _("Saved. You can come back and finish it later."))
        return redirect("writing:edit", post.pk)
    return redirect("writing:new")


def _invalid(request, form, class_blog, post, photo=None, voice=None):
    if _wants_json(request):
        return JsonResponse(
            {
                "ok": False,
                "errors": {name: [str(e) for e in errors] for name, errors in form.errors.items()},
                "photo": _photo_json(photo),
                "voice": _voice_json(voice),
            },
            status=400,
        )
    return _render(request, form, class_blog, post, progress_of(post) if post else None, 400)


def _photo_json(photo):
    if photo is None:
        return None
    return {"id": photo.pk, "preview": photo.get_rendition("max-800x600|format-jpeg").url}


def _voice_json(voice):
    return {"id": voice.pk, "url": voice.url} if voice is not None else None


def _waiting(request, class_blog, post, progress):
    """A post the pupil may read but not change now: waiting for the teacher, or locked."""
    if request.method == "POST" and request.POST.get("action") == "take-back":
        if take_back(post, request.user):
            messages.success(
                request, _("You can change your post now. Send it again when it is ready.")
            )
            return redirect("writing:edit", post.pk)
    parts = read_parts(post)
    return TemplateResponse(
        request,
        "blogs/writing/waiting.html",
        {
            "class_blog": class_blog,
            "post": post,
            "parts": parts,
            "paragraphs": [p for p in parts.text.split("\n\n") if p.strip()],
            "waiting": progress.progress == Progress.WAITING,
            "progress": progress,
        },
    )
