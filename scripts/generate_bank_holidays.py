"""Write decision_engine/data/bank_holidays_england_wales.json from the maintained `holidays` library.

Run once a year (or when the library announces a change) and commit the result: the engine ships the
table as data and never imports `holidays` at run time.

    python scripts/generate_bank_holidays.py [--first 2026] [--years 7]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from importlib.metadata import version
from pathlib import Path

import holidays

TARGET = Path(__file__).resolve().parent.parent / "decision_engine" / "data" / "bank_holidays_england_wales.json"


def table(first: int, last: int) -> dict[str, object]:
    # England and Wales share their bank holidays; Scotland and Northern Ireland differ.
    days = holidays.country_holidays("GB", subdiv="ENG", years=range(first, last + 1))
    return {
        "region": "England and Wales",
        "generated_with": f"holidays {version('holidays')}",
        "first_year": first,
        "last_year": last,
        "dates": {day.isoformat(): name for day, name in sorted(days.items())},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--first", type=int, default=dt.date.today().year)
    parser.add_argument("--years", type=int, default=7, help="how many years, this one included (at least 6)")
    args = parser.parse_args()
    data = table(args.first, args.first + args.years - 1)
    TARGET.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{TARGET.name}: {len(data['dates'])} bank holidays, {data['first_year']} to {data['last_year']}")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())
