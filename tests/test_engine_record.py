"""The decision record, in Markdown, plain text and JSON: everything a case file needs, and the
statement that the guide supports and does not replace professional judgement."""

from __future__ import annotations

import datetime as dt
import json
import re

from decision_engine import Walk, browser, encode
from decision_engine.compile import compile_guide
from decision_engine.record import CaseNotes, as_markdown, as_text, build, export, page_address
from decision_engine.references import References
from decision_engine.source import load_guide_file, rating_schemes, read_guide, source_ids
from tests.conftest import ROOT
from tests.test_engine_walk import FIXTURE

GUIDE = load_guide_file(FIXTURE)
REFS = References(
    sources=source_ids(ROOT / "data" / "sources.yml"), ratings=rating_schemes(ROOT / "data" / "ratings.yml")
)
MADE = dt.datetime(2026, 11, 23, 9, 15)


def finished() -> Walk:
    walk = Walk(GUIDE)
    for qid, answer in [
        ("concern", "injury"),
        ("age_months", 30),
        ("received", "2026-11-20T16:00"),
        ("born", "2024-05-01"),
    ]:
        walk = walk.with_answer(qid, answer)
    return walk


def test_the_record_holds_the_whole_decision() -> None:
    record = build(finished(), REFS, MADE)
    assert record["guide"] == {"id": "every_question_type", "title": "Every question type", "version": 3}
    assert record["made_at"] == "2026-11-23T09:15"
    assert [a["answer"] for a in record["answers"]] == [
        "An injury",
        "30 months",
        "Friday 20 November 2026 at 4pm",
        "Wednesday 1 May 2024",
    ]
    outcome = record["outcome"]
    assert outcome["title"] == "Standard"
    assert outcome["rating"] == "Barnet BRAG rating: Green"
    assert outcome["urgency"] == "standard"
    [due] = outcome["due"]
    assert due["label"] == "Response (Barnet BRAG rating: Green)"
    assert due["text"] == "4pm on Tuesday 24 November 2026"
    assert due["status"] == "due in 30 hours 45 minutes"
    assert outcome["actions"][0] == {
        "level": "must",
        "text": "Call the paediatrician.",
        "escalation": True,
        "heading": "",
        "concern": "",
        "done": False,
        "cite": [],
    }
    assert record["citations"][0]["source"].startswith("Waltham Forest: ")
    assert "does not replace" in record["statement"]


def test_every_format_carries_the_same_record() -> None:
    markdown, name = export(finished(), REFS, MADE, "markdown")
    text, _ = export(finished(), REFS, MADE, "text")
    as_json, _ = export(finished(), REFS, MADE, "json")
    assert name == "decision-record-every_question_type-2026-11-23-0915.md"
    assert markdown.startswith("# Decision record: Every question type")
    assert "## Outcome" in markdown and "1. [ ] ESCALATE: Must: Call the paediatrician." in markdown
    assert "# " not in text
    assert "Due by, Response (Barnet BRAG rating: Green): 4pm on Tuesday 24 November 2026 (due in 30 hours" in text
    assert json.loads(as_json) == build(finished(), REFS, MADE)


def test_an_unfinished_walk_says_so() -> None:
    record = build(Walk(GUIDE).with_answer("concern", "injury"), REFS, MADE)
    assert record["outcome"] is None
    assert "not finished" in as_markdown(record)


def test_ticked_checklist_items_are_marked_in_the_record() -> None:
    markdown, _ = export(finished(), REFS, MADE, "markdown", done=frozenset({0, 2}))
    ticks = [line.split(" ")[1] for line in markdown.splitlines() if line[:1].isdigit() and ". [" in line]
    assert ticks == ["[x]", "[", "[x]"]  # "[ ]" splits at its space


def test_a_due_time_that_has_passed_is_said_to_be_overdue() -> None:
    late = dt.datetime(2026, 11, 25, 10, 0)
    [due] = build(finished(), REFS, late)["outcome"]["due"]
    assert due["status"] == "overdue by 18 hours"
    assert "(overdue by 18 hours when this record was made)" in as_markdown(build(finished(), REFS, late))


def test_the_record_says_how_each_due_time_was_worked_out_and_who_to_contact() -> None:
    guide = load_guide_file(ROOT / "guides" / "worried_about_a_child.yaml")
    walk = Walk(guide)
    for qid, answer in [
        ("immediate_danger", "no"),
        ("significant_harm", "yes"),
        ("also_applies", ("none",)),
        ("area", "rotherham"),
    ]:
        walk = walk.with_answer(qid, answer)  # type: ignore[arg-type]
    text = as_markdown(build(walk, REFS, MADE))
    assert "- Rotherham MASH: " in text  # the contacts, each with its area
    dated = build(finished(), REFS, MADE)
    [due] = dated["outcome"]["due"]
    assert due["how"].startswith("2 working days on, at the same time of day")
    assert f"  How it was worked out: {due['how']}." in as_markdown(dated)


def waltham_forest_child_protection() -> Walk:
    walk = Walk(load_guide_file(ROOT / "guides" / "worried_about_a_child.yaml"))
    for qid, answer in [
        ("immediate_danger", "no"),
        ("significant_harm", "yes"),
        ("also_applies", ("none",)),
        ("area", "waltham_forest"),
    ]:
        walk = walk.with_answer(qid, answer)  # type: ignore[arg-type]
    return walk


