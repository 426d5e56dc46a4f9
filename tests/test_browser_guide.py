"""What a person sees in Debian's Chromium: the guide page served on 127.0.0.1, with JavaScript off,
with JavaScript on (the engine in Pyodide), from disk, and when a link is damaged.

Every test runs on a page that records each request it makes and fails if one goes anywhere but the
local server (or, from disk, the site's own files). Every guide state visited is checked with axe-core
for WCAG 2.2 AA.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from decision_engine import Walk, encode
from decision_engine.token import _check
from tests.conftest import ROOT, load_guide

pytestmark = pytest.mark.browser

GUIDE_PAGE = "guides/worried-about-a-child.html"
GUIDE = load_guide("worried_about_a_child")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
READY = "[data-module=decision-guide][data-ready]"
SCREENSHOTS = ROOT / "test-results" / "screenshots"
# A token with a right check and a version of 5000 digits: the engine raised ValueError reading it, the
# worker passed the fault on, and the guide was left blank.
HUGE_VERSION = f"worried_about_a_child.{'9' * 5000}.immediate_danger=no"
HUGE_VERSION += "." + _check(HUGE_VERSION)


def refused_by_policy(page: Page) -> list[str]:
    """Every Content-Security-Policy refusal the page (or a frame or worker it starts) reports, across
    navigations: Chromium reports each one on the console."""
    refused: list[str] = []
    page.on(
        "console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None
    )
    return refused


class Watched:
    """A page that keeps every URL it requested."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.requests: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        self.refused = refused_by_policy(page)

    def foreign(self, allowed_origin: str) -> list[str]:
        def own(url: str) -> bool:
            parts = urlsplit(url)
            if parts.scheme in ("data", "blob", "about"):
                return True
            if allowed_origin == "file":
                return parts.scheme == "file"
            return f"{parts.scheme}://{parts.netloc}/" == allowed_origin

        return [url for url in self.requests if not own(url)]


def open_page(browser: Browser, *, javascript: bool = True) -> tuple[Page, Watched]:
    context = browser.new_context(
        java_script_enabled=javascript, viewport={"width": 1100, "height": 900}, service_workers="block"
    )
    page = context.new_page()
    page.set_default_timeout(20_000)
    return page, Watched(page)


@pytest.fixture
def served(browser: Browser, site_url: str) -> Iterator[Watched]:
    page, watched = open_page(browser)
    yield watched
    page.context.close()
    assert watched.foreign(site_url) == [], "requests left the local server"
    assert watched.refused == [], "the Content-Security-Policy refused something"
    assert any(url.startswith(site_url) for url in watched.requests)


def assert_accessible(page: Page, state: str) -> None:
    # Evaluated, not added as a <script>, so it also runs on a page whose own scripts are off. Running
    # transitions are finished first: a nav link fading in after a resize is not the colour it settles on.
    result = page.evaluate(
        "tags => { document.getAnimations().forEach(a => { try { a.finish(); } catch (e) {} });"
        " if (!window.axe) { " + AXE.read_text(encoding="utf-8") + "\n }"
        " return window.axe.run(document, {runOnly: {type: 'tag', values: tags}}).then(r => r.violations.map("
        "v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))}))) }",
        AXE_TAGS,
    )
    assert result == [], f"axe found WCAG 2.2 AA problems in state '{state}'"


def dedicated_engine(page: Page) -> None:
    """Run the engine in the dedicated worker a page falls back to where SharedWorker is missing.
    Playwright neither sees nor routes a SharedWorker's requests, so a test that stands in for the
    engine's files, or holds them back, needs the engine's requests to be the page's own."""
    page.add_init_script("delete window.SharedWorker;")


def start(page: Page, url: str) -> None:
    """Open a guide page and wait until the engine has taken over."""
    page.goto(url)
    expect(page.locator(READY)).to_be_attached(timeout=60_000)


def screenshot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def live_heading(page: Page):
    return page.locator(".mg-live .mg-heading").first


def choose(page: Page, label: str) -> None:
    """Pick an answer by its visible label and press Continue, as a person would, then wait for the
    next step to be shown."""
    live = page.locator(".mg-live")
    before = live.get_attribute("data-node")
    live.get_by_label(label, exact=True).check()
    page.get_by_role("button", name="Continue").click()
    expect(live).not_to_have_attribute("data-node", before or "")


PHONE_MASH_NOW = "#o-phone_mash_now--immediate_danger-no--significant_harm-yes--also_applies--area-barnet"


