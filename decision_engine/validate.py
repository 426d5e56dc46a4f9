"""Checks that a loaded guide can be walked safely: every problem at once, each naming its node.

A guide that passes always ends at an outcome, whatever a person answers: there is a default rule on
every question, every target exists, there are no cycles, and every node can be reached. On a guide
that passes those checks, every safety invariant the guide declares is proved over every route.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterator, Mapping
from typing import Any

from .conditions import ANSWER_OPS, GROUP_OPS
from .graph import Dominators, reachable_from, targets
from .invariants import broken
from .model import Citation, Condition, Guide, Outcome, Question
from .problems import Problem
from .references import References

ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
VALUE_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_]*$")


class _Reach:
    """Where a question is answered before a node: on every route to it (for routing, due times and
    anything tested under 'not'), or on some route (for a part of a checklist, which simply does not
    apply on a route that never asked its question)."""

    def __init__(self, guide: Guide) -> None:
        self.guide = guide
        self.dominators = Dominators(guide)
        self.cache: dict[str, set[str]] = {}

    def on_every_route(self, question_id: str, node_id: str) -> bool:
        return self.dominators.on_every_route_to(question_id, node_id)

    def on_some_route(self, question_id: str, node_id: str) -> bool:
        # Worked out only for the questions parts look back at, so a guide without parts stays linear.
        if question_id not in self.cache:
            self.cache[question_id] = set(reachable_from(self.guide, question_id)[1:])
        return node_id in self.cache[question_id]


def _cycle(guide: Guide) -> list[str] | None:
    """One cycle as a list of node ids, or None. Iterative, so a deep guide cannot overflow the stack."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = finished
    for root in guide.node_ids:
        if root in state:
            continue
        path = [root]
        state[root] = 1
        pending = [iter(targets(guide, root))]
        while pending:
            target = next(pending[-1], None)
            if target is None:
                state[path.pop()] = 2
                pending.pop()
            elif state.get(target) == 1:
                return [*path[path.index(target) :], target]
            elif target not in state:
                state[target] = 1
                path.append(target)
                pending.append(iter(targets(guide, target)))
    return None


def _condition_problems(
    guide: Guide, node_id: str, condition: Condition, where: str, reach: _Reach, every_route: bool = True
) -> Iterator[str]:
    """Problems with a condition at ``node_id``. With ``every_route`` false (a checklist part), a tested
    question need only be asked on some route, except under 'not', where an unasked question would
    make the part apply."""
    if condition.op in GROUP_OPS:
        for part in condition.parts:
            yield from _condition_problems(guide, node_id, part, where, reach, every_route or condition.op == "not")
        return
    target = guide.question(condition.question)
    if target is None:
        yield f"{where} tests '{condition.question}', which is not a question in this guide"
        return
    if target.id != node_id and not (every_route and reach.on_every_route(target.id, node_id)):
        if not reach.on_some_route(target.id, node_id):
            yield f"{where} tests '{target.id}', which is never answered before this point"
        elif every_route:
            yield f"{where} tests '{target.id}', which some routes to this point never ask"
    if target.type not in ANSWER_OPS[condition.op]:
        yield f"{where} uses '{condition.op}' on '{target.id}', a {target.type} question"
        return
    values = condition.value if isinstance(condition.value, tuple) else (condition.value,)
    if condition.op in ("is", "one_of", "includes") and target.options:
        for value in values:
            if target.option(str(value)) is None:
                yield f"{where} tests '{target.id}' for '{value}', which is not one of its answers"
    yield from _never_holds(target, condition, where)


def _never_holds(question: Question, condition: Condition, where: str) -> Iterator[str]:
    """A test no answer can pass: a number beyond the question's bounds, or more answers than can be
    chosen together. Its rule would be dead, and the route its author meant would never be taken."""
    value = condition.value
    if not isinstance(value, int):
        return
    low, high = question.minimum, question.maximum
    impossible = {
        "at_least": high is not None and value > high,
        "more_than": high is not None and value >= high,
        "at_most": low is not None and value < low,
        "less_than": low is not None and value <= low,
    }
    if impossible.get(condition.op):
        bound = f"at most {high}" if condition.op in ("at_least", "more_than") else f"at least {low}"
        words = condition.op.replace("_", " ")
        yield f"{where} tests '{question.id}' for {words} {value}, but '{question.id}' is {bound}, so it can never hold"
    if condition.op == "selected_at_least":
        together = len([o for o in question.options if not o.exclusive])
        if value > together:
            yield (
                f"{where} asks for at least {value} of '{question.id}', which has only {together} answers "
                "that can go together"
            )


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
    reach: _Reach,
    anchors: Collection[str] | None,
    sources: Collection[str] | None,
) -> Iterator[str]:
    if question.type in ("single", "multiple"):
        if len(question.options) < 2:
            yield "a choice question needs at least two options"
        values = Counter(o.value for o in question.options)
        for value in sorted(v for v, n in values.items() if n > 1):
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
        earlier = next((j for j, e in enumerate(question.next[: i - 1], start=1) if e.when == rule.when), None)
        if earlier is not None and rule.when is not None:
            label = question.next[earlier - 1].label
            yield f"{where} has the same test as rule {earlier} ('{label}'), so it can never apply"
        if guide.node(rule.goto) is None:
            yield f"{where} goes to '{rule.goto}', which does not exist"
        if rule.goto == question.id:
            yield f"{where} goes back to the same question"
        if rule.when is not None:
            yield from _condition_problems(guide, question.id, rule.when, where, reach)
        yield from _citation_problems(rule.cite, where, anchors, sources)


