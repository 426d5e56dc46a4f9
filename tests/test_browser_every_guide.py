"""Every guide, in Chromium through Pyodide: for each kind of outcome a guide has (emergency, urgent,
standard, routine), walk one committed route to it by filling in the page as a person would, and check
the outcome shown, its accessibility, and that nothing left the local server. On the way in, at phone
size, the first answer is above the fold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from decision_engine.model import Guide, Question
from tests.conftest import real_guides
from tests.test_browser_guide import assert_accessible, open_page, screenshot, start
from tests.test_browser_phone import LIVE_FIRST_ANSWER, PHONE, first_answer_bottom

pytestmark = pytest.mark.browser
GOLDENS = Path(__file__).parent / "goldens"
GUIDES = real_guides()


def one_route_per_kind(guide: Guide) -> list[tuple[list[tuple[str, str]], str]]:
    routes = json.loads((GOLDENS / f"{guide.id}.json").read_text(encoding="utf-8"))["routes"]
    chosen: dict[str, tuple[list[tuple[str, str]], str]] = {}
    for key, outcome_id in sorted(routes.items(), key=lambda item: (len(item[0]), item[0])):
        outcome = guide.outcome(outcome_id)
        assert outcome is not None
        pairs = [tuple(part.split("=", 1)) for part in key.split(" ")]
        chosen.setdefault(outcome.urgency, ([(q, v) for q, v in pairs], outcome_id))
    return list(chosen.values())


def answer(page: Page, question: Question, value: str) -> None:
    """Fill in one question the way a person would, then press Continue and wait for the next step."""
    live = page.locator(".mg-live")
    before = live.get_attribute("data-node")
    expect(live).to_have_attribute("data-node", question.id)
    if question.type in ("single", "yes_no", "multiple"):
        for chosen in value.split(","):
            label = question.option(chosen).label  # type: ignore[union-attr]
            live.get_by_label(label, exact=True).check()
    elif question.type == "number":
        live.get_by_label(question.text).fill(value)
    else:
        date, _, time = value.partition("T")
        year, month, day = date.split("-")
        for name, text in (("Day", day), ("Month", month), ("Year", year)):
            live.get_by_label(name, exact=True).fill(text)
        if time:
            live.get_by_label("Time", exact=True).fill(time)
    page.get_by_role("button", name="Continue").click()
    expect(live).not_to_have_attribute("data-node", before or "")


@pytest.mark.parametrize("guide", GUIDES, ids=[g.id for g in GUIDES])
def test_each_kind_of_outcome_is_reached_in_the_browser(browser: Browser, site_url: str, guide: Guide) -> None:
    page, watched = open_page(browser)
    page.set_viewport_size(PHONE)
    start(page, site_url + guide.page.replace(".md", ".html"))
    assert first_answer_bottom(page, LIVE_FIRST_ANSWER) < PHONE["height"], "first answer below the fold on a phone"
    page.set_viewport_size({"width": 1100, "height": 900})
    for number, (route, outcome_id) in enumerate(one_route_per_kind(guide)):
        if number:
            page.locator(".mg-live").get_by_role("link", name="Start again").click()
            expect(page.locator(".mg-live")).to_have_attribute("data-node", guide.start)
        for question_id, value in route:
            answer(page, guide.question(question_id), value)  # type: ignore[arg-type]
        outcome = guide.outcome(outcome_id)
        assert outcome is not None
        expect(page.locator(".mg-live")).to_have_attribute("data-node", outcome_id)
        expect(page.get_by_role("heading", name=outcome.title, exact=True)).to_be_visible()
        assert_accessible(page, f"{guide.id}: {outcome_id}")
        screenshot(page, f"guide-{guide.id}-{outcome.urgency}")
    page.context.close()
    assert watched.foreign(site_url) == []
