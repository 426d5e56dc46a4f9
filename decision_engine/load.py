"""Turn a guide's plain data (parsed from YAML or JSON) into the frozen model.

Loading checks shape and types and collects every problem it meets rather than stopping at the first,
so an author sees all of them at once. Graph checks (targets, cycles, reachability) are in validate.py.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from difflib import get_close_matches
from typing import Any, cast

from .conditions import ANSWER_OPS, GROUP_OPS
from .deadlines import UNITS
from .invariants import CHECKS
from .model import (
    QUESTION_TYPES,
    YES_NO_OPTIONS,
    Action,
    Check,
    Citation,
    Condition,
    Contact,
    Deadline,
    Guide,
    Invariant,
    Option,
    Outcome,
    Part,
    Question,
    QuestionType,
    RatingRef,
    Rule,
)
from .phones import is_number
from .problems import GuideError, Problem

URGENCIES = ("emergency", "urgent", "standard", "routine")
#: How deep conditions may nest: far more than any procedure needs, and well inside Python's stack.
MAX_CONDITION_DEPTH = 16
_WORKING_DAY = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$")


class _Reader:
    """Reads fields from mappings, noting a problem for each missing or mistyped one."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def problem(self, node: str, message: str) -> None:
        self.problems.append(Problem(self.file, node, message))

    def text(self, data: Mapping[str, Any], key: str, node: str, *, required: bool = True) -> str:
        value = data.get(key)
        if value is None:
            if required:
                self.problem(node, f"'{key}' is missing")
            return ""
        if not isinstance(value, str) or (required and not value.strip()):
            self.problem(node, f"'{key}' must be text, not {_kind(value)}")
            return ""
        return value.strip()

    def whole(self, data: Mapping[str, Any], key: str, node: str) -> int | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(node, f"'{key}' must be a whole number, not {_kind(value)}")
            return None
        return value

    def items(self, data: Mapping[str, Any], key: str, node: str, *, required: bool = False) -> list[Any]:
        value = data.get(key)
        if value is None:
            if required:
                self.problem(node, f"'{key}' is missing")
            return []
        if not isinstance(value, list):
            self.problem(node, f"'{key}' must be a list, not {_kind(value)}")
            return []
        return value

    def known(self, data: Mapping[str, Any], allowed: tuple[str, ...], node: str, what: str = "") -> None:
        """Refuse keys a mapping does not take. A misspelt key would otherwise be dropped without a word
        ('urgncy: emergency' would leave the outcome at standard urgency), and so would the stray key a
        comma makes in an unquoted flow-style text."""
        prefix = f"{what}: " if what else ""
        for key in sorted(str(k) for k in data if k not in allowed):
            close = get_close_matches(key, allowed, n=1, cutoff=0.6)
            if close:
                self.problem(node, f"{prefix}unknown key '{key}': did you mean '{close[0]}'?")
            else:
                self.problem(node, f"{prefix}unknown key '{key}' (is a text with a comma in it unquoted?)")

    def flag(self, data: Mapping[str, Any], key: str, node: str, where: str) -> bool:
        """A true/false setting. Text such as 'yes' or 'no' is refused: read as text, 'no' would count
        as set, and read as a yes/no it would be easy to mistake for an answer value."""
        value = data.get(key, False)
        if isinstance(value, bool):
            return value
        shown = f"the text '{value}'" if isinstance(value, str) else _kind(value)
        self.problem(node, f"{where}: '{key}' must be true or false, not {shown}")
        return False

    def mapping(self, value: Any, node: str, what: str) -> Mapping[str, Any] | None:
        if not isinstance(value, Mapping):
            self.problem(node, f"{what} must be a mapping of keys to values, not {_kind(value)}")
            return None
        return cast(Mapping[str, Any], value)


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()} (put yes/no values in quotes)"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"{type(value).__name__} {value!r}"


def _citations(r: _Reader, data: Mapping[str, Any], node: str) -> tuple[Citation, ...]:
    found = []
    for i, raw in enumerate(r.items(data, "cite", node), start=1):
        item = r.mapping(raw, node, f"citation {i}")
        if item is None:
            continue
        r.known(item, ("handbook", "source", "part"), node, f"citation {i}")
        found.append(
            Citation(
                handbook=r.text(item, "handbook", node),
                source=r.text(item, "source", node),
                part=r.text(item, "part", node),
            )
        )
    return tuple(found)


