"""Walking a guide: answering, Back, Change, Start again, and keeping later answers that still apply."""

from __future__ import annotations

from pathlib import Path

import pytest

from decision_engine import Walk, validate
from decision_engine.answers import AnswerError
from decision_engine.source import load_guide_file

FIXTURE = Path(__file__).parent / "fixtures" / "every_question_type.yaml"


@pytest.fixture(scope="module")
def guide():
    loaded = load_guide_file(FIXTURE)
    assert validate(loaded) == []
    return loaded


def answered(guide, *pairs: tuple[str, object]) -> Walk:
    """Answer in order, refusing a question that is not the one being asked (so a typo fails)."""
    walk = Walk(guide)
    for question_id, answer in pairs:
        assert walk.current.id == question_id, f"expected to be at {question_id}, at {walk.current.id}"
        walk = walk.with_answer(question_id, answer)  # type: ignore[arg-type]
    return walk


def test_a_new_walk_stands_on_the_start_question(guide) -> None:
    assert Walk(guide).current.id == "concern"
    assert not Walk(guide).can_go_back


def test_an_answer_moves_to_the_question_its_rule_names(guide) -> None:
    assert answered(guide, ("concern", "injury")).current.id == "age_months"
    assert answered(guide, ("concern", "neglect")).current.id == "factors"
    assert answered(guide, ("concern", "dont_know")).current.id == "factors"


def test_conditions_can_combine_earlier_answers(guide) -> None:
    baby = answered(guide, ("concern", "injury"), ("age_months", 5), ("mobile", "no"))
    assert baby.outcome is not None and baby.outcome.id == "urgent"
    toddler = answered(guide, ("concern", "injury"), ("age_months", 30))
    assert toddler.current.id == "received"


def test_numeric_thresholds_are_exact(guide) -> None:
    assert answered(guide, ("concern", "injury"), ("age_months", 23)).current.id == "mobile"
    assert answered(guide, ("concern", "injury"), ("age_months", 24)).current.id == "received"


def test_multiple_choice_counts_and_includes(guide) -> None:
    two = answered(guide, ("concern", "neglect"), ("factors", ("home_alone", "no_food")))
    assert two.outcome is not None and two.outcome.id == "urgent"
    one = answered(guide, ("concern", "neglect"), ("factors", ("poor_home",)))
    assert one.current.id == "received"
    none = answered(guide, ("concern", "neglect"), ("factors", ("none",)))
    assert none.outcome is not None and none.outcome.id == "routine"


def test_back_steps_to_the_previous_question_and_keeps_its_answer(guide) -> None:
    walk = answered(guide, ("concern", "injury"), ("age_months", 30))
    back = walk.back()
    assert back.current.id == "age_months"
    assert back.answer_map["age_months"] == 30
    assert back.back().current.id == "concern"
    assert back.back().back().current.id == "concern"  # nothing before the start


def test_back_then_the_same_answer_returns_the_same_state(guide) -> None:
    walk = answered(guide, ("concern", "injury"), ("age_months", 30))
    again = walk.back().with_answer("age_months", 30)
    assert again == walk


def test_changing_an_answer_keeps_later_answers_that_still_apply(guide) -> None:
    walk = answered(
        guide,
        ("concern", "injury"),
        ("age_months", 30),
        ("received", "2026-11-20T09:00"),
        ("born", "2024-01-01"),
    )
    assert walk.outcome is not None and walk.outcome.id == "standard"
    changed = walk.change("age_months").with_answer("age_months", 40)
    assert changed.outcome is not None and changed.outcome.id == "standard"  # nothing re-asked
    younger = walk.change("age_months").with_answer("age_months", 6)
    assert younger.current.id == "mobile"  # only the question that no longer has an answer is asked
    assert younger.with_answer("mobile", "yes").outcome.id == "standard"  # type: ignore[union-attr]


def test_change_ignores_a_question_not_on_the_route(guide) -> None:
    walk = answered(guide, ("concern", "neglect"))
    assert walk.change("age_months") == walk


def test_start_again_forgets_every_answer(guide) -> None:
    walk = answered(guide, ("concern", "injury"), ("age_months", 30)).restart()
    assert walk.answers == () and walk.current.id == "concern"


def test_submit_reads_the_form_and_reports_what_to_fix(guide) -> None:
    walk = answered(guide, ("concern", "injury"))
    result = walk.submit({"answer": ["two"]})
    assert isinstance(result, AnswerError)
    assert result.message == "Enter months as a whole number using digits, like 6"
    moved = walk.submit({"answer": ["7"]})
    assert isinstance(moved, Walk) and moved.current.id == "mobile"


def test_submit_on_an_outcome_is_refused_not_raised(guide) -> None:
    walk = answered(guide, ("concern", "neglect"), ("factors", ("none",)))
    assert isinstance(walk.submit({"answer": ["yes"]}), AnswerError)
