"""One warm engine per visit: Pyodide starts once, in a SharedWorker that outlives its page for a
moment, and every guide page after the first in a visit finds it ready. Guides open side by side keep
their own walks; a browser without SharedWorker gets a dedicated engine for each page; a page of a
newer build never talks to an older build's engine.

A page says which engine answered it in ``data-engine`` ("shared-worker" or "dedicated-worker", then the id of that
start of Pyodide), so a test can tell a warm engine from a fresh one without timing anything.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from decision_engine.model import Question
from scripts.engine_build import PAGE_SCRIPT
from tests.conftest import load_guide, serving
from tests.test_browser_guide import READY, choose, live_heading, refused_by_policy, start

pytestmark = pytest.mark.browser

WORRIED = "guides/worried-about-a-child.html"
CONSENT = "guides/consent-and-sharing.html"
TRIAGE = "guides/stage-1-triage.html"


def question_text(guide_id: str, node_id: str = "") -> str:
    """A question's text as the guide file gives it (by default the guide's first question)."""
    guide = load_guide(guide_id)
    question = guide.node(node_id or guide.start)
    assert isinstance(question, Question)
    return question.text


def first_question(guide_id: str) -> str:
    return question_text(guide_id)


@pytest.fixture
def visit(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport={"width": 1100, "height": 900}, service_workers="block")
    yield context
    context.close()


def engine_of(page: Page) -> tuple[str, str]:
    """(kind, start id) of the engine that made this page's guide ready."""
    kind, _, started = (page.locator(READY).get_attribute("data-engine") or "").partition(" ")
    assert kind and started, "the page does not say which engine answered it"
    return kind, started


def test_the_next_guide_page_in_a_visit_finds_the_engine_already_started(visit: BrowserContext, site_url: str) -> None:
    page = visit.new_page()
    refused = refused_by_policy(page)
    start(page, site_url + WORRIED)
    kind, first = engine_of(page)
    assert kind == "shared-worker"
    page.goto(site_url + "index.html")  # a page without a guide on the way
    start(page, site_url + CONSENT)
    assert engine_of(page) == ("shared-worker", first)
    start(page, site_url + TRIAGE)
    assert engine_of(page) == ("shared-worker", first)
    # The warm engine asks this guide's own questions, not the first guide's.
    expect(live_heading(page)).to_have_text(first_question("stage_1_triage"))
    page.go_back()
    expect(page.locator(READY)).to_be_attached(timeout=60_000)
    assert engine_of(page) == ("shared-worker", first)
    expect(live_heading(page)).to_have_text(first_question("consent_and_sharing"))
    assert refused == []


def test_guides_open_side_by_side_keep_their_own_walks(visit: BrowserContext, site_url: str) -> None:
    """Two tabs on the same guide and a third on another guide, all served by one engine, answered in
    turn: each shows the question its own answers lead to."""
    first_tab, second_tab, other = visit.new_page(), visit.new_page(), visit.new_page()
    for page, path in ((first_tab, WORRIED), (second_tab, WORRIED), (other, CONSENT)):
        start(page, site_url + path)
    assert engine_of(first_tab) == engine_of(second_tab) == engine_of(other)
    choose(first_tab, "No")
    choose(second_tab, "No")
    choose(first_tab, "Yes")  # significant harm
    expect(live_heading(second_tab)).to_have_text(question_text("worried_about_a_child", "significant_harm"))
    choose(second_tab, "No")
    expect(live_heading(first_tab)).to_have_text(question_text("worried_about_a_child", "also_applies"))
    expect(live_heading(second_tab)).to_have_text("Which area's MASH would you contact?")
    expect(live_heading(other)).to_have_text(first_question("consent_and_sharing"))
    second_tab.reload()
    expect(second_tab.locator(READY)).to_be_attached(timeout=60_000)
    expect(live_heading(second_tab)).to_have_text("Which area's MASH would you contact?")


def test_without_shared_workers_each_guide_page_starts_its_own_engine(visit: BrowserContext, site_url: str) -> None:
    page = visit.new_page()
    page.add_init_script("delete window.SharedWorker;")
    start(page, site_url + WORRIED)
    kind, first = engine_of(page)
    assert kind == "dedicated-worker"
    choose(page, "No")
    expect(live_heading(page)).to_have_text("Is the child suffering, or likely to suffer, significant harm?")
    start(page, site_url + CONSENT)
    kind, second = engine_of(page)
    assert kind == "dedicated-worker" and second != first


@pytest.fixture
def own_site(built_site: Path, tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A copy of the site on its own server, so a test can publish a newer build of it."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    with serving(site, compress=False) as url:
        yield site, url


def test_a_page_of_a_newer_build_starts_its_own_engine(visit: BrowserContext, own_site: tuple[Path, str]) -> None:
    site, site_url = own_site
    older = visit.new_page()
    start(older, site_url + WORRIED)
    _, old_engine = engine_of(older)
    script = site / PAGE_SCRIPT
    text = script.read_text(encoding="utf-8")
    script.write_text(re.sub(r'var ENGINE_BUILD = "\w+";', 'var ENGINE_BUILD = "newer-build";', text), encoding="utf-8")
    newer = visit.new_page()  # the older page stays open, and so keeps its engine alive
    start(newer, site_url + WORRIED)
    assert engine_of(newer)[1] != old_engine
    choose(older, "No")
    expect(live_heading(older)).to_have_text("Is the child suffering, or likely to suffer, significant harm?")


def test_the_guide_starts_when_its_engine_script_arrives_after_the_pages_own(
    visit: BrowserContext, site_url: str
) -> None:
    """The script that opens the engine loads without holding up the page, so it can run after the
    script that upgrades the guide: the guide then starts once it has."""
    page = visit.new_page()
    held = []
    page.route("**/engine-start.js", lambda route: held.append(route))
    page.goto(site_url + WORRIED, wait_until="domcontentloaded")
    assert page.evaluate("window.mgGuideEngine === undefined")  # the page's own scripts have all run
    expect(page.locator(".mg-static .mg-step:visible .mg-heading")).to_have_text(
        first_question("worried_about_a_child")
    )
    held[0].continue_()
    expect(page.locator(READY)).to_be_attached(timeout=60_000)
    choose(page, "No")
    expect(live_heading(page)).to_have_text(question_text("worried_about_a_child", "significant_harm"))
