"""The plain version of a guide: linked HTML sections, one shown at a time (CSS :target), that work with
no JavaScript, from disk, and before the engine has loaded.

A plain page keeps no state, so where a question's route depends on an earlier answer (in Rotherham
triage, whether "open to social care" leads to the section 47 outcome depends on the threshold chosen),
the plain version carries that earlier answer in the section's anchor: it has one section for each
combination of earlier answers that the rest of the route still needs, and every link goes exactly
where the engine would go. Only answers to choice questions can be carried this way; a guide that routes
on a multiple-choice or number answer (the partner checklist) keeps one section per question and lists
its routes by their labels, and its outcomes list every part under its own heading.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator

from .conditions import GROUP_OPS
from .escape import html as e
from .graph import reachable_from
from .model import Condition, Guide, Question
from .walk import choose_rule

State = tuple[tuple[str, str], ...]
"""Earlier answers a later route depends on, as sorted (question id, answer value) pairs."""

CHOICE_TYPES = ("single", "yes_no")


def _tested(condition: Condition) -> Iterator[str]:
    if condition.op in GROUP_OPS:
        for part in condition.parts:
            yield from _tested(part)
    else:
        yield condition.question


def depends_on(question: Question) -> set[str]:
    """The other questions whose answers this question's routing rules test."""
    return {q for rule in question.next if rule.when is not None for q in _tested(rule.when)} - {question.id}


def _ancestors(guide: Guide) -> dict[str, set[str]]:
    """For each node, the nodes a route can pass through before it."""
    before: dict[str, set[str]] = {node_id: set() for node_id in guide.node_ids}
    for node_id in guide.node_ids:
        for later in reachable_from(guide, node_id)[1:]:
            before[later].add(node_id)
    return before


def _needed(guide: Guide) -> dict[str, frozenset[str]]:
    """For each node, the earlier answers that some question from there on routes by."""
    ancestors = _ancestors(guide)
    needed: dict[str, frozenset[str]] = {}
    for node_id in guide.node_ids:
        later = [guide.question(n) for n in reachable_from(guide, node_id)]
        tested = set().union(*(depends_on(q) for q in later if q is not None))
        needed[node_id] = frozenset(tested & ancestors[node_id])
    return needed


def can_carry_answers(guide: Guide) -> bool:
    """Whether every answer routing depends on is a choice the plain page can carry in an anchor."""
    for question in guide.questions:
        for other in depends_on(question):
            tested = guide.question(other)
            if tested is None or tested.type not in CHOICE_TYPES:
                return False
        own = any(rule.when is not None and question.id in set(_tested(rule.when)) for rule in question.next)
        if own and question.type not in CHOICE_TYPES:
            return False
    return True


def anchor(guide: Guide, node_id: str, state: State = ()) -> str:
    if guide.question(node_id) is None:
        return f"o-{node_id}"
    return f"q-{node_id}" + "".join(f"--{question}-{value}" for question, value in state)


def _choices(items: list[tuple[str, str, str, str, str]]) -> str:
    """Links as (href, question, value, label, hint); question and value let the page replay a click."""
    rows = "".join(
        f'<li><a class="mg-choice" href="#{e(href)}"'
        + (f' data-question="{e(question)}" data-value="{e(value)}"' if question else "")
        + f">{e(label)}</a>{f'<span class=mg-hint>{e(hint)}</span>' if hint else ''}</li>"
        for href, question, value, label, hint in items
    )
    return f'<ul class="mg-choices">{rows}</ul>'


def _section(guide: Guide, question: Question, section_id: str, body: str) -> str:
    heading_id = f"{section_id}-heading"
    # elementtiming lets the benchmark read when the first question was painted.
    timing = ' elementtiming="first-question"' if section_id == f"q-{guide.start}" else ""
    hint = f'<p class="mg-hint">{e(question.hint)}</p>' if question.hint else ""
    return (
        f'<section class="mg-step" id="{e(section_id)}" aria-labelledby="{e(heading_id)}">'
        f'<h2 class="mg-heading" id="{e(heading_id)}"{timing}>{e(question.text)}</h2>{hint}{body}</section>'
    )


def _listed_options(question: Question) -> str:
    if not question.options:
        return ""
    listed = "".join(f"<li>{e(o.label)}</li>" for o in question.options)
    return f'<p>The answers are:</p><ul class="mg-options">{listed}</ul>'


def _carried(guide: Guide) -> list[str]:
    """Sections for a guide whose routes depend only on choices: one per question and needed state."""
    needed = _needed(guide)
    sections: list[str] = []
    queue: deque[tuple[str, State]] = deque([(guide.start, ())])
    seen: set[tuple[str, State]] = {(guide.start, ())}
    while queue:
        node_id, state = queue.popleft()
        question = guide.question(node_id)
        if question is None:
            continue
        known = dict(state)
        links = []
        answers = question.options if question.type in CHOICE_TYPES else (None,)
        for option in answers:
            given = known | ({question.id: option.value} if option is not None else {})
            target = choose_rule(question, given).goto
            next_state = tuple(sorted((q, v) for q, v in given.items() if q in needed.get(target, ())))
            if (target, next_state) not in seen and guide.question(target) is not None:
                seen.add((target, next_state))
                queue.append((target, next_state))
            href = anchor(guide, target, next_state)
            if option is None:
                links.append((href, "", "", "Continue", ""))
            else:
                links.append((href, question.id, option.value, option.label, option.hint))
        body = (_listed_options(question) if question.type not in CHOICE_TYPES else "") + _choices(links)
        sections.append(_section(guide, question, anchor(guide, node_id, state), body))
    return sections


def _target(guide: Guide, question: Question, value: str) -> str:
    return anchor(guide, choose_rule(question, {question.id: value}).goto)


def _by_route_labels(guide: Guide) -> list[str]:
    """Sections for a guide that routes on answers a page cannot carry: one per question, its own
    answers as links where they decide the route alone, otherwise its routes by their labels."""
    sections = []
    order = [guide.start] + [q.id for q in guide.questions if q.id != guide.start]
    for question in (guide.question(q) for q in order):
        assert question is not None
        own_only = question.type in CHOICE_TYPES and not depends_on(question)
        if own_only:
            links = [
                (_target(guide, question, o.value), question.id, o.value, o.label, o.hint) for o in question.options
            ]
            body = _choices(links)
        elif len(question.next) == 1:
            only = anchor(guide, question.next[0].goto)
            body = _listed_options(question) + _choices([(only, "", "", "Continue", "")])
        else:
            routes = [
                (anchor(guide, r.goto), "", "", r.label if r.when is not None else "Otherwise: " + r.label, "")
                for r in question.next
            ]
            body = _listed_options(question) + "<p>Choose the route that fits:</p>" + _choices(routes)
        sections.append(_section(guide, question, anchor(guide, question.id), body))
    return sections


def question_sections(guide: Guide) -> list[str]:
    """Every question section of the plain version, the start first."""
    return _carried(guide) if can_carry_answers(guide) else _by_route_labels(guide)
