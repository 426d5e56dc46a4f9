"""Safety invariants: rules a guide states about itself, proved over every route when it is validated.

A guide file lists them under ``invariants``, each with an id, a label, an optional ``when`` (a condition
over answers, in the routing vocabulary) and ``then``: one or more checks from the fixed vocabulary in
CHECKS. For example: when the child is in immediate danger, the first action mentions 999 and the
urgency is emergency. Validation walks every route (answers either side of every threshold included),
and for routes with a start time, tries several start times (a Friday afternoon, a weekend night,
Christmas Eve, the nights the clocks change). A route that breaks an invariant is one line naming the
guide, the invariant and the route.

Checks read the decision record, which holds what the person is shown: the same text the page renders.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from .answers import to_text
from .compose import URGENCY_ORDER, parts_that_apply
from .conditions import holds
from .deadlines import Due, Timescale, due
from .due_times import due_times
from .model import Check, Guide, Outcome
from .paths import all_routes, outcome_conditions
from .record import build as build_record
from .references import References
from .render_html import due_block
from .walk import Walk

#: Each check and the shape of the value it takes: text, texts (a list), flag (true), urgency, or
#: timescale ({amount, unit}).
CHECKS: dict[str, str] = {
    "urgency_at_least": "urgency",
    "first_action_mentions": "text",
    "first_action_is_escalation": "flag",
    "must_mention": "texts",
    "mentions": "texts",
    "never_mentions": "texts",
    "has_due_time": "flag",
    "due_within": "timescale",
    "every_due_within": "timescale",
    "overdue_is_said": "flag",
    "cites_only_areas": "texts",
}

#: Start times tried for every route that has one: ordinary, end of the week, weekend night, before the
#: Christmas bank holidays, and the nights the clocks go forward and back.
SAMPLE_STARTS = (
    "2026-11-23T09:00",
    "2026-11-20T16:45",
    "2026-11-21T23:30",
    "2026-12-24T17:00",
    "2026-03-28T23:30",
    "2026-10-24T23:30",
)


@dataclass(frozen=True, slots=True)
class _Route:
    walk: Walk
    outcome: Outcome
    key: str


def _lower(texts: list[str]) -> str:
    return "\n".join(texts).lower()


def _seen_text(record: Mapping[str, Any]) -> str:
    """Everything the outcome says, as one lower-case text."""
    outcome = record["outcome"]
    texts = [outcome["title"], outcome["summary"], *outcome["next_steps"]]
    texts += [a["text"] for a in outcome["actions"]]
    texts += [d["label"] for d in outcome["due"]]
    texts += [f"{c['name']} {c['detail']}" for c in outcome["contacts"]]
    texts += [f"{f['name']}: {f['text']}" for f in outcome["rating_facts"]]
    return _lower(texts)


def _limit(start: dt.datetime, value: Any) -> Due | None:
    amount, unit = value
    limit = due(start, Timescale(amount=amount, unit=unit))
    return limit if isinstance(limit, Due) else None


def _at_starts(route: _Route) -> Iterator[tuple[dt.datetime, Walk]]:
    """The route again with each sample start time, where the outcome names a start question."""
    question = route.outcome.due_from
    if not question or question not in route.walk.answer_map:
        return
    for sample in SAMPLE_STARTS:
        answers = tuple((q, sample if q == question else a) for q, a in route.walk.answers)
        walk = Walk(route.walk.guide, answers)
        if walk.outcome is not None and walk.outcome.id == route.outcome.id:
            yield dt.datetime.fromisoformat(sample), walk


def _due_problem(kind: str, value: Any, route: _Route, refs: References) -> str | None:
    """A due-time check, tried at every sample start time."""
    tried = False
    for start, walk in _at_starts(route):
        tried = True
        when = start.isoformat(timespec="minutes")
        found = [d.due for d in due_times(route.outcome, walk.route_answers, refs.ratings)]
        shown = [d for d in found if isinstance(d, Due)]
        if kind == "has_due_time" and not shown:
            return f"no due time is shown for a start at {when}"
        if kind in ("due_within", "every_due_within"):
            limit = _limit(start, value)
            if limit is None or not shown or len(shown) < len(found):
                return f"a due time cannot be worked out for a start at {when}"
            checked = max(shown, key=lambda d: d.at) if kind == "every_due_within" else min(shown, key=lambda d: d.at)
            if checked.at > limit.at:
                which = "a due time" if kind == "every_due_within" else "the earliest due time"
                return f"for a start at {when}, {which} is {checked.text}, later than {limit.text}"
        if kind == "overdue_is_said" and shown:
            now = max(d.at for d in shown) + dt.timedelta(minutes=1)
            # The block of the outcome page that shows due times, rendered as the page renders it.
            shown_block = due_block(route.outcome, refs, walk.route_answers, now)
            if shown_block.count(">Overdue by ") < len(shown):
                return f"at {now.isoformat(timespec='minutes')}, a due time that has passed is not shown as overdue"
    if not tried:
        return "the route has no start time, so no due time can be shown"
    return None


def _check_problem(check: Check, route: _Route, record: Mapping[str, Any], refs: References) -> str | None:
    """What is wrong with the outcome on this route, or None if the check holds."""
    outcome = record["outcome"]
    actions = outcome["actions"]
    kind, value = check.kind, check.value
    if kind == "urgency_at_least":
        if URGENCY_ORDER.index(outcome["urgency"]) < URGENCY_ORDER.index(str(value)):
            return f"the urgency is {outcome['urgency']}, less than {value}"
        return None
    if kind == "first_action_mentions":
        first = actions[0] if actions else None
        if first is None or str(value).lower() not in first["text"].lower():
            return f"the first action does not mention '{value}'"
        return None
    if kind == "first_action_is_escalation":
        return None if actions and actions[0]["escalation"] else "the first action is not an escalation"
    if kind == "must_mention":
        musts = _lower([a["text"] for a in actions if a["level"] == "must"])
        missing = [t for t in value if str(t).lower() not in musts]  # type: ignore[union-attr]
        return f"no 'must' action mentions {', '.join(repr(t) for t in missing)}" if missing else None
    if kind in ("mentions", "never_mentions"):
        seen = _seen_text(record)
        wrong = [t for t in value if (str(t).lower() in seen) == (kind == "never_mentions")]  # type: ignore[union-attr]
        if not wrong:
            return None
        said = "says" if kind == "never_mentions" else "does not say"
        return f"the outcome {said} {', '.join(repr(t) for t in wrong)}"
    if kind == "cites_only_areas":
        areas = {c["area"] for c in record["citations"]} | {
            c["area"] for a in actions for c in a.get("cite", []) if c.get("area")
        }
        other = sorted(a for a in areas if a not in value)  # type: ignore[operator]
        return f"the outcome cites {', '.join(other)}" if other else None
    return _due_problem(kind, value, route, refs)


def _routes(guide: Guide) -> Iterator[_Route]:
    extra = outcome_conditions(guide) + [i.when for i in guide.invariants if i.when is not None]
    for answers, outcome_id in all_routes(guide, extra):
        walk = Walk(guide, answers)
        outcome = guide.outcome(outcome_id)
        if outcome is not None:
            yield _Route(walk, outcome, " ".join(f"{q}={to_text(a)}" for q, a in answers) or "(no answers)")


def broken(guide: Guide, refs: References) -> Iterator[tuple[str, str]]:
    """(outcome id, one-line message) for each invariant that some route breaks: the first such route,
    and how many more there are."""
    failures: dict[str, list[tuple[_Route, str]]] = {}
    # Many routes show the same outcome with the same parts and start time; what a check reads is the
    # same for all of them, so each check is worked out once for each distinct view.
    results: dict[tuple[str, Hashable], str | None] = {}
    for route in _routes(guide):
        answers = route.walk.answer_map  # an enumerated route holds only the answers on it
        applicable = [i for i in guide.invariants if i.when is None or holds(i.when, answers)]
        if not applicable:
            continue
        parts = tuple(id(part) for part in parts_that_apply(route.outcome, answers))
        view = (route.outcome.id, parts, answers.get(route.outcome.due_from) if route.outcome.due_from else None)
        record: dict[str, Any] | None = None
        for invariant in applicable:
            key = (invariant.id, view)
            if key not in results:
                if record is None:
                    record = build_record(route.walk, refs, dt.datetime(2026, 1, 5, 10, 0))
                checks = (_check_problem(check, route, record, refs) for check in invariant.checks)
                results[key] = next((problem for problem in checks if problem is not None), None)
            if results[key] is not None:
                failures.setdefault(invariant.id, []).append((route, str(results[key])))
    for invariant in guide.invariants:
        found = failures.get(invariant.id)
        if not found:
            continue
        route, problem = found[0]
        more = f" (and {len(found) - 1} other route{'s' if len(found) > 2 else ''})" if len(found) > 1 else ""
        yield (
            route.outcome.id,
            f"invariant '{invariant.id}' ({invariant.label}) fails on route {route.key}{more}: {problem}",
        )
