"""Material for MkDocs reaches end of life on 5 May 2027; its successor, Zensical (pinned in
requirements.txt), builds the same mkdocs.yml, templates and pages into the same site, and
``scripts/build.py --generator zensical`` adds the same guide runtime and full-size diagram pages.

mkdocs.yml needs no change (``!ENV`` in the snippets ``base_path``, ``check_paths``, ``auto_append``,
the offline plugin, the iframe-worker shim in ``extra.polyfills`` and ``extra_javascript`` with
``defer`` all build). overrides/main.html keeps to what both template engines share: Zensical's has no
Python string methods, and gives front-matter dates as text where MkDocs gives dates.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from scripts.build import build
from tests.conftest import ROOT, serving
from tests.test_browser_guide import choose, open_page, start


def pages_and_runtime(site: Path) -> set[str]:
    """Every page, the guides' data, the engine and Pyodide, and the handbook's own scripts: not the
    theme's bundles and search index, which each generator names and splits in its own way."""
    return {
        p.relative_to(site).as_posix()
        for p in site.rglob("*")
        if p.is_file()
        and (
            p.suffix == ".html"
            or p.relative_to(site).parts[:2]
            in {("assets", "pyodide"), ("assets", "guides"), ("assets", "vendor"), ("assets", "javascripts")}
        )
        and not p.relative_to(site)
        .as_posix()
        .startswith(("assets/javascripts/lunr/", "assets/javascripts/bundle", "assets/javascripts/workers/"))
        and p.name != "LICENSE"
    }


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("zensical-site")
    build(site, generated=site.parent / "zensical-generated", generator="zensical")
    return site


def test_zensical_builds_the_same_pages_guides_scenarios_and_runtime(built_site: Path, zensical_site: Path) -> None:
    assert pages_and_runtime(zensical_site) == pages_and_runtime(built_site)
    for guide_page in sorted((ROOT / "docs" / "guides").glob("*.md")):
        html = (zensical_site / "guides" / guide_page.with_suffix(".html").name).read_text(encoding="utf-8")
        assert 'data-module="decision-guide"' in html, guide_page.name
    for kind, module in (("scenarios", "practice"), ("walkthroughs", "walkthrough")):
        for page in sorted((ROOT / "docs" / "training" / kind).glob("*.md")):
            html = (zensical_site / "training" / kind / page.with_suffix(".html").name).read_text(encoding="utf-8")
            assert f'data-module="{module}"' in html, page.name

    triage = (zensical_site / "process" / "stage-1-triage.html").read_text(encoding="utf-8")
    assert "If a child is in immediate danger, call 999." in triage
    assert 'data-review-by="2027-' in triage
    assert "Next review due by <time" in triage
    assert 'class="admonition note mg-page-areas" data-area="barnet rotherham" hidden' in triage
    assert 'id="by-page"' in (zensical_site / "about" / "changelog.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def zensical_url(zensical_site: Path) -> Iterator[str]:
    with serving(zensical_site) as url:
        yield url


@pytest.mark.browser
def test_a_guide_on_the_zensical_site_runs_the_engine_to_the_urgent_outcome(
    browser: Browser, zensical_url: str
) -> None:
    page, watched = open_page(browser)
    start(page, zensical_url + "guides/worried-about-a-child.html")
    choose(page, "Yes")
    outcome = page.locator(".mg-live .mg-outcome")
    expect(outcome.get_by_role("heading", level=2)).to_have_text("Call 999 now")
    expect(outcome).to_contain_text("Must: Phone 999.")
    page.context.close()
    assert watched.foreign(zensical_url) == []
