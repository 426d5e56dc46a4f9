"""The name a guide page asks its shared engine by: a hash of everything the engine runs on, written
into the page script by the build, so pages of one build share an engine and a newer build never
talks to an older one."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from scripts.engine_build import PAGE_SCRIPT, PLACEHOLDER, EngineBuildError, engine_build, stamp_engine_build

ENGINE = ("assets/javascripts/guide-worker.mjs", "assets/pyodide/pyodide.mjs", "assets/guides/escalation.json")


@pytest.fixture
def engine_files(built_site: Path, tmp_path: Path) -> Path:
    """The engine's files of the real build, and an unstamped page script beside them."""
    site = tmp_path / "site"
    for name in ENGINE:
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(built_site / name, site / name)
    (site / PAGE_SCRIPT).write_text(f"(function () {{\n  {PLACEHOLDER}\n}})();\n", encoding="utf-8")
    return site


def test_the_built_page_script_names_the_engine_of_its_build(built_site: Path) -> None:
    text = (built_site / PAGE_SCRIPT).read_text(encoding="utf-8")
    assert PLACEHOLDER not in text
    stamped = re.search(r'var ENGINE_BUILD = "([0-9a-f]{16})";', text)
    assert stamped is not None and stamped.group(1) == engine_build(built_site)


@pytest.mark.parametrize("changed", ENGINE)
def test_any_change_to_the_engine_or_a_guide_gives_a_new_name(engine_files: Path, changed: str) -> None:
    before = engine_build(engine_files)
    with (engine_files / changed).open("a", encoding="utf-8") as file:
        file.write("\n")
    assert engine_build(engine_files) != before


def test_the_compressed_copies_do_not_change_the_name(engine_files: Path) -> None:
    before = engine_build(engine_files)
    (engine_files / "assets/pyodide/pyodide.mjs.gz").write_bytes(b"any")
    assert engine_build(engine_files) == before


def test_a_page_script_without_the_line_to_fill_stops_the_build_saying_so(engine_files: Path) -> None:
    (engine_files / PAGE_SCRIPT).write_text("var ENGINE_BUILD = 'renamed';\n", encoding="utf-8")
    with pytest.raises(EngineBuildError, match=r"engine-start\.js: the line .*ENGINE_BUILD.* must appear once"):
        stamp_engine_build(engine_files)


def test_stamping_writes_the_name_once(engine_files: Path) -> None:
    built = stamp_engine_build(engine_files)
    assert (engine_files / PAGE_SCRIPT).read_text(encoding="utf-8").count(f'"{built}"') == 1