def _outcome_problems(
    guide: Guide,
    outcome: Outcome,
    reach: _Reach,
    anchors: Collection[str] | None,
    sources: Collection[str] | None,
    ratings: Mapping[str, Mapping[str, Any]] | None,
) -> Iterator[str]:
    if not outcome.cite:
        yield "the outcome cites no handbook section (every outcome must show its source)"
    if not outcome.actions and not outcome.next_steps and not outcome.parts:
        yield "the outcome gives no actions and no next steps"
    yield from _citation_problems(outcome.cite, "the outcome", anchors, sources)
    for action in outcome.actions:
        yield from _citation_problems(action.cite, f"action '{action.text[:30]}'", anchors, sources)
    for i, part in enumerate(outcome.parts, start=1):
        yield from _condition_problems(guide, outcome.id, part.when, f"part {i} ('{part.label}')", reach, False)
        for action in part.actions:
            yield from _citation_problems(action.cite, f"part {i} action '{action.text[:30]}'", anchors, sources)
    if outcome.rating is not None and ratings is not None:
        scheme = ratings.get(outcome.rating.scheme)
        levels = [lv.get("id") for lv in scheme.get("levels", [])] if scheme else []
        if outcome.rating.level not in levels:
            yield f"rating '{outcome.rating.scheme}' level '{outcome.rating.level}' is not in the ratings register"
    has_deadlines = bool(outcome.deadlines) or any(part.deadlines for part in outcome.parts)
    if outcome.due_from:
        source = guide.question(outcome.due_from)
        if source is None or source.type != "datetime":
            yield f"due_from '{outcome.due_from}' must be a date-time question"
        elif not reach.on_every_route(source.id, outcome.id):
            yield f"due_from '{outcome.due_from}' is not answered on every route to this outcome"
        if outcome.rating is None and not has_deadlines:
            yield "due_from needs a rating or 'deadlines', to set the timescale"
    elif has_deadlines:
        yield "'deadlines' need 'due_from': the date-time question they are counted from"


def validate(
    guide: Guide,
    anchors: Mapping[str, str] | None = None,
    sources: Mapping[str, Mapping[str, str]] | None = None,
    ratings: Mapping[str, Mapping[str, Any]] | None = None,
) -> list[Problem]:
    """Every problem in ``guide``. ``anchors``, ``sources`` and ``ratings``, when given, are checked
    against citations and rating references."""
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
    for node_id in sorted(i for i, n in Counter(all_ids).items() if n > 1):
        add(node_id, "this id is used by more than one node")
    for node_id in all_ids:
        if not ID_PATTERN.match(node_id):
            add(node_id, "ids must be lower case letters, digits and _ (they appear in links)")
    if guide.question(guide.start) is None:
        add("", f"start '{guide.start}' is not a question in this guide")
        return problems

    reach = _Reach(guide)
    for question in guide.questions:
        for message in _question_problems(guide, question, reach, anchors, sources):
            add(question.id, message)
    for outcome in guide.outcomes:
        for message in _outcome_problems(guide, outcome, reach, anchors, sources, ratings):
            add(outcome.id, message)

    reachable = set(reachable_from(guide, guide.start))
    for node_id in all_ids:
        if node_id not in reachable:
            add(node_id, "no route from the start reaches this node")
    cycle = _cycle(guide)
    if cycle:
        add(cycle[0], "routes go round in a cycle: " + " -> ".join(cycle))
    for message in _invariant_problems(guide):
        add("", message)
    if not problems and guide.invariants:
        # Proved only on a guide that is otherwise sound: every route then ends at an outcome.
        refs = References(sources=sources or {}, titles=anchors or {}, ratings=ratings or {})
        for node_id, message in broken(guide, refs):
            add(node_id, message)
    return problems


def _invariant_problems(guide: Guide) -> Iterator[str]:
    ids = Counter(i.id for i in guide.invariants)
    for invariant_id in sorted(i for i, n in ids.items() if n > 1):
        yield f"invariant id '{invariant_id}' is used more than once"
    for invariant in guide.invariants:
        if not ID_PATTERN.match(invariant.id):
            yield f"invariant id '{invariant.id}' must be lower case letters, digits and _"
        if not invariant.label:
            yield f"invariant '{invariant.id}' needs a label that says the rule in words"
        if invariant.when is not None:
            yield from _when_problems(guide, invariant.when, f"invariant '{invariant.id}'")


def _when_problems(guide: Guide, condition: Condition, where: str) -> Iterator[str]:
    """An invariant's condition can test any question: routes that never answer it simply do not match."""
    if condition.op in GROUP_OPS:
        for part in condition.parts:
            yield from _when_problems(guide, part, where)
        return
    target = guide.question(condition.question)
    if target is None:
        yield f"{where} tests '{condition.question}', which is not a question in this guide"
    elif target.type not in ANSWER_OPS[condition.op]:
        yield f"{where} uses '{condition.op}' on '{target.id}', a {target.type} question"
    elif condition.op in ("is", "one_of", "includes") and target.options:
        values = condition.value if isinstance(condition.value, tuple) else (condition.value,)
        for value in values:
            if target.option(str(value)) is None:
                yield f"{where} tests '{target.id}' for '{value}', which is not one of its answers"
