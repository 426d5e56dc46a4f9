"""The decision record, in Markdown, plain text and JSON: everything a case file needs, and the
statement that the guide supports and does not replace professional judgement."""

from __future__ import annotations

import datetime as dt
import json

from decision_engine import Walk
from decision_engine.record import as_markdown, build, export
from decision_engine.references import References
from decision_engine.source import load_guide_file, rating_schemes, source_ids
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
