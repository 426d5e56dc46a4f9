"""Checks that a loaded guide can be walked safely: every problem at once, each naming its node.

A guide that passes always ends at an outcome, whatever a person answers: there is a default rule on
every question, every target exists, there are no cycles, and every node can be reached.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator

from .conditions import ANSWER_OPS, GROUP_OPS
from .model import Citation, Condition, Guide, Question
from .problems import Problem

ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
VALUE_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_]*$")


def successors(question: Question) -> list[str]:
    return [rule.goto for rule in question.next]


def reachable_from(guide: Guide, start: str) -> list[str]:
    """Node ids reachable from ``start`` (itself included), in breadth-first order."""
    seen = [start]
    queue = [start]
    while queue:
        question = guide.question(queue.pop(0))
        for target in successors(question) if question else []:
            if target not in seen and guide.node(target) is not None:
                seen.append(target)
                queue.append(target)
    return seen


def _ancestors(guide: Guide) -> dict[str, set[str]]:
    """For each node, the questions from which it can be reached."""
    found: dict[str, set[str]] = {node_id: set() for node_id in guide.node_ids}
    for question in guide.questions:
        for node_id in reachable_from(guide, question.id)[1:]:
            found[node_id].add(question.id)
    return found


def _cycle(guide: Guide) -> list[str] | None:
    """One cycle as a list of node ids, or None."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = finished
    path: list[str] = []

    def visit(node_id: str) -> list[str] | None:
        state[node_id] = 1
        path.append(node_id)
        question = guide.question(node_id)
        for target in successors(question) if question else []:
            if guide.node(target) is None:
                continue
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state and (found := visit(target)):
                return found
        path.pop()
        state[node_id] = 2
        return None

    for node_id in guide.node_ids:
        if node_id not in state and (found := visit(node_id)):
            return found
    return None


def _condition_problems(
    guide: Guide, question: Question, condition: Condition, where: str, ancestors: set[str]
) -> Iterator[str]:
    if condition.op in GROUP_OPS:
        for part in condition.parts:
            yield from _condition_problems(guide, question, part, where, ancestors)
        return
    target = guide.question(condition.question)
    if target is None:
        yield f"{where} tests '{condition.question}', which is not a question in this guide"
        return
    if target.id != question.id and target.id not in ancestors:
        yield f"{where} tests '{target.id}', which is never answered before this question"
    if target.type not in ANSWER_OPS[condition.op]:
        yield f"{where} uses '{condition.op}' on '{target.id}', a {target.type} question"
        return
    values = condition.value if isinstance(condition.value, tuple) else (condition.value,)
    if condition.op in ("is", "one_of", "includes") and target.options:
        for value in values:
            if target.option(str(value)) is None:
                yield f"{where} tests '{target.id}' for '{value}', which is not one of its answers"


def _citation_problems(
    citations: tuple[Citation, ...],
    where: str,
    anchors: Collection[str] | None,
    sources: Collection[str] | None,
) -> Iterator[str]:
    for citation in citations:
        if anchors is not None and citation.handbook not in anchors:
            yield f"{where} cites '{citation.handbook}', which is not a handbook page or anchor"
        if sources is not None and citation.source not in sources:
            yield f"{where} cites source '{citation.source}', which is not in the sources register"


def _question_problems(
    guide: Guide,
    question: Question,
    ancestors: set[str],
    anchors: Collection[str] | None,
    sources: Collection[str] | None,
) -> Iterator[str]:
    if question.type in ("single", "multiple"):
        if len(question.options) < 2:
            yield "a choice question needs at least two options"
        values = [o.value for o in question.options]
        for value in sorted({v for v in values if values.count(v) > 1}):
            yield f"option value '{value}' is used twice"
        for option in question.options:
            if not VALUE_PATTERN.match(option.value):
                yield f"option value '{option.value}' must be lower case letters, digits and _"
            if option.exclusive and question.type != "multiple":
                yield f"option '{option.value}' is marked exclusive, which only a multiple question uses"
    if question.minimum is not None and question.maximum is not None and question.minimum > question.maximum:
        yield f"min {question.minimum} is more than max {question.maximum}"
    if not question.next:
        yield "the question has no rules, so it is a dead end"
        return
    defaults = [i for i, rule in enumerate(question.next, start=1) if rule.when is None]
    if not defaults:
        yield "the last rule must be a default (a rule with no 'if'), so every answer has somewhere to go"
    elif defaults[0] != len(question.next):
        yield f"rule {defaults[0]} is a default but is not last, so the rules after it can never apply"
    for i, rule in enumerate(question.next, start=1):
        where = f"rule {i} ('{rule.label}')"
        if guide.node(rule.goto) is None:
            yield f"{where} goes to '{rule.goto}', which does not exist"
        if rule.goto == question.id:
            yield f"{where} goes back to the same question"
        if rule.when is not None:
            yield from _condition_problems(guide, question, rule.when, where, ancestors)
        yield from _citation_problems(rule.cite, where, anchors, sources)


def validate(
    guide: Guide, anchors: Collection[str] | None = None, sources: Collection[str] | None = None
) -> list[Problem]:
    """Every problem in ``guide``. ``anchors`` and ``sources``, when given, are checked against citations."""
    problems: list[Problem] = []

    def add(node: str, message: str) -> None:
        problems.append(Problem(guide.source_file, node, message))

    if not ID_PATTERN.match(guide.id):
        add("", f"guide id '{guide.id}' must be lower case letters, digits and _")
    if anchors is not None and guide.page not in anchors:
        add("", f"page '{guide.page}' is not a handbook page")
    if guide.version < 1:
        add("", "version must be 1 or more")
    all_ids = [q.id for q in guide.questions] + [o.id for o in guide.outcomes]
    for node_id in sorted({i for i in all_ids if all_ids.count(i) > 1}):
        add(node_id, "this id is used by more than one node")
    for node_id in all_ids:
        if not ID_PATTERN.match(node_id):
            add(node_id, "ids must be lower case letters, digits and _ (they appear in links)")
    if guide.question(guide.start) is None:
        add("", f"start '{guide.start}' is not a question in this guide")
        return problems

    ancestors = _ancestors(guide)
    for question in guide.questions:
        for message in _question_problems(guide, question, ancestors[question.id], anchors, sources):
            add(question.id, message)
    for outcome in guide.outcomes:
        if not outcome.cite:
            add(outcome.id, "the outcome cites no handbook section (every outcome must show its source)")
        if not outcome.actions and not outcome.next_steps:
            add(outcome.id, "the outcome gives no actions and no next steps")
        for message in _citation_problems(outcome.cite, "the outcome", anchors, sources):
            add(outcome.id, message)

    reachable = set(reachable_from(guide, guide.start))
    for node_id in all_ids:
        if node_id not in reachable:
            add(node_id, "no route from the start reaches this node")
    cycle = _cycle(guide)
    if cycle:
        add(cycle[0], "routes go round in a cycle: " + " -> ".join(cycle))
    return problems
