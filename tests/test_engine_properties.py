"""Properties that hold for any walk (Hypothesis): whatever a person does, the engine ends at an
outcome or gives a clear message, never an exception; tokens round-trip; Back then the same answer
returns to the same state."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from decision_engine import Walk, decode, encode
from decision_engine.answers import AnswerError
from decision_engine.model import Question
from decision_engine.source import load_guide_file
from tests.conftest import real_guides
from tests.test_engine_walk import FIXTURE

GUIDES = [load_guide_file(FIXTURE), *real_guides()]
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
    guide = draw(st.sampled_from(GUIDES))
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
@given(st.sampled_from(GUIDES), st.text(max_size=60))
def test_any_text_as_a_token_is_restored_or_refused_plainly(guide, text: str) -> None:
    try:
        decode(guide, text)
    except ValueError as refused:
        assert str(refused).startswith("The link")