class TestWithoutJavaScript:
    def test_the_plain_guide_walks_to_an_outcome_by_links(self, browser: Browser, site_url: str) -> None:
        page, watched = open_page(browser, javascript=False)
        page.goto(site_url + GUIDE_PAGE)
        first = page.get_by_role("heading", name="Is the child in immediate danger?")
        expect(first).to_be_visible()
        harm = "Is the child suffering, or likely to suffer, significant harm?"
        expect(page.get_by_role("heading", name=harm)).to_be_hidden()
        page.get_by_role("link", name="No", exact=True).click()
        expect(first).to_be_hidden()
        expect(page.get_by_role("heading", name=harm)).to_be_visible()
        page.locator(".mg-static .mg-step:visible").get_by_role("link", name="Yes", exact=True).click()
        page.locator(".mg-static .mg-step:visible").get_by_role("link", name="Continue", exact=True).click()
        # The answers so far are carried in the anchor, so the area question leads on to the urgent
        # outcome, not to the support questions, and the step lists them.
        assert page.url.endswith("#q-area--immediate_danger-no--significant_harm-yes--also_applies")
        expect(page.locator(".mg-static .mg-step:visible .mg-summary__row")).to_have_count(2)
        page.locator(".mg-static .mg-step:visible").get_by_role("link", name="Waltham Forest", exact=True).click()
        outcome = page.get_by_role("heading", name="Phone the MASH now, then send the written referral")
        expect(outcome).to_be_visible()
        expect(page.locator(".mg-status")).to_be_hidden()
        screenshot(page, "plain-outcome")
        page.context.close()
        assert watched.foreign(site_url) == []

    @pytest.mark.parametrize(
        "anchor", ["", "#q-area--immediate_danger-no--significant_harm-yes--also_applies", PHONE_MASH_NOW]
    )
    def test_the_plain_guide_is_accessible(self, browser: Browser, site_url: str, anchor: str) -> None:
        # axe needs scripts (its timers do not run with JavaScript off), so this page keeps scripts on
        # but never loads the guide's own scripts: what it shows is exactly the plain version.
        page, watched = open_page(browser)
        page.route("**/{decision-guide,engine-start}.js", lambda route: route.abort())
        page.goto(site_url + GUIDE_PAGE + anchor)
        expect(page.locator(".mg-static .mg-step:visible")).to_have_count(1)
        assert_accessible(page, f"plain {anchor or 'start'}")
        page.context.close()
        assert watched.foreign(site_url) == []

    def test_printing_a_plain_outcome_prints_that_step_alone_with_its_answers(
        self, browser: Browser, site_url: str
    ) -> None:
        page, watched = open_page(browser, javascript=False)
        page.goto(site_url + GUIDE_PAGE + PHONE_MASH_NOW)
        page.emulate_media(media="print")
        step = page.locator(".mg-static .mg-step:visible")
        expect(step).to_have_count(1)
        expect(step.get_by_role("heading", name="Phone the MASH now, then send the written referral")).to_be_visible()
        expect(step.locator(".mg-summary__row")).to_have_count(3)  # the choices; the list is not carried
        expect(step.locator(".mg-print-only").first).to_have_text(
            "Date and time this was printed: ____________________"
        )
        expect(step.locator(".mg-print-only").last).to_contain_text("check the handbook for the current version")
        # The outcome alone: not the page's introduction or the route diagram.
        expect(page.get_by_role("heading", name="How the guide decides")).to_be_hidden()
        expect(page.locator(".mg-diagram svg").first).to_be_hidden()
        expect(step).to_contain_text("In Barnet, tell the parents or carers")
        expect(step).not_to_contain_text("In Waltham Forest you do not need")  # the route's own rules only
        page.context.close()
        assert watched.foreign(site_url) == []


