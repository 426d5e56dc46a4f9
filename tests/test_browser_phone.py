"""A guide on a phone (375 x 812): the first answer can be reached without scrolling, with JavaScript
off (the plain version's first link; here) and on (the engine's first radio, checkbox or input;
checked in test_browser_every_guide.py, which already starts the engine on every guide page)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.conftest import real_guides

pytestmark = pytest.mark.browser
PHONE = {"width": 375, "height": 812}
GUIDE_PAGES = sorted(g.page.removesuffix(".md") + ".html" for g in real_guides())
PLAIN_FIRST_ANSWER = ".mg-static .mg-step .mg-choice"
LIVE_FIRST_ANSWER = ".mg-live input, .mg-live select, .mg-live button"


def first_answer_bottom(page: Page, selector: str) -> float:
    """Where the first answer's bottom edge is, in CSS pixels from the top of the page as it opens."""
    first = page.locator(selector).first
    expect(first).to_be_visible()
    expect(page.locator(".md-banner")).to_contain_text("call 999")  # the notice keeps its place above
    box = first.bounding_box()
    assert box is not None
    return box["y"] + box["height"]


def test_every_guides_first_answer_is_above_the_fold_on_a_phone_without_javascript(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    below = {}
    for path in GUIDE_PAGES:
        page.goto(site_url + path)
        bottom = first_answer_bottom(page, PLAIN_FIRST_ANSWER)
        if bottom >= PHONE["height"]:
            below[path] = round(bottom)
    context.close()
    assert below == {}, "first answer's bottom edge below the fold (px)"


def test_a_route_diagram_scrolls_from_the_keyboard_on_a_phone_and_opens_alone(browser: Browser, site_url: str) -> None:
    from tests.test_browser_guide import assert_accessible

    context = browser.new_context(viewport=PHONE, service_workers="block")
    page = context.new_page()
    page.goto(site_url + "guides/escalation.html#how-it-decides")
    region = page.get_by_role("region", name="Diagram: how the guide decides")
    expect(region.get_by_role("img", name="Route diagram: Disagreement and escalation (Rotherham)")).to_be_visible()
    page.wait_for_function("el => el.scrollWidth > el.clientWidth + 50", arg=region.element_handle())
    region.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("el => el.scrollLeft > 0", arg=region.element_handle())
    page.get_by_role("link", name="Open the diagram on its own, full size").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("How the guide decides")
    diagram = page.get_by_role("img", name="Route diagram: Disagreement and escalation (Rotherham)")
    # At its natural size (the width Mermaid drew it at), wider than the phone: scroll and pinch-zoom.
    natural = float(diagram.get_attribute("width") or 0)
    box = diagram.bounding_box()
    assert box is not None and abs(box["width"] - natural) < 1 and natural > PHONE["width"]
    expect(page.get_by_text("If a child is in immediate danger, call 999.")).to_be_visible()
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 812})
        assert_accessible(page, f"diagram page at {width} px")
    page.get_by_role("link", name="Back to the guide").click()
    expect(page.get_by_role("heading", name="How the guide decides", level=2)).to_be_attached()
    context.close()
