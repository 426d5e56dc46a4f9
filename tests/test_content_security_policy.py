"""A strict Content-Security-Policy on every page, as a meta tag and as a header: scripts only from the
site itself and the theme's inline scripts by hash, never 'unsafe-inline'; no plugins; no <base>. The
browser tests (every page, every guide state, from disk) fail on any refusal it reports."""

from __future__ import annotations

import re
import urllib.request
from pathlib import Path

from playwright.sync_api import Browser

from scripts.csp import POLICY_FILE, inline_script_hashes
from tests.test_browser_guide import refused_by_policy

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def directives(policy: str) -> dict[str, list[str]]:
    return {d.split()[0]: d.split()[1:] for d in policy.split("; ")}


def test_every_page_carries_the_policy_before_any_script(built_site: Path) -> None:
    policy = (built_site / POLICY_FILE).read_text(encoding="utf-8").strip()
    for page in sorted(built_site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        metas = META.findall(text)
        assert metas == [policy], page.relative_to(built_site).as_posix()
        if "<script" in text:  # a route diagram's own page has none: its SVG is drawn already
            assert text.index("Content-Security-Policy") < text.index("<script"), page.name
        assert inline_script_hashes(text) <= set(directives(policy)["script-src"]), page.name


def test_the_policy_allows_scripts_only_from_the_site_and_by_hash(built_site: Path) -> None:
    policy = directives((built_site / POLICY_FILE).read_text(encoding="utf-8").strip())
    assert policy["default-src"] == ["'self'"]
    scripts = policy["script-src"]
    assert scripts[:2] == ["'self'", "'wasm-unsafe-eval'"]
    assert all(s.startswith("'sha256-") for s in scripts[2:])
    assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts
    assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'none'"]


def test_the_server_sends_the_policy_as_a_header_that_also_forbids_framing(built_site: Path, site_url: str) -> None:
    with urllib.request.urlopen(site_url + "assets/javascripts/decision-guide.js") as response:
        header = response.headers["Content-Security-Policy"]
    written = (built_site / POLICY_FILE).read_text(encoding="utf-8").strip()
    assert header == written + "; frame-ancestors 'none'"


def test_the_browser_checks_would_catch_an_inline_script_the_policy_does_not_allow(
    browser: Browser, built_site: Path, tmp_path: Path
) -> None:
    """The probe page carries the site's policy but stands on its own, away from the built site."""
    policy = (built_site / POLICY_FILE).read_text(encoding="utf-8").strip()
    probe = tmp_path / "probe.html"
    probe.write_text(
        f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}"><title>probe</title></head>'
        "<body><script>document.title = 'ran'</script></body></html>",
        encoding="utf-8",
    )
    page = browser.new_page()
    refused = refused_by_policy(page)
    page.goto(probe.as_uri())
    page.wait_for_load_state("load")
    assert page.title() == "probe"
    assert refused, "a refused inline script went unreported"
    page.close()