class TestFromDisk:
    def test_pages_search_and_the_plain_guide_work_from_file(self, browser: Browser, built_site: Path) -> None:
        page, watched = open_page(browser)
        page.goto((built_site / GUIDE_PAGE).as_uri())
        expect(page.get_by_role("heading", name="Is the child in immediate danger?")).to_be_visible()
        expect(page.locator(".mg-status")).to_contain_text("Opened from a file")
        page.get_by_role("link", name="Yes", exact=True).click()
        expect(page.get_by_role("heading", name="Call 999 now")).to_be_visible()
        screenshot(page, "file-outcome")

        page.locator("article").get_by_role(
            "link", name="What to do if you are worried about a child", exact=True
        ).click()
        expect(page.get_by_role("heading", name="What to do if you are worried about a child", level=1)).to_be_visible()
        assert page.url.startswith("file://") and page.url.endswith("referring/worried-about-a-child.html")

        search = page.locator("input.md-search__input")
        search.click()
        search.press_sequentially("threshold", delay=30)  # Material searches on key events
        expect(page.locator(".md-search-result__item").first).to_be_visible()
        screenshot(page, "file-search")
        page.context.close()
        assert watched.foreign("file") == []
        assert watched.refused == [], "from disk, the Content-Security-Policy refused something"


class TestWithJavaScript:
    @pytest.mark.parametrize(
        ("answers", "outcome"),
        [
            (["Yes"], "Call 999 now"),
            (
                ["No", "Yes", "None of these, or I don't know", "Waltham Forest"],
                "Phone the MASH now, then send the written referral",
            ),
            (
                ["No", "No", "Waltham Forest", "Yes", "Yes, and after a period of monitoring I am still concerned"],
                "Refer for support, following your area's rule on the parents' consent",
            ),
            (["No", "No", "Barnet", "No"], "No referral needed: universal services meet the child's needs"),
        ],
        ids=["immediate-danger", "significant-harm", "additional-needs", "no-additional-needs"],
    )
    def test_walking_to_an_outcome(self, served: Watched, site_url: str, answers: list[str], outcome: str) -> None:
        page = served.page
        start(page, site_url + GUIDE_PAGE)
        expect(page.locator(".mg-static")).to_be_hidden()
        for number, answer in enumerate(answers, start=1):
            assert_accessible(page, f"question {number}")
            choose(page, answer)
        heading = page.get_by_role("heading", name=outcome)
        expect(heading).to_be_visible()
        expect(heading).to_be_focused()
        # Why, in the person's words: each question with the answer given, not the rules' labels.
        why = page.locator(".mg-why li").filter(has_text=" — ")
        expect(why).to_have_count(len(answers))
        expect(why.first).to_contain_text(f"Is the child in immediate danger? — {answers[0]}")
        expect(page.locator(".mg-live .mg-disclaimer")).to_contain_text("does not replace")
        assert f"#walk=worried_about_a_child.{GUIDE.version}." in page.url
        assert_accessible(page, f"outcome: {outcome}")
        screenshot(page, f"live-{outcome[:20]}")

    def test_reload_and_the_back_button_keep_the_place(self, served: Watched, site_url: str) -> None:
        page = served.page
        start(page, site_url + GUIDE_PAGE)
        choose(page, "No")
        choose(page, "No")
        choose(page, "Waltham Forest")
        expect(live_heading(page)).to_have_text("Do you think the child or their family need extra support?")
        page.reload()
        expect(page.locator(READY)).to_be_attached(timeout=60_000)
        expect(live_heading(page)).to_have_text("Do you think the child or their family need extra support?")
        expect(page.locator(".mg-live .mg-summary__row")).to_have_count(3)
        page.go_back()
        expect(live_heading(page)).to_have_text("Which area's MASH would you contact?")
        page.go_forward()
        expect(live_heading(page)).to_have_text("Do you think the child or their family need extra support?")
        page.go_back()
        page.go_back()
        page.go_back()  # back past the first answer, to the page as it was first opened
        expect(live_heading(page)).to_have_text("Is the child in immediate danger?")
        expect(page.locator(".mg-live .mg-summary__row")).to_have_count(0)

    def test_back_link_and_change_link_keep_answers(self, served: Watched, site_url: str) -> None:
        page = served.page
        start(page, site_url + GUIDE_PAGE)
        choose(page, "No")
        choose(page, "I'm not sure")
        expect(page.get_by_role("heading", name="Talk your concern through with the MASH")).to_be_visible()
        page.get_by_role("link", name="Back").click()
        expect(page.locator(".mg-live").get_by_label("I'm not sure", exact=True)).to_be_checked()
        page.get_by_role("link", name="Change your answer to: Is the child in immediate danger?").click()
        expect(live_heading(page)).to_have_text("Is the child in immediate danger?")
        expect(page.locator(".mg-live").get_by_label("No", exact=True)).to_be_checked()
        choose(page, "No")  # same answer: the later answer still applies, so straight back to the outcome
        expect(page.get_by_role("heading", name="Talk your concern through with the MASH")).to_be_visible()
        page.get_by_role("link", name="Start again").click()
        expect(live_heading(page)).to_have_text("Is the child in immediate danger?")
        expect(page.locator(".mg-live .mg-summary__row")).to_have_count(0)

    def test_continue_without_an_answer_shows_the_error_summary(self, served: Watched, site_url: str) -> None:
        page = served.page
        start(page, site_url + GUIDE_PAGE)
        page.get_by_role("button", name="Continue").click()
        summary = page.locator(".mg-error-summary")
        expect(summary).to_be_focused()
        expect(summary).to_contain_text("There is a problem")
        expect(summary.get_by_role("link", name="Select one answer")).to_be_visible()
        assert page.title().startswith("Error: ")
        assert_accessible(page, "error")
        screenshot(page, "live-error")
        summary.get_by_role("link", name="Select one answer").click()
        expect(page.locator(".mg-live").get_by_label("Yes", exact=True)).to_be_focused()

    @pytest.mark.parametrize(
        ("fragment", "reason"),
        [
            ("#walk=rubbish", "part of it may be missing"),
            ("#walk=worried_about_a_child.1.immediate_danger=no.00000000", "changed or cut short"),
            ("#walk=" + HUGE_VERSION, "part of it may be missing"),
        ],
        ids=["rubbish", "bad-check", "huge-version"],
    )
    def test_a_damaged_link_says_so_and_offers_start_again(
        self, served: Watched, site_url: str, fragment: str, reason: str
    ) -> None:
        page = served.page
        start(page, site_url + GUIDE_PAGE + fragment)
        expect(page.get_by_role("heading", name="This link could not be restored")).to_be_visible()
        expect(page.locator(".mg-restore-failed")).to_contain_text(reason)
        assert_accessible(page, "restore failed")
        screenshot(page, "live-restore-failed")
        page.get_by_role("link", name="Start again").click()
        expect(live_heading(page)).to_have_text("Is the child in immediate danger?")

    def test_a_link_from_another_version_of_the_guide_is_refused(self, served: Watched, site_url: str) -> None:
        guide = load_guide("worried_about_a_child")
        old = encode(Walk(replace(guide, version=guide.version + 1)).with_answer("immediate_danger", "no"))
        page = served.page
        start(page, site_url + GUIDE_PAGE + "#walk=" + old)
        expect(page.locator(".mg-restore-failed")).to_contain_text("the guide has changed since")

    def test_a_reply_that_is_only_a_message_is_shown_with_start_again(
        self, served: Watched, site_url: str, built_site: Path
    ) -> None:
        # The engine replies with a message alone when it meets a fault or has no such guide loaded. Here
        # the page's guide file is another guide's (a stale or mixed-up copy), so the engine loads that one
        # and then has no "worried_about_a_child" to show: the page said "undefined" and nothing else.
        other = (built_site / "assets" / "guides" / "escalation.json").read_text(encoding="utf-8")
        page = served.page
        dedicated_engine(page)
        page.context.route(
            "**/assets/guides/worried_about_a_child.json",
            lambda route: route.fulfill(body=other, content_type="application/json"),
        )
        start(page, site_url + GUIDE_PAGE)
        summary = page.get_by_role("alert").filter(has_text="There is a problem")
        expect(summary.get_by_role("heading", name="There is a problem")).to_be_visible()
        expect(summary).to_contain_text("This guide is not loaded in the guide engine: reload the page to carry on.")
        expect(page.locator(".mg-live-root")).not_to_contain_text("undefined")
        expect(page.get_by_role("link", name="Start again")).to_be_visible()
        assert page.title().startswith("Error: There is a problem")
        assert_accessible(page, "engine message")
        screenshot(page, "live-engine-message")


