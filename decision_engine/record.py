"""The decision record: a walk written down as Markdown, plain text or JSON, for a case file.

It holds the guide's title and version, when it was made, each question with its answer, the outcome,
the reasons and the sources, and says that it supports professional judgement and does not replace it.
The engine keeps no copy and sends it nowhere: the person downloads it or prints it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .compose import actions_for, headings, is_grouped, parts_that_apply, urgency_for
from .deadlines import Due, in_words
from .due_times import due_times
from .escape import markdown
from .explain import reasons
from .model import Action, Citation, Outcome
from .ratings import Rating
from .ratings import find as find_rating
from .references import References
from .render_html import DISCLAIMER
from .walk import Walk

PRIVACY = "Made in your browser by the MASH Handbook, which stores nothing and sends nothing."


def build(walk: Walk, refs: References, made_at: dt.datetime, done: frozenset[int] = frozenset()) -> dict[str, Any]:
    """The record as plain data; ``made_at`` is UK local time (an 'as of' time in training); ``done``
    holds the positions of checklist items the person ticked."""
    outcome = walk.outcome
    why = reasons(walk)
    record: dict[str, Any] = {
        "guide": {"id": walk.guide.id, "title": walk.guide.title, "version": walk.guide.version},
        "made_at": made_at.isoformat(timespec="minutes"),
        "made_at_text": in_words(made_at),
        "answers": [{"question": r.question, "answer": r.answer} for r in why],
        "reasons": [{"answer": r.answer, "question": r.question, "rule": r.rule} for r in why],
        "outcome": None,
        "citations": [],
        "statement": DISCLAIMER,
        "privacy": PRIVACY,
    }
    if outcome is None:
        record["unfinished"] = f"The guide was not finished: the next question is “{walk.current.id}”."
        return record
    answers = walk.route_answers
    parts = parts_that_apply(outcome, answers)
    cited: dict[Citation, dict[str, str]] = {}  # actions from one register share their citation

    def citation(c: Citation) -> dict[str, str]:
        if c not in cited:
            cited[c] = _citation(c, refs)
        return cited[c]

    rating = find_rating(refs.ratings, outcome.rating) if outcome.rating else None
    record["outcome"] = {
        "id": outcome.id,
        "title": outcome.title,
        "summary": outcome.summary,
        "urgency": urgency_for(outcome, answers, parts),
        "actions": [
            {
                "level": a.level,
                "text": a.text,
                "escalation": a.escalation,
                "heading": heading,
                "concern": a.group,
                "done": i in done,
                "cite": [citation(c) for c in a.cite],
            }
            for i, a, heading in _listed(outcome, actions_for(outcome, answers, parts))
        ],
        "checklist": bool(outcome.parts),
        "added": [part.label for part in parts],
        "next_steps": list(outcome.next_steps),
        "rating": rating.label if rating else None,
        "rating_facts": _rating_facts(rating),
        "due": [
            {
                "label": d.label,
                "text": d.due.text if isinstance(d.due, Due) else d.due.message,
                "note": d.due.note if isinstance(d.due, Due) else "",
                "how": d.due.how if isinstance(d.due, Due) else "",
                "status": d.status(made_at),
            }
            for d in due_times(outcome, answers, refs.ratings, parts)
        ],
        "contacts": [{"name": c.name, "detail": c.detail, "area": c.area} for c in outcome.contacts],
    }
    record["citations"] = [_citation(c, refs) for c in outcome.cite]
    return record


def _listed(outcome: Outcome, actions: tuple[Action, ...]) -> list[tuple[int, Action, str]]:
    """Each action with its place and the heading it is listed under ("" when the checklist is not
    grouped by concern)."""
    if not is_grouped(outcome):
        return [(i, a, "") for i, a in enumerate(actions)]
    return [(i, a, heading) for heading, listed in headings(actions) for i, a in listed]


def _rating_facts(rating: Rating | None) -> list[dict[str, str]]:
    """What the rating means, the response it asks for, where the case goes, and any gap in the source."""
    if rating is None:
        return []
    rows = [
        ("What it means", rating.level.get("descriptor")),
        ("Response", rating.level.get("respond") or "Not given in the source."),
        ("Where it goes", rating.level.get("goes_to")),
        ("Gap in the source", rating.scheme.get("gap")),
    ]
    return [{"name": name, "text": " ".join(str(text).split())} for name, text in rows if text]


def _citation(citation: Citation, refs: References) -> dict[str, str]:
    return {
        "handbook": citation.handbook,
        "title": refs.title(citation.handbook),
        "source": refs.source_text(citation),
        "area": refs.area(citation.source),
    }


@dataclass(frozen=True, slots=True)
class _Style:
    bullet: str
    title: str
    """What starts the record's title line."""
    section: str
    """What starts each section's heading line."""
    write: Callable[[object], str]
    """How a value is written: as it is in plain text; in Markdown, escaped, so that no guide text can
    make a heading, a list, a link, raw HTML or code, or swallow what follows it."""