def test_the_record_gives_each_contact_with_its_area_and_its_numbers_to_dial() -> None:
    record = build(waltham_forest_child_protection(), REFS, MADE)
    contacts = {c["area"]: c for c in record["outcome"]["contacts"]}
    assert list(contacts) == ["Waltham Forest", "Barnet", "Rotherham", "Northamptonshire"]  # all areas, as today
    assert contacts["Waltham Forest"]["phones"] == [
        {"number": "020 8496 2310", "tel": "tel:+442084962310"},
        {"number": "020 8496 3000", "tel": "tel:+442084963000"},
    ]
    assert contacts["Barnet"]["phones"] == []  # the source gives no number, and none is made up
    markdown = as_markdown(record)
    assert "- Waltham Forest MASH: [020 8496 2310](tel:+442084962310) (Monday to Thursday" in markdown
    assert "out of hours [020 8496 3000](tel:+442084963000)" in markdown
    assert "- Rotherham MASH: Not given in the source. (Rotherham)" in markdown
    assert "* Waltham Forest MASH: 020 8496 2310 (Monday to Thursday" in as_text(record)  # as written


def test_why_this_outcome_is_each_question_and_answer_with_its_handbook_page() -> None:
    record = build(waltham_forest_child_protection(), REFS, MADE, site="https://mash.example/handbook/")
    markdown, text = as_markdown(record), as_text(record)
    assert "## Why this outcome" in markdown and "## Answers" not in markdown
    assert "- Is the child in immediate danger? — No." in markdown
    harm = "- Is the child suffering, or likely to suffer, significant harm? — Yes. See: ["
    assert harm in markdown
    assert "](https://mash.example/handbook/referring/worried-about-a-child.html#significant-harm)" in markdown
    assert "answered" not in markdown.lower()  # the rules' own labels stay in the JSON, for maintainers
    assert record["reasons"][1]["rule"] and record["reasons"][1]["see"][0]["handbook"].startswith("referring/")
    assert "(handbook page: https://mash.example/handbook/referring/worried-about-a-child.html#" in text


def test_handbook_references_are_links_in_markdown_and_named_pages_in_text() -> None:
    record = build(waltham_forest_child_protection(), REFS, MADE)  # no site: pages by path from the root
    sources = as_markdown(record).split("## Sources", 1)[1]
    assert re.search(r"^- \[.+\]\(referring/worried-about-a-child\.html#[\w-]+\)\. Source: ", sources, re.M)
    text_sources = as_text(record).split("\nSources\n", 1)[1]
    assert "(handbook page: referring/worried-about-a-child.html#" in text_sources
    assert page_address("a/b c.md#x(y)") == "a/b%20c.html#x%28y%29"  # one link target, whatever the anchor


def test_the_case_reference_and_notes_go_into_every_format_line_by_line() -> None:
    case = CaseNotes(
        reference="WF/2026/0412", notes="Spoke to the MASH at 10am.\n\n- call back Tuesday\n# not a heading"
    )
    markdown, _ = export(waltham_forest_child_protection(), REFS, MADE, "markdown", case=case)
    text, _ = export(waltham_forest_child_protection(), REFS, MADE, "text", case=case)
    data = json.loads(export(waltham_forest_child_protection(), REFS, MADE, "json", case=case)[0])
    assert data["case"] == {"reference": case.reference, "notes": case.notes}
    assert "## Your case reference and notes\n\nCase reference: WF/2026/0412\n\nNotes:\n\n" in markdown
    assert "Spoke to the MASH at 10am.\n\n\\- call back Tuesday\n\n\\# not a heading\n" in markdown
    assert "Notes:\n\n  Spoke to the MASH at 10am.\n  - call back Tuesday\n  # not a heading\n" in text
    assert "kept only in this browser tab" in markdown
    plain = as_markdown(build(waltham_forest_child_protection(), REFS, MADE))
    assert "case reference" not in plain.lower()  # nothing typed: no section, and no word of it


def test_the_page_passes_notes_and_its_address_in_as_data_and_bad_ones_are_refused() -> None:
    path = ROOT / "guides" / "worried_about_a_child.yaml"
    guide = load_guide_file(path)
    loaded = json.loads(browser.load(compile_guide(read_guide(path), guide, REFS)))
    assert loaded["ok"]
    token = encode(waltham_forest_child_protection())
    notes = json.dumps({"reference": "R1", "notes": "x" * 6000})
    reply = json.loads(browser.record(guide.id, token, "json", "2026-11-23T09:15", "[]", notes, "https://h.example/"))
    made = json.loads(reply["text"])
    assert made["case"]["reference"] == "R1" and len(made["case"]["notes"]) == browser.MAX_NOTES
    assert made["citations"][0]["href"].startswith("https://h.example/")
    sneaky = json.loads(browser.record(guide.id, token, "json", "2026-11-23T09:15", "[]", "{}", "javascript:x()/"))
    assert json.loads(sneaky["text"])["citations"][0]["href"].startswith("referring/")  # not an address: a path
    refused = json.loads(browser.record(guide.id, token, "json", "2026-11-23T09:15", "[]", '{"notes": 3}'))
    assert refused == {
        "ok": False,
        "message": "The record could not be made: the case reference and notes could not be read.",
    }
