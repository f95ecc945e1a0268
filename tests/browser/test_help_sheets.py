"""A help sheet in the browser: accessible on screen, clean on A4 paper."""


def test_a_help_sheet_prints_cleanly_on_a4_without_navigation(demo_site, page, assert_accessible):
    page.goto(demo_site.url + "/en-gb/help/")
    assert_accessible(page)
    page.get_by_role("link", name="Writing a class blog post").click()
    page.wait_for_url("**/help/writing-a-class-blog-post/")
    assert_accessible(page)

    page.emulate_media(media="print")
    hidden = page.evaluate(
        """() => ['.site-header', '.main-menu', '.site-footer', '.no-print']
            .map(s => getComputedStyle(document.querySelector(s)).display)"""
    )
    assert hidden == ["none", "none", "none", "none"]
    assert page.eval_on_selector(".step", "el => getComputedStyle(el).breakInside") == "avoid"
    assert page.locator("h1").is_visible()

    pdf = page.pdf(prefer_css_page_size=True)
    assert pdf.startswith(b"%PDF")
    # The stylesheet's @page asks for A4: 210 x 297 mm, 595 x 842 points.
    assert b"/MediaBox [0 0 594.95996 841.91998]" in pdf
