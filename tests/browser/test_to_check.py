"""'To check' on a teacher's phone: a pupil's post approved with a recorded voice note and a
comment marked as spam, every control on screen; then the pupil finds and plays the feedback."""

import pytest
from wagtail.models import Locale

from blogs.models import BlogPostPage, ClassBlogIndexPage, Comment, Feedback

from .conftest import PHONE
from .test_writing import assert_no_jargon


@pytest.fixture
def pond_post(demo_site):
    """A pupil's post sent to her teacher, as the writing screen sends it."""
    from django.contrib.auth import get_user_model

    pupil = get_user_model().objects.get(username="eagle.pupil")
    eagle = ClassBlogIndexPage.objects.get(slug="eagle", locale=Locale.get_default())
    post = BlogPostPage(
        title="Our pond",
        slug="our-pond",
        owner=pupil,
        live=False,
        body=[("paragraph", "<p>We saw frogspawn and a newt in the pond.</p>")],
    )
    eagle.add_child(instance=post)
    post.save_revision(user=pupil)
    post.get_workflow().start(post, pupil)
    yield post
    post.delete()


@pytest.fixture
def waiting_comment(demo_site):
    comment = Comment.objects.filter(name="Sam's dad").get()
    yield comment
    Comment.objects.filter(pk=comment.pk).update(status=Comment.Status.PENDING, moderated_by=None)


def assert_every_control_on_screen(page, card) -> None:
    width = page.viewport_size["width"]
    for control in card.locator("button:visible, textarea:visible, summary:visible").all():
        box = control.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, control.inner_text()


def test_a_teacher_approves_with_a_voice_note_and_spams_a_comment_then_the_pupil_listens(
    demo_site, sign_in, new_context, pond_post, waiting_comment, assert_accessible
):
    teacher = new_context(PHONE, permissions=["microphone"], has_touch=True, is_mobile=True)
    page = teacher.new_page()
    sign_in(page, "eagle.teacher")
    page.get_by_role("link", name="things to check").click()
    page.wait_for_url("**/admin/to-check/")
    assert_accessible(page)

    post = page.locator("[data-item]", has=page.get_by_role("heading", name="Our pond"))
    assert "We saw frogspawn and a newt" in post.inner_text()
    assert_every_control_on_screen(page, post)
    post.get_by_label("Feedback for Amara").fill("Super use of adjectives!")
    post.get_by_role("button", name="Record a voice note").click()
    post.get_by_text("Recording… 0:01").wait_for()
    post.get_by_role("button", name="Stop recording").click()
    post.get_by_text("Your recording is ready").wait_for()
    assert_every_control_on_screen(page, post)
    post.get_by_role("button", name="Approve and publish").click()
    post.get_by_text("Approved and published.").wait_for()

    comment = page.locator("[data-item]", has=page.get_by_role("heading", name="Sam's dad"))
    assert_every_control_on_screen(page, comment)
    comment.get_by_role("button", name="Spam").click()
    comment.get_by_text("Marked as spam: nobody will see it.").wait_for()
    assert page.url.endswith("/admin/to-check/")  # no reload: the same page all along
    assert_accessible(page)

    pond_post.refresh_from_db()
    assert pond_post.live
    waiting_comment.refresh_from_db()
    assert waiting_comment.status == "spam"
    feedback = Feedback.objects.get(post=pond_post)
    assert feedback.voice and feedback.text == "Super use of adjectives!"

    pupil = new_context(PHONE, has_touch=True, is_mobile=True).new_page()
    sign_in(pupil, "eagle.pupil")
    mine = pupil.locator(".my-post", has_text="Our pond")
    assert "New" in mine.inner_text()
    assert "Mr Patel says:" in mine.inner_text()
    assert "Super use of adjectives!" in mine.inner_text()
    assert_no_jargon(pupil)
    assert_accessible(pupil)
    heard = mine.locator("audio").evaluate(
        """audio => new Promise(resolve => {
            audio.addEventListener('timeupdate', () => resolve(audio.currentTime), {once: true});
            audio.addEventListener('error', () => resolve(-1), {once: true});
            audio.muted = true;
            audio.play().catch(() => resolve(-2));
        })"""
    )
    assert heard >= 0, heard


def test_a_teacher_moves_and_decides_by_keyboard_on_a_desktop(
    demo_site, sign_in, new_context, pond_post, waiting_comment, assert_accessible
):
    page = new_context().new_page()
    sign_in(page, "eagle.teacher")
    page.goto(demo_site.url + "/admin/to-check/")
    page.locator(".to-check__keys summary").click()
    assert "ask for changes" in page.locator(".to-check__keys").inner_text()
    cards = page.locator("[data-item]")
    first, second = cards.nth(0), cards.nth(1)
    page.keyboard.press("j")
    expect_current = "el => el.classList.contains('check-item--current')"
    assert second.evaluate(expect_current)
    page.keyboard.press("k")
    assert first.evaluate(expect_current)
    assert first.evaluate("el => el === document.activeElement")
    title = first.locator("h2").inner_text()
    page.keyboard.press("a")  # approve what has the focus
    first.locator("[data-result]").get_by_text("Approved").wait_for()
    # The next item takes the focus, ready for the next key.
    page.wait_for_function("() => document.activeElement.matches('[data-item]:not([data-done])')")
    assert title != page.evaluate("document.activeElement.querySelector('h2').textContent")
