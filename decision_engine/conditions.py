"""The fixed vocabulary of routing conditions, and how each is tested against answers.

Conditions are data so that diagrams and explanations can be drawn from a guide without running code.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from .model import Answer, Condition

#: Operators that test one question's answer against a value, with the question types they suit.
ANSWER_OPS: dict[str, tuple[str, ...]] = {
    "is": ("single", "yes_no", "date", "datetime", "number"),
    "one_of": ("single", "yes_no"),
    "includes": ("multiple",),
    "selected_at_least": ("multiple",),
    "at_least": ("number",),
    "at_most": ("number",),
    "less_than": ("number",),
    "more_than": ("number",),
    "answered": ("single", "multiple", "yes_no", "number", "date", "datetime"),
}
#: Operators that combine other conditions.
GROUP_OPS: tuple[str, ...] = ("all", "any", "not")


def _number(answer: Answer | None) -> int | None:
    return answer if isinstance(answer, int) else None


def _count(answer: Answer | None) -> int:
    return len(answer) if isinstance(answer, tuple) else 0


_TESTS: dict[str, Callable[[Answer | None, object], bool]] = {
    "is": lambda a, v: a is not None and a == v,
    "one_of": lambda a, v: isinstance(v, tuple) and a in v,
    "includes": lambda a, v: isinstance(a, tuple) and v in a,
    "selected_at_least": lambda a, v: isinstance(v, int) and _count(a) >= v,
    "at_least": lambda a, v: (n := _number(a)) is not None and isinstance(v, int) and n >= v,
    "at_most": lambda a, v: (n := _number(a)) is not None and isinstance(v, int) and n <= v,
    "less_than": lambda a, v: (n := _number(a)) is not None and isinstance(v, int) and n < v,
    "more_than": lambda a, v: (n := _number(a)) is not None and isinstance(v, int) and n > v,
    "answered": lambda a, _v: a is not None,
}


def holds(condition: Condition, answers: Mapping[str, Answer]) -> bool:
    """Whether ``condition`` is true for these answers. An unanswered question makes a test false."""
    if condition.op == "all":
        return all(holds(part, answers) for part in condition.parts)
    if condition.op == "any":
        return any(holds(part, answers) for part in condition.parts)
    if condition.op == "not":
        return not holds(condition.parts[0], answers)
    return _TESTS[condition.op](answers.get(condition.question), condition.value)


def questions_in(condition: Condition) -> set[str]:
    """Every question id a condition looks at."""
    if condition.op in GROUP_OPS:
        found: set[str] = set()
        for part in condition.parts:
            found |= questions_in(part)
        return found
    return {condition.question}
