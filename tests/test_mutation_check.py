"""The mutation check (scripts/mutation_check.py) finds the facts that matter, and tells a change the
tests notice from one they do not. The full check runs in ./scripts/test; these test its machinery."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.mutation_check import Mutation, Project


@pytest.fixture(scope="module")
def project() -> Project:
    return Project()


def find(project: Project, file: str, where: str, change: str) -> Mutation:
    found = [m for m in project.mutations() if m.file == file and where in m.where and m.change == change]
    assert len(found) == 1, [str(m) for m in project.mutations() if m.file == file and where in m.where]
    return found[0]


def noticed(project: Project, mutation: Mutation) -> list[str]:
    mutation.apply()
    try:
        return project.failures(project.affected(mutation.file))
    finally:
        mutation.undo()


def test_the_unchanged_project_passes_every_check(project: Project) -> None:
    assert project.failures(list(project.guides), first_only=False) == []


def test_the_facts_the_issue_names_are_among_the_changes(project: Project) -> None:
    assert find(project, "data/ratings.yml", "[barnet_brag].levels[red].timescale.amount", "4 -> 5").safety
    assert find(project, "data/ratings.yml", "[barnet_brag].levels[amber].timescale.amount", "24 -> 25").safety
    missing = "outcomes[social_care_checks].parts_from.facts.missing_over_24_hours.more_than"
    assert find(project, "guides/practice_standard_checks.yaml", missing, "more_than -> less_than").safety


def test_a_change_to_a_register_reaches_only_the_guides_that_read_it(project: Project) -> None:
    assert project.affected("data/ratings.yml") == ["threshold_and_rating.yaml"]
    assert project.affected("data/practice_standards.yml") == ["practice_standard_checks.yaml"]
    assert project.affected("guides/escalation.yaml") == ["escalation.yaml"]


@pytest.mark.parametrize(
    ("file", "where", "change"),
    [
        ("data/ratings.yml", "[barnet_brag].levels[red].timescale.amount", "4 -> 5"),
        ("data/ratings.yml", "[barnet_brag].levels[amber].timescale.amount", "24 -> 23"),
        (
            "guides/practice_standard_checks.yaml",
            "[social_care_checks].parts_from.facts.missing_over_24_hours.more_than",
            "more_than -> less_than",
        ),
        ("guides/stage_1_triage.yaml", "[section_47].deadlines[Necessary protective action taken", "same_day -> hours"),
    ],
)
def test_the_checks_notice_a_changed_safety_fact(project: Project, file: str, where: str, change: str) -> None:
    assert noticed(project, find(project, file, where, change)) != []


def test_a_tighter_timescale_passes_the_invariants_and_is_caught_by_the_specifications(tmp_path: Path) -> None:
    """An invariant is an upper bound (Amber within 24 hours), so 23 hours satisfies it; only a
    specification that states the due time notices. Without specifications the change survives."""
    without_specs = Project(cases_folder=tmp_path)
    amber = find(without_specs, "data/ratings.yml", "[barnet_brag].levels[amber].timescale.amount", "24 -> 23")
    assert noticed(without_specs, amber) == []
    with_specs = Project()
    assert noticed(with_specs, find(with_specs, "data/ratings.yml", "levels[amber].timescale.amount", "24 -> 23"))
