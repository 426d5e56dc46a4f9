"""The due times an outcome shows for a walk: its rating's timescale, its own deadlines, and those of
the parts that apply, each counted from the answer the outcome names in ``due_from``, soonest first.

Given "now", each due time also says how long is left or how long it is overdue, so a time that has
already passed is never shown as if it were still to come (a case rated again after stage 2 keeps the
timescale of its first contact).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .compose import parts_that_apply
from .deadlines import Due, DueError, Timescale, due, time_left
from .model import Answer, Deadline, Outcome, Part
from .ratings import find


@dataclass(frozen=True, slots=True)
class DueTime:
    label: str
    """What is due, such as "Protective action taken" or "Response (Barnet BRAG rating: Red)"."""
    due: Due | DueError

    def status(self, now: dt.datetime | None) -> str:
        """ "due in 3 hours", "overdue by 1 hour 5 minutes", or "" when there is no now or no due time."""
        if now is None or not isinstance(self.due, Due):
            return ""
        return time_left(self.due.at, now)


def started(outcome: Outcome, answers: Mapping[str, Answer]) -> dt.datetime | None:
    value = answers.get(outcome.due_from) if outcome.due_from else None
    return dt.datetime.fromisoformat(value) if isinstance(value, str) else None


def deadlines_that_apply(
    outcome: Outcome, answers: Mapping[str, Answer], parts: list[Part] | None = None
) -> tuple[Deadline, ...]:
    found = list(outcome.deadlines)
    for part in parts_that_apply(outcome, answers) if parts is None else parts:
        found += [d for d in part.deadlines if d not in found]
    return tuple(found)


def due_times(
    outcome: Outcome,
    answers: Mapping[str, Answer],
    ratings: Mapping[str, Mapping[str, Any]],
    parts: list[Part] | None = None,
) -> tuple[DueTime, ...]:
    """Every due time the outcome shows for these answers, in the order the guide gives them (the
    rating's first). Empty when the start time is not answered."""
    start = started(outcome, answers)
    if start is None:
        return ()
    found = []
    rating = find(ratings, outcome.rating) if outcome.rating is not None else None
    if rating is not None and rating.timescale is not None:
        found.append(DueTime(f"Response ({rating.label})", due(start, rating.timescale)))
    for deadline in deadlines_that_apply(outcome, answers, parts):
        timescale = Timescale(deadline.amount, deadline.unit, _window(deadline))  # type: ignore[arg-type]
        found.append(DueTime(deadline.label, due(start, timescale)))
    # Soonest first, so the most pressing time is read first; one that cannot be worked out goes last.
    return tuple(sorted(found, key=_soonest_first))


def _window(deadline: Deadline) -> tuple[dt.time, dt.time] | None:
    if deadline.working_day is None:
        return None
    opens, closes = deadline.working_day
    return (dt.time.fromisoformat(opens), dt.time.fromisoformat(closes))


def _soonest_first(item: DueTime) -> tuple[bool, dt.datetime]:
    if isinstance(item.due, Due):
        return (False, item.due.at)
    return (True, dt.datetime.max)
