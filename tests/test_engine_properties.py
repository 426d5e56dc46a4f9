"""Properties that hold for any walk (Hypothesis): whatever a person does, the engine ends at an
outcome or gives a clear message, never an exception; tokens round-trip; Back then the same answer
returns to the same state."""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote

from hypothesis import given, settings
from hypothesis import strategies as st

from decision_engine import TokenError, Walk, decode, encode
from decision_engine.answers import AnswerError, from_form
from decision_engine.model import Answer, Guide, Outcome, Question
from decision_engine.references import References
from decision_engine.render_html import live_view
from decision_engine.source import load_guide_file
from decision_engine.token import _SAFE, _check
from tests.conftest import real_guides
from tests.test_engine_walk import FIXTURE

GUIDES = [load_guide_file(FIXTURE), *real_guides()]
BY_ID = {guide.id: guide for guide in GUIDES}
FIELDS = ("answer", "day", "month", "year", "time")
junk = st.one_of(
    st.text(max_size=8),
    st.integers(-5, 300).map(str),
    st.sampled_from(["yes", "no", "none", "", "4:30pm", "12am", "6", "Dec", "1630"]),
)


moments = st.datetimes(min_value=dt.datetime(1, 1, 1), max_value=dt.datetime(9999, 12, 31, 23, 59)).map(
    lambda moment: moment.replace(second=0, microsecond=0)
)


@st.composite
def forms(draw, question: Question):
    """Mostly a real answer, sometimes anything a browser could send."""
    real = draw(st.integers(0, 3)) > 0
    if question.options and real:
        values = [o.value for o in question.options]
        return {"answer": draw(st.lists(st.sampled_from(values), min_size=1, max_size=3))}
    if question.type == "number" and real:
        low = -5 if question.minimum is None else question.minimum
        return {"answer": [str(draw(st.integers(low, low + 300 if question.maximum is None else question.maximum)))]}
    if question.type in ("date", "datetime") and real:
        moment = draw(moments)
        fields = {"day": moment.day, "month": moment.month, "year": f"{moment.year:04d}"}
        fields |= {"time": f"{moment.hour:02d}:{moment.minute:02d}"} if question.type == "datetime" else {}
        return {name: [str(value)] for name, value in fields.items()}
    return {name: draw(st.lists(junk, max_size=2)) for name in draw(st.lists(st.sampled_from(FIELDS), max_size=6))}


@st.composite
def walks(draw):
    return draw(walks_of(draw(st.sampled_from(GUIDES))))


@st.composite
def walks_of(draw, guide: Guide):
    return draw(answered_walks(guide))[0]


@st.composite
def answered_walks(draw, guide: Guide | None = None):
    """A walk made by a person's moves (answer, Back, Change, Start again), and the answers they gave
    since they last started again: the latest for each question, whether or not it is still on the route."""
    walk = Walk(draw(st.sampled_from(GUIDES)) if guide is None else guide)
    given: dict[str, Answer] = {}
    for _ in range(draw(st.integers(0, 40))):
        move = draw(st.sampled_from(["answer"] * 10 + ["back"] * 2 + ["change"] * 2 + ["restart"]))
        if move == "answer" and isinstance(walk.current, Question):
            question = walk.current
            form = draw(forms(question))
            result = walk.submit(form)
            if isinstance(result, AnswerError):
                assert result.message and result.message[0].isupper()
            else:
                walk = result
                given[question.id] = from_form(question, form)  # type: ignore[assignment]
        elif move == "back":
            walk = walk.back()
        elif move == "change" and walk.steps:
            walk = walk.change(draw(st.sampled_from(walk.steps)).question.id)
        elif move == "restart":
            walk = walk.restart()
            given = {}
    return walk, given


@settings(max_examples=300, deadline=None)
@given(answered_walks())
def test_any_walk_is_a_route_from_the_start_to_a_question_or_an_outcome(refs: References, made) -> None:
    walk, given = made
    guide, current, steps = walk.guide, walk.current, walk.steps
    # The walk holds exactly the answers given: the latest for each question, nothing invented or lost.
    assert walk.answer_map == given
    # The route starts at the start, follows each answer's rule, and asks no question twice.
    asked = [step.question.id for step in steps]
    assert len(asked) == len(set(asked))
    assert asked[:1] in ([], [guide.start])
    end = guide.start
    for step in steps:
        assert step.question.id == end and step.question is guide.question(end)
        assert step.rule in step.question.next
        assert step.answer == given[step.question.id]
        end = step.rule.goto
    # The route's answers are exactly those asked on it.
    assert walk.route_answers == {qid: given[qid] for qid in asked}
    # It stands on a real node: the end of the route (a question not yet answered, or an outcome), or
    # the question on the route the person went back to.
    assert guide.node(current.id) is current
    if walk.at is None:
        assert current.id == end
        assert isinstance(current, Outcome) or current.id not in given
    else:
        assert isinstance(current, Question) and current.id == walk.at and walk.at in asked
    assert (walk.outcome is current) == isinstance(current, Outcome)
    assert [step.question.id for step in walk.steps_before_current] == asked[: len(walk.steps_before_current)]
    # A link to it restores the same walk and shows the same view.
    restored = decode(guide, encode(walk))
    assert restored == walk
    now = dt.datetime(2026, 11, 23, 9, 30)
    view = live_view(walk, refs, now=now)
    assert f'data-node="{current.id}"' in view
    assert live_view(restored, refs, now=now) == view


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