class TestDecisionRecord:
    def test_the_outcome_downloads_a_decision_record_made_in_the_browser(self, served: Watched, site_url: str) -> None:
        page = served.page
        start(page, site_url + GUIDE_PAGE + "?as-of=2026-11-23T09:15")
        for answer in ("No", "Yes", "None of these, or I don't know", "Rotherham"):
            choose(page, answer)
        with page.expect_download() as download:
            page.get_by_role("button", name="Markdown").click()
        saved = download.value
        assert saved.suggested_filename == "decision-record-worried_about_a_child-2026-11-23-0915.md"
        text = Path(saved.path()).read_text(encoding="utf-8")
        assert text.startswith("# Decision record: Worried about a child? What to do now")
        assert "- Is the child in immediate danger? — No" in text
        assert "Phone the MASH now, then send the written referral" in text
        assert "does not replace" in text

    def test_a_record_that_cannot_be_made_says_why_where_it_is_seen(self, served: Watched, site_url: str) -> None:
        # 30 February passes the page's check of a training clock's shape, but is no real time to stamp
        # a record with: the engine refuses, and the page says why, in view of the button pressed.
        page = served.page
        start(page, site_url + GUIDE_PAGE + "?as-of=2026-02-30T10:00")
        for answer in ("No", "Yes", "None of these, or I don't know", "Rotherham"):
            choose(page, answer)
        page.get_by_role("button", name="Markdown").click()
        status = page.locator(".mg-status")
        expect(status).to_have_text(
            "The record could not be made: the time it was made at is not a real date and time."
        )
        expect(status).to_be_in_viewport()

    def test_ticked_checklist_items_go_into_the_record(self, served: Watched, site_url: str) -> None:
        guide = load_guide("practice_standard_checks")
        walk = Walk(guide).with_answer("agency", "police").with_answer("concerns", ("neglect",))
        page = served.page
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        start(page, site_url + "guides/practice-standard-checks.html?as-of=2026-11-23T09:15#walk=" + encode(walk))
        boxes = page.locator(".mg-live input[data-action]")
        expect(boxes.first).to_be_visible()
        boxes.nth(0).check()
        boxes.nth(2).check()
        assert errors == []  # a tick on an outcome's checklist is not an answer in a form
        assert_accessible(page, "checklist ticked")
        with page.expect_download() as download:
            page.get_by_role("button", name="Plain text").click()
        lines = Path(download.value.path()).read_text(encoding="utf-8").splitlines()
        items = [line for line in lines if re.match(r"\d+\. \[", line)]
        assert [line.split(" ")[1] for line in items][:4] == ["[x]", "[", "[x]", "["]
        assert len(items) == boxes.count()


