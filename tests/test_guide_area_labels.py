"""An area's rule is always labelled with its area. On screen, the actions of every part that applies are
merged into one list, so a part that applies because of the area chosen must name that area in each of
its actions' words: the label of the part itself is not shown beside them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from decision_engine.model import Condition, Guide
from tests.conftest import real_guides

GUIDES = real_guides()


AREAS = {"Barnet", "Northamptonshire", "Rotherham", "Waltham Forest"}


def areas_tested(condition: Condition, question_ids: set[str]) -> list[str]:
    """The area values a part's condition picks ('is' one area, or 'one_of' an area and "not sure")."""
    if condition.question not in question_ids:
        return []
    if condition.op == "is":
        return [str(condition.value)]
    if condition.op == "one_of" and isinstance(condition.value, tuple):
        return [str(v) for v in condition.value]
    return []


def area_questions(guide: Guide) -> set[str]:
    return {q.id for q in guide.questions if q.options and {o.label for o in q.options} >= AREAS}


@pytest.mark.parametrize("guide", GUIDES, ids=[g.id for g in GUIDES])
def test_every_action_an_area_adds_names_that_area(guide: Guide) -> None:
    questions = area_questions(guide)
    labels = {o.value: o.label for q in guide.questions if q.id in questions for o in q.options}
    unlabelled = []
    for outcome in guide.outcomes:
        for part in outcome.parts:
            named = [labels[v] for v in areas_tested(part.when, questions) if labels[v] in AREAS]
            if len(named) != 1:
                continue
            unlabelled += [f"{outcome.id}: {a.text[:60]}" for a in part.actions if named[0] not in a.text]
    assert unlabelled == []


def test_the_check_finds_the_area_questions_and_parts_it_relies_on() -> None:
    found = {g.id for g in GUIDES if area_questions(g)}
    assert found >= {"worried_about_a_child", "consent_and_sharing", "threshold_and_rating"}
    worried = next(g for g in GUIDES if g.id == "worried_about_a_child")
    checked = [p for o in worried.outcomes for p in o.parts if areas_tested(p.when, area_questions(worried))]
    assert len(checked) >= 8


def areas_cited(guide: Guide, sources: dict[str, dict[str, str]]) -> set[str]:
    """Every area whose source the guide cites, in its rules, outcomes and actions."""
    cites = [c for q in guide.questions for r in q.next for c in r.cite]
    for outcome in guide.outcomes:
        cites += [*outcome.cite, *(c for a in outcome.actions for c in a.cite)]
        cites += [c for p in outcome.parts for a in p.actions for c in a.cite]
    return {sources[c.source]["area"] for c in cites}


def nav_titles() -> dict[str, str]:
    """Each page's title in the site navigation (mkdocs.yml), by page."""
    text = (Path(__file__).resolve().parent.parent / "mkdocs.yml").read_text(encoding="utf-8")
    return {page: title for title, page in re.findall(r'^\s*- "?(.+?)"?: ([\w/-]+\.md)$', text, re.MULTILINE)}


@pytest.mark.parametrize("guide", GUIDES, ids=[g.id for g in GUIDES])
def test_a_guide_for_one_area_names_it_in_the_navigation_its_page_heading_and_its_title(guide: Guide, sources) -> None:
    areas = areas_cited(guide, sources)
    docs = Path(__file__).resolve().parent.parent / "docs"
    heading = next(
        line for line in (docs / guide.page).read_text(encoding="utf-8").splitlines() if line.startswith("# ")
    )
    named = [nav_titles()[guide.page], heading, guide.title]
    if len(areas) == 1:
        assert all(title.endswith(f"({next(iter(areas))})") for title in named), named
    else:  # a guide for several areas labels each rule with its area, and its titles name none of them
        assert not any(title.endswith(")") and title.split("(")[-1].rstrip(")") in AREAS for title in named), named
