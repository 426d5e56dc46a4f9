"""Rating levels (BRAG, RAG) from the ratings register, and the due time each one sets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .deadlines import UNITS, Due, DueError, Timescale, due
from .model import Answer, Outcome, RatingRef


@dataclass(frozen=True, slots=True)
class Rating:
    scheme: Mapping[str, Any]
    level: Mapping[str, Any]

    @property
    def label(self) -> str:
        return f"{self.scheme.get('area', '')} {self.scheme.get('name', '')}: {self.level.get('name', '')}".strip()

    @property
    def timescale(self) -> Timescale | None:
        raw = self.level.get("timescale")
        if not isinstance(raw, Mapping) or raw.get("unit") not in UNITS:
            return None
        return Timescale(amount=int(raw.get("amount", 0)), unit=raw["unit"])


def find(ratings: Mapping[str, Mapping[str, Any]], ref: RatingRef) -> Rating | None:
    scheme = ratings.get(ref.scheme)
    if scheme is None:
        return None
    level = next((lv for lv in scheme.get("levels", []) if lv.get("id") == ref.level), None)
    return Rating(scheme, level) if level is not None else None


def due_for(rating: Rating | None, outcome: Outcome, answers: Mapping[str, Answer]) -> Due | DueError | None:
    """The due time, when the outcome names the question holding the arrival time and it is answered:
    from the outcome's own timescale if it has one, else from its rating's."""
    timescale = rating.timescale if rating is not None else None
    if outcome.due_in is not None:
        timescale = Timescale(amount=outcome.due_in[0], unit=outcome.due_in[1])  # type: ignore[arg-type]
    received = answers.get(outcome.due_from) if outcome.due_from else None
    if timescale is None or not isinstance(received, str):
        return None
    return due(dt.datetime.fromisoformat(received), timescale)