class TestDueTimes:
    def test_a_due_time_that_has_passed_is_flagged_overdue_under_a_training_clock(
        self, served: Watched, site_url: str
    ) -> None:
        guide = load_guide("threshold_and_rating")
        walk = Walk(guide)
        for question, answer in [
            ("area", "barnet"),
            ("received", "2026-11-20T09:00"),
            ("circumstances", "immediate_or_serious"),
            ("revised", "not_yet"),
        ]:
            walk = walk.with_answer(question, answer)
        page = served.page
        start(page, site_url + "guides/threshold-and-rating.html?as-of=2026-11-23T10:00#walk=" + encode(walk))
        expect(page.locator(".mg-training-clock")).to_contain_text("as if it were 2026-11-23 at 10:00")
        due = page.locator(".mg-live .mg-due")
        expect(due).to_contain_text("by 1pm on Friday 20 November 2026.")
        expect(due.locator(".mg-overdue")).to_have_text("Overdue by 2 days 21 hours.")
        expect(due.locator(".mg-due__how")).to_be_visible()
        assert_accessible(page, "overdue due time")
        screenshot(page, "due-overdue")

    def test_a_same_day_due_time_is_a_clock_time_and_a_weekend_is_said_beside_it(
        self, served: Watched, site_url: str
    ) -> None:
        guide = load_guide("stage_1_triage")
        walk = Walk(guide)
        for question, answer in [
            ("immediate", "no"),
            ("received", "2026-03-28T22:00"),  # a Saturday night, the clocks go forward at 1am
            ("threshold", "s47"),
            ("possible_crime", "no"),
            ("open_case", "no"),
            ("closed_recently", "no"),
        ]:
            walk = walk.with_answer(question, answer)
        page = served.page
        start(page, site_url + "guides/stage-1-triage.html?as-of=2026-03-28T22:30#walk=" + encode(walk))
        first = page.locator(".mg-live .mg-due li").first
        expect(first).to_contain_text(
            "by 11:59pm on Saturday 28 March 2026 (the end of the day). This falls on a Saturday."
        )
        expect(first.locator(".mg-due__day")).to_have_text("This falls on a Saturday.")
        expect(page.locator(".mg-live .mg-due")).to_contain_text(
            "The clocks go forward at 1am on Sunday 29 March 2026, between the two times"
        )
        assert_accessible(page, "due on a weekend")
        screenshot(page, "due-weekend")

    def test_a_time_the_clocks_skip_is_refused_with_the_reason(self, served: Watched, site_url: str) -> None:
        page = served.page
        start(page, site_url + "guides/escalation.html")
        page.locator(".mg-live").get_by_label("No", exact=True).check()
        page.get_by_role("button", name="Continue").click()
        live = page.locator(".mg-live")
        for label, value in [("Day", "29"), ("Month", "March"), ("Year", "2026"), ("Time", "1:30am")]:
            live.get_by_label(label, exact=True).fill(value)
        page.get_by_role("button", name="Continue").click()
        summary = page.locator(".mg-error-summary")
        expect(summary).to_be_focused()
        message = "There is no 1:30am on Sunday 29 March 2026, because the clocks go forward from 1am to 2am."
        expect(summary).to_contain_text(message)
        assert_accessible(page, "skipped time")
        summary.get_by_role("link").click()
        expect(live.get_by_label("Time", exact=True)).to_be_focused()

    def test_the_time_takes_am_and_pm_and_now_fills_in_the_training_clock(self, served: Watched, site_url: str) -> None:
        page = served.page
        start(page, site_url + "guides/escalation.html?as-of=2026-12-24T16:05")
        live = page.locator(".mg-live")
        live.get_by_label("No", exact=True).check()
        page.get_by_role("button", name="Continue").click()
        time = live.get_by_label("Time", exact=True)
        expect(time).to_have_accessible_description("For example, 16:30 or 4:30pm")
        # A time that could be morning or evening is refused, and says how to write it.
        for label, value in [("Day", "5"), ("Month", "Jan"), ("Year", "2026"), ("Time", "6:30")]:
            live.get_by_label(label, exact=True).fill(value)
        page.get_by_role("button", name="Continue").click()
        expect(page.locator(".mg-error-summary")).to_contain_text("Add am or pm to the time, like 6:30am or 6:30pm")
        assert_accessible(page, "time without am or pm")
        time.fill("6:30pm")
        page.get_by_role("button", name="Continue").click()
        expect(live.locator(".mg-summary")).to_contain_text("Monday 5 January 2026 at 6:30pm")
        # Back to the question: the answer is shown again on the 24-hour clock; Now fills in the trainer's clock.
        live.get_by_role("link", name="Back").click()
        expect(time).to_have_value("18:30")
        now = live.get_by_role("button", name=re.compile("^Now"))
        now.click()
        values = [live.get_by_label(label, exact=True).input_value() for label in ("Day", "Month", "Year", "Time")]
        assert values == ["24", "12", "2026", "16:05"]
        expect(live.get_by_role("status")).to_have_text("Filled in: 24 12 2026 at 16:05, from the training clock.")
        assert_accessible(page, "date and time filled in by Now")
        for width in (375, 1280):
            page.set_viewport_size({"width": width, "height": 900})
            screenshot(page, f"datetime-now-{width}")
        page.get_by_role("button", name="Continue").click()
        expect(live.locator(".mg-summary")).to_contain_text("Thursday 24 December 2026 at 4:05pm")

    def test_now_fills_in_uk_time_without_a_training_clock(self, served: Watched, site_url: str) -> None:
        page = served.page
        page.clock.set_fixed_time("2026-07-01T23:30:00Z")  # 00:30 on 2 July in London, in BST
        start(page, site_url + "guides/escalation.html")
        live = page.locator(".mg-live")
        live.get_by_label("No", exact=True).check()
        page.get_by_role("button", name="Continue").click()
        live.get_by_role("button", name=re.compile("^Now")).click()
        values = [live.get_by_label(label, exact=True).input_value() for label in ("Day", "Month", "Year", "Time")]
        assert values == ["2", "7", "2026", "00:30"]
        expect(live.get_by_role("status")).to_have_text("Filled in: 2 7 2026 at 00:30, UK time now.")


