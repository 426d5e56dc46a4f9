"""Specifications written from the source documents, checked against what a guide's outcome says.

Each file in this folder (``<guide id>.yaml``) holds cases. A case names the source document and
section it comes from, describes the situation as a person would, gives the answers, and says what the
outcome must state. It never names an outcome id: it asserts content, read from the decision record
(the same text the page shows). The walk is strict: an answer the guide does not accept, a question the
guide asks that the case does not answer, and an answer the guide never asks for all fail the case, so a
changed route cannot pass by accident.

What a case can expect (texts match without regard to case):

- ``urgency``: emergency, urgent, standard or routine.
- ``first_action``: the first thing to do contains this text (use ``must`` as well to check it is a "must").
- ``must``: each text is in some "must" action. ``actions``: each is in some action.
- ``escalations``: each is in an action flagged as an escalation (shown first); ``no_escalations: true``.
- ``says``, ``told`` (who is told, and how), ``consent`` (the consent rule), ``gap`` (a gap or conflict in
  the source, stated): each text appears somewhere in the outcome.
- ``absent``: no text appears anywhere in the outcome.
- ``due``: for each due time whose label contains the key, its time in words, such as
  ``"9am on Monday 23 November 2026"``. ``due_status`` the same for "due in ..." or "overdue by ..." at
  the case's ``now``. ``no_due: true``.
- ``rating``: the rating shown, such as ``"Barnet BRAG rating: Red"``.
- ``contacts``: each text is in the contacts shown.
- ``areas``: the outcome cites sources from each of these areas; ``only_areas``: from no other area.
- ``asked``: each text is in a question the person was asked on the way (its wording or hint) or in the
  answer they gave, such as a timescale a hint gives.
- ``why``: each text is in the reasons shown under "Why this outcome": the routing rules the answers
  chose, and the parts of a checklist that were added.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from decision_engine.answers import AnswerError, describe, from_text
from decision_engine.model import Guide, Question
from decision_engine.record import build as build_record
from decision_engine.references import References
from decision_engine.source import read_yaml
from decision_engine.walk import Walk

FOLDER = Path(__file__).resolve().parent
TEXT_KEYS = ("says", "told", "consent", "gap")
LIST_KEYS = (
    "must", "actions", "escalations", "absent", "contacts", "areas", "only_areas", "asked", "why", *TEXT_KEYS,
)  # fmt: skip
KNOWN = {"urgency", "first_action", "no_escalations", "due", "due_status", "no_due", "rating", *LIST_KEYS}
FALLBACK_MADE_AT = dt.datetime(2026, 1, 5, 10, 0)


@dataclass(frozen=True)
class Case:
    guide: str
    number: int
    name: str
    source: str
    section: str
    situation: str
    answers: tuple[tuple[str, str], ...]
    expect: Mapping[str, Any]
    now: str = ""
    file: str = ""
    problems: tuple[str, ...] = field(default=())
    """What is wrong with the case itself (a missing source, an unknown expectation)."""

    @property
    def id(self) -> str:
        return f"{self.guide}-{self.number:02d}-{self.name}"


def _text(value: Any) -> str:
    return value if isinstance(value, str) else str(value).lower() if isinstance(value, bool) else str(value)


def _case(guide: str, number: int, raw: Mapping[str, Any], file: str, sources: Iterable[str]) -> Case:
    problems = []
    for key in ("name", "source", "section", "situation", "answers", "expect"):
        if not raw.get(key):
            problems.append(f"the case needs '{key}'")
    if raw.get("source") and raw["source"] not in sources:
        problems.append(f"source '{raw['source']}' is not in the sources register")
    expect = raw.get("expect") or {}
    unknown = sorted(set(expect) - KNOWN)
    if unknown:
        problems.append(f"unknown expectation(s): {', '.join(unknown)} (known: {', '.join(sorted(KNOWN))})")
    answers = raw.get("answers") or {}
    return Case(
        guide=guide,
        number=number,
        name=str(raw.get("name", "")),
        source=str(raw.get("source", "")),
        section=str(raw.get("section", "")),
        situation=" ".join(str(raw.get("situation", "")).split()),
        answers=tuple(
            (str(q), ",".join(map(_text, a)) if isinstance(a, list) else _text(a)) for q, a in answers.items()
        ),
        expect=expect,
        now=str(raw.get("now", "")),
        file=file,
        problems=tuple(problems),
    )


def load_cases(folder: Path = FOLDER, sources: Iterable[str] = (), read: Any = read_yaml) -> list[Case]:
    cases = []
    for path in sorted(folder.glob("*.yaml")):
        data = read(path)
        guide = str(data.get("guide", path.stem))
        for number, raw in enumerate(data.get("cases") or [], start=1):
            cases.append(_case(guide, number, raw, path.name, list(sources)))
    return cases


def walk_case(guide: Guide, case: Case) -> Walk | str:
    """The walk the answers make, or why they do not make one."""
    given = dict(case.answers)
    walk = Walk(guide)
    used = set()
    for _ in range(guide.size + 1):
        node = walk.current
        if not isinstance(node, Question):
            break
        if node.id not in given:
            return f"the guide asks '{node.id}' ({node.text}), which the case does not answer"
        answer = from_text(node, given[node.id])
        if isinstance(answer, AnswerError):
            return f"'{node.id}' does not accept '{given[node.id]}': {answer.message}"
        used.add(node.id)
        walk = walk.with_answer(node.id, answer)
    unused = [q for q in given if q not in used]
    if unused:
        return f"the guide never asks {', '.join(unused)} on this route"
    return walk


def _has(texts: Iterable[str], wanted: str) -> bool:
    wanted = wanted.lower()
    return any(wanted in t.lower() for t in texts)


def _all_text(outcome: Mapping[str, Any]) -> list[str]:
    texts = [outcome["title"], outcome["summary"], *outcome["next_steps"], outcome["rating"] or ""]
    texts += [f"{f['name']}: {f['text']}" for f in outcome["rating_facts"]]
    texts += [a["text"] for a in outcome["actions"]]
    texts += [f"{d['label']}: {d['text']} {d['note']} {d['how']}" for d in outcome["due"]]
    texts += [f"{c['name']}: {c['detail']} ({c['area']})" for c in outcome["contacts"]]
    return texts


def _due_checks(outcome: Mapping[str, Any], wanted: Mapping[str, str], field_name: str) -> list[str]:
    problems = []
    for label, text in wanted.items():
        found = [d for d in outcome["due"] if str(label).lower() in d["label"].lower()]
        if not found:
            labels = "; ".join(d["label"] for d in outcome["due"]) or "none"
            problems.append(f"no due time is labelled '{label}' (due times shown: {labels})")
        elif all(d[field_name] != text for d in found):
            problems.append(f"'{label}' is due {' / '.join(d[field_name] for d in found)}, not {text}")
    return problems


def check(case: Case, guide: Guide, refs: References) -> list[str]:
    """Every way the guide's outcome for this case differs from what the case expects."""
    if case.problems:
        return list(case.problems)
    walk = walk_case(guide, case)
    if isinstance(walk, str):
        return [walk]
    starts = [a for a in walk.answer_map.values() if isinstance(a, str) and "T" in a and a[:4].isdigit()]
    made_at = dt.datetime.fromisoformat(case.now or (starts[0] if starts else "")) if case.now or starts else None
    record = build_record(walk, refs, made_at or FALLBACK_MADE_AT)
    outcome = record["outcome"]
    expect = case.expect
    problems: list[str] = []
    actions = outcome["actions"]
    every = _all_text(outcome)
    if "urgency" in expect and outcome["urgency"] != expect["urgency"]:
        problems.append(f"the urgency is {outcome['urgency']}, not {expect['urgency']}")
    if "first_action" in expect:
        first = actions[0] if actions else None
        if first is None or str(expect["first_action"]).lower() not in first["text"].lower():
            shown = f"{first['level']}: {first['text']}" if first else "nothing"
            problems.append(f"the first action is '{shown}', which does not say '{expect['first_action']}'")
    checks = {
        "must": [a["text"] for a in actions if a["level"] == "must"],
        "actions": [a["text"] for a in actions],
        "escalations": [a["text"] for a in actions if a["escalation"]],
        "contacts": [f"{c['name']}: {c['detail']}" for c in outcome["contacts"]],
        "asked": [f"{s.question.text} {s.question.hint} {describe(s.question, s.answer)}" for s in walk.steps],
        "why": [r["rule"] for r in record["reasons"]] + outcome["added"],
        **{key: every for key in TEXT_KEYS},
    }
    for key, texts in checks.items():
        for wanted in expect.get(key) or []:
            if not _has(texts, str(wanted)):
                problems.append(f"{key}: nothing says '{wanted}'")
    for unwanted in expect.get("absent") or []:
        if _has(every, str(unwanted)):
            problems.append(f"absent: the outcome says '{unwanted}'")
    if expect.get("no_escalations") and checks["escalations"]:
        problems.append(f"an action is flagged as an escalation: {checks['escalations'][0]}")
    if "rating" in expect and outcome["rating"] != expect["rating"]:
        problems.append(f"the rating shown is {outcome['rating']}, not {expect['rating']}")
    if expect.get("no_due") and outcome["due"]:
        problems.append(f"a due time is shown: {outcome['due'][0]['label']} by {outcome['due'][0]['text']}")
    problems += _due_checks(outcome, expect.get("due") or {}, "text")
    if expect.get("due_status") and not case.now:
        problems.append("'due_status' needs the case's 'now'")
    problems += _due_checks(outcome, expect.get("due_status") or {}, "status")
    areas = {c["area"] for c in record["citations"]} | {c["area"] for a in actions for c in a["cite"]}
    for area in expect.get("areas") or []:
        if area not in areas:
            problems.append(f"areas: the outcome cites nothing from {area} (it cites {', '.join(sorted(areas))})")
    if expect.get("only_areas"):
        other = sorted(areas - set(expect["only_areas"]))
        if other:
            problems.append(f"only_areas: the outcome also cites {', '.join(other)}")
    return problems
