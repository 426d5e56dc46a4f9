"""The handbook installed for use without a network: after one visit, with the network gone, every
page is served from the saved copy (a sample opened), and every guide runs its engine to the next
step; a newer build offers "Reload" and, once taken, the old saved copy is deleted."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from scripts.offline import WORKER
from tests.conftest import serving
from tests.test_browser_guide import READY, assert_accessible, refused_by_policy, screenshot

pytestmark = pytest.mark.browser
DOCS = Path(__file__).resolve().parent.parent / "docs"
PAGES = sorted(p.relative_to(DOCS).with_suffix(".html").as_posix() for p in DOCS.rglob("*.md"))
GUIDES = [p for p in PAGES if p.startswith("guides/")]
SAVED = "Available offline"


@pytest.fixture
def installing(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(service_workers="allow", viewport={"width": 1280, "height": 900})
    yield context
    context.close()


def visit_once(page: Page, url: str) -> None:
    page.goto(url)
    expect(page.locator(".mg-offline")).to_contain_text(SAVED, timeout=60_000)


def test_after_one_visit_every_page_and_every_guide_works_without_a_network(
    installing: BrowserContext, compressed_site_url: str
) -> None:
    site_url = compressed_site_url
    page = installing.new_page()
    refused = refused_by_policy(page)
    visit_once(page, site_url + "index.html")
    assert page.evaluate("navigator.serviceWorker.controller !== null")
    assert_accessible(page, "saved for offline use")
    screenshot(page, "offline-saved")
    installing.set_offline(True)
    # Every page comes from the saved copy (asked for as a navigation would, through the service
    # worker); a sample is opened and read.
    served = page.evaluate(
        "paths => Promise.all(paths.map(p => fetch(p)"
        "  .then(r => (r.ok ? r.text() : '')).then(text => text.includes('call 999'))))",
        PAGES,
    )
    assert dict(zip(PAGES, served, strict=True)) == dict.fromkeys(PAGES, True)
    for path in ("process/ratings.html", "print/mash-process.html", "about/privacy.html"):
        page.goto(site_url + path)
        expect(page.locator(".md-banner"), path).to_contain_text("call 999")
        expect(page.locator("article h1"), path).to_be_visible()
    page.goto(site_url)  # the site's address alone, as a person would type it
    expect(page.locator("article h1")).to_be_visible()
    engines = set()
    for path in GUIDES:
        page.goto(site_url + path)
        expect(page.locator(READY), path).to_be_attached(timeout=60_000)
        engines.add(page.locator(READY).get_attribute("data-engine"))
        live = page.locator(".mg-live")
        first = live.get_attribute("data-node")
        live.locator("input[type=radio], input[type=checkbox]").first.check()
        page.get_by_role("button", name="Continue").click()
        expect(live, path).not_to_have_attribute("data-node", first or "")
    # Pyodide started once, offline, from the saved copy, and served every guide after the first.
    assert len(engines) == 1 and next(iter(engines)).startswith("shared-worker ")
    assert refused == []


@pytest.fixture
def own_site(built_site: Path, tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A copy of the site on its own server, so a test can publish a newer build of it."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    with serving(site) as url:
        yield site, url


def test_a_newer_build_offers_reload_and_then_replaces_the_saved_copy(
    installing: BrowserContext, own_site: tuple[Path, str]
) -> None:
    site, url = own_site
    page = installing.new_page()
    visit_once(page, url + "process/ratings.html")
    old = page.evaluate("caches.keys()")
    assert len(old) == 1

    worker = site / WORKER
    text = worker.read_text(encoding="utf-8")
    worker.write_text(re.sub(r'const VERSION = "\w+";', 'const VERSION = "newer-build";', text), encoding="utf-8")
    for suffix in (".br", ".gz"):  # the server would otherwise send the old build's compressed copy
        worker.with_name(worker.name + suffix).unlink(missing_ok=True)
    page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
    notice = page.locator(".mg-offline")
    expect(notice).to_contain_text("Updated: a newer version of the handbook is ready.", timeout=60_000)
    assert_accessible(page, "update ready")
    screenshot(page, "offline-update-ready")
    with page.expect_navigation():
        notice.get_by_role("button", name="Reload").click()
    expect(page.locator(".mg-offline")).to_contain_text(SAVED, timeout=60_000)
    assert page.evaluate("caches.keys()") == ["mash-handbook-newer-build"]


def test_on_a_guide_page_the_site_is_saved_only_after_the_engine_is_ready(
    installing: BrowserContext, compressed_site_url: str
) -> None:
    """Saving 19 MB must not compete with the engine's own start on a first visit."""
    page = installing.new_page()
    page.add_init_script(
        "new MutationObserver((_, watcher) => { if (document.querySelector('[data-ready]')) {"
        " window.mgReadyAt = Date.now(); watcher.disconnect(); } })"
        ".observe(document, {subtree: true, attributes: true, attributeFilter: ['data-ready']});"
        "const register = ServiceWorkerContainer.prototype.register;"
        "ServiceWorkerContainer.prototype.register = function (...args) {"
        " window.mgRegisteredAt = Date.now(); return register.apply(this, args); };"
    )
    page.goto(compressed_site_url + GUIDES[0])
    expect(page.locator(".mg-offline")).to_contain_text(SAVED, timeout=60_000)
    ready, registered = page.evaluate("[window.mgReadyAt, window.mgRegisteredAt]")
    assert ready is not None and registered is not None and registered >= ready