def walk_to(*pairs: tuple[str, object]) -> str:
    walk = Walk(GUIDE)
    for question, answer in pairs:
        walk = walk.with_answer(question, answer)  # type: ignore[arg-type]
    return encode(walk)


class TestLinksBeforeTheEngineLoads:
    """A shared or reloaded #walk= link shows its own step at once, from the plain version, while the
    engine loads (here it never does), and from disk, where it cannot run."""

    def test_a_shared_link_shows_its_own_step_at_first_paint(self, served: Watched, site_url: str) -> None:
        page = served.page
        dedicated_engine(page)
        page.route("**/pyodide.asm.wasm", lambda route: route.abort())  # the engine never gets ready
        page.goto(site_url + GUIDE_PAGE + "#walk=" + walk_to(("immediate_danger", "no"), ("significant_harm", "no")))
        step = page.locator(".mg-static .mg-step:visible")
        expect(step).to_have_count(1)
        expect(step.locator(".mg-heading")).to_have_text("Which area's MASH would you contact?")
        expect(step.locator(".mg-summary__row")).to_have_count(2)
        screenshot(page, "linked-step-first-paint")

    def test_a_link_to_an_outcome_opened_from_disk_shows_the_outcome(self, browser: Browser, built_site: Path) -> None:
        page, watched = open_page(browser)
        token = walk_to(
            ("immediate_danger", "no"), ("significant_harm", "yes"), ("also_applies", ("none",)), ("area", "barnet")
        )
        page.goto((built_site / GUIDE_PAGE).as_uri() + "#walk=" + token)
        step = page.locator(".mg-static .mg-step:visible")
        expect(step).to_have_count(1)
        expect(step.locator(".mg-heading").first).to_have_text("Phone the MASH now, then send the written referral")
        expect(step).to_contain_text("In Barnet, tell the parents or carers")
        page.context.close()
        assert watched.foreign("file") == []

    def test_a_damaged_link_shows_the_start_until_the_engine_says_why(self, served: Watched, site_url: str) -> None:
        page = served.page
        dedicated_engine(page)
        page.route("**/pyodide.asm.wasm", lambda route: route.abort())
        damaged = walk_to(("immediate_danger", "yes"))[:-1] + "0"
        page.goto(site_url + GUIDE_PAGE + "#walk=" + damaged)
        expect(page.locator(".mg-static .mg-step:visible .mg-heading")).to_have_text(
            "Is the child in immediate danger?"
        )


