"""Composed outcomes: one checklist from every part that applies, no action twice, escalations first."""

from __future__ import annotations

from decision_engine.compose import actions_for, merge
from decision_engine.model import Action
from decision_engine.source import load_guide_file
from tests.test_engine_walk import FIXTURE

GUIDE = load_guide_file(FIXTURE)
STANDARD = GUIDE.outcome("standard")


def texts(actions) -> list[str]:
    return [("!" if a.escalation else "") + f"{a.level}:{a.text}" for a in actions]


def test_only_the_outcomes_own_actions_when_no_part_applies() -> None:
    assert STANDARD is not None
    assert texts(actions_for(STANDARD, {"concern": "neglect", "factors": ("no_food",)})) == [
        "should:Carry on.",
        "should:Check the history.",
    ]


def test_parts_are_merged_with_escalations_first_and_no_repeats() -> None:
    assert STANDARD is not None
    answers = {"concern": "injury", "factors": ("home_alone",)}  # both parts apply
    assert texts(actions_for(STANDARD, answers)) == [
        "!must:Hold a strategy meeting.",
        "!must:Call the paediatrician.",
        "should:Carry on.",  # "carry on." from a part is the same action, so it appears once
        "must:Check the history.",  # a must anywhere makes the merged action a must
    ]


def test_merge_keeps_the_first_wording_and_pools_citations() -> None:
    merged = merge([Action("Speak to both parents.", "should"), Action("speak to both  parents.", "should", True)])
    assert [(a.text, a.escalation) for a in merged] == [("Speak to both parents.", True)]
