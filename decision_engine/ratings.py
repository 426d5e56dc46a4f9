"""Rating levels (BRAG, RAG) from the ratings register, and the timescale each one sets."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .deadlines import UNITS, Timescale
from .model import RatingRef


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
