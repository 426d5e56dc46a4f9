"""Practice scenarios are checked against the guides they teach: every scenario's expected answers take
the route it lists to the outcome it names; every other answer has feedback; and the set covers every
guide, area and audience, with the hard cases trainees most need to practise."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from decision_engine.bank_holidays import england_and_wales
from decision_engine.cli import check_scenarios, check_walkthroughs
from decision_engine.compose import actions_for, parts_that_apply
from decision_engine.escape import html
from decision_engine.model import Answer
from decision_engine.references import References
from decision_engine.render_practice import practice_page
from decision_engine.scenarios import AREAS, AUDIENCES, Scenario
from decision_engine.source import guide_files
from tests.conftest import ROOT, real_guides

SCENARIOS = guide_files(ROOT / "scenarios")
WALKTHROUGHS = guide_files(ROOT / "walkthroughs")
BROKEN = sorted((Path(__file__).parent / "broken_scenarios").glob("*.yaml"))


@pytest.fixture(scope="module")
def scenarios(anchors, sources) -> list[Scenario]:
    found, problems = check_scenarios(SCENARIOS, real_guides(), anchors, sources)
    assert [str(p) for p in problems] == []
    return found


def test_every_scenario_takes_its_route_to_its_outcome(scenarios: list[Scenario]) -> None:
    assert len(scenarios) == len(SCENARIOS) >= 24


def test_scenarios_cover_every_guide_area_and_audience(scenarios: list[Scenario]) -> None:
    assert {s.guide for s in scenarios} == {g.id for g in real_guides()}
    assert {s.area for s in scenarios} == set(AREAS)
    assert {s.audience for s in scenarios} == set(AUDIENCES)


def _before_a_long_weekend(moment: Answer) -> bool:
    """The next three days after the contact arrives are none of them working days."""
    day = dt.datetime.fromisoformat(str(moment)).date()
    holidays = england_and_wales()
    return not any(holidays.is_working_day(day + dt.timedelta(days=n)) for n in (1, 2, 3))


HARD_CASES: dict[str, tuple[str, Callable[[Mapping[str, Answer]], bool]]] = {
    "consent refused below the threshold": (
        "consent_and_sharing",
        lambda a: a.get("purpose") == "support" and a.get("parents_answer") == "refused",
    ),
    "asking for consent would increase the risk": (
        "consent_and_sharing",
        lambda a: a.get("unsafe_to_ask") == "yes" or a.get("tell_parents_risk") == "yes",
    ),
    "a section 47 child whose case closed in the last 12 weeks": (
        "stage_1_triage",
        lambda a: a.get("threshold") == "s47" and a.get("closed_recently") == "yes",
    ),
    "the South Yorkshire rule": ("across_boundaries", lambda a: a.get("south_yorkshire") == "yes"),
    "an unborn baby under 12 weeks": (
        "practice_standard_checks",
        lambda a: isinstance(a.get("weeks_pregnant"), int) and int(a["weeks_pregnant"]) < 12,
    ),
    "an unborn baby of more than 22 weeks": (
        "practice_standard_checks",
        lambda a: isinstance(a.get("weeks_pregnant"), int) and int(a["weeks_pregnant"]) > 22,
    ),
    "fabricated or induced illness": (
        "practice_standard_checks",
        lambda a: any("fabricated" in str(v) or "fii" in str(v) for v in a.values()),
    ),
    "a re-rating after stage 2": ("threshold_and_rating", lambda a: a.get("revised") == "changed"),
    "a contact that arrives before a bank holiday weekend": (
        "",
        lambda a: any(
            isinstance(v, str) and "T" in v and v[:4].isdigit() and _before_a_long_weekend(v) for v in a.values()
        ),
    ),
}


@pytest.mark.parametrize("case", HARD_CASES)
def test_the_hard_cases_each_have_a_scenario(scenarios: list[Scenario], case: str) -> None:
    guide, holds = HARD_CASES[case]
    matching = [
        s.id
        for s in scenarios
        if (not guide or s.guide == guide) and holds({step.question: step.answer for step in s.steps})
    ]
    assert matching, f"no scenario practises {case}"


def test_the_bank_holiday_check_knows_a_long_weekend() -> None:
    assert _before_a_long_weekend("2026-08-28T16:00")  # Friday before the August bank holiday
    assert _before_a_long_weekend("2026-12-24T15:30")  # Christmas Eve, a Thursday
    assert not _before_a_long_weekend("2026-11-20T16:00")  # an ordinary Friday


def test_each_page_shows_the_feedback_and_what_the_guide_outcome_says(scenarios: list[Scenario], refs) -> None:
    guides = {g.id: g for g in real_guides()}
    refs = References(sources=refs.sources, titles=refs.titles, root="../../", ratings=refs.ratings)
    for scenario in scenarios:
        guide = guides[scenario.guide]
        html = practice_page(scenario, guide, refs)
        walk = scenario.walk(guide)
        outcome = walk.outcome
        assert outcome is not None and outcome.id == scenario.outcome
        answers = walk.route_answers
        for action in actions_for(outcome, answers, parts_that_apply(outcome, answers)):
            assert _escaped(action.text) in html, f"{scenario.id}: the model outcome leaves out '{action.text}'"
        for step in scenario.steps:
            assert _escaped(step.why) in html
            for _value, feedback in step.other_answers:
                assert _escaped(feedback) in html, f"{scenario.id}: feedback missing from the page"
        for takeaway in scenario.takeaways:
            assert _escaped(takeaway) in html


def _escaped(text: str) -> str:
    return html(text)


def test_every_walkthrough_is_valid_and_every_step_says_what_who_and_when(anchors, sources) -> None:
    tours, problems = check_walkthroughs(WALKTHROUGHS, real_guides(), anchors, sources)
    assert [str(p) for p in problems] == []
    assert len(tours) >= 2
    for tour in tours:
        assert len(tour.steps) >= 4
        assert all(step.what and step.who and step.when and step.cite for step in tour.steps)


def _expected(path: Path) -> str:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# expect: "), f"{path.name} must start with '# expect: ...'"
    return first.removeprefix("# expect: ")


@pytest.mark.parametrize("path", BROKEN, ids=[p.stem for p in BROKEN])
def test_a_broken_scenario_is_refused_with_one_line(path: Path, anchors, sources) -> None:
    _found, problems = check_scenarios([path], real_guides(), anchors, sources)
    lines = [str(p) for p in problems]
    assert f"{path}: {_expected(path)}" in lines
    assert all(line.startswith(f"{path}: ") and "\n" not in line for line in lines)


def test_the_broken_scenarios_cover_every_kind_of_fault() -> None:
    assert {p.stem for p in BROKEN} >= {
        "route_changed",
        "different_outcome",
        "stops_short",
        "missing_feedback",
        "feedback_for_the_expected_answer",
        "feedback_for_a_given_fact",
        "unknown_key",
        "unknown_guide",
        "unreadable_answer",
        "unknown_anchor",
        "id_is_not_the_file_name",
    }
