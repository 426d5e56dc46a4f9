"""The engine's Python files for the browser: one zip that Pyodide mounts as its standard library
(``stdLibURL``), holding only the standard modules Pyodide's start-up and the engine use, plus the engine
itself, so the page fetches no wheel and no lockfile and Pyodide's package loader never runs.

The zip is made inside Pyodide under Node (scripts/stdlib_zip.mjs, scripts/stdlib_zip_inside.py): it
exercises the engine on every compiled guide, keeps each top-level package any of that loaded (and a
generous list more), and compiles the engine and the modules it imports with Pyodide's own Python 3.14,
which the host does not have. Entries are stored, not deflated, so the build's brotli and gzip copies
compress it (1.5 MB of gzip instead of Pyodide's 2.5 MB zip, which does not compress).

``handbook-lock.mjs`` beside it is the lockfile the worker passes as ``lockFileContents``: Pyodide's own
``info`` and no packages, instead of a fetch of pyodide-lock.json.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYODIDE = ROOT / "node_modules" / "pyodide"
STDLIB = "handbook_stdlib.zip"
LOCK = "handbook-lock.mjs"


class StdlibError(Exception):
    """Making the zip inside Pyodide failed."""


def write_stdlib(pyodide_dir: Path, guides: list[Path]) -> dict[str, list[str]]:
    """Write ``handbook_stdlib.zip`` and ``handbook-lock.mjs`` into ``pyodide_dir``, exercising the engine
    on the compiled ``guides``. Returns what the trace found (``used``) and what was kept (``kept``)."""
    result = subprocess.run(
        [
            "node",
            str(ROOT / "scripts" / "stdlib_zip.mjs"),
            str(PYODIDE / "python_stdlib.zip"),
            str(ROOT / "decision_engine"),
            str(pyodide_dir / STDLIB),
            *map(str, guides),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    if result.returncode != 0:
        raise StdlibError(f"making {STDLIB} inside Pyodide failed:\n{result.stderr.strip()}")
    info = json.loads((PYODIDE / "pyodide-lock.json").read_text(encoding="utf-8"))["info"]
    lock = {"info": info, "packages": {}}
    (pyodide_dir / LOCK).write_text(
        "// Written by scripts/stdlib_zip.py: Pyodide's lockfile with no packages (the engine is in the\n"
        "// standard library zip), passed as lockFileContents instead of a fetch.\n"
        f"export default {json.dumps(lock)};\n",
        encoding="utf-8",
    )
    report: dict[str, list[str]] = json.loads(result.stdout)
    return report