def _condition(r: _Reader, raw: Any, node: str, where: str, depth: int = 1) -> Condition | None:
    if depth > MAX_CONDITION_DEPTH:
        r.problem(node, f"{where}: the condition is nested more than {MAX_CONDITION_DEPTH} deep")
        return None
    data = r.mapping(raw, node, f"{where}: the condition")
    if data is None:
        return None
    for group in GROUP_OPS:
        if group in data:
            if len(data) != 1:
                r.problem(node, f"{where}: '{group}' must stand alone in its condition")
                return None
            inner = data[group]
            if group == "not":
                part = _condition(r, inner, node, where, depth + 1)
                return Condition(op="not", parts=(part,)) if part else None
            if not isinstance(inner, list) or not inner:
                r.problem(node, f"{where}: '{group}' needs a list of conditions")
                return None
            parts = [_condition(r, p, node, where, depth + 1) for p in inner]
            if any(p is None for p in parts):
                return None
            return Condition(op=group, parts=tuple(p for p in parts if p is not None))
    if "answered" in data:
        question = data["answered"]
        if not isinstance(question, str):
            r.problem(node, f"{where}: 'answered' must name a question")
            return None
        return Condition(op="answered", question=question)
    question = data.get("answer")
    ops = [k for k in data if k != "answer"]
    if not isinstance(question, str) or len(ops) != 1 or ops[0] not in ANSWER_OPS:
        vocabulary = ", ".join([*ANSWER_OPS, *GROUP_OPS])
        r.problem(node, f"{where}: a condition needs 'answer: QUESTION' and one test out of: {vocabulary}")
        return None
    op = ops[0]
    value = data[op]
    if op == "one_of":
        if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
            r.problem(node, f"{where}: 'one_of' needs a list of answer values in quotes")
            return None
        return Condition(op=op, question=question, value=tuple(value))
    if op in ("selected_at_least", "at_least", "at_most", "less_than", "more_than"):
        if isinstance(value, bool) or not isinstance(value, int):
            r.problem(node, f"{where}: '{op}' needs a whole number, not {_kind(value)}")
            return None
        return Condition(op=op, question=question, value=value)
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        r.problem(node, f"{where}: '{op}' needs an answer value, not {_kind(value)}")
        return None
    return Condition(op=op, question=question, value=value)


def _rules(r: _Reader, data: Mapping[str, Any], node: str) -> tuple[Rule, ...]:
    rules = []
    for i, raw in enumerate(r.items(data, "next", node, required=True), start=1):
        item = r.mapping(raw, node, f"rule {i}")
        if item is None:
            continue
        r.known(item, ("if", "goto", "label", "cite"), node, f"rule {i}")
        when = None
        if "if" in item:
            when = _condition(r, item["if"], node, f"rule {i}")
            if when is None:
                continue
        label = item.get("label")
        if not isinstance(label, str) or not label.strip():
            r.problem(node, f"rule {i} has no label (every rule needs a short label for diagrams and reasons)")
            label = ""
        rules.append(
            Rule(
                goto=r.text(item, "goto", node),
                label=label.strip(),
                when=when,
                cite=_citations(r, item, node),
            )
        )
    return tuple(rules)


def _options(r: _Reader, data: Mapping[str, Any], node: str, qtype: str) -> tuple[Option, ...]:
    if qtype == "yes_no":
        if "options" in data:
            r.problem(node, "a yes_no question has the options Yes and No already; remove 'options'")
        return tuple(Option(value, label) for value, label in YES_NO_OPTIONS)
    raw_options = r.items(data, "options", node, required=qtype in ("single", "multiple"))
    if qtype not in ("single", "multiple"):
        if raw_options:
            r.problem(node, f"a {qtype} question takes no 'options'")
        return ()
    options = []
    for i, raw in enumerate(raw_options, start=1):
        item = r.mapping(raw, node, f"option {i}")
        if item is None:
            continue
        value = item.get("value")
        if not isinstance(value, str) or not value:
            r.problem(node, f"option {i} needs a 'value' in quotes, not {_kind(value)}")
            continue
        r.known(item, ("value", "label", "hint", "exclusive"), node, f"option '{value}'")
        options.append(
            Option(
                value=value,
                label=r.text(item, "label", node),
                hint=r.text(item, "hint", node, required=False),
                exclusive=r.flag(item, "exclusive", node, f"option '{value}'"),
            )
        )
    return tuple(options)


