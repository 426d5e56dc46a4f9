"""An area's rule is always labelled with its area. On screen, the actions of every part that applies are
merged into one list, so a part that applies because of the area chosen must name that area in each of
its actions' words: the label of the part itself is not shown beside them."""

from __future__ import annotations

import pytest

from decision_engine.model import Condition, Guide
from tests.conftest import real_guides

GUIDES = real_guides()


def area_tested(condition: Condition, question_ids: set[str]) -> str | None:
    if condition.op == "is" and condition.question in question_ids:
        return str(condition.value)
    return None


def area_questions(guide: Guide) -> set[str]:
    names = {"Barnet", "Northamptonshire", "Rotherham", "Waltham Forest"}
    return {q.id for q in guide.questions if q.options and {o.label for o in q.options} >= names}


@pytest.mark.parametrize("guide", GUIDES, ids=[g.id for g in GUIDES])
def test_every_action_an_area_adds_names_that_area(guide: Guide) -> None:
    questions = area_questions(guide)
    labels = {o.value: o.label for q in guide.questions if q.id in questions for o in q.options}
    unlabelled = []
    for outcome in guide.outcomes:
        for part in outcome.parts:
            area = area_tested(part.when, questions)
            if area is None:
                continue
            unlabelled += [f"{outcome.id}: {a.text[:60]}" for a in part.actions if labels[area] not in a.text]
    assert unlabelled == []


def test_the_check_finds_the_area_questions_it_relies_on() -> None:
    found = {g.id for g in GUIDES if area_questions(g)}
    assert found >= {"worried_about_a_child", "consent_and_sharing", "threshold_and_rating"}
