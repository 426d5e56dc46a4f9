"""Outcomes built from parts: one checklist merged from every part whose condition holds, with no
action twice and mandatory escalations first. When the parts name a concern (``Part.group``), the
checklist is listed by concern: the mandatory escalations, then every enquiry's checks, then each
concern's, musts before shoulds."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from functools import cache

from .conditions import holds
from .model import Action, Answer, Outcome, Part


@cache
def _same_words(text: str) -> str:
    """Two actions are the same when their words are, whatever the case and spacing."""
    return " ".join(text.lower().split())


def parts_that_apply(outcome: Outcome, answers: Mapping[str, Answer]) -> list[Part]:
    return [part for part in outcome.parts if holds(part.when, answers)]


def merge(actions: list[Action]) -> tuple[Action, ...]:
    """One list: the first wording of each action kept, made as strong as its strongest copy (an
    escalation or a must anywhere wins), citations pooled, escalations moved to the front."""
    merged: dict[str, Action] = {}
    for action in actions:
        key = _same_words(action.text)
        if key not in merged:
            merged[key] = action
            continue
        kept = merged[key]
        merged[key] = replace(
            kept,
            level="must" if "must" in (kept.level, action.level) else "should",
            escalation=kept.escalation or action.escalation,
            cite=kept.cite + tuple(c for c in action.cite if c not in kept.cite),
        )
    ordered = list(merged.values())
    return tuple([a for a in ordered if a.escalation] + [a for a in ordered if not a.escalation])


URGENCY_ORDER = ("routine", "standard", "urgent", "emergency")


def urgency_for(outcome: Outcome, answers: Mapping[str, Answer], parts: list[Part] | None = None) -> str:
    """The outcome's urgency, raised by any part that applies and asks for more."""
    applying = parts_that_apply(outcome, answers) if parts is None else parts
    found = [outcome.urgency, *(p.urgency for p in applying if p.urgency)]
    return max(found, key=URGENCY_ORDER.index)


ESCALATIONS = "Mandatory escalations"
EVERY_ENQUIRY = "Every enquiry"


def is_grouped(outcome: Outcome) -> bool:
    return any(part.group for part in outcome.parts)


def by_concern(actions: tuple[Action, ...], outcome: Outcome) -> tuple[Action, ...]:
    """Escalations first, then every enquiry's actions, then each concern's in the outcome's order of
    parts, each concern's musts before its shoulds (a stable sort, so the source's order holds within
    a level)."""
    groups = list(dict.fromkeys(["", *(part.group for part in outcome.parts)]))
    rest = [a for a in actions if not a.escalation]
    rest.sort(key=lambda a: (groups.index(a.group), a.level != "must"))
    return tuple([a for a in actions if a.escalation] + rest)


def headings(actions: tuple[Action, ...]) -> list[tuple[str, list[tuple[int, Action]]]]:
    """A grouped checklist's headings, each with its actions and their places in the whole list (the
    places tick boxes and the record use)."""
    found: dict[str, list[tuple[int, Action]]] = {}
    for i, action in enumerate(actions):
        heading = ESCALATIONS if action.escalation else action.group or EVERY_ENQUIRY
        found.setdefault(heading, []).append((i, action))
    return list(found.items())


def actions_for(outcome: Outcome, answers: Mapping[str, Answer], parts: list[Part] | None = None) -> tuple[Action, ...]:
    """The outcome's own actions plus those of every part that applies (worked out unless given),
    merged; listed by concern when the parts name one."""
    chosen = list(outcome.actions)
    for part in parts_that_apply(outcome, answers) if parts is None else parts:
        chosen += [replace(a, group=part.group) for a in part.actions] if part.group else part.actions
    merged = merge(chosen)
    return by_concern(merged, outcome) if is_grouped(outcome) else merged
