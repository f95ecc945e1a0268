"""A visitor leaves a comment; eagle.teacher approves it with a reply in To check; both appear."""

import pytest

from blogs.models import Comment


@pytest.fixture
def joes_comment_removed_afterwards(demo_site):
    """The browser tests share one demo school: take the comment (and its reply) away again."""
    yield
    Comment.objects.filter(name="Grandad Joe").delete()


def test_a_visitors_comment_appears_after_the_teacher_approves_it(
    demo_site, new_page, sign_in, assert_accessible, joes_comment_removed_afterwards
):
    visitor = new_page()
    visitor.goto(demo_site.url + "/en-gb/eagle/our-trip-to-the-farm/")
    assert_accessible(visitor)
    visitor.get_by_label("Your name").fill("Grandad Joe")
    visitor.get_by_label("Who they are").select_option(label="Grandparent")
    visitor.get_by_label("Your comment").fill("Those lambs look very cuddly!")
    visitor.wait_for_timeout(3200)  # a person takes a few seconds; instant posts look like bots
    with visitor.expect_navigation():
        visitor.get_by_role("button", name="Send comment").click()
    assert "your comment will appear once a teacher has checked it" in visitor.content()
    assert (
        "Those lambs look very cuddly!" not in visitor.locator(".comment-list").first.inner_text()
    )
    assert_accessible(visitor)

    teacher = new_page()
    sign_in(teacher, "eagle.teacher")
    teacher.get_by_role("link", name="things to check").click()
    item = teacher.locator("[data-item]", has=teacher.get_by_role("heading", name="Grandad Joe"))
    assert "Those lambs look very cuddly!" in item.inner_text()
    item.get_by_text("Reply", exact=True).click()
    item.get_by_label("Your reply, shown under the comment with your name").fill("Thank you, Joe!")
    item.get_by_role("button", name="Approve and reply").click()
    item.get_by_text("Approved, with your reply under it.").wait_for()
    teacher.close()

    visitor.reload()
    comments = visitor.locator(".comment-list").first.inner_text()
    assert "Those lambs look very cuddly!" in comments
    assert "Thank you, Joe!" in comments
