"""The standard modules the engine's source names, read from its code (imports inside functions too).

Standard library only: the build runs it inside Pyodide (scripts/stdlib_zip.mjs defines it there before
scripts/stdlib_zip_inside.py runs), and the tests run it on the host, so both read one list.
"""

from __future__ import annotations

import ast
from pathlib import Path

NOT_STANDARD = ("decision_engine", "yaml", "__future__")  # the engine itself; PyYAML is for the host only


def engine_imports(package: Path) -> set[str]:
    """Every absolute module named by an import in the package's source, the engine's own and PyYAML apart."""
    names: set[str] = set()
    for path in sorted(package.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module)
    return {n for n in names if n.split(".")[0] not in NOT_STANDARD}
