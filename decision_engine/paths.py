"""Every route through a guide: the answers that reach each outcome.

Choice questions are tried with every answer; for multiple choice, every combination of the options
routing tests when there are at most EXHAUSTIVE_UP_TO of them, and otherwise each alone, every pair, and
all together (pairwise coverage: the count stays in proportion to the guide instead of doubling with
each option); numbers with the value either side of each threshold the guide tests (the lowest
allowed value when it tests none); dates with one sample. The result is finite for a valid guide, so
tests can check each route against committed outcome keys.

Conditions that only change what an outcome says (its parts) or that an invariant tests can be added as
``extra``: their numbers join the thresholds, and options they test that routing does not are tried one
at a time and all together, which keeps the count of routes in proportion to the guide.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import combinations

from .conditions import GROUP_OPS
from .model import Answer, Condition, Guide, Question
from .walk import choose_rule

MAX_CHOICE_OPTIONS = 20
EXHAUSTIVE_UP_TO = 4


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
        # The two values that fall either side of the threshold, for this comparison.
        below = condition.op in ("at_least", "less_than")
        return {condition.value - 1, condition.value} if below else {condition.value, condition.value + 1}, set(), 0
    found = condition.value if isinstance(condition.value, tuple) else (condition.value,)
    return set(), {str(v) for v in found if v is not None}, 0


def _routing_tests(guide: Guide, question_id: str, extra: Sequence[Condition] = ()) -> tuple[set[int], set[str], int]:
    numbers: set[int] = set()
    values: set[str] = set()
    most = 0
    conditions = [rule.when for q in guide.questions for rule in q.next if rule.when is not None]
    for condition in [*conditions, *extra]:
        n, v, m = _tested(condition, question_id)
        numbers, values, most = numbers | n, values | v, max(most, m)
    return numbers, values, most


def outcome_conditions(guide: Guide) -> list[Condition]:
    """The conditions outcomes test to add parts: they change what an outcome says, not the route."""
    return [part.when for outcome in guide.outcomes for part in outcome.parts]


def candidate_answers(guide: Guide, question: Question, extra: Sequence[Condition] = ()) -> list[Answer]:
    """A set of answers that between them take every route the guide can take from ``question``.

    For multiple choice only the options some rule tests can change the route, so every combination of
    those is tried, each padded with untested options up to the largest count a rule checks. ``extra``
    conditions (those of outcome parts, or of invariants) add the values they test too."""
    if question.type in ("single", "yes_no"):
        return [o.value for o in question.options]
    numbers, values, most = _routing_tests(guide, question.id, extra)
    if question.type == "multiple":
        _n, routed, _m = _routing_tests(guide, question.id)
        tested = [o.value for o in question.options if not o.exclusive and o.value in routed]
        untested = [o.value for o in question.options if not o.exclusive and o.value not in routed]
        if len(tested) > MAX_CHOICE_OPTIONS:
            raise ValueError(f"{question.id}: too many tested options to try every combination")
        found: list[Answer] = [(o.value,) for o in question.options if o.exclusive]
        order = [o.value for o in question.options]
        pads = range(min(max(most, 1), len(untested)) + 1)  # at least one untested answer on its own
        sizes = range(len(tested) + 1) if len(tested) <= EXHAUSTIVE_UP_TO else (0, 1, 2)
        combos = [c for size in sizes for c in combinations(tested, size)]
        if len(tested) > EXHAUSTIVE_UP_TO:
            combos.append(tuple(tested))
        for combo in combos:
            for pad in pads:
                chosen = set(combo) | set(untested[:pad])
                if chosen:
                    found.append(tuple(v for v in order if v in chosen))
        only_extra = [v for v in untested if v in values]
        found += [(v,) for v in only_extra]
        if len(only_extra) > 1:
            found.append(tuple(only_extra))
        return list(dict.fromkeys(found))
    if question.type == "number":
        low = question.minimum if question.minimum is not None else -(10**9)
        high = question.maximum if question.maximum is not None else 10**9
        values_n = numbers or {question.minimum if question.minimum is not None else 0}
        return sorted(v for v in values_n if low <= v <= high)
    return ["2026-01-05"] if question.type == "date" else ["2026-01-05T10:00"]


def all_routes(guide: Guide, extra: Sequence[Condition] = ()) -> Iterator[tuple[tuple[tuple[str, Answer], ...], str]]:
    """Each distinct route as (answers in order, outcome id). With ``extra`` conditions, answers either
    side of the thresholds they test are tried as well, so every version of an outcome is reached.

    The search carries each route's answers and where they lead, so no route is traced again from the
    start at every step."""
    candidates: dict[str, list[Answer]] = {}
    stack: list[tuple[tuple[tuple[str, Answer], ...], dict[str, Answer], str]] = [((), {}, guide.start)]
    while stack:
        answers, given, node_id = stack.pop()
        question = guide.question(node_id)
        if question is None:
            yield answers, node_id
            continue
        if node_id not in candidates:
            candidates[node_id] = candidate_answers(guide, question, extra)
        for answer in reversed(candidates[node_id]):
            now = given | {node_id: answer}
            stack.append(((*answers, (node_id, answer)), now, choose_rule(question, now).goto))