QUESTION_KEYS = ("id", "type", "text", "hint", "options", "min", "max", "unit", "next")
OUTCOME_KEYS = (
    "id", "title", "summary", "urgency", "actions", "contacts", "next_steps", "cite", "parts", "rating",
    "due_from", "deadlines",
)  # fmt: skip


def _question(r: _Reader, data: Mapping[str, Any]) -> Question | None:
    node = r.text(data, "id", "?")
    r.known(data, QUESTION_KEYS, node)
    qtype = data.get("type")
    if qtype not in QUESTION_TYPES:
        r.problem(node, f"'type' must be one of {', '.join(QUESTION_TYPES)}, not {_kind(qtype)}")
        return None
    if qtype != "number" and ("min" in data or "max" in data):
        r.problem(node, f"'min' and 'max' only apply to a number question, not a {qtype} one")
    return Question(
        id=node,
        type=cast(QuestionType, qtype),
        text=r.text(data, "text", node),
        hint=r.text(data, "hint", node, required=False),
        options=_options(r, data, node, qtype),
        minimum=r.whole(data, "min", node),
        maximum=r.whole(data, "max", node),
        unit=r.text(data, "unit", node, required=False),
        next=_rules(r, data, node),
    )


def _action(r: _Reader, raw: Any, node: str, where: str) -> Action | None:
    item = r.mapping(raw, node, where)
    if item is None:
        return None
    levels = [k for k in ("must", "should") if k in item]
    if len(levels) != 1:
        r.problem(
            node, f"{where} must be written 'must: ...' or 'should: ...' (with 'escalation' and 'cite' if needed)"
        )
        return None
    r.known(item, ("must", "should", "escalation", "cite"), node, where)
    return Action(
        text=r.text(item, levels[0], node),
        level="must" if levels[0] == "must" else "should",
        escalation=r.flag(item, "escalation", node, where),
        cite=_citations(r, item, node),
    )


def _actions(r: _Reader, data: Mapping[str, Any], node: str, where: str = "action") -> tuple[Action, ...]:
    found = [_action(r, raw, node, f"{where} {i}") for i, raw in enumerate(r.items(data, "actions", node), start=1)]
    return tuple(a for a in found if a is not None)


def _parts(r: _Reader, data: Mapping[str, Any], node: str) -> tuple[Part, ...]:
    parts = []
    for i, raw in enumerate(r.items(data, "parts", node), start=1):
        item = r.mapping(raw, node, f"part {i}")
        if item is None:
            continue
        r.known(item, ("if", "label", "group", "actions", "deadlines", "urgency"), node, f"part {i}")
        when = _condition(r, item.get("if"), node, f"part {i}")
        label = r.text(item, "label", node)
        group = str(item.get("group", ""))
        actions = _actions(r, item, node, f"part {i}, action")
        deadlines = _deadlines(r, item, node, f"part {i}, deadline")
        urgency = item.get("urgency", "")
        if urgency and urgency not in URGENCIES:
            r.problem(node, f"part {i}: 'urgency' must be one of {', '.join(URGENCIES)}")
            urgency = ""
        if when is not None:
            parts.append(
                Part(when=when, label=label, actions=actions, deadlines=deadlines, urgency=str(urgency), group=group)
            )
    return tuple(parts)


def _rating(r: _Reader, data: Mapping[str, Any], node: str) -> RatingRef | None:
    if "rating" not in data:
        return None
    item = r.mapping(data["rating"], node, "'rating'")
    if item is None:
        return None
    r.known(item, ("scheme", "level"), node, "'rating'")
    return RatingRef(scheme=r.text(item, "scheme", node), level=r.text(item, "level", node))


