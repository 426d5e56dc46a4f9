"""Using a route diagram as a person does: it opens on the guide's first question, not on empty space;
going to the full-size diagram and back keeps the answers given; the routes in words print. And when
the interactive guide takes over from the plain version someone was already using, focus follows them.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from tests.conftest import load_guide
from tests.test_browser_guide import READY, Watched, choose, dedicated_engine, live_heading, served, start
from tests.test_browser_phone import PHONE

pytestmark = pytest.mark.browser
__all__ = ["served"]  # the fixture, shared with the guide's tests

GUIDE_PAGE = "guides/worried-about-a-child.html"
AREA_QUESTION = "Which area's MASH would you contact?"


def first_question_box(diagram: Locator) -> Locator:
    """The diagram's box for the guide's first question (Mermaid names each box by its node)."""
    return diagram.locator(f'g.node[id*="-flowchart-n_{load_guide("worried_about_a_child").start}-"]')


def within(region: Locator, box: Locator) -> bool:
    """Whether the box is inside the part of the scrolling region a person sees."""
    return bool(
        region.evaluate(
            "(region, node) => { const r = region.getBoundingClientRect(), b = node.getBoundingClientRect();"
            " return b.left >= r.left && b.right <= r.right; }",
            box.element_handle(),
        )
    )


def test_on_a_phone_a_wide_diagram_opens_on_its_first_question(served: Watched, site_url: str) -> None:
    page = served.page
    page.set_viewport_size(PHONE)
    page.goto(site_url + GUIDE_PAGE + "#how-it-decides")
    region = page.get_by_role("region", name="Diagram: how the guide decides")
    assert region.evaluate("r => r.scrollWidth > r.clientWidth"), "the diagram is wider than a phone"
    expect(first_question_box(region)).to_be_visible()
    assert within(region, first_question_box(region))


def test_the_full_size_diagram_opens_on_its_first_question_with_the_999_notice_in_view(
    served: Watched, site_url: str
) -> None:
    page = served.page
    page.set_viewport_size(PHONE)
    page.goto(site_url + "guides/diagrams/worried_about_a_child.html")
    region = page.get_by_role("region", name="Diagram at full size")
    assert within(region, first_question_box(region))
    expect(page.get_by_text("If a child is in immediate danger, call 999.")).to_be_in_viewport()
    assert page.evaluate("window.scrollX") == 0


def test_going_to_the_full_size_diagram_and_back_keeps_the_answers(served: Watched, site_url: str) -> None:
    page = served.page
    start(page, site_url + GUIDE_PAGE)
    choose(page, "No")
    choose(page, "No")
    expect(live_heading(page)).to_have_text(AREA_QUESTION)
    page.get_by_role("link", name="Open the diagram on its own, full size").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("How the guide decides")
    page.get_by_role("link", name="Back to the guide").click()
    expect(page.locator(READY)).to_be_attached(timeout=60_000)
    expect(live_heading(page)).to_have_text(AREA_QUESTION)


def test_from_disk_the_plain_step_goes_to_the_full_size_diagram_and_back(browser: Browser, built_site) -> None:
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    page = context.new_page()
    page.goto((built_site / GUIDE_PAGE).as_uri())
    page.locator(".mg-static .mg-step:visible").get_by_role("link", name="No", exact=True).click()
    page.get_by_role("link", name="Open the diagram on its own, full size").click()
    page.get_by_role("link", name="Back to the guide").click()
    expect(page.locator(".mg-static .mg-step:visible .mg-heading")).to_have_text(
        "Is the child suffering, or likely to suffer, significant harm?"
    )
    context.close()


def test_the_routes_in_words_print(served: Watched, site_url: str) -> None:
    page = served.page
    page.goto(site_url + GUIDE_PAGE)
    words = page.locator("details.mg-diagram-words")
    expect(words).not_to_have_attribute("open", "")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    expect(words).to_have_attribute("open", "")
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    expect(words).not_to_have_attribute("open", "")


def test_focus_follows_someone_from_the_plain_version_into_the_interactive_one(served: Watched, site_url: str) -> None:
    page: Page = served.page
    held = []
    dedicated_engine(page)
    page.route("**/guide-worker.mjs", lambda route: held.append(route))  # the engine waits until let go
    page.goto(site_url + GUIDE_PAGE)
    page.locator(".mg-static .mg-step:visible").get_by_role("link", name="No", exact=True).click()
    held[0].continue_()
    expect(page.locator(READY)).to_be_attached(timeout=60_000)
    expect(live_heading(page)).to_be_focused()
    expect(live_heading(page)).to_have_text("Is the child suffering, or likely to suffer, significant harm?")


def test_a_fresh_visit_leaves_focus_at_the_top_of_the_page(served: Watched, site_url: str) -> None:
    page = served.page
    start(page, site_url + GUIDE_PAGE)
    expect(live_heading(page)).not_to_be_focused()
