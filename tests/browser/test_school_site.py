"""A visitor's first steps on the demo school's site, in a real browser, checked with axe."""


def test_a_visitor_opens_the_home_page_and_follows_the_navigation(
    demo_site, page, assert_accessible
):
    page.goto(demo_site.url + "/en-gb/")
    assert page.locator("h1").inner_text() == "Oakfield Primary School"
    assert page.locator(".card--class").count() == 6
    assert_accessible(page)

    page.get_by_role("navigation", name="Main").get_by_role("link", name="About us").click()
    page.wait_for_url("**/about/")
    assert page.locator("h1").inner_text() == "About us"
    assert (
        page.get_by_role("link", name="About us", exact=True).first.get_attribute("aria-current")
        == "page"
    )
    assert_accessible(page)


def test_the_skip_link_is_the_first_thing_a_keyboard_reaches(demo_site, page):
    page.goto(demo_site.url + "/en-gb/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
