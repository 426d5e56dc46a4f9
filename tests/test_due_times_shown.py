"""Due times as a person sees them on the page, in the decision record and from the command line: the
time, what day it falls on when that is not a working day, and how long is left."""

from __future__ import annotations

import datetime as dt
import json

from decision_engine import Walk
from decision_engine.record import as_markdown, as_text, build
from decision_engine.references import References
from decision_engine.render_html import live_view
from decision_engine.source import rating_schemes, source_ids
from tests.conftest import ROOT, load_guide
from tests.test_build_and_cli import run
from tests.test_engine_record import GUIDE as FIXTURE_GUIDE  # its outcome is Barnet Green: working days

GUIDE = load_guide("threshold_and_rating")
REFS = References(
    sources=source_ids(ROOT / "data" / "sources.yml"), ratings=rating_schemes(ROOT / "data" / "ratings.yml")
)
FRIDAY_NIGHT = "2026-11-20T22:00"  # Barnet Red: 4 hours, so due at 2am on Saturday


def red(received: str) -> Walk:
    walk = Walk(GUIDE)
    for question, answer in [
        ("area", "barnet"),
        ("received", received),
        ("circumstances", "immediate_or_serious"),
        ("revised", "not_yet"),
    ]:
        walk = walk.with_answer(question, answer)
    return walk


def test_the_page_says_a_due_time_falls_on_a_weekend_beside_the_time() -> None:
    html = live_view(red(FRIDAY_NIGHT), REFS, now=dt.datetime(2026, 11, 20, 23, 0))
    assert (
        "by 2am on Saturday 21 November 2026. <span class=mg-due__day>This falls on a Saturday.</span> "
        "<span class=mg-left>(due in 3 hours)</span>" in html
    )


def test_the_page_says_nothing_of_the_day_on_a_working_day() -> None:
    html = live_view(red("2026-11-23T09:00"), REFS, now=dt.datetime(2026, 11, 23, 10, 0))
    assert "by 1pm on Monday 23 November 2026. <span class=mg-left>(due in 3 hours)</span>" in html
    assert "mg-due__day" not in html


def test_the_record_says_a_due_time_falls_on_a_bank_holiday() -> None:
    record = build(red("2026-12-24T23:00"), REFS, dt.datetime(2026, 12, 24, 23, 30))
    [due] = record["outcome"]["due"]
    assert due["text"] == "3am on Friday 25 December 2026"
    assert due["note"] == "This falls on a bank holiday: Christmas Day."
    line = (
        "Due by, Response (Barnet BRAG rating: Red): 3am on Friday 25 December 2026 (due in 3 hours 30 minutes "
        "when this record was made). This falls on a bank holiday: Christmas Day."
    )
    assert line in as_markdown(record).splitlines()
    assert line in as_text(record).splitlines()


def test_the_command_line_gives_the_day_with_the_due_time() -> None:
    answers = ["area=barnet", f"received={FRIDAY_NIGHT}", "circumstances=immediate_or_serious", "revised=not_yet"]
    result = run("-m", "decision_engine", "walk", "threshold_and_rating", *[f"--answer={a}" for a in answers])
    [due] = json.loads(result.stdout)["current"]["due"]
    assert (due["label"], due["text"], due["note"]) == (
        "Response (Barnet BRAG rating: Red)",
        "2am on Saturday 21 November 2026",
        "This falls on a Saturday.",
    )


def test_the_page_measures_time_left_from_the_as_of_time() -> None:
    walk = red("2026-11-23T09:00")  # due at 1pm
    before = live_view(walk, REFS, now=dt.datetime(2026, 11, 23, 9, 30))
    after = live_view(walk, REFS, now=dt.datetime(2026, 11, 23, 14, 5))
    unknown = live_view(walk, REFS)
    assert "<span class=mg-left>(due in 3 hours 30 minutes)</span>" in before
    assert '<strong class="mg-overdue">Overdue by 1 hour 5 minutes.</strong>' in after
    assert "due in" not in unknown and "Overdue" not in unknown


def test_a_working_day_timescale_after_the_table_shows_the_plain_message_on_the_page_and_in_the_record() -> None:
    walk = Walk(FIXTURE_GUIDE)
    for question, answer in [("concern", "injury"), ("age_months", 30), ("received", "2040-03-14T10:00")]:
        walk = walk.with_answer(question, answer)
    walk = walk.with_answer("born", "2038-05-01")
    message = "14 March 2040 is outside it, so the due time cannot be worked out here"
    assert message in live_view(walk, REFS, now=dt.datetime(2040, 3, 14, 11, 0))
    record = build(walk, REFS, dt.datetime(2040, 3, 14, 11, 0))
    [due] = record["outcome"]["due"]
    assert message in due["text"] and due["status"] == "" and due["note"] == ""
    assert message in as_markdown(record)
