"""Every route through a guide: the answers that reach each outcome.

Choice questions are tried with every answer (every allowed combination, for multiple choice);
numbers with the values either side of each threshold the guide tests; dates with one sample. The
result is finite for a valid guide, so tests can check each route against committed outcome keys.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

from .conditions import GROUP_OPS
from .model import Answer, Condition, Guide, Question
from .walk import Walk

MAX_CHOICE_OPTIONS = 10


def _thresholds(condition: Condition, question_id: str) -> set[int]:
    if condition.op in GROUP_OPS:
        found: set[int] = set()
        for part in condition.parts:
            found |= _thresholds(part, question_id)
        return found
    if condition.question == question_id and isinstance(condition.value, int):
        return {condition.value - 1, condition.value, condition.value + 1}
    return set()


def candidate_answers(guide: Guide, question: Question) -> list[Answer]:
    """A set of answers that between them take every route the guide can take from ``question``."""
    if question.type in ("single", "yes_no"):
        return [o.value for o in question.options]
    if question.type == "multiple":
        if len(question.options) > MAX_CHOICE_OPTIONS:
            raise ValueError(f"{question.id}: too many options to try every combination")
        plain = [o.value for o in question.options if not o.exclusive]
        found: list[Answer] = [(o.value,) for o in question.options if o.exclusive]
        for size in range(1, len(plain) + 1):
            found += [tuple(c) for c in combinations(plain, size)]
        return found
    if question.type == "number":
        values = {question.minimum if question.minimum is not None else 0}
        if question.maximum is not None:
            values.add(question.maximum)
        for q in guide.questions:
            for rule in q.next:
                if rule.when is not None:
                    values |= _thresholds(rule.when, question.id)
        low = question.minimum if question.minimum is not None else -(10**9)
        high = question.maximum if question.maximum is not None else 10**9
        return sorted(v for v in values if low <= v <= high)
    return ["2026-01-05"] if question.type == "date" else ["2026-01-05T10:00"]


def all_routes(guide: Guide) -> Iterator[tuple[tuple[tuple[str, Answer], ...], str]]:
    """Each distinct route as (answers in order, outcome id)."""
    stack = [Walk(guide)]
    while stack:
        walk = stack.pop()
        node = walk.current
        if not isinstance(node, Question):
            yield walk.answers, node.id
            continue
        for answer in reversed(candidate_answers(guide, node)):
            stack.append(walk.with_answer(node.id, answer))
