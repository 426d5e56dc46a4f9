"""Shared fixtures: the real guides and handbook, a site built once per test run and served on
127.0.0.1, and Debian's Chromium for pytest-playwright."""

from __future__ import annotations

import contextlib
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from decision_engine.model import Guide
from decision_engine.references import References
from decision_engine.source import guide_files, handbook_anchors, load_guide_file, rating_schemes, source_ids
from scripts.build import build
from scripts.chromium import CHROMIUM, CHROMIUM_ARGS
from scripts.serve import make_server

ROOT = Path(__file__).resolve().parent.parent
GUIDES = ROOT / "guides"


def load_guide(guide_id: str) -> Guide:
    return load_guide_file(GUIDES / f"{guide_id}.yaml")


def real_guides() -> list[Guide]:
    return [load_guide_file(path) for path in guide_files(GUIDES)]


@pytest.fixture(scope="session")
def anchors() -> dict[str, str]:
    return handbook_anchors(ROOT / "docs")


@pytest.fixture(scope="session")
def sources() -> dict[str, dict[str, str]]:
    return source_ids(ROOT / "data" / "sources.yml")


@pytest.fixture(scope="session")
def refs(anchors: dict[str, str], sources: dict[str, dict[str, str]]) -> References:
    return References(
        sources=sources, titles=anchors, root="../", ratings=rating_schemes(ROOT / "data" / "ratings.yml")
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real build, once per run, into a temporary folder (its generated pieces beside it)."""
    site = tmp_path_factory.mktemp("site")
    build(site, generated=site.parent / "generated")
    return site


@contextlib.contextmanager
def serving(site: Path, compress: bool = True) -> Iterator[str]:
    """The site on its own server on 127.0.0.1, for as long as the block lasts. Yields its address."""
    server = make_server(site, 0, quiet=True, compress=compress)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    # Uncompressed: on 127.0.0.1 transfer costs nothing and decoding costs the browser time in every
    # test. Compressed transfer is tested on its own (test_compressed_transfer.py) and in a browser by
    # the offline tests, whose servers compress.
    with serving(built_site, compress=False) as url:
        yield url


@pytest.fixture(scope="session")
def compressed_site_url(built_site: Path) -> Iterator[str]:
    """The built site as a real host would send it: brotli or gzip, as the request accepts."""
    with serving(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's Chromium is not installed: run ./scripts/test, which installs it")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    # The service worker saves the whole site (about 19 MB) on a first visit: only the offline tests
    # (tests/test_browser_offline.py) let it run, so every other test sees the network as it is.
    return {**browser_context_args, "service_workers": "block"}


@pytest.fixture(scope="session")
def node() -> str:
    found = shutil.which("node")
    if found is None:
        pytest.fail("node is not on PATH: the Pyodide tests run the engine in Node")
    return found