def _deadlines(r: _Reader, data: Mapping[str, Any], node: str, where: str = "deadline") -> tuple[Deadline, ...]:
    found = []
    for i, raw in enumerate(r.items(data, "deadlines", node), start=1):
        item = r.mapping(raw, node, f"{where} {i}")
        if item is None:
            continue
        r.known(item, ("label", "amount", "unit", "working_day"), node, f"{where} {i}")
        amount = r.whole(item, "amount", node)
        unit = item.get("unit")
        label = r.text(item, "label", node)
        if amount is None or unit not in UNITS:
            r.problem(node, f"{where} {i} needs a whole 'amount' and a 'unit' out of: {', '.join(UNITS)}")
            continue
        if amount < (0 if unit == "same_day" else 1):
            only = "only same_day takes 0, meaning that same day"
            r.problem(node, f"{where} {i}: 'amount' must be at least 1 for {unit} ({only})")
            continue
        working_day = _working_day(r, item, str(unit), node, f"{where} {i}")
        found.append(Deadline(label=label, amount=amount, unit=str(unit), working_day=working_day))
    return tuple(found)


def _working_day(r: _Reader, item: Mapping[str, Any], unit: str, node: str, where: str) -> tuple[str, str] | None:
    raw = item.get("working_day")
    if unit != "working_hours":
        if raw is not None:
            r.problem(node, f"{where}: 'working_day' only applies to working_hours")
        return None
    match = _WORKING_DAY.match(raw) if isinstance(raw, str) else None
    if match is None:
        wanted = "'working_day', such as \"09:00-17:00\" (no source sets the hours of a working day)"
        r.problem(node, f"{where}: working_hours needs {wanted}")
        return None
    opens, closes = match.group(0).split("-")
    if opens >= closes:
        r.problem(node, f"{where}: the working day must end after it starts, not {match.group(0)}")
        return None
    return (opens, closes)


def _check_value(r: _Reader, kind: str, raw: Any, node: str, where: str) -> Check | None:
    shape = CHECKS.get(kind)
    if shape is None:
        r.problem(node, f"{where}: '{kind}' is not a check (known: {', '.join(CHECKS)})")
        return None
    if shape == "flag" and raw is True:
        return Check(kind, True)
    if shape == "text" and isinstance(raw, str) and raw.strip():
        return Check(kind, raw.strip())
    if shape == "texts":
        texts = [raw] if isinstance(raw, str) else raw
        if isinstance(texts, list) and texts and all(isinstance(t, str) and t.strip() for t in texts):
            return Check(kind, tuple(t.strip() for t in texts))
    if shape == "urgency" and raw in URGENCIES:
        return Check(kind, str(raw))
    if shape == "timescale" and isinstance(raw, Mapping):
        amount, unit = raw.get("amount"), raw.get("unit")
        if isinstance(amount, int) and not isinstance(amount, bool) and amount >= 0 and unit in UNITS:
            return Check(kind, (amount, str(unit)))
    wanted = {
        "flag": "true",
        "text": "a text",
        "texts": "a list of texts",
        "urgency": f"one of {', '.join(URGENCIES)}",
        "timescale": f"{{amount, unit}} with a unit out of {', '.join(UNITS)}",
    }[shape]
    r.problem(node, f"{where}: '{kind}' needs {wanted}, not {_kind(raw)}")
    return None


def _invariants(r: _Reader, data: Mapping[str, Any]) -> tuple[Invariant, ...]:
    found = []
    for i, raw in enumerate(r.items(data, "invariants", ""), start=1):
        item = r.mapping(raw, "", f"invariant {i}")
        if item is None:
            continue
        invariant_id = r.text(item, "id", "") or f"invariant {i}"
        where = f"invariant '{invariant_id}'"
        r.known(item, ("id", "label", "if", "then"), "", where)
        label = r.text(item, "label", "")
        when = _condition(r, item["if"], "", where) if "if" in item else None
        then = r.mapping(item.get("then"), "", f"{where}: 'then'")
        if then is None or not then:
            r.problem("", f"{where} needs 'then' with at least one check")
            continue
        checks = [_check_value(r, str(kind), value, "", where) for kind, value in then.items()]
        if ("if" in item and when is None) or any(c is None for c in checks):
            continue
        found.append(Invariant(id=invariant_id, label=label, when=when, checks=tuple(c for c in checks if c)))
    return tuple(found)