def test_back_steps_through_answers_given_while_the_engine_loaded(served: Watched, site_url: str) -> None:
    page = served.page
    held = []
    dedicated_engine(page)
    page.route("**/guide-worker.mjs", lambda route: held.append(route))  # the engine waits until let go
    page.goto(site_url + GUIDE_PAGE)
    page.locator(".mg-static .mg-step:visible").get_by_role("link", name="No", exact=True).click()
    page.locator(".mg-static .mg-step:visible").get_by_role("link", name="No", exact=True).click()
    expect(page.locator(".mg-static .mg-step:visible .mg-heading")).to_have_text("Which area's MASH would you contact?")
    held[0].continue_()
    expect(page.locator(READY)).to_be_attached(timeout=60_000)
    expect(live_heading(page)).to_have_text("Which area's MASH would you contact?")
    page.go_back()
    expect(live_heading(page)).to_have_text("Is the child suffering, or likely to suffer, significant harm?")
    page.go_back()
    expect(live_heading(page)).to_have_text("Is the child in immediate danger?")


def test_ticked_checklist_items_are_kept_with_the_walk_across_a_reload(served: Watched, site_url: str) -> None:
    guide = load_guide("practice_standard_checks")
    walk = Walk(guide).with_answer("agency", "police").with_answer("concerns", ("neglect",))
    page = served.page
    start(page, site_url + "guides/practice-standard-checks.html#walk=" + encode(walk))
    boxes = page.locator(".mg-live input[data-action]")
    boxes.nth(0).check()
    boxes.nth(2).check()
    assert page.url.endswith("&done=0,2")
    page.reload()
    expect(page.locator(READY)).to_be_attached(timeout=60_000)
    expect(boxes.nth(0)).to_be_checked()
    expect(boxes.nth(1)).not_to_be_checked()
    expect(boxes.nth(2)).to_be_checked()
    boxes.nth(0).uncheck()
    assert page.url.endswith("&done=2")


WALTHAM_FOREST_CHILD_PROTECTION = ("No", "Yes", "None of these, or I don't know", "Waltham Forest")


