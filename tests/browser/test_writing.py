"""Pupils post in a minute, teachers in thirty seconds: the writing screens in Chromium, at a
phone's size and a laptop's, by touch and by keyboard alone.

An "action" is what a person does besides typing words: a tap or click, choosing a file, a
press of Enter or Space on a control. Each test counts them.
"""

import io
import time

import pytest
from django.db import OperationalError, transaction
from django.db.transaction import TransactionManagementError
from PIL import Image
from wagtail.models import Locale, Page, WorkflowState

from blogs.models import BlogPostPage
from tests.jargon import JARGON

from .conftest import DESKTOP, PHONE


class Actions:
    """Does things on the page as a person would, counting each one."""

    def __init__(self, page):
        self.page = page
        self.count = 0

    def tap(self, locator) -> None:
        locator.click()
        self.count += 1

    def choose_file(self, selector: str, path) -> None:
        self.page.set_input_files(selector, path)
        self.count += 1

    def press(self, key: str) -> None:
        self.page.keyboard.press(key)
        self.count += 1


def tab_to(page, selector: str, limit: int = 80) -> None:
    """Move the keyboard's focus with Tab until it is on ``selector`` (not counted as actions:
    moving along is not doing)."""
    for _ in range(limit):
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def assert_no_jargon(page) -> None:
    text = page.locator("body").inner_text()
    found = [word for word in JARGON if word in text]
    assert not found, f"{page.url} shows {found}"


@pytest.fixture
def photo_file(tmp_path):
    """A photo as a tablet's camera would hand it over."""
    path = tmp_path / "IMG_0042.jpg"
    buffer = io.BytesIO()
    Image.effect_noise((640, 480), 60).convert("RGB").save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())
    return path


@pytest.fixture
def posts_removed_afterwards(demo_site, browser):
    """The browser tests share one demo school: take away the posts these tests write, once
    every page is closed (a save still on its way would otherwise meet a post being deleted)."""
    before = set(Page.objects.values_list("pk", flat=True))
    yield
    for context in browser.contexts:
        context.close()
    for post in BlogPostPage.objects.filter(locale=Locale.get_default()).exclude(pk__in=before):
        delete_when_free(post)


def delete_when_free(post: BlogPostPage, attempts: int = 20) -> None:
    """Delete ``post``, again after a moment if a last save the closing page sent is still
    being written: PostgreSQL then reports a deadlock and SQLite a locked file, and the one
    that gave way is rolled back whole."""
    for _attempt in range(attempts):
        try:
            with transaction.atomic():
                BlogPostPage.objects.get(pk=post.pk).delete()
            return
        except BlogPostPage.DoesNotExist:
            return
        except (OperationalError, TransactionManagementError):
            time.sleep(0.25)
    raise AssertionError(f"{post} was still being saved after {attempts} attempts")


def check_sent(title: str) -> BlogPostPage:
    post = BlogPostPage.objects.get(title=title, locale=Locale.get_default())
    draft = post.get_latest_revision_as_object()
    assert draft.featured_image.description
    assert [block.block_type for block in draft.body] == ["paragraph", "audio"]
    assert draft.body[1].value["audio"].file.size > 1000  # a real recording
    assert [subject.slug for subject in draft.subjects.all()] == ["science"]
    assert post.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not post.live
    return post


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_pupil_sends_photo_words_subject_and_voice_in_six_actions(
    demo_site,
    sign_in,
    new_context,
    viewport,
    photo_file,
    assert_accessible,
    posts_removed_afterwards,
):
    touch = {"has_touch": True, "is_mobile": True} if viewport is PHONE else {}
    page = new_context(viewport, permissions=["microphone"], **touch).new_page()
    sign_in(page, "eagle.pupil")
    assert page.url.endswith("/admin/my-posts/")
    assert_no_jargon(page)
    title = f"Bean diary {viewport['width']}"

    act = Actions(page)
    act.tap(page.get_by_role("link", name="Write a new post"))
    if viewport is PHONE:  # on a phone, the camera is one of the two ways to a photo
        assert page.get_by_text("Take a photo", exact=True).is_visible()
    page.wait_for_url("**/admin/write/")
    assert_accessible(page)
    page.get_by_label("What is your post called?").fill(title)
    page.get_by_label("Write about your learning").fill("Our bean grew two leaves today.")
    photo_input = "#id_photo_camera" if viewport is PHONE else "#id_photo"
    act.choose_file(photo_input, photo_file)
    page.get_by_label("What is in your photo?").fill("A bean plant with two leaves in a pot")
    act.tap(page.locator("label", has_text="Science"))
    act.tap(page.get_by_role("button", name="Start recording"))
    page.get_by_text("Recording… 0:01").wait_for()
    act.tap(page.get_by_role("button", name="Stop recording"))
    page.get_by_text("Your recording is ready").wait_for()
    assert_no_jargon(page)
    assert_accessible(page)
    act.tap(page.get_by_role("button", name="Send to my teacher"))
    page.wait_for_url("**/admin/my-posts/")

    assert act.count <= 6, act.count
    assert "Your teacher will check your post." in page.locator("main").inner_text()
    assert (
        page.locator(".my-post", has_text=title)
        .inner_text()
        .endswith("Waiting for your teacher to check it")
    )
    assert_no_jargon(page)
    assert_accessible(page)
    check_sent(title)


