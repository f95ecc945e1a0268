"""A teacher meets the consent register's refusal and fixes it: the demo's "Our sunflower race"
shows Leo, whose parents have not agreed to photos of him on the website."""

import pytest

from blogs.models import BlogPostPage, ConsentRecord


@pytest.fixture
def sunflower_race(demo_site):
    post = BlogPostPage.objects.get(slug="our-sunflower-race", locale__language_code="en-gb")
    before = set(ConsentRecord.objects.values_list("pk", flat=True))
    yield post
    # The browser tests share one demo school: put it back as it was.
    ConsentRecord.objects.exclude(pk__in=before).delete()
    post.refresh_from_db()
    if post.live:
        post.unpublish()


def test_a_teacher_is_told_why_a_post_cannot_be_approved_and_fixes_it(
    demo_site, sign_in, new_page, sunflower_race, assert_accessible
):
    page = new_page()
    sign_in(page, "eagle.teacher")
    page.goto(demo_site.url + "/admin/to-check/")
    card = page.locator("[data-item]", has=page.get_by_role("heading", name="Our sunflower race"))
    warning = card.locator(".check-item__consent")
    assert "It cannot be published yet" in warning.inner_text()
    assert "there is no consent for photos or videos of Leo on the website" in warning.inner_text()

    card.get_by_role("button", name="Approve and publish").click()
    card.locator("[data-result]").get_by_text("Leo is in the photo").wait_for()
    sunflower_race.refresh_from_db()
    assert not sunflower_race.live

    # Leo's dad has since returned the form: the teacher records it in the register.
    card.get_by_role("link", name="The register").click()
    page.wait_for_url("**/admin/consent/pupils/*/")
    assert_accessible(page)
    page.get_by_label("Given or withdrawn by").fill("Dad")
    photo_on_website = page.get_by_role(
        "group", name="Photo or video – The website and class blogs"
    )
    photo_on_website.get_by_label("Yes").check()
    page.get_by_role("button", name="Record").click()
    page.get_by_text("1 decision recorded for Leo.").wait_for()

    page.goto(demo_site.url + "/admin/to-check/")
    card = page.locator("[data-item]", has=page.get_by_role("heading", name="Our sunflower race"))
    assert card.locator(".check-item__consent").count() == 0
    card.get_by_role("button", name="Approve and publish").click()
    card.get_by_text("Approved and published.").wait_for()

    visitor = new_page()
    response = visitor.goto(demo_site.url + "/en-gb/eagle/our-sunflower-race/")
    assert response.status == 200
    assert visitor.locator("h1").inner_text() == "Our sunflower race"
