"""The decision record: a walk written down as Markdown, plain text or JSON, for a case file.

It holds the guide's title and version, when it was made, the person's case reference and notes (as
they typed them; they are kept on their device, never in the link), each question with its answer and
where the handbook explains it, the outcome with who to contact, and the sources, and says that it
supports professional judgement and does not replace it. The engine keeps no copy and sends it nowhere:
the person downloads it or prints it.

Handbook pages are linked from the site's address when the page gives it (``site``), else by their
path from the site's root, so a record opened later still says which page each reference is.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from .compose import actions_for, headings, is_grouped, parts_that_apply, urgency_for
from .deadlines import Due, in_words
from .due_times import due_times
from .escape import markdown
from .explain import reasons
from .model import Action, Citation, Outcome
from .phones import link_numbers, tel_href
from .ratings import Rating
from .ratings import find as find_rating
from .references import References
from .render_html import DISCLAIMER
from .walk import Walk

PRIVACY = "Made in your browser by the MASH Handbook, which sends nothing anywhere."
KEPT_HERE = "The case reference and notes were kept only in this browser tab, on this device."


@dataclass(frozen=True, slots=True)
class CaseNotes:
    """What the person typed beside the outcome, kept on their device and written into the record."""

    reference: str = ""
    notes: str = ""


def build(
    walk: Walk,
    refs: References,
    made_at: dt.datetime,
    done: frozenset[int] = frozenset(),
    case: CaseNotes = CaseNotes(),
    site: str = "",
) -> dict[str, Any]:
    """The record as plain data; ``made_at`` is UK local time (an 'as of' time in training); ``done``
    holds the positions of checklist items the person ticked; ``site`` is the handbook's address
    (ending in /), or "" to name pages by their path from the site's root."""
    outcome = walk.outcome
    why = reasons(walk)

    def page(handbook: str) -> dict[str, str]:
        return {"handbook": handbook, "title": refs.title(handbook), "href": page_address(handbook, site)}

    record: dict[str, Any] = {
        "guide": {"id": walk.guide.id, "title": walk.guide.title, "version": walk.guide.version},
        "made_at": made_at.isoformat(timespec="minutes"),
        "made_at_text": in_words(made_at),
        "case": {"reference": case.reference.strip(), "notes": case.notes.strip()},
        "answers": [{"question": r.question, "answer": r.answer} for r in why],
        "reasons": [
            {
                "answer": r.answer,
                "question": r.question,
                "rule": r.rule,
                "see": [page(h) for h in dict.fromkeys(c.handbook for c in r.cite)],
            }
            for r in why
        ],
        "outcome": None,
        "citations": [],
        "statement": DISCLAIMER,
        "privacy": PRIVACY + (f" {KEPT_HERE}" if case.reference.strip() or case.notes.strip() else ""),
    }
    if outcome is None:
        record["unfinished"] = f"The guide was not finished: the next question is “{walk.current.id}”."
        return record
    answers = walk.route_answers
    parts = parts_that_apply(outcome, answers)
    cited: dict[Citation, dict[str, str]] = {}  # actions from one register share their citation

    def citation(c: Citation) -> dict[str, str]:
        if c not in cited:
            cited[c] = _citation(c, refs, site)
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
        "contacts": [
            {
                "name": c.name,
                "detail": c.detail,
                "area": c.area,
                "phones": [{"number": n, "tel": tel_href(n)} for n in c.phones],
            }
            for c in outcome.contacts
        ],
    }
    record["citations"] = [_citation(c, refs, site) for c in outcome.cite]
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


def page_address(handbook: str, site: str = "") -> str:
    """A handbook reference (``referring/x.md#anchor``) as the built page's address: under ``site``, or
    its path from the site's root. Percent-encoded, so it is one link target in Markdown."""
    page, _, anchor = handbook.partition("#")
    if page.endswith(".md"):
        page = page[:-3] + ".html"
    return site + quote(page + (f"#{anchor}" if anchor else ""), safe="/#%")


