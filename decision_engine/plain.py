"""The plain version of a guide: linked steps, one shown at a time (CSS :target), that work with no
JavaScript, from disk, and before the engine has loaded, and that go wherever the engine goes.

A plain page keeps no state, so each step is one answered route so far: its anchor holds the answers
given on the way, every link goes to the step the engine would show next, and each outcome is reached
once for every route to it, with the answers that led there. Routes come from the same enumeration the
tests use (``paths.all_routes``), so the plain version and the engine cannot drift apart.

Only choices (single and yes/no questions) can be carried in a link. A question whose answer a link
cannot hold (several answers, a number, a date) is shown with its answers listed and a Continue link:
when every answer leads on to the same step, that is where it goes; when the answer decides the route,
Continue goes to the outcome that every such route ends at, which then lists under their own headings
the parts that depend on the answers it did not ask. A guide where such an answer decides *which*
outcome is reached cannot have a plain version, and the build stops and says so.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from .answers import to_text
from .conditions import holds, questions_in
from .model import Answer, Guide, Outcome, Part, Question
from .paths import all_routes

CARRIED_TYPES = ("single", "yes_no")

RouteSoFar = tuple[tuple[str, str | None], ...]
"""The questions answered so far, in order, each with its answer value, or None where the answer is one
the plain page cannot carry."""


class PlainError(ValueError):
    """The plain version cannot follow the guide; the message says where and why."""


@dataclass(frozen=True, slots=True)
class Key:
    """One step of the plain version: a node, reached by one route so far."""

    node: str
    route: RouteSoFar = ()

    def anchor(self, guide: Guide) -> str:
        """The step's id on the page: ``q-`` or ``o-``, the node, then each answer on the way."""
        answers = "".join(f"--{q}-{v}" if v is not None else f"--{q}" for q, v in self.route)
        return f"{'q' if guide.question(self.node) else 'o'}-{self.node}{answers}"

    @property
    def known(self) -> dict[str, Answer]:
        """The answers the plain page knows: the choices on the route so far."""
        return {q: v for q, v in self.route if v is not None}

    @property
    def not_carried(self) -> tuple[str, ...]:
        """Questions on the route whose answers the plain page did not ask."""
        return tuple(q for q, v in self.route if v is None)


@dataclass(frozen=True, slots=True)
class Link:
    target: Key
    value: str
    """The answer value the link gives, or "" for Continue."""
    settles: bool = False
    """A Continue (or answer) that goes straight to the outcome every route from here ends at, past
    questions the plain page cannot ask. The interactive guide would ask them first."""


@dataclass(frozen=True, slots=True)
class Step:
    key: Key
    question: Question
    links: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class Plain:
    steps: tuple[Step, ...]
    """Question steps, the start first."""
    ends: tuple[Key, ...]
    """Outcome steps, each with the route that reached it."""

    def outcomes_after(self, key: Key) -> set[str]:
        """The outcomes the links from a step can lead to."""
        steps = {step.key: step for step in self.steps}
        found: set[str] = set()
        stack = [key]
        seen = {key}
        while stack:
            step = steps.get(stack.pop())
            for link in step.links if step else ():
                if link.target in steps and link.target not in seen:
                    seen.add(link.target)
                    stack.append(link.target)
                elif link.target not in steps:
                    found.add(link.target.node)
        return found


def carried(question: Question) -> bool:
    return question.type in CARRIED_TYPES


def _route_so_far(guide: Guide, answers: tuple[tuple[str, Answer], ...], upto: int) -> RouteSoFar:
    found: list[tuple[str, str | None]] = []
    for question_id, answer in answers[:upto]:
        question = guide.question(question_id)
        found.append((question_id, to_text(answer) if question is not None and carried(question) else None))
    return tuple(found)


def plain_version(guide: Guide) -> Plain:
    """Every step of the plain version, worked out from every route through the guide."""
    routes = list(all_routes(guide))
    # Where each route stands at each of its steps: (question, route so far) -> (route number, position).
    at: dict[Key, list[tuple[int, int]]] = defaultdict(list)
    for number, (answers, _outcome) in enumerate(routes):
        for i, (question_id, _answer) in enumerate(answers):
            at[Key(question_id, _route_so_far(guide, answers, i))].append((number, i))

    def after(number: int, i: int) -> tuple[Key, bool]:
        """Where a route goes after its i-th answer, and whether that is an outcome."""
        answers, outcome = routes[number]
        route = _route_so_far(guide, answers, i + 1)
        if i + 1 < len(answers):
            return Key(answers[i + 1][0], route), False
        return Key(outcome, route), True

    start = Key(guide.start)
    steps: list[Step] = []
    ends: dict[Key, None] = {}
    queue = [start]
    seen = {start}
    while queue:
        key = queue.pop(0)
        question = guide.question(key.node)
        assert question is not None
        by_value: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for number, i in at[key]:
            value = to_text(routes[number][0][i][1]) if carried(question) else ""
            by_value[value].append((number, i))
        order = [o.value for o in question.options] if carried(question) else [""]
        links = []
        for value in (v for v in order if v in by_value):
            targets = {after(number, i) for number, i in by_value[value]}
            settles = len(targets) > 1
            if settles:
                outcomes = {routes[number][1] for number, _i in by_value[value]}
                if len(outcomes) > 1:
                    raise PlainError(_cannot_follow(guide, question, key, sorted(outcomes)))
                route = (*key.route, (question.id, value or None))
                targets = {(Key(outcomes.pop(), route), True)}
            ((target, is_outcome),) = targets
            if is_outcome:
                ends.setdefault(target)
            elif target not in seen:
                seen.add(target)
                queue.append(target)
            links.append(Link(target, value, settles))
        steps.append(Step(key, question, tuple(links)))
    return Plain(tuple(steps), tuple(ends))


def _cannot_follow(guide: Guide, question: Question, key: Key, outcomes: list[str]) -> str:
    asked = ", ".join(f"'{q}'" for q in key.not_carried + (() if carried(question) else (question.id,)))
    return (
        f"{guide.source_file or guide.id}: node '{question.id}': the plain version cannot follow this guide: "
        f"after this question the routes end at {', '.join(outcomes)} depending on the answer to {asked}, "
        "which a link cannot carry (several answers, a number or a date); ask it as a single choice instead"
    )


def split_parts(outcome: Outcome, key: Key) -> tuple[list[Part], list[Part]]:
    """The parts that apply on this route, and those that depend on answers the plain page did not ask
    (shown under their own headings). A part on a question the route never asked does not apply, as
    in the engine."""
    open_questions = set(key.not_carried)
    applying: list[Part] = []
    depends: list[Part] = []
    for part in outcome.parts:
        if questions_in(part.when) & open_questions:
            depends.append(part)
        elif holds(part.when, key.known):
            applying.append(part)
    return applying, depends


def answered_on_the_way(guide: Guide, key: Key) -> Iterator[tuple[Question, str, Key]]:
    """Each choice on the route so far: the question, the answer's label, and the step it was given at."""
    for i, (question_id, value) in enumerate(key.route):
        question = guide.question(question_id)
        if question is None or value is None:
            continue
        option = question.option(value)
        yield question, option.label if option else value, Key(question_id, key.route[:i])