_MARKDOWN = _Style("-", "# ", "## ", lambda value: markdown(str(value)))
_TEXT = _Style("*", "", "", str)


def _lines(record: dict[str, Any], style: _Style) -> list[str]:
    b, w = style.bullet, style.write
    out = [f"{style.title}Decision record: {w(record['guide']['title'])}", ""]
    out.append(f"Guide version {w(record['guide']['version'])}, made at {w(record['made_at_text'])}.")
    out += ["", f"{style.section}Answers", ""]
    out += [f"{b} {w(a['question'])} — {w(a['answer'])}" for a in record["answers"]] or [f"{b} (none)"]
    outcome = record["outcome"]
    out += ["", f"{style.section}Outcome", ""]
    if outcome is None:
        out.append(w(record["unfinished"]))
    else:
        out += [w(outcome["title"]), "", w(outcome["summary"])]
        if outcome["rating"]:
            out += ["", f"Rating: {w(outcome['rating'])}"]
            out += [f"  {w(fact['name'])}: {w(fact['text'])}" for fact in outcome["rating_facts"]]
        for due in outcome["due"]:
            status = f" ({w(due['status'])} when this record was made)" if due["status"] else ""
            note = f" {w(due['note'])}" if due["note"] else ""
            out.append(f"Due by, {w(due['label'])}: {w(due['text'])}{status}.{note}")
            if due["how"]:
                out.append(f"  How it was worked out: {w(due['how'])}.")
        if outcome["actions"]:
            out += ["", "What to do:"]
            heading = ""
            for i, action in enumerate(outcome["actions"], start=1):
                if action["heading"] and action["heading"] != heading:
                    heading = action["heading"]
                    out += ["", f"{w(heading)}:"]
                flag = "ESCALATE: " if action["escalation"] else ""
                concern = f"{w(action['concern'])}: " if action["escalation"] and action["heading"] else ""
                tick = ("[x] " if action["done"] else "[ ] ") if outcome["checklist"] else ""
                out.append(f"{i}. {tick}{flag}{concern}{action['level'].capitalize()}: {w(action['text'])}")
        if outcome["contacts"]:
            out += ["", "Who to contact:"]
            out += [
                f"{b} {w(c['name'])}: {w(c['detail'])}" + (f" ({w(c['area'])})" if c["area"] else "")
                for c in outcome["contacts"]
            ]
        if outcome["next_steps"]:
            out += ["", "What happens next:"] + [f"{b} {w(step)}" for step in outcome["next_steps"]]
    out += ["", f"{style.section}Why", ""]
    out += [f"{b} Answered “{w(r['answer'])}” to “{w(r['question'])}”: {w(r['rule'])}." for r in record["reasons"]]
    if outcome is not None:
        out += [f"{b} Added to the checklist: {w(label)}." for label in outcome["added"]]
    out += ["", f"{style.section}Sources", ""]
    out += [
        f"{b} {w(c['title'])} (handbook: {w(c['handbook'])}). Source: {w(c['source'])}" for c in record["citations"]
    ]
    out += ["", w(record["statement"]), "", w(record["privacy"]), ""]
    return out


def as_markdown(record: dict[str, Any]) -> str:
    return "\n".join(_lines(record, _MARKDOWN))


def as_text(record: dict[str, Any]) -> str:
    return "\n".join(_lines(record, _TEXT))


def as_json(record: dict[str, Any]) -> str:
    return json.dumps(record, indent=2, ensure_ascii=False) + "\n"


FORMATS = {"markdown": (as_markdown, "md"), "text": (as_text, "txt"), "json": (as_json, "json")}


def export(
    walk: Walk, refs: References, made_at: dt.datetime, fmt: str, done: frozenset[int] = frozenset()
) -> tuple[str, str]:
    """The record in ``fmt`` (markdown, text or json), and a file name for it."""
    write, extension = FORMATS[fmt]
    stamp = made_at.strftime("%Y-%m-%d-%H%M")
    return write(build(walk, refs, made_at, done)), f"decision-record-{walk.guide.id}-{stamp}.{extension}"
