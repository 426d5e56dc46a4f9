"""Training as a trainee meets it in Debian's Chromium: practice mode tells a right answer from a wrong
one with the scenario's own feedback, offers a try again or the model answer, ends on a summary and a
training record made on the device; without JavaScript the model answers are under disclosures; a
walkthrough goes one step at a time; the index filters. axe finds nothing in any state, and every
request stays on 127.0.0.1 (the ``served`` fixture checks)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from decision_engine.answers import describe
from decision_engine.cli import check_scenarios
from decision_engine.scenarios import GIVEN_TYPES, Scenario
from tests.conftest import ROOT, load_guide, real_guides
from tests.test_browser_guide import Watched, assert_accessible, open_page, screenshot
from tests.test_browser_guide import served as served

pytestmark = pytest.mark.browser
SCENARIO = "waltham_forest_nursery_burn"
PAGE = f"training/scenarios/{SCENARIO}.html"


@pytest.fixture(scope="module")
def scenario(anchors, sources) -> Scenario:
    found, problems = check_scenarios([ROOT / "scenarios" / f"{SCENARIO}.yaml"], real_guides(), anchors, sources)
    assert problems == []
    return found[0]


def label(scenario: Scenario, index: int, value: str) -> str:
    question = load_guide(scenario.guide).question(scenario.steps[index].question)
    assert question is not None
    return describe(question, (value,) if question.type == "multiple" else value)


def answer_as_expected(page: Page, scenario: Scenario, index: int) -> None:
    """Give the scenario's expected answer to the question on screen and check it."""
    step = scenario.steps[index]
    question = load_guide(scenario.guide).question(step.question)
    assert question is not None
    if question.type not in GIVEN_TYPES:
        values = step.answer if isinstance(step.answer, tuple) else (str(step.answer),)
        for value in values:
            page.locator(f".mg-pstep-live input[value='{value}']").check()
        page.get_by_role("button", name="Check answer").click()
        expect(page.locator(".mg-pfeedback--right")).to_contain_text(step.why[:60])


def next_button(page: Page):
    return page.locator(".mg-practice__next")


def test_a_wrong_answer_gets_its_feedback_and_a_right_one_its_reason_then_the_summary_and_record(
    served: Watched, site_url: str, scenario: Scenario, tmp_path: Path
) -> None:
    page = served.page
    page.goto(site_url + PAGE)
    heading = page.locator(".mg-pstep-live .mg-heading")
    expect(heading).to_have_text(f"Question 1 of {len(scenario.steps)}: Is the child in immediate danger?")
    expect(page.locator(".mg-practice__steps")).to_be_hidden()
    assert_accessible(page, "practice: first question")

    first = scenario.steps[0]
    wrong_value, wrong_feedback = first.other_answers[0]
    page.locator(f".mg-pstep-live input[value='{wrong_value}']").check()
    page.get_by_role("button", name="Check answer").click()
    wrong = page.locator(".mg-pfeedback--wrong")
    expect(wrong.get_by_role("heading")).to_have_text("This does not match the procedure")
    expect(wrong.get_by_role("heading")).to_be_focused()
    expect(wrong).to_contain_text(wrong_feedback)
    expect(wrong.get_by_role("link").first).to_have_attribute(
        "href", "../../referring/worried-about-a-child.html#immediate-danger"
    )
    assert_accessible(page, "practice: wrong answer")
    screenshot(page, "practice-wrong-answer")

    page.get_by_role("button", name="Try again").click()
    expect(wrong).to_be_hidden()
    answer_as_expected(page, scenario, 0)
    assert_accessible(page, "practice: right answer")
    for index in range(1, len(scenario.steps)):
        next_button(page).click()
        expect(heading).to_contain_text(f"Question {index + 1} of {len(scenario.steps)}")
        expect(heading).to_be_focused()
        answer_as_expected(page, scenario, index)
    next_button(page).click()

    result = page.locator(".mg-practice__result")
    expect(result.get_by_role("heading", name="Your summary")).to_be_focused()
    asked = len(scenario.steps)
    expect(result).to_contain_text(f"matched the procedure first time on {asked - 1} of {asked} questions")
    first_row = result.locator("tbody tr").first
    expect(first_row).to_contain_text(label(scenario, 0, wrong_value))
    expect(first_row).to_contain_text("Matched after 2 tries")
    expect(page.locator(".mg-practice__outcome")).to_have_attribute("open", "")
    assert_accessible(page, "practice: summary")
    screenshot(page, "practice-summary")

    with page.expect_download() as download:
        page.get_by_role("button", name="Download your training record").click()
    record = Path(download.value.path()).read_text(encoding="utf-8")
    assert download.value.suggested_filename.startswith(f"practice-record-{SCENARIO}-")
    assert f"Scenario: {scenario.title}" in record
    assert (
        f"Your answers, in order: {label(scenario, 0, wrong_value)} | {label(scenario, 0, str(first.answer))}" in record
    )
    assert f"Matched the procedure first time: {asked - 1} of {asked} questions" in record
    assert "It has not been sent anywhere." in record
    assert scenario.takeaways[0] in record


