"""Why a walk reached its outcome: each answer, the rule it chose, and the sources behind them."""

from __future__ import annotations

from dataclasses import dataclass

from .answers import describe
from .model import Citation
from .walk import Walk, trail


@dataclass(frozen=True, slots=True)
class Reason:
    question_id: str
    question: str
    answer: str
    rule: str
    cite: tuple[Citation, ...]


def reasons(walk: Walk) -> list[Reason]:
    """The reasons for the node the walk stands on, in the order they were met."""
    steps, _end = trail(walk.guide, walk.answer_map)
    if walk.at is not None:
        # Stepped back: the reasons are those that come before the question now shown.
        at = next((i for i, s in enumerate(steps) if s.question.id == walk.at), len(steps))
        steps = steps[:at]
    return [
        Reason(s.question.id, s.question.text, describe(s.question, s.answer), s.rule.label, s.rule.cite) for s in steps
    ]
