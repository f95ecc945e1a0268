"""A parent reads a class blog and a post with a gallery, a recording and a video."""


def _media_duration(page, selector: str) -> float:
    """Seconds of media the browser could read: proof that the file is served and playable."""
    return page.eval_on_selector(
        selector,
        """element => new Promise(resolve => {
            if (element.readyState >= 1) { resolve(element.duration); return; }
            element.addEventListener('loadedmetadata', () => resolve(element.duration));
            element.addEventListener('error', () => resolve(-1));
            element.load();
        })""",
    )


def test_a_parent_reads_a_class_blog_and_a_post_with_gallery_audio_and_video(
    demo_site, page, assert_accessible
):
    page.goto(demo_site.url + "/en-gb/eagle/")
    assert page.locator("h1").inner_text() == "Eagle Class"
    # A full first page of posts (12), with the rest on the next.
    assert page.locator(".card--post").count() == 12
    assert page.locator("a[href*='page=2']").count() > 0
    assert_accessible(page)

    page.get_by_role("link", name="Our trip to the farm").click()
    page.wait_for_url("**/eagle/our-trip-to-the-farm/")
    assert page.locator("h1").inner_text() == "Our trip to the farm"
    assert "by Amara, Eagle Class" in page.locator(".post__meta").inner_text()
    assert page.locator(".block-gallery img").count() == 3
    assert _media_duration(page, ".block-audio audio") > 2
    assert _media_duration(page, ".block-video video") > 2
    page.get_by_text("Read the transcript").click()
    assert page.get_by_text("Old MacDonald had a farm").is_visible()
    assert_accessible(page)


def test_a_visitor_filters_the_timeline_by_class(demo_site, page, assert_accessible):
    page.goto(demo_site.url + "/en-gb/news/")
    assert_accessible(page)
    page.get_by_label("Class", exact=True).select_option(label="Falcon Class")
    page.get_by_role("button", name="Show posts").click()
    page.wait_for_url("**/news/?class=falcon*")
    classes = page.locator(".card--post .card__meta a").all_inner_texts()
    assert classes and set(classes) == {"Falcon Class"}
