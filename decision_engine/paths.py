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


def _tested(condition: Condition, question_id: str) -> tuple[set[int], set[str], int]:
    """What the routing looks at in one question's answer: number thresholds, option values, and the
    largest 'selected at least' count."""
    if condition.op in GROUP_OPS:
        numbers: set[int] = set()
        values: set[str] = set()
        most = 0
        for part in condition.parts:
            n, v, m = _tested(part, question_id)
            numbers, values, most = numbers | n, values | v, max(most, m)
        return numbers, values, most
    if condition.question != question_id:
        return set(), set(), 0
    if condition.op == "selected_at_least" and isinstance(condition.value, int):
        return set(), set(), condition.value
    if isinstance(condition.value, int):
        return {condition.value - 1, condition.value, condition.value + 1}, set(), 0
    found = condition.value if isinstance(condition.value, tuple) else (condition.value,)
    return set(), {str(v) for v in found if v is not None}, 0


def _routing_tests(guide: Guide, question_id: str) -> tuple[set[int], set[str], int]:
    numbers: set[int] = set()
    values: set[str] = set()
    most = 0
    for q in guide.questions:
        for rule in q.next:
            if rule.when is not None:
                n, v, m = _tested(rule.when, question_id)
                numbers, values, most = numbers | n, values | v, max(most, m)
    return numbers, values, most


def candidate_answers(guide: Guide, question: Question) -> list[Answer]:
    """A set of answers that between them take every route the guide can take from ``question``.

    For multiple choice only the options some rule tests can change the route, so every combination of
    those is tried, each padded with untested options up to the largest count a rule checks."""
    if question.type in ("single", "yes_no"):
        return [o.value for o in question.options]
    numbers, values, most = _routing_tests(guide, question.id)
    if question.type == "multiple":
        tested = [o.value for o in question.options if not o.exclusive and o.value in values]
        untested = [o.value for o in question.options if not o.exclusive and o.value not in values]
        if len(tested) > MAX_CHOICE_OPTIONS:
            raise ValueError(f"{question.id}: too many tested options to try every combination")
        found: list[Answer] = [(o.value,) for o in question.options if o.exclusive]
        order = [o.value for o in question.options]
        pads = range(min(max(most, 1), len(untested)) + 1)  # at least one untested answer on its own
        for size in range(len(tested) + 1):
            for combo in combinations(tested, size):
                for pad in pads:
                    chosen = set(combo) | set(untested[:pad])
                    if chosen:
                        found.append(tuple(v for v in order if v in chosen))
        return list(dict.fromkeys(found))
    if question.type == "number":
        low = question.minimum if question.minimum is not None else -(10**9)
        high = question.maximum if question.maximum is not None else 10**9
        values_n = numbers | {question.minimum if question.minimum is not None else 0}
        if question.maximum is not None:
            values_n.add(question.maximum)
        return sorted(v for v in values_n if low <= v <= high)
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
