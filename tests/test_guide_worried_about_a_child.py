"""'Worried about a child? What to do now', question by question: for each answer, where it leads."""

from __future__ import annotations

import pytest

from decision_engine import Walk
from decision_engine.compose import actions_for
from decision_engine.model import Outcome
from tests.conftest import load_guide

GUIDE = load_guide("worried_about_a_child")


def after(*pairs: str) -> Walk:
    """Answer 'question=value' pairs in order, failing on an unknown question or value, or on a
    question that is not the one being asked."""
    walk = Walk(GUIDE)
    for pair in pairs:
        question_id, value = pair.split("=")
        question = GUIDE.question(question_id)
        assert question is not None, f"no question {question_id}"
        assert question.option(value) is not None, f"{question_id} has no answer {value}"
        assert walk.current.id == question_id, f"at {walk.current.id}, not {question_id}"
        walk = walk.with_answer(question_id, value)
    return walk


def lands(walk: Walk) -> str:
    return walk.current.id


class TestImmediateDanger:
    def test_yes_means_call_999(self) -> None:
        assert lands(after("immediate_danger=yes")) == "call_999"

    def test_no_asks_about_significant_harm_before_anything_else(self) -> None:
        assert lands(after("immediate_danger=no")) == "significant_harm"


class TestSignificantHarm:
    def test_yes_asks_what_else_applies_then_the_area_then_phone_the_mash_now(self) -> None:
        walk = after("immediate_danger=no", "significant_harm=yes")
        assert lands(walk) == "also_applies"
        walk = walk.with_answer("also_applies", ("none",))
        assert lands(walk) == "area"
        for area in ("barnet", "northamptonshire", "rotherham", "waltham_forest", "other"):
            assert lands(walk.with_answer("area", area)) == "phone_mash_now"

    def test_not_sure_means_talk_it_through_with_the_mash_without_asking_the_area(self) -> None:
        assert lands(after("immediate_danger=no", "significant_harm=not_sure")) == "ask_mash_advice"

    def test_no_asks_the_area_then_about_additional_needs(self) -> None:
        walk = after("immediate_danger=no", "significant_harm=no")
        assert lands(walk) == "area"
        for area in ("barnet", "northamptonshire", "rotherham", "waltham_forest", "other"):
            assert lands(walk.with_answer("area", area)) == "additional_needs"


def support(area: str, *more: str) -> Walk:
    return after("immediate_danger=no", "significant_harm=no", f"area={area}", *more)


class TestAdditionalNeeds:
    def test_waltham_forest_asks_whether_the_parents_have_been_spoken_to(self) -> None:
        assert lands(support("waltham_forest", "additional_needs=yes")) == "talked_to_parents"

    @pytest.mark.parametrize("area", ["barnet", "northamptonshire", "rotherham", "other"])
    def test_other_areas_and_the_unsure_go_straight_to_the_consent_rules(self, area: str) -> None:
        # Talking to the parents first, then monitoring, is Waltham Forest's step alone (002 section 2).
        assert lands(support(area, "additional_needs=yes")) == "ask_for_support"

    def test_no_means_universal_services(self) -> None:
        assert lands(support("barnet", "additional_needs=no")) == "universal_services"


class TestTalkedToParents:
    @pytest.mark.parametrize(
        ("answer", "outcome"),
        [
            ("not_yet", "talk_to_parents_first"),
            ("still_concerned", "ask_for_support"),
            ("improving", "keep_monitoring"),
        ],
    )
    def test_each_answer_has_its_outcome(self, answer: str, outcome: str) -> None:
        walk = support("waltham_forest", "additional_needs=yes", f"talked_to_parents={answer}")
        assert lands(walk) == outcome


def test_the_emergency_outcome_says_999_first() -> None:
    outcome = after("immediate_danger=yes").current
    assert isinstance(outcome, Outcome)
    assert outcome.urgency == "emergency"
    assert outcome.actions[0].level == "must" and "999" in outcome.actions[0].text


PROTECTION = ("immediate_danger=no", "significant_harm=yes")


def protection(also: tuple[str, ...], area: str = "other") -> Walk:
    return after(*PROTECTION).with_answer("also_applies", also).with_answer("area", area)


def test_each_areas_consent_rule_for_a_child_protection_referral_is_labelled_with_its_area() -> None:
    walk = protection(("none",))
    outcome = walk.outcome
    assert outcome is not None
    texts = [a.text for a in actions_for(outcome, walk.route_answers)]
    assert any(t.startswith("In Waltham Forest you do not need the parents' permission") for t in texts)
    assert any(t.startswith("In Barnet, tell the parents or carers") for t in texts)
    assert any(t.startswith("In Northamptonshire, most section 47 cases have no parental consent") for t in texts)


def test_a_possible_crime_another_area_and_an_open_case_each_add_to_the_actions() -> None:
    plain = protection(("none",))
    every = protection(("possible_crime", "other_area", "has_social_worker"))
    outcome = every.outcome
    assert outcome is not None and outcome.id == "phone_mash_now"
    added = [a.text for a in actions_for(outcome, every.answer_map)][len(actions_for(outcome, plain.answer_map)) :]
    assert [text.split(".")[0] for text in added] == [
        "Tell the MASH you think a crime may have been committed",
        "Tell the MASH that the child normally lives in another local authority area, and which one",
        "Tell the MASH who the child's social worker is",
    ]


def test_a_waltham_forest_support_referral_asks_the_parents_consent() -> None:
    walk = support("waltham_forest", "additional_needs=yes", "talked_to_parents=still_concerned")
    outcome = walk.outcome
    assert outcome is not None
    musts = [a.text for a in actions_for(outcome, walk.answer_map) if a.level == "must"]
    assert any(t.startswith("In Waltham Forest, tell the parents") and "consent" in t for t in musts)


def test_a_referrer_who_names_their_area_sees_only_that_areas_consent_rule() -> None:
    walk = protection(("none",), area="barnet")
    outcome = walk.outcome
    assert outcome is not None
    texts = [a.text for a in actions_for(outcome, walk.route_answers)]
    assert any(t.startswith("In Barnet, tell the parents or carers") for t in texts)
    assert any(t.startswith("Barnet's source gives no phone number") for t in texts)
    others = ("In Waltham Forest", "In Northamptonshire", "Northamptonshire's", "Rotherham's", "In Rotherham")
    assert not any(t.startswith(others) for t in texts)


@pytest.mark.parametrize(
    ("area", "form"),
    [
        ("waltham_forest", "Request for Support, Help and Protection (RSHP)"),
        ("rotherham", "Multi-Agency Referral Form (MARF), which the MASH expects within 24 hours of your call"),
        ("northamptonshire", "Multi-Agency Referral Form (MARF)"),
    ],
)
def test_a_child_protection_referrer_is_told_their_areas_written_form(area: str, form: str) -> None:
    walk = protection(("none",), area=area)
    outcome = walk.outcome
    assert outcome is not None
    texts = [a.text for a in actions_for(outcome, walk.route_answers)]
    assert texts[0] == "Phone the MASH today and talk through your concerns."
    assert sum(form in t for t in texts) == 1
    assert not any("Barnet's source gives no phone number" in t for t in texts)
