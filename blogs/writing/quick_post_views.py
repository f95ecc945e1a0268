"""A teacher's quick post: photos, a sentence or two, hashtags, published in one go.

Nothing is stored until the teacher presses Publish, and then everything at once: an abandoned
attempt leaves no draft and no stray photo, and a failed one stores nothing, so trying again
makes no copies. The address comes from the title, numbered when a class already has it.
"""

import re

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.models import Site

from home.languages import in_default_language

from ..classes.class_blogs import ClassBlogIndexPage
from ..consent.checks import problems_for
from ..consent.enforcement import ConsentRefused
from ..consent.people import remember_who_is_in
from .forms import PhotoFormSet, QuickPostForm, upload_limits
from .hashtags import suggested_hashtags
from .post_content import Photo, PostParts, write_parts
from .posting import new_post, publish_now
from .strings import screen_strings
from .uploads import photo_limit_text, store_photo

TITLE_WORDS = 10
FIRST_SENTENCE = re.compile(r"^(.+?[.!?])(\s|$)", re.DOTALL)


def publishable_class_blogs(user):
    """The class blogs (in the school's language) ``user`` may publish posts in."""
    blogs = in_default_language(ClassBlogIndexPage.objects.all()).order_by("path")
    allowed = [blog.pk for blog in blogs if blog.permissions_for_user(user).can_publish_subpage()]
    return blogs.filter(pk__in=allowed)


def title_from(text: str) -> str:
    """The first sentence, shortened to a few words: "We found twelve snails…"."""
    text = " ".join(text.split())
    match = FIRST_SENTENCE.match(text)
    sentence = match.group(1) if match else text
    return Truncator(sentence.rstrip(".")).words(TITLE_WORDS, truncate="…")


def _own_class_first(class_blogs, user):
    mine = class_blogs.filter(teachers_group__in=user.groups.all()).first()
    return mine or class_blogs.first()


@require_http_methods(["GET", "POST"])
def quick_post(request):
    class_blogs = publishable_class_blogs(request.user)
    if not class_blogs.exists():
        raise PermissionDenied
    site = Site.find_for_request(request)
    form = QuickPostForm(
        request.POST or None,
        class_blogs=class_blogs,
        suggested_hashtags=suggested_hashtags(site, class_blogs),
        initial={"class_blog": _own_class_first(class_blogs, request.user)},
    )
    photos = PhotoFormSet(
        request.POST or None,
        request.FILES or None,
        prefix="photos",
        form_kwargs={"user": request.user},
    )
    if request.method == "POST":
        if form.is_valid() and photos.is_valid():
            try:
                post = _publish(request, form, photos)
            except ConsentRefused as refused:
                form.add_error(None, refused)  # the register says why; nothing was stored
            except ValidationError:
                pass  # the photo's form says what was wrong; nothing was stored
            else:
                return _published(request, post)
        return _invalid(request, form, photos)
    return _render(request, form, photos)


def _render(request, form, photos, status=200):
    class_blogs = list(form.fields["class_blog"].queryset)
    return TemplateResponse(
        request,
        "blogs/writing/quick_post.html",
        {
            "form": form,
            # A teacher of one class is not asked which class.
            "only_class": class_blogs[0] if len(class_blogs) == 1 else None,
            "photos": photos,
            "limits": upload_limits(),
            "strings": screen_strings(upload_limits()["voice_limit"]),
            "forms_with_errors": [f for f in (form, *photos.forms) if f.errors],
            "photo_limit_text": photo_limit_text(),
            "device_key": f"{request.user.pk}:quick-post",
        },
        status=status,
    )


@transaction.atomic
def _publish(request, form, photos):
    data = form.cleaned_data
    class_blog = data["class_blog"]
    title = data["title"].strip() or title_from(data["text"])
    stored = []
    for photo_form in photos:
        upload = photo_form.cleaned_data.get("photo")
        if not upload:
            continue
        description = photo_form.cleaned_data["description"].strip()
        try:
            image = store_photo(
                upload,
                user=request.user,
                collection=class_blog.collection,
                title=title,
                description=description,
            )
        except ValidationError as error:
            photo_form.add_error("photo", error)
            raise  # leaving the transaction stores none of the photos before it
        remember_who_is_in(
            image,
            photo_form.cleaned_data["people_answer"],
            photo_form.cleaned_data.get("people"),
            request.user,
        )
        stored.append(Photo(image, description))
    post = new_post(class_blog, request.user)
    parts = PostParts(
        title=title,
        text=data["text"],
        photos=stored,
        subjects=list(data["subjects"]),
        tags=form.all_hashtags,
    )
    write_parts(post, parts, voice_title="", extra_photos=True)
    post.summary = Truncator(" ".join(data["text"].split())).chars(300)
    problems = problems_for(post)
    if problems:
        # Nothing is published against a child's consent: nothing is stored either.
        raise ConsentRefused([str(problem) for problem in problems])
    publish_now(post, class_blog, request)
    return post


def _published(request, post):
    messages.success(
        request,
        format_html(
            "{} <a href='{}'>{}</a>",
            _("Published on %(class_name)s's blog.") % {"class_name": post.get_parent().title},
            post.get_url(request),
            _("See your post"),
        ),
    )
    go_to = reverse("writing:quick_post")
    if "application/json" in request.headers.get("Accept", ""):
        return JsonResponse({"ok": True, "go_to": go_to, "post_url": post.get_url(request)})
    return redirect(go_to)


def _invalid(request, form, photos):
    if "application/json" in request.headers.get("Accept", ""):
        errors = {name: [str(e) for e in errs] for name, errs in form.errors.items()}
        for index, photo_form in enumerate(photos.forms):
            for name, errs in photo_form.errors.items():
                errors[f"photos-{index}-{name}"] = [str(e) for e in errs]
        if photos.non_form_errors():
            errors["photos"] = [str(e) for e in photos.non_form_errors()]
        return JsonResponse({"ok": False, "errors": errors}, status=400)
    return _render(request, form, photos, status=400)
