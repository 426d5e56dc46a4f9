"""Properties that hold for any walk (Hypothesis): whatever a person does, the engine ends at an
outcome or gives a clear message, never an exception; tokens round-trip; Back then the same answer
returns to the same state."""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote

from hypothesis import given, settings
from hypothesis import strategies as st

from decision_engine import TokenError, Walk, decode, encode
from decision_engine.answers import AnswerError
from decision_engine.model import Guide, Question
from decision_engine.source import load_guide_file
from decision_engine.token import _SAFE, _check
from tests.conftest import real_guides
from tests.test_engine_walk import FIXTURE

GUIDES = [load_guide_file(FIXTURE), *real_guides()]
BY_ID = {guide.id: guide for guide in GUIDES}
FIELDS = ("answer", "day", "month", "year", "hour", "minute")
junk = st.one_of(st.text(max_size=8), st.integers(-5, 300).map(str), st.sampled_from(["yes", "no", "none", ""]))


@st.composite
def forms(draw, question: Question):
    """Sometimes a real answer, sometimes anything a browser could send."""
    if question.options and draw(st.booleans()):
        values = [o.value for o in question.options]
        return {"answer": draw(st.lists(st.sampled_from(values), min_size=1, max_size=3))}
    return {name: draw(st.lists(junk, max_size=2)) for name in draw(st.lists(st.sampled_from(FIELDS), max_size=6))}


@st.composite
def walks(draw):
    return draw(walks_of(draw(st.sampled_from(GUIDES))))


@st.composite
def walks_of(draw, guide: Guide):
    walk = Walk(guide)
    for _ in range(draw(st.integers(0, 25))):
        move = draw(st.sampled_from(["answer", "answer", "answer", "back", "change", "restart"]))
        if move == "answer" and isinstance(walk.current, Question):
            result = walk.submit(draw(forms(walk.current)))
            if isinstance(result, AnswerError):
                assert result.message and result.message[0].isupper()
            else:
                walk = result
        elif move == "back":
            walk = walk.back()
        elif move == "change" and walk.steps:
            walk = walk.change(draw(st.sampled_from(walk.steps)).question.id)
        elif move == "restart":
            walk = walk.restart()
    return walk


@settings(max_examples=300, deadline=None)
@given(walks())
def test_any_walk_stands_on_a_question_or_an_outcome(walk: Walk) -> None:
    assert walk.guide.node(walk.current.id) is walk.current


@settings(max_examples=300, deadline=None)
@given(walks())
def test_tokens_round_trip(walk: Walk) -> None:
    assert decode(walk.guide, encode(walk)) == walk


@settings(max_examples=300, deadline=None)
@given(walks())
def test_back_then_the_same_answer_returns_the_same_state(walk: Walk) -> None:
    if walk.at is not None or not walk.steps_before_current:
        walk = walk.restart() if not walk.steps else Walk(walk.guide, walk.answers)
    if not walk.steps_before_current:
        return
    last = walk.steps_before_current[-1]
    assert walk.back().with_answer(last.question.id, last.answer) == walk


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(GUIDES), st.text(st.characters(), max_size=60))  # lone surrogates included
def test_any_text_as_a_token_is_restored_or_refused_plainly(guide, text: str) -> None:
    try:
        decode(guide, text)
    except TokenError as refused:
        assert str(refused).startswith("The link")


# --- Tokens that pass the check ---------------------------------------------------------------------
# A random token almost never has the right CRC-32, so it is refused before its answers are read. These
# are signed with the right check, so what decode makes of the rest is what is tested.

ODD_NUMBERS = ["2,5", "2.5", "1,000", " 7 ", "٣", "¹", "007", "-0", "+1", "9" * 12, "1e3", ""]
ODD_VERSIONS = ["¹", "٣", "", "-1", " 1", "9" * 5000, "1" + "0" * 30, "01"]
moments = st.datetimes(min_value=dt.datetime(1, 1, 1), max_value=dt.datetime(9999, 12, 31, 23, 59)).map(
    lambda moment: moment.replace(second=0, microsecond=0)
)
any_char = st.characters(codec="utf-8")
token_char = st.one_of(st.sampled_from("abcdefghijklmnopqrstuvwxyz_0123456789=;@,:%-.T"), any_char)


def values(question: Question) -> st.SearchStrategy[str]:
    """Text for one answer: often one the question accepts, sometimes nearly, sometimes anything."""
    if question.options:
        options = [o.value for o in question.options]
        good = st.lists(st.sampled_from(options), min_size=1, max_size=3).map(",".join)
    elif question.type == "number":
        good = st.one_of(st.integers(-10, 10_000).map(str), st.sampled_from(ODD_NUMBERS))
    elif question.type == "date":
        good = moments.map(lambda moment: moment.date().isoformat())
    else:
        good = moments.map(lambda moment: moment.isoformat(timespec="minutes"))
    return st.one_of(good, good, st.text(token_char, max_size=8))


@st.composite
def bodies(draw, guide: Guide) -> str:
    """The ANSWERS part of a token: answers, '@' marks and junk in any order, or a real walk's, damaged."""
    if draw(st.booleans()):
        walk = draw(walks_of(guide))
        body = encode(walk).split(".")[2]
        for _ in range(draw(st.integers(0, 3))):
            at = draw(st.integers(0, len(body)))
            cut = draw(st.integers(0, 3))
            body = body[:at] + draw(st.text(token_char, max_size=3)) + body[at + cut :]
        return body
    parts = []
    for _ in range(draw(st.integers(0, 8))):
        question = draw(st.sampled_from(guide.questions))
        kind = draw(st.sampled_from(["answer", "answer", "answer", "at", "junk"]))
        if kind == "answer":
            value = draw(values(question))
            parts.append(f"{question.id}={quote(value, safe=_SAFE) if draw(st.booleans()) else value}")
        elif kind == "at":
            parts.append(f"@{question.id}")
        else:
            parts.append(draw(st.text(token_char, max_size=10)))
    return ";".join(parts)


@st.composite
def signed_tokens(draw) -> tuple[str, str]:
    """A guide id and a token for it whose check is right (the id keeps a failing example short)."""
    guide = draw(st.sampled_from(GUIDES))
    version = draw(
        st.one_of(st.just(str(guide.version)), st.sampled_from(ODD_VERSIONS), st.text(token_char, max_size=4))
    )
    text = f"{guide.id}.{version}.{draw(bodies(guide))}"
    return guide.id, f"{text}.{_check(text)}"


@settings(max_examples=500, deadline=None)
@given(signed_tokens())
def test_a_token_with_a_good_check_is_restored_exactly_or_refused_plainly(signed: tuple[str, str]) -> None:
    guide_id, token = signed
    guide = BY_ID[guide_id]
    try:
        walk = decode(guide, token)
    except TokenError as refused:
        assert str(refused).startswith("The link")
        return
    again = encode(walk)
    assert decode(guide, again) == walk
    assert encode(decode(guide, again)) == again
