"""Every specification case, written from the source documents, holds for the guide it names: the
outcome states what the source requires (urgency, actions, who is told, consent, due times, escalations,
contacts), and the case never mentions an outcome id."""

from __future__ import annotations

from collections import Counter

import pytest

from decision_engine.references import References
from decision_engine.source import rating_schemes, source_ids
from tests.conftest import ROOT, real_guides
from tests.specifications.runner import FOLDER, check, load_cases

GUIDES = {g.id: g for g in real_guides()}
SOURCES = source_ids(ROOT / "data" / "sources.yml")
CASES = load_cases(FOLDER, SOURCES)
REFS = References(sources=SOURCES, ratings=rating_schemes(ROOT / "data" / "ratings.yml"))


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_the_outcome_says_what_the_source_requires(case) -> None:
    assert case.guide in GUIDES, f"{case.file}: no guide '{case.guide}'"
    assert check(case, GUIDES[case.guide], REFS) == []


def test_there_are_at_least_80_cases_and_every_guide_has_some() -> None:
    per_guide = Counter(c.guide for c in CASES)
    assert sum(per_guide.values()) >= 80
    assert set(per_guide) == set(GUIDES)


def test_every_area_with_rules_has_cases() -> None:
    areas = {SOURCES[c.source]["area"] for c in CASES}
    assert areas == {"Barnet", "Northamptonshire", "Rotherham", "Waltham Forest"}


def test_no_case_names_an_outcome_id() -> None:
    """Cases assert what an outcome says. (An id without an underscore, such as 'resolved', cannot be
    told from an ordinary word, so only ids with one are looked for; unknown expectation keys, such as
    'outcome', already fail the case.)"""
    outcome_ids = {o.id for g in GUIDES.values() for o in g.outcomes if "_" in o.id}
    for case in CASES:
        written = " ".join([case.name, case.situation, *map(str, case.expect.values())])
        assert sorted(i for i in outcome_ids if i in written) == [], case.id


def test_a_case_with_a_wrong_expectation_fails(tmp_path) -> None:
    """The runner is not a rubber stamp: the same answers with a wrong urgency, a missing action and a
    wrong due time are each reported."""
    (tmp_path / "worried_about_a_child.yaml").write_text(
        """
guide: worried_about_a_child
cases:
  - name: wrong on purpose
    source: waltham_forest_mash_guidance
    section: section 2
    situation: A child is in immediate danger.
    answers: {immediate_danger: "yes"}
    expect:
      urgency: routine
      must: [write a letter]
      due: {Response: 9am on Monday 23 November 2026}
""",
        encoding="utf-8",
    )
    [case] = load_cases(tmp_path, SOURCES)
    problems = check(case, GUIDES["worried_about_a_child"], REFS)
    assert any("urgency" in p for p in problems)
    assert any("write a letter" in p for p in problems)
    assert any("no due time is labelled 'Response'" in p for p in problems)


def test_an_answer_the_guide_never_asks_for_fails_the_case(tmp_path) -> None:
    (tmp_path / "worried_about_a_child.yaml").write_text(
        """
guide: worried_about_a_child
cases:
  - name: an extra answer
    source: waltham_forest_mash_guidance
    section: section 2
    situation: A child is in immediate danger.
    answers: {immediate_danger: "yes", significant_harm: "yes"}
    expect: {urgency: emergency}
""",
        encoding="utf-8",
    )
    [case] = load_cases(tmp_path, SOURCES)
    assert check(case, GUIDES["worried_about_a_child"], REFS) == ["the guide never asks significant_harm on this route"]
