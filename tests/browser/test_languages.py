"""A family reads the demo school's site in Urdu and Welsh, in a real browser, checked with axe."""


def test_a_parent_switches_to_urdu_and_the_site_reads_right_to_left(
    demo_site, page, assert_accessible
):
    page.goto(demo_site.url + "/")
    page.wait_for_url("**/en-gb/")
    page.get_by_role("navigation", name="Languages").get_by_role("link", name="اردو").click()
    page.wait_for_url("**/ur/")
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == [
        "ur",
        "rtl",
    ]
    assert page.locator("h1").inner_text() == "اوک فیلڈ پرائمری اسکول"
    # The layout mirrors: the school's name and the menu start at the right-hand edge.
    for start in (".site-header__brand", ".main-menu__list li:first-child"):
        box = page.locator(start).bounding_box()
        assert box["x"] + box["width"] > 1280 - 60, start
    assert_accessible(page)

    page.get_by_role("link", name="ایگل کلاس").first.click()
    page.wait_for_url("**/ur/eagle/")
    page.get_by_role("link", name="قلعوں کے ماڈل").first.click()
    page.wait_for_url("**/ur/eagle/castle-models/")
    assert "ہم نے قلعوں کے ماڈل ڈیزائن کیے" in page.locator("main").inner_text()
    assert page.get_by_role("heading", name="تبصرہ لکھیں").is_visible()
    assert_accessible(page)

    # Next visit to the bare address opens Urdu: the choice is in Django's language cookie.
    cookies = {cookie["name"]: cookie["value"] for cookie in page.context.cookies()}
    assert cookies["django_language"] == "ur"
    assert set(cookies) <= {"django_language", "csrftoken"}  # the comment form's token
    page.goto(demo_site.url + "/")
    page.wait_for_url("**/ur/")


def test_an_untranslated_page_says_so_in_welsh_and_is_marked_english(
    demo_site, page, assert_accessible
):
    page.goto(demo_site.url + "/cy/about/")
    note = page.get_by_role("note")
    assert "Nid yw’r dudalen hon wedi’i chyfieithu eto" in note.inner_text()
    assert page.locator("main").get_attribute("lang") == "en-gb"
    assert page.locator("h1").inner_text() == "About us"
    assert_accessible(page)
