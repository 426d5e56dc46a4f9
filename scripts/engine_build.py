"""Name the guide engine for the build it belongs to.

Guide pages share one engine (a SharedWorker) for a visit. The page asks for it by a name holding a
hash of everything the engine runs on: the worker script, Pyodide, the standard library zip that holds
the engine, and the compiled guides. Pages of one build then share one warm engine, and a page of a
newer build never talks to an older engine still alive in another tab.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

PAGE_SCRIPT = "assets/javascripts/engine-start.js"
PLACEHOLDER = 'var ENGINE_BUILD = "unbuilt";'
ENGINE_FILES = ("assets/javascripts/guide-worker.mjs", "assets/pyodide", "assets/guides")


class EngineBuildError(Exception):
    """The page script no longer has the line the build fills in."""


def engine_build(site: Path) -> str:
    digest = hashlib.sha256()
    for name in ENGINE_FILES:
        top = site / name
        for path in sorted([top] if top.is_file() else (p for p in top.rglob("*") if p.is_file())):
            if path.suffix in (".br", ".gz"):
                continue
            digest.update(path.relative_to(site).as_posix().encode("utf-8") + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def stamp_engine_build(site: Path) -> str:
    """Write the engine's build hash into the page script. Returns the hash."""
    script = site / PAGE_SCRIPT
    text = script.read_text(encoding="utf-8")
    if text.count(PLACEHOLDER) != 1:
        raise EngineBuildError(f"{PAGE_SCRIPT}: the line {PLACEHOLDER!r} must appear once; the build fills it in")
    built = engine_build(site)
    script.write_text(text.replace(PLACEHOLDER, f'var ENGINE_BUILD = "{built}";'), encoding="utf-8")
    return built