def test_the_model_answer_can_be_shown_and_the_summary_says_so(
    served: Watched, site_url: str, scenario: Scenario
) -> None:
    page = served.page
    page.goto(site_url + PAGE)
    page.get_by_role("button", name="Check answer").click()
    summary = page.locator(".mg-error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link")).to_have_text("Select an answer")
    assert_accessible(page, "practice: no answer chosen")

    wrong_value, _ = scenario.steps[0].other_answers[0]
    page.locator(f".mg-pstep-live input[value='{wrong_value}']").check()
    page.get_by_role("button", name="Check answer").click()
    page.get_by_role("button", name="Show the model answer").click()
    model = page.locator(".mg-pfeedback--model")
    expect(model.get_by_role("heading", name="Model answer")).to_be_focused()
    expect(model).to_contain_text(f"The procedure: {label(scenario, 0, str(scenario.steps[0].answer))}")
    expect(model).to_contain_text(scenario.steps[0].why[:60])
    assert_accessible(page, "practice: model answer shown")
    for index in range(1, len(scenario.steps)):
        next_button(page).click()
        answer_as_expected(page, scenario, index)
    next_button(page).click()
    expect(page.locator(".mg-practice__result tbody tr").first).to_contain_text("Model answer shown")


def test_without_javascript_the_questions_and_model_answers_are_on_the_page(
    browser: Browser, site_url: str, scenario: Scenario
) -> None:
    page, watched = open_page(browser, javascript=False)
    page.goto(site_url + PAGE)
    steps = page.locator(".mg-pstep")
    expect(steps).to_have_count(len(scenario.steps))
    first = steps.first
    expect(first.locator(".mg-pstep__why")).to_be_hidden()
    first.get_by_text("Model answer").click()
    expect(first.locator(".mg-pstep__why")).to_be_visible()
    expect(first).to_contain_text(scenario.steps[0].other_answers[0][1])
    page.get_by_text("The guide's outcome for the model answers").click()
    expect(page.locator(".mg-practice__outcome .mg-outcome")).to_be_visible()
    page.context.close()
    assert watched.foreign(site_url) == []


def test_the_plain_scenario_page_meets_wcag_with_its_answers_open(served: Watched, site_url: str) -> None:
    # axe needs scripts to run, so the plain state is made by keeping the training script away.
    page = served.page
    page.route("**/training.js", lambda route: route.abort())
    page.goto(site_url + PAGE)
    expect(page.locator(".mg-pstep").first).to_be_visible()
    page.locator("details").evaluate_all("all => all.forEach(d => { d.open = true; })")
    assert_accessible(page, "practice page before its script, answers open")


def test_practice_mode_works_opened_from_disk(browser: Browser, built_site: Path, scenario: Scenario) -> None:
    page, watched = open_page(browser)
    page.goto((built_site / PAGE).as_uri())
    answer_as_expected(page, scenario, 0)
    page.context.close()
    assert watched.foreign("file") == []


def test_a_walkthrough_goes_one_step_at_a_time(served: Watched, site_url: str) -> None:
    page = served.page
    page.goto(site_url + "training/walkthroughs/rotherham_stages_1_to_4.html")
    steps = page.locator(".mg-tour__step")
    total = steps.count()
    expect(page.locator(".mg-tour__step:visible")).to_have_count(1)
    expect(page.get_by_role("button", name="Previous step")).to_be_disabled()
    assert_accessible(page, "walkthrough: first step")
    page.get_by_role("button", name="Next step").click()
    second = page.locator(".mg-tour__step:visible .mg-tour__title")
    expect(second).to_have_text(
        f"Step 2 of {total}: " + steps.nth(1).locator(".mg-tour__title").inner_text().split(": ", 1)[1]
    )
    expect(second).to_be_focused()
    expect(page.locator(".mg-tour__step:visible")).to_contain_text("Who")
    page.get_by_role("button", name="Show all steps").click()
    expect(page.locator(".mg-tour__step:visible")).to_have_count(total)
    assert_accessible(page, "walkthrough: all steps")


def test_the_index_filters_scenarios_by_area_audience_and_guide(served: Watched, site_url: str) -> None:
    page = served.page
    page.goto(site_url + "training/practise-with-the-guides.html")
    items = page.locator(".mg-scenarios__item")
    total = items.count()
    assert total == len(list((ROOT / "scenarios").glob("*.yaml")))
    page.get_by_label("Area", exact=True).select_option("rotherham")
    visible = page.locator(".mg-scenarios__item:visible")
    shown = visible.count()
    assert 0 < shown < total
    for i in range(shown):
        expect(visible.nth(i).locator(".mg-scenarios__meta")).to_contain_text(" · Rotherham · ")
    expect(page.locator(".mg-scenarios__count")).to_have_text(f"{shown} of {total} scenarios")
    page.get_by_label("For", exact=True).select_option("partner")
    page.get_by_label("Guide", exact=True).select_option("stage_2_partner_response")
    expect(visible).to_have_count(1)
    expect(visible.first.locator(".mg-scenarios__meta")).to_contain_text("For: Partner agencies · Rotherham")
    assert_accessible(page, "scenario index filtered")
