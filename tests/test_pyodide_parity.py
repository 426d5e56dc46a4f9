"""The engine gives the same answers inside real Pyodide (Python 3.14, from the npm package, under
Node) as on the host: every route, token, rendered view and error message of every guide."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from decision_engine.compile import compile_guide
from decision_engine.paths import all_routes
from decision_engine.references import References
from decision_engine.source import load_guide_file, read_guide
from scripts.engine_imports import engine_imports as imports_named_in
from scripts.stdlib_zip import STDLIB
from tests.conftest import ROOT
from tests.test_engine_walk import FIXTURE

PARITY = ROOT / "tests" / "pyodide" / "parity.py"
# Every test here runs against the standard library zip the site serves, so a module the build left out
# turns it red.


@pytest.fixture(scope="module")
def compiled(built_site: Path, tmp_path_factory, refs: References) -> list[Path]:
    guides = sorted((built_site / "assets" / "guides").glob("*.json"))
    from decision_engine.source import load_guide_file

    fixture = tmp_path_factory.mktemp("compiled") / "every_question_type.json"
    fixture.write_text(compile_guide(read_guide(FIXTURE), load_guide_file(FIXTURE), refs), encoding="utf-8")
    return [*guides, fixture]


@pytest.mark.pyodide
def test_pyodide_and_host_agree_on_everything(built_site: Path, compiled: list[Path], node: str) -> None:
    stdlib = built_site / "assets" / "pyodide" / STDLIB
    host = subprocess.run(
        [sys.executable, str(PARITY), *map(str, compiled)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    inside = subprocess.run(
        [node, "tests/pyodide/run.mjs", str(stdlib), str(PARITY), *map(str, compiled)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=180,
    )
    assert inside.returncode == 0, inside.stderr
    host_report, pyodide_report = json.loads(host.stdout), json.loads(inside.stdout)
    assert pyodide_report == host_report
    golden = json.loads((ROOT / "tests" / "goldens" / "worried_about_a_child.json").read_text(encoding="utf-8"))
    assert len(host_report["worried_about_a_child.json"]["routes"]) == len(golden["routes"])
    every_type = load_guide_file(FIXTURE)
    assert len(host_report["every_question_type.json"]["routes"]) == len(list(all_routes(every_type))) > 10


@pytest.mark.pyodide
def test_pyodide_runs_python_3_14(node: str, built_site: Path, tmp_path: Path) -> None:
    stdlib = built_site / "assets" / "pyodide" / STDLIB
    script = tmp_path / "version.py"
    script.write_text("import sys, decision_engine; print(sys.version_info[:2])", encoding="utf-8")
    inside = subprocess.run(
        [node, "tests/pyodide/run.mjs", str(stdlib), str(script)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=180,
    )
    assert inside.stdout.strip() == "(3, 14)"


@pytest.mark.pyodide
def test_the_browser_api_replies_to_any_javascript_value(built_site: Path, node: str) -> None:
    """The worker calls the engine with JavaScript values: whatever they are (undefined, null, numbers,
    objects, a lone surrogate), each call inside Pyodide returns a JSON object, never throws."""
    stdlib = built_site / "assets" / "pyodide" / STDLIB
    guide = built_site / "assets" / "guides" / "worried_about_a_child.json"
    inside = subprocess.run(
        [node, "tests/pyodide/api.mjs", str(stdlib), str(guide)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=180,
    )
    assert inside.returncode == 0, inside.stderr
    result = json.loads(inside.stdout)
    assert result["loaded"]["ok"] and result["loaded"]["guide"] == "worried_about_a_child"
    assert len(result["replies"]) == 160
    for each in result["replies"]:
        reply = json.loads(each["reply"]) if not each["reply"].startswith("THREW") else each["reply"]
        assert isinstance(reply, dict) and reply["ok"] in (True, False), each
        assert "Traceback" not in each["reply"], each


@pytest.mark.pyodide
def test_the_served_standard_library_has_every_module_the_engine_imports(
    built_site: Path, node: str, tmp_path: Path
) -> None:
    """Inside Pyodide, on the zip the site serves: every engine module imports, and so does every module
    an import statement anywhere in the engine's source names, inside functions too."""
    script = tmp_path / "imports.py"
    script.write_text(
        "import importlib, pkgutil, decision_engine\n"
        "for info in pkgutil.iter_modules(decision_engine.__path__):\n"
        "    if info.name != '__main__': importlib.import_module('decision_engine.' + info.name)\n"
        f"for name in {sorted(engine_imports())!r}:\n"
        "    importlib.import_module(name)\n"
        "print('ok', decision_engine.__file__)\n",
        encoding="utf-8",
    )
    stdlib = built_site / "assets" / "pyodide" / STDLIB
    inside = subprocess.run(
        [node, "tests/pyodide/run.mjs", str(stdlib), str(script)], capture_output=True, text=True, cwd=ROOT, timeout=180
    )
    assert inside.returncode == 0, inside.stderr
    assert inside.stdout.startswith("ok /lib/python314.zip/decision_engine/"), inside.stdout


def engine_imports() -> set[str]:
    return imports_named_in(ROOT / "decision_engine")


def test_the_import_list_sees_imports_inside_functions() -> None:
    assert {"json", "datetime", "importlib", "zlib", "difflib"} <= engine_imports()
