"""Handbook pages as a person meets them: the 999 notice, review date and guide links on every page;
abbreviations that expand on keyboard focus; and a clean printout."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.test_browser_guide import assert_accessible, refused_by_policy, screenshot

pytestmark = pytest.mark.browser
PAGE = "process/stage-1-triage.html"
DOCS = Path(__file__).resolve().parent.parent / "docs"
ALL_PAGES = sorted(p.relative_to(DOCS).with_suffix(".html").as_posix() for p in DOCS.rglob("*.md"))


@pytest.fixture
def page_at(page: Page, site_url: str):
    refused = refused_by_policy(page)

    def go(path: str, width: int = 1280) -> Page:
        page.set_viewport_size({"width": width, "height": 812 if width < 600 else 900})
        page.goto(site_url + path)
        page.wait_for_load_state("load")
        return page

    yield go
    assert refused == [], "the Content-Security-Policy refused something"


@pytest.mark.parametrize("path", ALL_PAGES)
def test_every_page_shows_999_and_its_review_date_and_meets_wcag_22_aa_at_both_widths(page_at, path: str) -> None:
    page = page_at(path, 1280)
    for width in (1280, 375):  # one load, then the phone width: the page lays itself out again
        page.set_viewport_size({"width": width, "height": 812 if width < 600 else 900})
        page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
        expect(page.locator(".md-banner")).to_contain_text("If a child is in immediate danger, call 999.")
        expect(page.locator(".mg-reviewed")).to_contain_text("Last reviewed: ")
        assert_accessible(page, f"{path} at {width} px")


def test_a_wide_table_on_a_phone_scrolls_from_the_keyboard(page_at) -> None:
    page = page_at("process/ratings.html", 375)
    wide = page.locator(".md-typeset__scrollwrap[tabindex='0']").first
    expect(wide).to_have_attribute("role", "region")
    expect(wide).to_have_attribute("aria-label", re.compile(r"^Table: "))
    wide.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("el => el.scrollLeft > 0", arg=wide.element_handle())
    page.set_viewport_size({"width": 1280, "height": 900})
    expect(page.locator(".md-typeset__scrollwrap[tabindex='0']")).to_have_count(0)


def test_a_page_links_to_the_guides_that_apply_to_it(page_at) -> None:
    page = page_at(PAGE)
    box = page.get_by_role("complementary", name="Decision guides for this page")
    box.get_by_role("link", name="Stage 1 triage outcome (Rotherham)").click()
    expect(page.get_by_role("heading", name="Stage 1 triage outcome (Rotherham)", level=1)).to_be_visible()


def test_an_abbreviation_expands_on_keyboard_focus(page_at) -> None:
    page = page_at(PAGE)
    abbr = page.locator("article abbr", has_text="RAG").first
    expect(abbr).to_have_attribute("title", "Red, Amber, Green")
    expect(abbr).to_have_attribute("tabindex", "0")
    abbr.focus()
    expect(page.locator(".md-tooltip2--active")).to_contain_text("Red, Amber, Green")


def test_a_page_prints_without_navigation_and_with_link_targets(page_at) -> None:
    page = page_at(PAGE)
    page.emulate_media(media="print")
    expect(page.locator(".md-banner")).to_be_visible()
    expect(page.locator(".md-banner")).to_contain_text("call 999")
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    expect(page.locator(".md-header")).to_be_hidden()
    after = page.locator("article a[href='ratings.html#rotherham-rag']").first.evaluate(
        "a => getComputedStyle(a, '::after').content"
    )
    assert after == '" (" attr(href) ")"' or "ratings.html#rotherham-rag" in after


def test_a_whole_section_prints_as_one_document_from_its_button(page_at) -> None:
    page = page_at("print/partner-agencies.html")
    page.evaluate("() => { window.mgPrinted = 0; window.print = () => { window.mgPrinted += 1; }; }")
    page.get_by_role("button", name="Print or save as PDF").click()
    assert page.evaluate("window.mgPrinted") == 1
    expect(page.get_by_role("heading", level=2)).to_contain_text(
        ["Recording consent", "Social care checks", "Police checks", "Health checks"]
    )
    page.emulate_media(media="print")
    expect(page.get_by_role("button", name="Print or save as PDF")).to_be_hidden()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    expect(page.get_by_role("heading", name="Health checks in the MASH (Northamptonshire)")).to_be_visible()
    screenshot(page, "print-partner-agencies")


def test_without_javascript_a_section_document_hides_its_button(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "print/partner-agencies.html")
    expect(page.locator(".mg-print-page")).to_be_hidden()
    expect(page.locator("article")).to_contain_text("Save as PDF")
    context.close()


def test_no_page_fetches_mermaid_the_route_diagram_is_already_in_the_page(page_at) -> None:
    """The diagrams are SVG drawn when the site is built: no page fetches Mermaid (3.6 MB), from this
    site or a CDN, and a guide page's diagram is there as soon as the page is."""
    page = page_at("index.html")
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    site = page.url.removesuffix("index.html")
    paths = ("index.html", "process/stage-1-triage.html", "print/mash-process.html")
    for path in (*paths, "guides/diagrams/worried_about_a_child.html"):
        page.goto(site + path)
        page.wait_for_load_state("networkidle")
    # A guide page never looks idle to Playwright: it sees the request for the engine's SharedWorker
    # script but not its answer. Everything the page and its engine need has come once it is ready.
    page.goto(site + "guides/worried-about-a-child.html")
    expect(page.locator("[data-module=decision-guide][data-ready]")).to_be_attached(timeout=60_000)
    assert [url for url in fetched if "mermaid" in url.lower()] == []
    assert [url for url in fetched if not url.startswith((site, "data:", "blob:"))] == []
    page.goto(site + "guides/worried-about-a-child.html#how-it-decides")
    diagram = page.locator(".mg-diagram svg[role='img']")
    expect(diagram).to_be_visible()
    assert diagram.evaluate("svg => svg.getBoundingClientRect().height") > 300


