"""The engine imports nothing outside the standard library at run time, so Pyodide needs no other
package; only reading YAML sources (on the host) uses PyYAML, and only when asked."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import decision_engine
from tests.conftest import ROOT

PROBE = """
import importlib, json, pkgutil, sys
import decision_engine
before = set(sys.modules)
for info in pkgutil.iter_modules(decision_engine.__path__):
    if info.name != "__main__":
        importlib.import_module("decision_engine." + info.name)
loaded = {name.split(".")[0] for name in sys.modules}
print(json.dumps(sorted(loaded - set(sys.stdlib_module_names) - {"decision_engine", "__main__"})))
"""


def test_importing_every_engine_module_loads_only_the_standard_library() -> None:
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=ROOT, check=True)
    assert json.loads(result.stdout) == []


def test_the_probe_would_notice_a_third_party_import() -> None:
    probe = PROBE.replace("import decision_engine\n", "import decision_engine, yaml\n", 1)
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    assert "yaml" in json.loads(result.stdout)


def test_every_module_is_covered_by_the_probe() -> None:
    names = {info.name for info in pkgutil.iter_modules(decision_engine.__path__)}
    assert {"model", "load", "validate", "walk", "token", "render_html", "browser", "source"} <= names