def test_a_pupil_does_it_all_by_keyboard(
    demo_site, sign_in, new_context, photo_file, assert_accessible, posts_removed_afterwards
):
    page = new_context(DESKTOP, permissions=["microphone"]).new_page()
    sign_in(page, "eagle.pupil")
    act = Actions(page)
    tab_to(page, "a[href$='/admin/write/']")
    act.press("Enter")
    page.wait_for_url("**/admin/write/")
    tab_to(page, "#id_title")
    page.keyboard.type("Keyboard beans")
    tab_to(page, "#id_text")
    page.keyboard.type("I used only the keyboard.")
    tab_to(page, "#id_photo")
    with page.expect_file_chooser() as chooser:
        act.press("Space")
    chooser.value.set_files(photo_file)
    tab_to(page, "#id_photo_description")
    page.keyboard.type("Beans in a jar")
    tab_to(page, subject_checkbox(page, "Science"))
    act.press("Space")
    tab_to(page, "[data-voice-record]")
    act.press("Enter")
    page.get_by_text("Recording… 0:01").wait_for()
    act.press("Enter")
    page.get_by_text("Your recording is ready").wait_for()
    tab_to(page, "[data-send-button]")
    act.press("Enter")
    page.wait_for_url("**/admin/my-posts/")
    assert act.count <= 6, act.count
    check_sent("Keyboard beans")


def subject_checkbox(page, name: str) -> str:
    """The selector of a subject's checkbox, found by the name under its picture."""
    return "#" + page.locator("label.subject-pictures__label", has_text=name).get_attribute("for")


def test_a_reload_mid_writing_and_a_dropped_connection_lose_nothing(
    demo_site, sign_in, new_context, posts_removed_afterwards
):
    context = new_context(PHONE)
    page = context.new_page()
    sign_in(page, "eagle.pupil")
    page.goto(demo_site.url + "/admin/write/")
    page.get_by_label("What is your post called?").fill("Rain gauge")
    page.get_by_label("Write about your learning").fill("It rained 4 mm.")
    page.reload()  # before anything reached school
    assert page.get_by_label("What is your post called?").input_value() == "Rain gauge"
    assert page.get_by_label("Write about your learning").input_value() == "It rained 4 mm."
    assert page.get_by_text("We found writing that was kept on this device").is_visible()

    page.get_by_text("Saved").wait_for()  # put back, then saved to school as she goes
    assert page.url.rstrip("/").split("/")[-1].isdigit()
    context.set_offline(True)
    page.get_by_label("Write about your learning").fill("It rained 4 mm. Then 6 mm!")
    page.get_by_text("Not connected to school").wait_for()
    context.set_offline(False)
    page.reload()
    assert page.get_by_label("Write about your learning").input_value() == (
        "It rained 4 mm. Then 6 mm!"
    )
    # One draft, however the saves were cut short by the reload and the lost connection.
    post = BlogPostPage.objects.get(title="Rain gauge", locale=Locale.get_default())
    assert not post.live and post.current_workflow_state is None


def test_a_teacher_posts_a_photo_a_sentence_and_a_hashtag_from_a_phone_in_five_actions(
    demo_site, sign_in, new_context, photo_file, assert_accessible, posts_removed_afterwards
):
    page = new_context(PHONE, has_touch=True, is_mobile=True).new_page()
    sign_in(page, "eagle.teacher")
    act = Actions(page)
    act.tap(page.get_by_role("link", name="Quick post", exact=True).first)
    page.wait_for_url("**/admin/quick-post/")
    assert_accessible(page)
    act.choose_file("#id_photos-0-photo", photo_file)
    page.get_by_label("What is in the photo?").fill("Seedlings in yoghurt pots")
    act.tap(page.get_by_text("No children", exact=True))
    page.get_by_label("What happened?").fill("Our seedlings are up! Next week we plant them out.")
    act.tap(page.locator("label", has_text="#OakfieldLearns"))
    act.tap(page.get_by_role("button", name="Publish"))
    page.get_by_text("Published on Eagle Class's blog.").wait_for()
    assert act.count <= 5, act.count
    assert_accessible(page)

    visitor = new_context(PHONE).new_page()
    for path in ("/en-gb/eagle/", "/en-gb/news/", "/en-gb/news/tags/oakfieldlearns/"):
        visitor.goto(demo_site.url + path)
        card = visitor.locator(".card--post").first
        assert card.locator(".card__title").inner_text() == "Our seedlings are up!", path
    visitor.locator(".card--post").first.get_by_role("link").first.click()
    assert visitor.get_by_role("img", name="Seedlings in yoghurt pots").is_visible()
