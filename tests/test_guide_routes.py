"""Every route through every real guide reaches the outcome committed in tests/goldens, and every node
of every guide is on at least one route."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from decision_engine import validate
from decision_engine.paths import all_routes
from decision_engine.source import rating_schemes
from scripts.update_goldens import golden
from tests.conftest import ROOT, real_guides

GOLDENS = Path(__file__).parent / "goldens"
GUIDES = real_guides()


@pytest.mark.parametrize("guide", GUIDES, ids=[g.id for g in GUIDES])
def test_every_route_reaches_its_committed_outcome(guide) -> None:
    committed = json.loads((GOLDENS / f"{guide.id}.json").read_text(encoding="utf-8"))
    assert golden(guide) == committed


@pytest.mark.parametrize("guide", GUIDES, ids=[g.id for g in GUIDES])
def test_every_node_is_on_some_route(guide) -> None:
    seen = set()
    for answers, outcome in all_routes(guide):
        seen.update(question_id for question_id, _ in answers)
        seen.add(outcome)
    assert seen == set(guide.node_ids)


@pytest.mark.parametrize("guide", GUIDES, ids=[g.id for g in GUIDES])
def test_every_real_guide_is_valid_against_the_handbook_and_keeps_its_invariants(guide, anchors, sources) -> None:
    ratings = rating_schemes(ROOT / "data" / "ratings.yml")
    assert [str(p) for p in validate(guide, anchors, sources, ratings)] == []


@pytest.mark.parametrize("guide", GUIDES, ids=[g.id for g in GUIDES])
def test_every_guide_declares_safety_invariants(guide) -> None:
    assert len(guide.invariants) >= 1


def test_there_is_a_golden_file_for_each_guide_and_no_other() -> None:
    assert {p.stem for p in GOLDENS.glob("*.json")} == {g.id for g in GUIDES}
