"""A strict Content-Security-Policy for every page of the built site, written after the site generator.

Scripts run only from this site's own files, plus the theme's few inline scripts, allowed one by one by
the SHA-256 of their text (computed here, so a theme update that changes them still works). WebAssembly
may compile (Pyodide). Nothing may be fetched from, framed by or submitted to another host.

The policy goes into each page as a ``<meta http-equiv>`` tag, first in the head (after the charset)
so it covers every script after it, and into ``content-security-policy.txt`` at the site's root, from
which scripts/serve.py sends it as a header too (a header also reaches the engine's worker, which a
meta tag cannot).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

POLICY_FILE = "content-security-policy.txt"
_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?![^>]*\bsrc=)[^>]*)>(?P<body>.*?)</script>", re.DOTALL)
_DATA_TYPE = re.compile(r"""\btype=["']?application/(?:ld\+)?json""")
_HEAD = re.compile(r"<head[^>]*>(?:\s*<meta charset=[^>]*>)?")


def inline_script_hashes(html: str) -> set[str]:
    """The CSP source for each inline script the browser would run (not JSON data blocks)."""
    return {_source(m["body"]) for m in _INLINE_SCRIPT.finditer(html) if not _DATA_TYPE.search(m["attrs"])}


def _source(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


SHIM = "assets/vendor/iframe-worker-shim.js"
_CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.DOTALL)


def search_shim_hashes(site: Path, pages: dict[Path, str]) -> set[str]:
    """From disk (file://) browsers refuse workers, so the theme's search runs in an iframe that the
    iframe-worker shim writes, with one inline script naming the search worker's URL as each page gives
    it. That script is built here the way the shim builds it, from the shim's own functions, so the
    search still works from disk under the policy. A test on file:// finds any drift."""
    shim_file = site / SHIM
    if not shim_file.is_file():
        return set()
    shim = shim_file.read_text(encoding="utf-8")
    post = re.search(r"function c\(s,n\)\{[^}]*\}", shim)
    start, end = shim.find("function d(...s)"), shim.find("var o=class")
    if post is None or start < 0 or end < start:
        raise ValueError(f"{SHIM}: not the iframe-worker shim this build knows; update scripts/csp.py")
    load = shim[start:end]
    hashes = set()
    for text in pages.values():
        config = _CONFIG.search(text)
        if config is None or SHIM.rsplit("/", 1)[1] not in text:
            continue
        worker = json.loads(config.group(1))["search"]
        hashes.add(
            _source(
                f'postMessage={post.group(0)};importScripts={load};addEventListener("error",({{error}})=>'
                f'{{parent.dispatchEvent(new ErrorEvent("error",{{filename:"{worker}",error}}))}})'
            )
        )
    return hashes


def policy(hashes: set[str]) -> str:
    directives = [
        "default-src 'self'",
        "script-src " + " ".join(["'self'", "'wasm-unsafe-eval'", *sorted(hashes)]),
        # The theme and the route diagrams' SVG (its <style> element) set styles inline; styles cannot
        # run code, so they are allowed.
        "style-src 'self' 'unsafe-inline'",
        # The theme's icons are data: images inside its stylesheet.
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
    ]
    return "; ".join(directives)


def apply_policy(site: Path) -> str:
    """Put the policy into every page and beside them. Returns the policy."""
    pages = sorted(site.rglob("*.html"))
    texts = {page: page.read_text(encoding="utf-8") for page in pages}
    hashes = search_shim_hashes(site, texts)
    for text in texts.values():
        hashes |= inline_script_hashes(text)
    text_policy = policy(hashes)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{text_policy}">'
    for page, text in texts.items():
        head = _HEAD.search(text)
        if head is None:
            raise ValueError(f"{page.relative_to(site)}: no <head> to put the Content-Security-Policy in")
        page.write_text(text[: head.end()] + meta + text[head.end() :], encoding="utf-8")
    (site / POLICY_FILE).write_text(text_policy + "\n", encoding="utf-8")
    return text_policy
