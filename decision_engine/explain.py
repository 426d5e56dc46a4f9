"""Why a walk reached its outcome: each answer, the rule it chose, and the sources behind them."""

from __future__ import annotations

from dataclasses import dataclass

from .answers import describe
from .model import Citation
from .walk import Walk


@dataclass(frozen=True, slots=True)
class Reason:
    question_id: str
    question: str
    answer: str
    rule: str
    cite: tuple[Citation, ...]


def reasons(walk: Walk) -> list[Reason]:
    """The reasons for the node the walk stands on, in the order they were met."""
    return [
        Reason(s.question.id, s.question.text, describe(s.question, s.answer), s.rule.label, s.rule.cite)
        for s in walk.steps_before_current
    ]
