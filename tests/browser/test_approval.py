"""eagle.pupil sends a post; eagle.teacher approves it in To check; a visitor reads it."""

import pytest
from wagtail.models import Locale, Page


@pytest.fixture
def snail_hunt_removed_afterwards(demo_site):
    """The browser tests share one demo school: take the post this test writes away again."""
    yield
    # As in the admin: deleting the English post takes its Welsh, Polish and Urdu copies too.
    for post in Page.objects.filter(slug="my-snail-hunt", locale=Locale.get_default()):
        post.delete()


def test_a_pupils_post_goes_public_only_after_their_teacher_approves_it(
    demo_site, new_page, sign_in, assert_accessible, snail_hunt_removed_afterwards
):
    pupil = new_page()
    sign_in(pupil, "eagle.pupil")
    pupil.get_by_role("link", name="Write a new post").click()
    pupil.get_by_label("What is your post called?").fill("My snail hunt")
    pupil.get_by_label("Write about your learning").fill("We found twelve snails in the garden.")
    pupil.get_by_role("button", name="Send to my teacher").click()
    pupil.wait_for_url("**/admin/my-posts/")
    assert "Your teacher will check your post." in pupil.locator("main").inner_text()

    visitor = new_page()
    response = visitor.goto(demo_site.url + "/en-gb/eagle/my-snail-hunt/")
    assert response.status == 404

    pupil.goto(demo_site.url + "/admin/")
    assert "Waiting for your teacher to check it" in pupil.locator(".my-posts").inner_text()

    teacher = new_page()
    sign_in(teacher, "eagle.teacher")
    teacher.get_by_role("link", name="things to check").click()
    teacher.wait_for_url("**/admin/to-check/")
    # The teacher reads the post, as it will look, where she approves it.
    item = teacher.locator("[data-item]", has=teacher.get_by_role("heading", name="My snail hunt"))
    assert "We found twelve snails in the garden." in item.inner_text()
    item.get_by_role("button", name="Approve and publish").click()
    item.get_by_text("Approved and published.").wait_for()
    pupil.close()
    teacher.close()

    response = visitor.goto(demo_site.url + "/en-gb/eagle/my-snail-hunt/")
    assert response.status == 200
    assert visitor.locator("h1").inner_text() == "My snail hunt"
    assert "by Amara, Eagle Class" in visitor.locator(".post__meta").inner_text()
    assert "We found twelve snails in the garden." in visitor.content()
    assert_accessible(visitor)
