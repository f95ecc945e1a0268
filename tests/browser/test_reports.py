"""The ICT leader's reports in a real browser, on a phone (390 px) and a laptop (1280 px), and
a pupil survey on a tablet: each screen works by keyboard and mouse, and axe finds nothing."""

import re

import pytest

from blogs.models import ClassBlogIndexPage, Survey, SurveyQuestion, SurveyResponse, SurveyRun

ACTIVITY = "/admin/blogging-reports/activity/"


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1280, 800)])
def test_the_ict_leader_reads_the_activity_report(
    demo_site, new_page, sign_in, assert_accessible, width, height
):
    page = new_page()
    page.set_viewport_size({"width": width, "height": height})
    sign_in(page, "head")
    page.goto(demo_site.url + ACTIVITY)
    assert page.get_by_role("heading", name="Blogging activity", level=1).is_visible()
    assert page.get_by_role("row", name="Eagle Class").count() >= 1
    for chart in ("Posts published", "Comments received", "Visits", "Pupils' sign-ins"):
        assert page.get_by_role("img", name=chart).count() == 1
        assert page.get_by_role("table", name=f"{chart}, week by week").count() == 1
    assert_accessible(page)

    page.get_by_label("Period").select_option("year")
    page.get_by_role("button", name="Show the report").click()
    page.wait_for_url("**period=year**")
    assert "School year" in page.locator("p[role=status]").inner_text()
    assert_accessible(page)


def test_a_teacher_sees_her_class_and_her_pupils(demo_site, new_page, sign_in, assert_accessible):
    page = new_page()
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, "eagle.teacher")
    page.goto(demo_site.url + ACTIVITY)
    rows = page.locator(".report-table tbody th[scope=row]").all_inner_texts()
    assert rows[0] == "Eagle Class"
    assert "Falcon Class" not in page.content()
    page.goto(demo_site.url + "/admin/blogging-reports/participation/")
    assert page.get_by_role("rowheader", name="Amara").count() == 1
    assert_accessible(page)


def test_the_governors_report_prints_on_its_own(demo_site, new_page, sign_in):
    page = new_page()
    sign_in(page, "head")
    page.goto(demo_site.url + "/admin/blogging-reports/governors/")
    page.emulate_media(media="print")
    assert page.locator(".governors-report").is_visible()
    assert not page.locator("#wagtail-sidebar").is_visible()
    assert not page.get_by_role("button", name="Print or save as PDF").is_visible()
    # Saved as PDF the way the browser's print dialogue does it: one A4 page.
    pdf = page.pdf(prefer_css_page_size=True)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1


@pytest.fixture
def survey_run(demo_site):
    """A survey run for Eagle Class, removed afterwards so the demo stays as it was."""
    survey = Survey.objects.create(title="Blogging and me (browser test)")
    SurveyQuestion.objects.create(survey=survey, text="Do you enjoy writing posts?")
    run = SurveyRun.objects.create(survey=survey, label="Baseline")
    run.classes.set(ClassBlogIndexPage.objects.filter(slug="eagle", locale__language_code="en-gb"))
    yield run
    survey.delete()


def test_a_child_answers_a_survey_on_a_tablet(demo_site, new_page, survey_run, assert_accessible):
    page = new_page()
    page.set_viewport_size({"width": 768, "height": 1024})
    page.goto(demo_site.url + "/en-gb/survey/")
    page.get_by_label("Survey code").fill(survey_run.code.replace("-", " "))
    page.get_by_role("button", name="Start").click()
    page.wait_for_url(f"**/survey/{survey_run.code}/")
    assert_accessible(page)
    page.get_by_role("radio", name="Eagle Class").check()
    page.get_by_role("radio", name="Yes, a lot").check()
    box = page.locator("label.smiley").last.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44  # a target a small finger can press
    page.get_by_role("button", name="Send my answers").click()
    page.wait_for_url("**/thank-you/")
    assert page.get_by_role("heading", name="Thank you!").is_visible()
    assert_accessible(page)
    assert SurveyResponse.objects.filter(run=survey_run).count() == 1