def test_a_hovered_link_keeps_enough_contrast(page_at) -> None:
    # The pointer often rests where the next page's link appears (for example Start again after Continue).
    page = page_at("referring/worried-about-a-child.html")
    page.locator("article p a:visible").first.hover()
    assert_accessible(page, "hovered link")


def test_a_route_diagram_shows_from_disk_without_javascript_and_in_print(browser, built_site: Path) -> None:
    """Drawn when the site is built, the diagram needs neither a server nor JavaScript, and it prints
    whole, fitted to the paper."""
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto((built_site / "guides" / "escalation.html").as_uri() + "#how-it-decides")
    diagram = page.get_by_role("img", name="Route diagram: Disagreement and escalation (Rotherham)")
    expect(diagram).to_be_visible()
    expect(diagram.locator("text").filter(has_text="Escalate at once to the")).to_have_count(1)
    page.emulate_media(media="print")
    expect(diagram).to_be_visible()
    region = page.get_by_role("region", name="Diagram: how the guide decides")
    assert region.evaluate("el => el.scrollWidth <= el.clientWidth + 1")  # not cut off at the edge
    context.close()


def test_from_disk_every_page_opens_without_a_console_error(browser, built_site: Path) -> None:
    """Opened straight from disk (file://), no page reports an error: nothing it loads is missing or
    refused. The site's 404 page is left out: a server sends it for any missing address, so its links
    start at the site's root, and from disk the browser shows its own page for a missing file."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"{page.url}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(f"{page.url}: {error}"))
    pages = sorted(p for p in built_site.rglob("*.html") if p.name != "404.html")
    assert len(pages) > len(ALL_PAGES)  # the handbook's pages, the full-size diagrams and the print pages
    for path in pages:
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
    page.wait_for_timeout(200)  # a late error from the last page's scripts
    context.close()
    assert problems == []


def test_every_full_size_diagram_page_meets_wcag_22_aa_at_both_widths(page_at) -> None:
    """The diagram pages are written beside the site after the site generator, so the list of handbook
    pages above does not hold them."""
    for guide_id in sorted(p.stem for p in (DOCS.parent / "guides").glob("*.yaml")):
        for width in (375, 1280):
            page = page_at(f"guides/diagrams/{guide_id}.html", width)
            expect(page.get_by_role("region", name="Diagram at full size")).to_be_visible()
            assert_accessible(page, f"full-size diagram {guide_id} at {width} px")