def _phones(r: _Reader, item: Mapping[str, Any], detail: str, node: str, i: int) -> tuple[str, ...]:
    """A contact's telephone numbers (filled in from the register): each a UK number found in its detail."""
    raw = item.get("phones", [])
    listed = raw if isinstance(raw, list) else [raw]
    phones = []
    for number in listed:
        if isinstance(number, str) and is_number(number) and number in detail:
            phones.append(number)
        else:
            r.problem(node, f"contact {i}: each of 'phones' must be a UK telephone number in its 'detail'")
    return tuple(phones)


def _outcome(r: _Reader, data: Mapping[str, Any]) -> Outcome:
    node = r.text(data, "id", "?")
    r.known(data, OUTCOME_KEYS, node)
    urgency = data.get("urgency", "standard")
    if urgency not in URGENCIES:
        r.problem(node, f"'urgency' must be one of {', '.join(URGENCIES)}")
        urgency = "standard"
    contacts = []
    for i, raw in enumerate(r.items(data, "contacts", node), start=1):
        item = r.mapping(raw, node, f"contact {i}")
        if item is not None:
            r.known(item, ("name", "detail", "area", "phones"), node, f"contact {i}")
            detail = r.text(item, "detail", node)
            contacts.append(
                Contact(
                    name=r.text(item, "name", node),
                    detail=detail,
                    area=r.text(item, "area", node, required=False),
                    phones=_phones(r, item, detail, node, i),
                )
            )
    next_steps = []
    for step in r.items(data, "next_steps", node):
        if isinstance(step, str) and step.strip():
            next_steps.append(step.strip())
        else:
            r.problem(node, f"each of 'next_steps' must be text, not {_kind(step)}")
    return Outcome(
        id=node,
        title=r.text(data, "title", node),
        summary=r.text(data, "summary", node),
        urgency=urgency,
        actions=_actions(r, data, node),
        contacts=tuple(contacts),
        next_steps=tuple(next_steps),
        cite=_citations(r, data, node),
        parts=_parts(r, data, node),
        rating=_rating(r, data, node),
        due_from=r.text(data, "due_from", node, required=False),
        deadlines=_deadlines(r, data, node),
    )


TOP_KEYS = ("id", "version", "title", "audience", "intro", "start", "page", "questions", "outcomes", "invariants")


def guide_data(top: Mapping[str, Any]) -> dict[str, Any]:
    """The guide's own keys, without the 'x-' keys that only hold YAML anchors for reuse."""
    return {k: v for k, v in top.items() if not str(k).startswith("x-")}


def guide_from_data(data: Any, file: str = "") -> Guide:
    """Build a Guide from parsed data, or raise GuideError listing every shape problem found."""
    r = _Reader(file)
    top = r.mapping(data, "", "the guide")
    if top is None:
        raise GuideError(r.problems)
    top = guide_data(top)
    r.known(top, TOP_KEYS, "")
    guide_id = r.text(top, "id", "")
    version = r.whole(top, "version", "")
    if version is None:
        r.problem("", "'version' is missing: give a whole number and raise it when answers change meaning")
    questions = []
    for raw in r.items(top, "questions", "", required=True):
        item = r.mapping(raw, "", "each question")
        if item is not None and (q := _question(r, item)) is not None:
            questions.append(q)
    outcomes = []
    for raw in r.items(top, "outcomes", "", required=True):
        item = r.mapping(raw, "", "each outcome")
        if item is not None:
            outcomes.append(_outcome(r, item))
    title = r.text(top, "title", "")
    audience = r.text(top, "audience", "", required=False)
    intro = r.text(top, "intro", "", required=False)
    start = r.text(top, "start", "")
    page = r.text(top, "page", "")
    invariants = _invariants(r, top)
    if r.problems:
        raise GuideError(r.problems)
    return Guide(
        id=guide_id,
        version=version or 0,
        title=title,
        audience=audience,
        intro=intro,
        start=start,
        questions=tuple(questions),
        outcomes=tuple(outcomes),
        page=page,
        source_file=file,
        invariants=invariants,
    )


def guide_from_json(text: str, file: str = "") -> Guide:
    """Load a compiled guide (the JSON the build writes for the browser)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise GuideError([Problem(file, "", f"not valid JSON: {error.msg} at line {error.lineno}")]) from None
    except RecursionError:
        raise GuideError([Problem(file, "", "cannot be read: it is nested too deeply")]) from None
    return guide_from_data(data, file)