def _citation(citation: Citation, refs: References, site: str) -> dict[str, str]:
    return {
        "handbook": citation.handbook,
        "href": page_address(citation.handbook, site),
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
    page: Callable[[dict[str, str]], str]
    """How a handbook page is named: a link in Markdown, its title and address in plain text."""
    tel: Callable[[str, str], str]
    """How a telephone number (as written, and its tel: address) is written."""
    paragraph_break: bool
    """Whether each line of the person's notes needs a blank line after it to stay a line of its own."""


_MARKDOWN = _Style(
    "-",
    "# ",
    "## ",
    lambda value: markdown(str(value)),
    lambda page: f"[{markdown(page['title'])}]({page['href']})",
    lambda shown, href: f"[{shown}]({href})",
    True,
)
_TEXT = _Style(
    "*", "", "", str, lambda page: f"{page['title']} (handbook page: {page['href']})", lambda s, _h: s, False
)


def _case_lines(case: dict[str, str], style: _Style) -> list[str]:
    """The person's case reference and notes, line by line as they typed them."""
    if not case["reference"] and not case["notes"]:
        return []
    w = style.write
    out = ["", f"{style.section}Your case reference and notes", ""]
    if case["reference"]:
        out.append(f"Case reference: {w(case['reference'])}")
    if case["notes"]:
        out += (["", "Notes:"] if case["reference"] else ["Notes:"]) + [""]
        lines = [line for line in case["notes"].splitlines() if line.strip()]
        if style.paragraph_break:
            for line in lines:
                out += [w(line), ""]
            out.pop()
        else:
            out += [f"  {line}" for line in lines]
    return out


def _lines(record: dict[str, Any], style: _Style) -> list[str]:
    b, w = style.bullet, style.write
    out = [f"{style.title}Decision record: {w(record['guide']['title'])}", ""]
    out.append(f"Guide version {w(record['guide']['version'])}, made at {w(record['made_at_text'])}.")
    out += _case_lines(record["case"], style)
    outcome = record["outcome"]
    # Why, in the person's words: each question and the answer given, and where the handbook explains
    # it; the routing rules' own labels stay in the JSON for maintainers.
    out += ["", f"{style.section}{'Why this outcome' if outcome is not None else 'Answers so far'}", ""]
    for r in record["reasons"]:
        see = f" See: {'; '.join(style.page(p) for p in r['see'])}" if r["see"] else ""
        out.append(f"{b} {w(r['question'])} — {w(r['answer'])}.{see}")
    if not record["reasons"]:
        out.append(f"{b} (none)")
    if outcome is not None:
        out += [f"{b} Added to the checklist: {w(label)}." for label in outcome["added"]]
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
                f"{b} {w(c['name'])}: {link_numbers(w(c['detail']), [p['number'] for p in c['phones']], style.tel)}"
                + (f" ({w(c['area'])})" if c["area"] else "")
                for c in outcome["contacts"]
            ]
        if outcome["next_steps"]:
            out += ["", "What happens next:"] + [f"{b} {w(step)}" for step in outcome["next_steps"]]
    out += ["", f"{style.section}Sources", ""]
    out += [f"{b} {style.page(c)}. Source: {w(c['source'])}" for c in record["citations"]]
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
    walk: Walk,
    refs: References,
    made_at: dt.datetime,
    fmt: str,
    done: frozenset[int] = frozenset(),
    case: CaseNotes = CaseNotes(),
    site: str = "",
) -> tuple[str, str]:
    """The record in ``fmt`` (markdown, text or json), and a file name for it."""
    write, extension = FORMATS[fmt]
    stamp = made_at.strftime("%Y-%m-%d-%H%M")
    text = write(build(walk, refs, made_at, done, case, site))
    return text, f"decision-record-{walk.guide.id}-{stamp}.{extension}"
