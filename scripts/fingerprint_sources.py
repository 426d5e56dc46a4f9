"""Write tests/fixtures/source_runs.txt: a fingerprint of every run of ten words in the source documents,
as short hashes, so the "own words" test runs in a clone with nothing beside it. No source text is stored.

    python scripts/fingerprint_sources.py --seeds FOLDER_OF_SOURCE_DOCUMENTS

Run it again when a source document changes. Runs that are a source's own title (cited by name) are
left out.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from decision_engine.source import read_yaml  # noqa: E402

RUN = 10
FINGERPRINT = ROOT / "tests" / "fixtures" / "source_runs.txt"


def runs(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return {tuple(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}


def digest(run: tuple[str, ...]) -> str:
    return hashlib.sha256(" ".join(run).encode("utf-8")).hexdigest()[:12]


def fingerprint(seeds: Path) -> list[str]:
    titles: set[tuple[str, ...]] = set()
    for entry in read_yaml(ROOT / "data" / "sources.yml")["sources"]:
        titles |= runs(str(entry["title"]))
    found: set[tuple[str, ...]] = set()
    for seed in sorted(seeds.glob("*.txt")):
        found |= runs(seed.read_text(encoding="utf-8"))
    return sorted({digest(r) for r in found - titles})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    # No default: the source documents live outside this repository, wherever the maintainer keeps them.
    parser.add_argument("--seeds", required=True, help="the folder holding the source documents (*.txt)")
    seeds = Path(parser.parse_args().seeds)
    if not any(seeds.glob("*.txt")):
        print(f"no source documents (*.txt) in {seeds}", file=sys.stderr)
        return 1
    lines = fingerprint(seeds)
    FINGERPRINT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{FINGERPRINT.relative_to(ROOT)}: {len(lines)} runs of {RUN} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
