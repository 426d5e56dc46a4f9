"""The built site asks no other host for anything: no script, style, font, image or frame comes from
outside it. (The browser tests also record every request a page really makes.)"""

from __future__ import annotations

import re
from pathlib import Path

FETCHING = re.compile(r"""<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)=["'](https?:)?//""", re.I)
CSS_URL = re.compile(r"url\(\s*['\"]?(https?:)?//", re.I)


def test_no_page_loads_anything_from_another_host(built_site: Path) -> None:
    offenders = []
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        offenders += [f"{page.relative_to(built_site)}: {m.group(0)}" for m in FETCHING.finditer(text)]
    assert offenders == []


def test_no_stylesheet_of_ours_fetches_from_another_host(built_site: Path) -> None:
    sheet = (built_site / "assets" / "stylesheets" / "handbook.css").read_text(encoding="utf-8")
    assert not CSS_URL.search(sheet)


def test_the_check_would_catch_a_cdn_script() -> None:
    assert FETCHING.search('<script src="https://unpkg.com/iframe-worker/shim"></script>')
