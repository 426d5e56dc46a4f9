"""Engine speed on host CPython and inside Pyodide under Node, from the same timing script.

    python scripts/benchmark_engine.py [--site site]

Needs a built site (for the compiled guides and the standard library zip, which holds the engine).
Prints both reports. Targets: a step under 1 ms on the host and under 5 ms in Pyodide; validating all
guides under 0.5 s; cost that grows linearly with guide size (compare the 1,000 and 10,000 node rows).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.stdlib_zip import STDLIB  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--site", default=str(ROOT / "site"))
    args = parser.parse_args()
    site = Path(args.site)
    guides = sorted(str(p) for p in (site / "assets" / "guides").glob("*.json"))
    stdlib = site / "assets" / "pyodide" / STDLIB
    if not guides or not stdlib.is_file():
        print(f"{site} has no built site: run scripts/build.py first", file=sys.stderr)
        return 1
    timing = str(ROOT / "scripts" / "engine_timing.py")
    print("Host CPython:")
    sys.stdout.flush()
    subprocess.run([sys.executable, timing, *guides], check=True, env={"PYTHONPATH": str(ROOT)})
    print("Pyodide under Node:")
    sys.stdout.flush()
    subprocess.run(["node", str(ROOT / "tests" / "pyodide" / "run.mjs"), str(stdlib), timing, *guides], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
