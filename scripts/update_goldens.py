"""Write tests/goldens/<guide>.json: the guide's version, and every route through it with the outcome
it reaches.

Run it after changing a guide on purpose, then read the diff: each changed line is a route whose
outcome changed. If routes changed, raise the guide's version, so that saved links from the old version
are refused rather than restored to a different meaning. The tests compare the guides against these
committed files.
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


def golden(guide: Guide) -> dict[str, object]:
    return {"version": guide.version, "routes": routes(guide)}


def main() -> int:
    GOLDENS.mkdir(parents=True, exist_ok=True)
    for path in guide_files(ROOT / "guides"):
        guide = load_guide_file(path)
        found = golden(guide)
        target = GOLDENS / f"{guide.id}.json"
        target.write_text(json.dumps(found, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"{target.relative_to(ROOT)}: version {guide.version}, {len(found['routes'])} routes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
