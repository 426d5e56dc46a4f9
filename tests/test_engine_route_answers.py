"""An outcome is worked out only from the answers on the route taken. A person who goes back and changes
an answer higher up keeps their later answers (so they need not answer again if the route comes back),
but an answer the new route does not ask can add nothing: no action, no urgency, no due time."""

from __future__ import annotations

import datetime as dt

from decision_engine.compose import actions_for, urgency_for
from decision_engine.load import guide_from_data
from decision_engine.record import build
from decision_engine.references import References
from decision_engine.source import rating_schemes, read_yaml, source_ids
from decision_engine.walk import Walk
from tests.conftest import ROOT, load_guide

REFS = References(
    sources=source_ids(ROOT / "data" / "sources.yml"), ratings=rating_schemes(ROOT / "data" / "ratings.yml")
)
TRIAGE = load_guide("stage_1_triage")


def answered(walk: Walk, *pairs: tuple[str, object]) -> Walk:
    for question, answer in pairs:
        walk = walk.with_answer(question, answer)  # type: ignore[arg-type]
    return walk


def test_a_closed_case_answer_left_from_another_route_adds_nothing_to_section_47() -> None:
    start = answered(
        Walk(TRIAGE),
        ("immediate", "no"),
        ("received", "2026-11-24T09:00"),
        ("threshold", "s47"),
        ("possible_crime", "no"),
        ("open_case", "no"),
        ("closed_recently", "yes"),
    )
    changed = start.with_answer("open_case", "yes")  # went back: the child is open after all
    assert changed.outcome is not None and changed.outcome.id == "section_47"
    assert "closed_recently" in changed.answer_map and "closed_recently" not in changed.route_answers
    texts = [a.text for a in actions_for(changed.outcome, changed.route_answers)]
    assert any(t.startswith("Pass the concern at once to the child's allocated social worker") for t in texts)
    assert not any(t.startswith("Pass the new concerns to the team that closed the case") for t in texts)
    record = build(changed, REFS, dt.datetime(2026, 11, 24, 10, 0))
    assert "A social work team closed the case in the past 12 weeks" not in record["outcome"]["added"]


def test_an_injured_baby_answer_left_from_another_route_does_not_make_a_checklist_urgent() -> None:
    checks = load_guide("practice_standard_checks")
    walk = answered(Walk(checks), ("agency", "social_care"), ("concerns", ("physical_abuse",)), ("baby_injured", "yes"))
    changed = walk.with_answer("concerns", ("homelessness",))
    assert changed.outcome is not None
    assert urgency_for(changed.outcome, changed.route_answers) == "standard"
    assert not any("paediatric assessment" in a.text for a in actions_for(changed.outcome, changed.route_answers))


def test_due_times_are_shown_soonest_first() -> None:
    walk = answered(
        Walk(TRIAGE),
        ("immediate", "no"),
        ("received", "2026-11-20T18:30"),
        ("threshold", "s47"),
        ("possible_crime", "no"),
        ("open_case", "yes"),
    )
    due = build(walk, REFS, dt.datetime(2026, 11, 20, 19, 0))["outcome"]["due"]
    assert [d["label"].split(" (")[0] for d in due] == [
        "Necessary protective action taken",
        "Stage 1 decision made",
        "Type of response decided",
    ]


def test_a_routing_rule_never_sees_an_answer_from_off_the_route() -> None:
    # Validate refuses this guide (the rule at 'third' tests 'second', which one route never asks), so
    # this checks the walk itself: even unvalidated, a left-over answer cannot choose a route.
    data = read_yaml(ROOT / "tests" / "broken_guides" / "condition_on_one_branch_only.yaml")
    data["outcomes"].append({**data["outcomes"][0], "id": "other", "title": "Other"})
    data["questions"][2]["next"][0]["goto"] = "other"
    guide = guide_from_data(data)
    on_route = answered(Walk(guide), ("first", "yes"), ("second", "yes"), ("third", "no"))
    assert on_route.current.id == "other"
    changed = on_route.with_answer("first", "no")  # 'second' is kept, but no longer on the route
    assert changed.current.id == "done"
