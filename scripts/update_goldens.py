"""Write tests/goldens/<guide>.json: every route through every guide and the outcome it reaches.

Run it after changing a guide on purpose, then read the diff: each changed line is a route whose
outcome changed. The tests compare the guides against these committed files.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from decision_engine.answers import to_text  # noqa: E402
from decision_engine.model import Guide  # noqa: E402
from decision_engine.paths import all_routes  # noqa: E402
from decision_engine.source import guide_files, load_guide_file  # noqa: E402

GOLDENS = ROOT / "tests" / "goldens"


def route_key(answers: tuple[tuple[str, object], ...]) -> str:
    return " ".join(f"{qid}={to_text(answer)}" for qid, answer in answers)  # type: ignore[arg-type]


def routes(guide: Guide) -> dict[str, str]:
    return {route_key(answers): outcome for answers, outcome in all_routes(guide)}


def main() -> int:
    GOLDENS.mkdir(parents=True, exist_ok=True)
    for path in guide_files(ROOT / "guides"):
        guide = load_guide_file(path)
        found = routes(guide)
        target = GOLDENS / f"{guide.id}.json"
        target.write_text(json.dumps(found, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"{target.relative_to(ROOT)}: {len(found)} routes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
