"""The engine's face to the page (decision_engine/browser.py), on the host: whatever the page, a
damaged link or a fault sends it, every call returns a JSON object and never raises. A damaged link
shows 'could not be restored' with Start again; an unexpected fault becomes a plain message, never a
traceback."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from decision_engine import Walk, browser, decode, encode
from decision_engine.compile import compile_guide
from decision_engine.model import Guide, Outcome
from decision_engine.paths import all_routes
from decision_engine.references import References
from decision_engine.source import guide_files, load_guide_file, rating_schemes, read_guide
from decision_engine.token import TokenError, _check
from tests.conftest import GUIDES, ROOT, load_guide
from tests.test_engine_properties import BY_ID, signed_tokens
from tests.test_engine_walk import FIXTURE

ID = "worried_about_a_child"
GUIDE = load_guide(ID)
RESTORE_FAILED = "This link could not be restored"


@pytest.fixture(scope="module", autouse=True)
def loaded(refs: References) -> Iterator[None]:
    """Every guide loaded into the engine as the page loads it: from its compiled JSON, as the build
    makes it (with the rating schemes, so ratings have their timescales)."""
    refs = replace(refs, ratings=rating_schemes(ROOT / "data" / "ratings.yml"))
    for path in [FIXTURE, *guide_files(GUIDES)]:
        reply = json.loads(browser.load(compile_guide(read_guide(path), load_guide_file(path), refs)))
        assert reply["ok"], reply
    yield


def reply_of(text: Any) -> dict[str, Any]:
    """A reply as the page reads it: JSON text of an object with a true or false 'ok', never a
    traceback, and when it is not ok, either a view to show or a message."""
    assert isinstance(text, str)
    reply = json.loads(text)
    assert isinstance(reply, dict) and isinstance(reply.get("ok"), bool)
    assert "Traceback" not in text and 'File "' not in text
    if not reply["ok"]:
        assert isinstance(reply.get("html"), str) or isinstance(reply.get("message"), str)
    return reply


def assert_restore_failed(reply: dict[str, Any]) -> None:
    assert reply["ok"] is False
    assert RESTORE_FAILED in reply["html"] and ">Start again</a>" in reply["html"]
    assert reply["title"] == "Link could not be restored"


def signed(body: str, version: str | None = None) -> str:
    text = f"{ID}.{GUIDE.version if version is None else version}.{body}"
    return f"{text}.{_check(text)}"


def at_outcome_received(guide_id: str, when: str) -> str:
    """A token for a route of the guide to an outcome with due times, counted from ``when``."""
    guide = load_guide(guide_id)
    for answers, outcome_id in all_routes(guide):
        start = guide.outcome(outcome_id).due_from  # type: ignore[union-attr]
        if start and start in dict(answers):
            walk = Walk(guide, tuple((q, when if q == start else a) for q, a in answers))
            assert isinstance(walk.current, Outcome) and walk.current.id == outcome_id
            return encode(walk)
    raise AssertionError(f"no route of {guide_id} ends at an outcome with due times")


# --- load -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "compiled",
    [
        None,
        5,
        "",
        "{",
        "[]",
        "null",
        '{"format": 1}',
        '{"format": 1, "guide": [], "references": []}',
        b"{}",
        "[" * 10_000 + "]" * 10_000,  # killed Pyodide outright: a JavaScript stack overflow
    ],
)
def test_load_refuses_anything_but_a_compiled_guide_with_a_message(compiled: Any) -> None:
    reply = reply_of(browser.load(compiled))
    assert reply["ok"] is False and reply["message"]


# --- a guide that is not loaded -------------------------------------------------------------------


@pytest.mark.parametrize("guide_id", ["no_such_guide", "", None, 5, ["worried_about_a_child"]])
def test_every_call_for_a_guide_not_loaded_replies_with_a_message(guide_id: Any) -> None:
    for text in (
        browser.render(guide_id, ""),
        browser.submit(guide_id, "", "{}"),
        browser.replay(guide_id, "[]"),
        browser.record(guide_id, "", "markdown", "2026-11-23T09:30"),
    ):
        reply = reply_of(text)
        assert reply["ok"] is False and "reload the page" in reply["message"]


# --- render -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "token",
    [
        "rubbish",
        signed("", version="¹"),  # raised ValueError in decode, so render raised too
        signed("", version="9" * 5000),
        f"{ID}.{GUIDE.version}.immediate_danger=no\ud800.00000000",
        signed("immediate_danger=%FF"),
        signed("immediate_danger=no;@immediate_danger;@immediate_danger"),
        signed("immediate_danger=no;immediate_danger=yes"),
        5,
        ["a"],
    ],
)
def test_a_damaged_token_shows_could_not_be_restored_with_start_again(token: Any) -> None:
    assert_restore_failed(reply_of(browser.render(ID, token)))
    assert_restore_failed(reply_of(browser.submit(ID, token, '{"answer": ["no"]}')))


@pytest.mark.parametrize("token", ["", None])
def test_no_token_is_a_fresh_walk(token: Any) -> None:
    reply = reply_of(browser.render(ID, token))
    assert reply["ok"] and reply["node"] == GUIDE.start


@pytest.mark.parametrize(
    "now",
    [
        "",
        None,
        5,
        "rubbish",
        "2026-02-30T10:00",  # no such day
        "2026-03-29T01:30",  # the hour the clocks skip
        "2026-10-25T01:30",  # the hour the clocks repeat
        "2026-11-23T09:30+00:00",  # with a UTC offset: was compared with UK local times and raised TypeError
        "2026-11-23",
        "0001-01-01T00:00",  # the first minute the calendar has: raised OverflowError
        "9999-12-31T23:59",
        "٢٠٢٦-١١-٢٣T09:30",
    ],
)
@pytest.mark.parametrize("guide_id", ["stage_1_triage", "escalation", "threshold_and_rating"])
def test_any_now_shows_the_outcome_and_its_due_times(guide_id: str, now: Any) -> None:
    token = at_outcome_received(guide_id, "2026-11-23T09:00")
    reply = reply_of(browser.render(guide_id, token, now))
    assert reply["ok"] and "mg-due" in reply["html"]


@pytest.mark.parametrize("when", ["0001-01-01T00:00", "9999-12-31T23:59", "9999-12-31T00:00"])
@pytest.mark.parametrize("guide_id", ["stage_1_triage", "escalation", "threshold_and_rating"])
def test_a_receipt_time_at_the_ends_of_the_calendar_shows_the_outcome(guide_id: str, when: str) -> None:
    # Counting hours on from 31 December 9999 runs off the calendar (OverflowError): the outcome is
    # still shown, with the due time that cannot be worked out saying so.
    token = at_outcome_received(guide_id, when)
    reply = reply_of(browser.render(guide_id, token, "2026-11-23T09:30"))
    assert reply["ok"] and reply["token"] == token
    record = reply_of(browser.record(guide_id, token, "markdown", "2026-11-23T09:30"))
    assert record["ok"]


# --- submit -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "form_json",
    [
        None,
        5,
        "",
        "{",
        "[1]",  # raised AttributeError: a list where a mapping is expected
        "null",
        '"no"',
        '{"answer": null}',
        '{"answer": {"no": 1}}',
        '{"answer": [null, {"a": 1}, [2]]}',
        '{"answer": ["maybe"]}',
        '{"answer": 1e400}',
        '{"answer": [true]}',
        "[" * 10_000 + "]" * 10_000,  # killed Pyodide outright: a JavaScript stack overflow
        '{"answer": ["no"], "x": ' + "[" * 10_000 + "]" * 10_000 + "}",
    ],
)
def test_a_form_in_any_shape_shows_the_question_again_with_what_to_fix(form_json: Any) -> None:
    reply = reply_of(browser.submit(ID, "", form_json))
    assert reply["ok"] and "token" not in reply
    assert reply["error"] and 'class="mg-error-summary"' in reply["html"]
    assert f'data-node="{GUIDE.start}"' in reply["html"]


@pytest.mark.parametrize("form_json", ['{"answer": ["no"]}', '{"answer": "no"}'])
def test_a_good_answer_moves_on(form_json: str) -> None:
    reply = reply_of(browser.submit(ID, "", form_json))
    assert decode(GUIDE, reply["token"]) == Walk(GUIDE).with_answer("immediate_danger", "no")


def test_a_number_with_a_comma_is_refused_in_the_page() -> None:
    guide = load_guide("practice_standard_checks")
    walk = Walk(guide).with_answer("agency", "social_care").with_answer("concerns", ("dog_bite",))
    assert walk.current.id == "dog_bite_age_months"
    reply = reply_of(browser.submit(guide.id, encode(walk), '{"answer": ["2,5"]}'))
    assert "token" not in reply
    assert reply["error"] == "Enter months as a whole number without commas, spaces or decimal points, like 6"


# --- replay -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "answers_json",
    [
        None,
        5,
        "",
        "{",
        "5",
        "[1]",
        '[["a"]]',
        "[[1, 2]]",
        '[["immediate_danger", null]]',
        '{"a": 1}',
        '"no"',
        "[" * 10_000 + "]" * 10_000,
    ],
)
def test_replay_of_anything_starts_where_it_can(answers_json: Any) -> None:
    reply = reply_of(browser.replay(ID, answers_json))
    assert reply["ok"] and decode(GUIDE, reply["token"]) == Walk(GUIDE)


def test_replay_follows_the_answers_clicked() -> None:
    reply = reply_of(browser.replay(ID, '[["immediate_danger", "no"], ["significant_harm", "yes"], 5]'))
    walk = Walk(GUIDE).with_answer("immediate_danger", "no").with_answer("significant_harm", "yes")
    assert decode(GUIDE, reply["token"]) == walk


# --- record -----------------------------------------------------------------------------------------

OUTCOME = encode(Walk(GUIDE).with_answer("immediate_danger", "yes"))


@pytest.mark.parametrize(
    ("fmt", "made_at", "done_json", "message"),
    [
        ("pdf", "2026-11-23T09:30", "[]", "there is no record format called 'pdf'"),
        (None, "2026-11-23T09:30", "[]", "there is no record format called 'None'"),
        ("markdown", "rubbish", "[]", "the time it was made at is not a real date and time"),
        ("markdown", "", "[]", "the time it was made at is not a real date and time"),
        ("markdown", None, "[]", "the time it was made at is not a real date and time"),
        ("markdown", "2026-02-30T10:00", "[]", "the time it was made at is not a real date and time"),
        ("markdown", "2026-11-23T09:30+00:00", "[]", "the time it was made at is not a real date and time"),
        ("markdown", "2026-11-23T09:30", "{", "the ticked items could not be read"),
        ("markdown", "2026-11-23T09:30", '["a"]', "the ticked items could not be read"),
        ("markdown", "2026-11-23T09:30", "[1e400]", "the ticked items could not be read"),  # raised OverflowError
        ("markdown", "2026-11-23T09:30", "[1.5]", "the ticked items could not be read"),
        ("markdown", "2026-11-23T09:30", "[null]", "the ticked items could not be read"),
        ("markdown", "2026-11-23T09:30", "5", "the ticked items could not be read"),  # raised TypeError
        ("markdown", "2026-11-23T09:30", None, "the ticked items could not be read"),
        ("markdown", "2026-11-23T09:30", "[" * 10_000 + "]" * 10_000, "the ticked items could not be read"),
    ],
)
def test_a_record_that_cannot_be_made_says_why(fmt: Any, made_at: Any, done_json: Any, message: str) -> None:
    reply = reply_of(browser.record(ID, OUTCOME, fmt, made_at, done_json))
    assert reply["ok"] is False
    assert reply["message"] == f"The record could not be made: {message}."


def test_a_record_for_a_damaged_link_says_why() -> None:
    reply = reply_of(browser.record(ID, signed("", version="¹"), "markdown", "2026-11-23T09:30"))
    assert reply["ok"] is False and reply["message"].startswith("The record could not be made: The link")


@pytest.mark.parametrize("made_at", ["0001-01-01T00:00", "9999-12-31T23:59", "2026-03-29T01:30"])
def test_a_record_is_made_at_any_real_time(made_at: str) -> None:
    reply = reply_of(browser.record(ID, OUTCOME, "markdown", made_at, "[0, 1]"))
    assert reply["ok"] and reply["filename"].endswith(".md")


# --- faults -----------------------------------------------------------------------------------------

FAULT = "Something went wrong in the guide engine"


def test_an_unexpected_fault_becomes_a_plain_message(monkeypatch: pytest.MonkeyPatch) -> None:
    def fault(*_args: Any, **_kwargs: Any) -> Any:
        raise RuntimeError("Traceback (most recent call last):\n  boom")

    token = encode(Walk(GUIDE).with_answer("immediate_danger", "no"))
    monkeypatch.setattr(browser, "live_view", fault)
    monkeypatch.setattr(browser, "export", fault)
    monkeypatch.setattr(browser, "encode", fault)
    monkeypatch.setattr(browser, "load_compiled", fault)
    for text in (
        browser.load("{}"),
        browser.render(ID, token),
        browser.submit(ID, token, '{"answer": ["yes"]}'),
        browser.replay(ID, "[]"),
        browser.record(ID, token, "markdown", "2026-11-23T09:30"),
    ):
        reply = reply_of(text)
        assert reply["ok"] is False and reply["message"].startswith(FAULT)
        assert "boom" not in text


# --- anything at all ----------------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
anything = st.one_of(
    st.none(),
    st.integers(),
    st.text(st.characters(), max_size=20),  # lone surrogates included
    json_values.map(json.dumps),
    json_values,
    st.sampled_from(["", ID, "stage_1_triage", "[]", "{}", "markdown", "json", "2026-11-23T09:30"]),
)
guide_ids = st.one_of(st.sampled_from(sorted(BY_ID)), anything)


@settings(max_examples=300, deadline=None)
@given(guide_ids, anything, anything, anything, anything)
def test_every_call_replies_with_json_whatever_it_is_given(guide_id: Any, a: Any, b: Any, c: Any, d: Any) -> None:
    reply_of(browser.load(a))
    reply_of(browser.render(guide_id, a, b))
    reply_of(browser.submit(guide_id, a, b))
    reply_of(browser.replay(guide_id, a))
    reply_of(browser.record(guide_id, a, b, c, d))


@settings(max_examples=500, deadline=None)
@given(signed_tokens())
def test_a_token_with_a_good_check_is_shown_or_said_to_be_damaged(signed_token: tuple[str, str]) -> None:
    guide_id, token = signed_token
    guide: Guide = BY_ID[guide_id]
    reply = reply_of(browser.render(guide_id, token, "2026-11-23T09:30"))
    try:
        walk = decode(guide, token)
    except TokenError:
        assert_restore_failed(reply)
        return
    assert reply["ok"] and reply["token"] == encode(walk) and reply["node"] == walk.current.id