class TestContactsNotesAndPrint:
    def test_phone_numbers_are_links_that_dial_in_international_form(self, served: Watched, site_url: str) -> None:
        page = served.page
        start(page, site_url + GUIDE_PAGE)
        for answer in WALTHAM_FOREST_CHILD_PROTECTION:
            choose(page, answer)
        call = page.locator(".mg-live .mg-contacts").get_by_role("link", name="020 8496 2310", exact=True)
        expect(call).to_have_attribute("href", "tel:+442084962310")
        expect(page.locator(".mg-live .mg-contacts").get_by_role("link", name="020 8496 3000")).to_have_attribute(
            "href", "tel:+442084963000"
        )
        expect(page.locator(".mg-live .mg-contacts a[href^='tel:']")).to_have_count(2)  # no other area gives a number
        page.goto(site_url + "referring/worried-about-a-child.html")
        table = page.locator("table").filter(has_text="MASH contact")
        expect(table.get_by_role("link", name="020 8496 2310")).to_have_attribute("href", "tel:+442084962310")

    def test_case_notes_stay_in_the_tab_across_a_reload_and_go_into_the_record(
        self, served: Watched, site_url: str
    ) -> None:
        page = served.page
        start(page, site_url + GUIDE_PAGE + "?as-of=2026-11-23T09:15")
        for answer in WALTHAM_FOREST_CHILD_PROTECTION:
            choose(page, answer)
        page.get_by_label("Case reference").fill("WF/2026/0412")
        page.get_by_label("Notes", exact=True).fill("Called at 10am.\n<b>Manager</b> told")
        assert "0412" not in page.url and "Manager" not in page.url  # never in the address
        assert_accessible(page, "outcome with case notes")
        page.reload()
        expect(page.locator(READY)).to_be_attached(timeout=60_000)
        expect(page.get_by_label("Case reference")).to_have_value("WF/2026/0412")
        expect(page.get_by_label("Notes", exact=True)).to_have_value("Called at 10am.\n<b>Manager</b> told")
        kept = page.evaluate("Object.keys(sessionStorage)")
        assert len(kept) == 1 and kept[0].startswith("mash-handbook:case-notes:")
        assert page.evaluate("localStorage.length") == 0 and page.context.cookies() == []
        with page.expect_download() as download:
            page.get_by_role("button", name="Markdown").click()
        text = Path(download.value.path()).read_text(encoding="utf-8")
        assert "Case reference: WF/2026/0412" in text
        assert "Called at 10am.\n\n&lt;b&gt;Manager&lt;/b&gt; told" in text
        assert f"]({site_url}referring/worried-about-a-child.html#significant-harm)" in text
        assert "[020 8496 2310](tel:+442084962310)" in text
        page.get_by_role("button", name="Clear reference and notes").click()
        expect(page.get_by_label("Case reference")).to_have_value("")
        assert page.evaluate("sessionStorage.length") == 0
        page.reload()
        expect(page.locator(READY)).to_be_attached(timeout=60_000)
        expect(page.get_by_label("Notes", exact=True)).to_have_value("")

    @pytest.mark.parametrize("width", [375, 1280])
    def test_printing_an_outcome_prints_the_outcome_alone_with_when_and_where_to_check(
        self, served: Watched, site_url: str, width: int
    ) -> None:
        page = served.page
        page.set_viewport_size({"width": width, "height": 900})
        start(page, site_url + GUIDE_PAGE)
        for answer in WALTHAM_FOREST_CHILD_PROTECTION:
            choose(page, answer)
        page.get_by_label("Case reference").fill("WF/2026/0412")
        page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # as printing does
        page.emulate_media(media="print")
        outcome = page.locator(".mg-live .mg-outcome")
        expect(
            outcome.get_by_role("heading", name="Phone the MASH now, then send the written referral")
        ).to_be_visible()
        expect(outcome.locator(".mg-why")).to_be_visible()
        expect(outcome.locator(".mg-contacts")).to_be_visible()
        when = r"^Printed at \d{1,2}:\d\d[ap]m on \w+ \d{1,2} \w+ \d{4} \(UK time\)\.$"
        expect(page.locator(".mg-live [data-printed-at]")).to_have_text(re.compile(when))
        expect(page.locator(".mg-live")).to_contain_text("check the handbook for the current version")
        expect(page.locator(".mg-notes__printed")).to_have_text("Case reference: WF/2026/0412")
        for hidden in (
            page.get_by_role("heading", name="How the guide decides"),  # the route diagram's section
            page.locator(".mg-diagram svg").first,
            page.locator("h1"),
            page.locator(".md-sidebar--primary"),
            page.locator(".md-header"),
            page.locator(".mg-top"),
            page.locator(".mg-records"),
            page.get_by_label("Case reference"),
            page.locator(".mg-live .mg-summary"),
        ):
            expect(hidden).to_be_hidden()
        assert_accessible(page, f"outcome printed at {width}px")
        screenshot(page, f"print-outcome-{width}")
