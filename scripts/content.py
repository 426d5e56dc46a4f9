"""Handbook pieces generated from data, so pages and guides read the same facts from one place:
the abbreviation list every page gets, the glossary, and each area's rating table."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from decision_engine.escape import markdown
from decision_engine.phones import link_numbers, numbers_in_register
from decision_engine.registers import contact_detail
from decision_engine.source import rating_schemes, read_yaml, source_ids


def _cell(text: object) -> str:
    return " ".join(str(text or "").split()).replace("|", "\\|")


def glossary_terms(data_dir: Path) -> list[dict[str, str]]:
    data = read_yaml(data_dir / "glossary.yml")
    return sorted(data["terms"], key=lambda t: str(t["abbr"]).lower())


def abbreviations(terms: list[dict[str, str]]) -> str:
    return "".join(f"*[{t['abbr']}]: {t['expansion']}\n" for t in terms)


USUAL = "The sources use this abbreviation without expanding it; this is its usual meaning."


def glossary(terms: list[dict[str, str]]) -> str:
    lines = []
    for term in terms:
        meaning = f" {term['meaning']}" if term.get("meaning") else ""
        usual = f" *{USUAL}*" if term.get("usual") else ""
        lines += [f"{term['abbr']} {{ #{_anchor(term['abbr'])} }}", f":   **{term['expansion']}**.{meaning}{usual}", ""]
    return "\n".join(lines)


def _anchor(abbr: str) -> str:
    return "term-" + "".join(ch if ch.isalnum() else "-" for ch in abbr.lower())


def rating_table(scheme: dict[str, Any], sources: dict[str, dict[str, str]]) -> str:
    rows = ["| Rating | What it means | Response | Where it goes |", "|---|---|---|---|"]
    for level in scheme.get("levels", []):
        rows.append(
            f"| **{_cell(level.get('name'))}** | {_cell(level.get('descriptor')) or 'Not given in the source'} "
            f"| {_cell(level.get('respond')) or 'Not given in the source'} "
            f"| {_cell(level.get('goes_to')) or 'Not given in the source'} |"
        )
    out = "\n".join(rows) + "\n\n"
    if scheme.get("rated_by"):
        out += f"Who rates: {_cell(scheme['rated_by'])}\n\n"
    if scheme.get("gap"):
        out += f'!!! warning "Gap in the source"\n    {_cell(scheme["gap"])}\n\n'
    source = sources.get(str(scheme.get("source")), {})
    out += (
        f"Source: {source.get('area', '')}, *{source.get('title', '')}*, {_cell(scheme.get('part'))}.\n{{ .mg-cite }}\n"
    )
    return out


def generate_content(data_dir: Path, out: Path) -> None:
    terms = glossary_terms(data_dir)
    out.mkdir(parents=True, exist_ok=True)
    (out / "abbreviations.md").write_text(abbreviations(terms), encoding="utf-8")
    (out / "glossary.md").write_text(glossary(terms), encoding="utf-8")
    sources = source_ids(data_dir / "sources.yml")
    (out / "ratings").mkdir(exist_ok=True)
    for scheme_id, scheme in rating_schemes(data_dir / "ratings.yml").items():
        (out / "ratings" / f"{scheme_id}.md").write_text(rating_table(scheme, sources), encoding="utf-8")
    generate_practice(data_dir, out)
    (out / "contacts.md").write_text(contacts_table(data_dir), encoding="utf-8")


def practice_checklist(register: dict[str, Any], agency_id: str) -> str:
    """One agency's practice standards as Markdown: checks for every case, then each concern, and the
    concerns the standards give this agency no checks for."""
    agency = next(a for a in register["agencies"] if a["id"] == agency_id)
    labels = {c["id"]: c["label"] for c in register["concerns"]}

    def item(entry: dict[str, Any]) -> str:
        if "same_as" in entry:
            others = " and ".join(f"[{labels[c].lower()}](#{c.replace('_', '-')})" for c in entry["same_as"])
            return f"- The checks for {others} apply too."
        level = "must" if "must" in entry else "should"
        when = f"If {register['conditions'][entry['when']]}: " if "when" in entry else ""
        flag = "**Escalation.** " if entry.get("escalation") else ""
        text = _cell(entry[level])
        notes = ""
        if entry.get("conflict"):
            notes += f" **The source conflicts here:** {_cell(entry['conflict'])}"
        if entry.get("gap"):
            notes += f" **Gap in the source:** {_cell(entry['gap'])}"
        return f"- {flag}{when}You **{level}**: {text}{notes}"

    lines = ["## Checks for every case {#every-case}", ""]
    lines += [item(e) for e in agency["every_case"]]
    for concern in register["concerns"]:
        entries = agency["concerns"].get(concern["id"])
        if entries:
            lines += ["", f"## {labels[concern['id']]} {{#{concern['id'].replace('_', '-')}}}", ""]
            lines += [item(e) for e in entries]
    missing = [labels[c["id"]] for c in register["concerns"] if c["id"] not in agency["concerns"]]
    if missing:
        lines += ["", "## Not covered {#not-covered}", ""]
        lines.append(
            f"The source gives {agency['name'].lower()} no checks for: {', '.join(missing)}. "
            "Read the request (the 'rag') for anything it asks."
        )
    lines += [
        "",
        f"Source: Northamptonshire, *MASH practice standards for partners*, {agency['part']}.",
        "{ .mg-cite }",
        "",
    ]
    return "\n".join(lines)


def generate_practice(data_dir: Path, out: Path) -> None:
    register = read_yaml(data_dir / "practice_standards.yml")
    (out / "practice").mkdir(parents=True, exist_ok=True)
    for agency in register["agencies"]:
        (out / "practice" / f"{agency['id']}.md").write_text(
            practice_checklist(register, agency["id"]), encoding="utf-8"
        )


def guide_reference(guides: list[Any]) -> str:
    """Every guide's id, questions and answer values, for trainers scripting scenarios and for the CLI.
    Guide text is escaped (``markdown``): ids, answer values and pages are checked to be plain words."""
    lines = []
    for guide in sorted(guides, key=lambda g: g.id):
        lines += [f"## {markdown(guide.title)} {{#{guide.id.replace('_', '-')}}}", ""]
        lines += [f"Guide id `{guide.id}`, version {guide.version}, [open the guide](../{guide.page}).", ""]
        lines += ["| Question id | Type | Question | Answer values |", "|---|---|---|---|"]
        for q in guide.questions:
            if q.options:
                values = ", ".join(f"`{o.value}`" for o in q.options)
            elif q.type == "number":
                values = f"a whole number{f' from {q.minimum}' if q.minimum is not None else ''}"
                values += f"{f' to {q.maximum}' if q.maximum is not None else ''} ({markdown(q.unit or 'number')})"
            elif q.type == "date":
                values = "a date, like `2026-11-23`"
            else:
                values = "a date and time, like `2026-11-23T09:30`"
            lines.append(f"| `{q.id}` | {q.type} | {markdown(q.text)} | {values} |")
        outcomes = ", ".join(f"`{o.id}`" for o in guide.outcomes)
        first = guide.questions[0]
        example = f"--answer {first.id}={first.options[0].value if first.options else '...'}"
        lines += [
            "",
            f"Outcomes: {outcomes}.",
            "",
            "```sh",
            f".venv/bin/python -m decision_engine walk {guide.id} {example}",
            "```",
            "",
        ]
    return "\n".join(lines)


def _contact_cell(entry: dict[str, object]) -> str:
    """A contact's details in a table cell, each of its telephone numbers a link that dials it."""
    return link_numbers(
        _cell(contact_detail(entry)), numbers_in_register(entry), lambda shown, href: f"[{shown}]({href})"
    )


def contacts_table(data_dir: Path) -> str:
    register = read_yaml(data_dir / "contacts.yml")
    sources = source_ids(data_dir / "sources.yml")
    rows = ["| Area | MASH contact |", "|---|---|"]
    rows += [f"| {c['area']} | {_contact_cell(c)} |" for c in register["contacts"]]
    cited = "; ".join(
        f"{sources[c['source']]['area']}, *{sources[c['source']]['title']}*, {c['part']}"
        for c in register["contacts"]
        if c.get("phone") or c.get("email") or "website" in str(c.get("other", ""))
    )
    return "\n".join(rows) + f"\n\n{register['source_note']}\n\nSource: {cited}.\n{{ .mg-cite }}\n"
