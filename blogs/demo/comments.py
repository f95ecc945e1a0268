"""Comments from near and far on the demo's posts, from ``data/comments.yaml``.

Each comment arrives a few hours after its post went out (never in the future), and the
class's teacher moderated it an hour later, unless it is still waiting.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from home.languages import in_default_language

from ..classes.posts import BlogPostPage
from ..comments.models import Comment
from .accounts import DEMO_ACCOUNTS
from .data import load


def _teachers() -> dict[str, object]:
    """Each class's teacher account, where the demo has one; the head moderates the rest."""
    users = {user.username: user for user in get_user_model().objects.all()}
    teachers = {}
    for account in DEMO_ACCOUNTS:
        for class_slug, kind in account.class_groups.items():
            if kind == "teachers" and account.username in users:
                teachers[class_slug] = users[account.username]
    return {"*": users.get("head"), **teachers}


def ensure_comments() -> None:
    """The comments of each post in the data file, unless that post has comments already."""
    posts = {
        (post.get_parent().slug, post.slug): post
        for post in in_default_language(BlogPostPage.objects.all())
    }
    teachers = _teachers()
    now = timezone.now()
    for entry in load("comments"):
        post = posts.get((entry["class"], entry["post"]))
        if post is None or Comment.objects.filter(post=post).exists():
            continue
        teacher = teachers.get(entry["class"], teachers["*"])
        sent = post.first_published_at or now
        for number, spec in enumerate(entry["comments"]):
            sent = min(sent + timedelta(hours=2 + number * 3), now - timedelta(minutes=30))
            status = spec.get("status", Comment.Status.APPROVED)
            moderated = status != Comment.Status.PENDING
            comment = Comment.objects.create(
                post=post,
                name=spec["name"],
                relation=spec["relation"],
                body=spec["text"],
                status=status,
                created_at=sent,
                moderated_by=teacher if moderated else None,
                moderated_at=min(sent + timedelta(hours=1), now) if moderated else None,
            )
            if spec.get("reply"):
                Comment.objects.create(
                    post=post,
                    reply_to=comment,
                    name=spec["reply"]["name"],
                    relation=Comment.Relation.TEACHER,
                    body=spec["reply"]["text"],
                    status=Comment.Status.APPROVED,
                    created_at=min(sent + timedelta(hours=1), now),
                    moderated_by=teacher,
                    moderated_at=min(sent + timedelta(hours=1), now),
                )
