"""A clock time that never happens (1am to 1:59am on the last Sunday of March, when UK clocks go from
1am to 2am) is refused wherever a person gives it, and a training clock set to one breaks nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from decision_engine import TokenError, Walk, decode, encode
from decision_engine.answers import AnswerError
from decision_engine.browser import _moment
from decision_engine.record import as_markdown, build
from decision_engine.render_html import live_view
from tests.test_engine_record import GUIDE, REFS, finished

SKIPPED = "2026-03-29T01:30"


def test_a_link_holding_a_time_the_clocks_skip_is_refused() -> None:
    walk = Walk(GUIDE).with_answer("concern", "injury").with_answer("age_months", 30).with_answer("received", SKIPPED)
    with pytest.raises(TokenError, match="an answer this guide does not accept"):
        decode(GUIDE, encode(walk))


def test_a_skipped_time_typed_into_the_form_is_refused_with_the_reason() -> None:
    walk = Walk(GUIDE).with_answer("concern", "injury").with_answer("age_months", 30)
    result = walk.submit({"day": ["29"], "month": ["3"], "year": ["2026"], "time": ["01:30"]})
    assert isinstance(result, AnswerError)
    assert "the clocks go forward from 1am to 2am" in result.message


def test_a_training_clock_at_a_skipped_time_still_shows_due_times() -> None:
    now = _moment(SKIPPED)
    assert now == dt.datetime(2026, 3, 29, 1, 30)
    html = live_view(finished(), REFS, now=now)
    assert "by 4pm on Tuesday 24 November 2026." in html


def test_a_record_made_at_a_skipped_time_is_still_made() -> None:
    record = build(finished(), REFS, dt.datetime.fromisoformat(SKIPPED))
    assert record["made_at_text"] == "1:30am on Sunday 29 March 2026"
    assert record["outcome"]["due"][0]["status"].startswith("due in ")
    assert "Due by, Response" in as_markdown(record)
