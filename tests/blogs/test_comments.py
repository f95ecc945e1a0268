"""Visitors' comments: easy to leave, held for a teacher, safe for children."""

import re
import time
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from blogs.comments import tokens
from blogs.models import Comment
from tests.factories import BlogPostPageFactory

pytestmark = pytest.mark.django_db

XSS_PAYLOADS = [
    "<script>alert('x')</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">click</a>',
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "%3Cscript%3Ealert(1)%3C/script%3E",
    '"><svg onload=alert(1)>',
]


@pytest.fixture
def post(eagle):
    return BlogPostPageFactory(parent=eagle, title="Our rockets")


def comment_form_action(client, page_url: str) -> str:
    """Where the post's comment form sends to, read from the page as a browser would."""
    html = client.get(page_url).content.decode()
    return re.search(r'<form class="comment-form" method="post" action="([^"]+)"', html)[1]


def form_data(**overrides) -> dict:
    return {
        "name": "Grandma Rose",
        "relation": "grandparent",
        "email": "rose@example.com",
        "body": "What lovely rockets!",
        "website": "",
        "started": tokens.issue(started=time.time() - 30),
        **overrides,
    }


def test_a_comment_is_thanked_and_held_for_a_teacher(client, post):
    response = client.post(comment_form_action(client, post.url), form_data(), follow=True)
    html = response.content.decode()
    assert "Thank you – your comment will appear once a teacher has checked it." in html
    comment = Comment.objects.get()
    assert comment.status == "pending" and comment.post_id == post.pk
    assert "What lovely rockets!" not in client.get(post.url).content.decode()


def test_approved_comments_show_oldest_first_with_replies_and_never_an_email(client, post):
    first = Comment.objects.create(
        post=post,
        name="Rose",
        relation="grandparent",
        body="First!",
        status="approved",
        email="rose@example.com",
        created_at=timezone.now() - timedelta(hours=2),
    )
    Comment.objects.create(
        post=post,
        name="Leo",
        relation="pupil",
        body="Second!",
        status="approved",
        created_at=timezone.now() - timedelta(hours=1),
    )
    Comment.objects.create(post=post, name="Pending Pat", relation="visitor", body="Hidden")
    Comment.objects.create(post=post, name="Spammer", relation="visitor", body="Buy", status="spam")
    Comment.objects.create(
        post=post,
        reply_to=first,
        name="Mr Patel",
        relation="teacher",
        body="Thanks, Rose!",
        status="approved",
    )
    html = client.get(post.url).content.decode()
    assert html.index("First!") < html.index("Thanks, Rose!") < html.index("Second!")
    assert "(Grandparent)" in html and "(Teacher)" in html
    assert "Pending Pat" not in html and "Hidden" not in html and "Spammer" not in html
    assert "rose@example.com" not in html


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_html_in_a_comment_is_stored_harmlessly_and_shown_escaped(
    client, admin_client, post, payload
):
    client.post(
        comment_form_action(client, post.url),
        form_data(name=f"Eve {payload}"[:60], body=f"Hi {payload}"),
    )
    comment = Comment.objects.get()
    assert comment.body == f"Hi {payload}"
    comment.moderate("approved", None, links_allowed=True)
    html = client.get(post.url).content.decode()
    comments_html = html.split('id="comments"', 1)[1]
    for dangerous in ("<script>", "<img src=x", 'onerror="', "<svg", 'href="javascript:'):
        assert dangerous not in comments_html
    admin_html = admin_client.get(
        f"/admin/snippets/blogs/comment/inspect/{comment.pk}/"
    ).content.decode()
    assert "<script>alert" not in admin_html and "<svg onload" not in admin_html


def test_links_show_as_text_unless_a_teacher_allows_them(client, post):
    comment = Comment.objects.create(
        post=post,
        name="Ms Khan",
        relation="other_school",
        status="approved",
        body="See our blog: https://school.example/blog",
    )
    assert 'href="https://school.example/blog"' not in client.get(post.url).content.decode()
    comment.moderate("approved", None, links_allowed=True)
    assert (
        'href="https://school.example/blog" rel="nofollow"' in client.get(post.url).content.decode()
    )


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"body": "   "}, "Please write a comment."),
        ({"body": "x" * 1501}, "Ensure this value has at most 1500 characters"),
        ({"name": ""}, "Please tell us your name."),
        ({"website": "http://bot.example"}, "looks automated"),
        ({"started": "JUST NOW"}, "That was very quick!"),
        ({"started": "forged"}, "That was very quick!"),
        ({"relation": "teacher"}, "Select a valid choice."),
    ],
)
def test_bad_comments_get_a_clear_message_store_nothing_and_keep_the_text(
    client, post, overrides, message
):
    data = form_data(**overrides)
    if data["started"] == "JUST NOW":
        data["started"] = tokens.issue()
    response = client.post(comment_form_action(client, post.url), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert not Comment.objects.exists()
    if overrides.get("body", "").strip() and len(overrides.get("body", "")) <= 1500:
        assert data["body"] in html
    if "website" in overrides or "started" in overrides:
        assert "What lovely rockets!" in html


def test_the_sixth_comment_in_a_minute_is_refused_politely(client, post):
    for number in range(5):
        assert (
            client.post(
                comment_form_action(client, post.url), form_data(body=f"Comment {number}")
            ).status_code
            == 302
        )
    response = client.post(comment_form_action(client, post.url), form_data(body="One too many"))
    assert response.status_code == 429
    assert "Please wait a minute" in response.content.decode()
    assert "One too many" in response.content.decode()
    assert Comment.objects.count() == 5
    other_client = client_from("10.0.0.7")
    assert (
        other_client.post(
            comment_form_action(client, post.url), form_data(body="Someone else")
        ).status_code
        == 302
    )


def client_from(address: str):
    from django.test import Client

    return Client(REMOTE_ADDR=address)


def test_addresses_are_kept_only_as_a_salted_hash_and_forgotten_after_30_days(client, post):
    client.post(comment_form_action(client, post.url), form_data(), REMOTE_ADDR="192.0.2.44")
    comment = Comment.objects.get()
    assert comment.client_hash and "192.0.2.44" not in comment.client_hash
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - timedelta(days=31))
    call_command("purge_comment_client_hashes", verbosity=0)
    comment.refresh_from_db()
    assert comment.client_hash == ""


def test_words_on_the_schools_list_flag_a_comment_for_attention(client, post):
    client.post(comment_form_action(client, post.url), form_data(body="You are all stupid"))
    comment = Comment.objects.get()
    assert comment.flagged_words == "stupid"
    assert comment.status == "pending"


def test_class_blogs_show_approved_comment_counts(client, eagle, post):
    for _ in range(3):
        Comment.objects.create(post=post, name="A", relation="parent", body="x", status="approved")
    Comment.objects.create(post=post, name="B", relation="parent", body="y")
    html = client.get("/en-gb/eagle/").content.decode()
    assert "3 comments" in html


def test_counts_per_commenter_for_the_awards(eagle, falcon, post):
    falcon_post = BlogPostPageFactory(parent=falcon)
    now = timezone.now()
    for target, name in [(post, "Rose"), (post, "Rose"), (falcon_post, "Leo"), (post, "Leo")]:
        Comment.objects.create(
            post=target, name=name, relation="parent", body="x", status="approved"
        )
    Comment.objects.create(post=post, name="Rose", relation="parent", body="x")  # pending
    start, end = now - timedelta(days=1), now + timedelta(days=1)
    assert Comment.objects.counts_by_commenter(start, end) == [
        {"name": "Leo", "comments": 2},
        {"name": "Rose", "comments": 2},
    ]
