"""The practice-standard checklist is listed by concern, in the order the guide promises: mandatory
escalations first, then the checks for every enquiry, then each concern chosen under its own heading,
its musts before its shoulds. Identical actions still appear once, and nothing is dropped on the way:
the page, the decision record and the plain version list the same actions in the same order."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape

import pytest

from decision_engine import Walk
from decision_engine.compose import ESCALATIONS, EVERY_ENQUIRY, actions_for, merge, parts_that_apply
from decision_engine.model import Guide, Outcome
from decision_engine.record import as_text, build
from decision_engine.render_html import outcome_panel
from decision_engine.render_plain import static_guide
from tests.conftest import load_guide

GUIDE = load_guide("practice_standard_checks")
MADE = dt.datetime(2026, 11, 23, 10, 0)
SOCIAL_CARE = {
    "agency": "social_care",
    "concerns": ("sexual_abuse", "neglect", "missing"),
    "hours_missing": 30,
    "current_allegation": "yes",
    "bruise_and_disclosure": "no",
    "baby_injured": "no",
}
POLICE_FII = {"agency": "police", "concerns": ("neglect", "physical_abuse", "fii")}


def outcome(guide: Guide, outcome_id: str) -> Outcome:
    found = guide.outcome(outcome_id)
    assert found is not None
    return found


def walked(answers: dict[str, object]) -> Walk:
    walk = Walk(GUIDE)
    while walk.current.id in answers:
        walk = walk.with_answer(walk.current.id, answers[walk.current.id])  # type: ignore[arg-type]
    return walk


def heading_of(action) -> str:
    return ESCALATIONS if action.escalation else action.group or EVERY_ENQUIRY


CASES = [(SOCIAL_CARE, "social_care_checks"), (POLICE_FII, "police_checks")]


@pytest.mark.parametrize(("answers", "outcome_id"), CASES)
def test_escalations_come_first_then_every_enquiry_then_each_concern_in_the_order_chosen(answers, outcome_id) -> None:
    actions = actions_for(outcome(GUIDE, outcome_id), answers)
    listed = list(dict.fromkeys(heading_of(a) for a in actions))
    labels = {o.value: o.label for o in GUIDE.question("concerns").options}  # type: ignore[union-attr]
    concerns = [labels[c] for c in answers["concerns"]]
    assert listed[0] == (ESCALATIONS if any(a.escalation for a in actions) else EVERY_ENQUIRY)
    assert [h for h in listed if h not in (ESCALATIONS, EVERY_ENQUIRY)] == [c for c in concerns if c in listed]
    # each heading's actions come together, musts before shoulds
    for heading in listed:
        levels = [a.level for a in actions if heading_of(a) == heading]
        assert levels == sorted(levels, key=lambda level: level != "must"), heading
    assert [heading_of(a) for a in actions] == sorted((heading_of(a) for a in actions), key=listed.index)


def test_the_order_drops_and_repeats_nothing_the_merge_kept() -> None:
    checks = outcome(GUIDE, "police_checks")
    actions = actions_for(checks, POLICE_FII)
    chosen = list(checks.actions) + [a for p in parts_that_apply(checks, POLICE_FII) for a in p.actions]
    assert sorted(a.text for a in actions) == sorted(a.text for a in merge(chosen))
    assert len({a.text.lower() for a in actions}) == len(actions)  # fii brings neglect's checks in again: once


def test_a_missing_child_of_more_than_a_day_is_escalated_under_its_concern() -> None:
    actions = actions_for(outcome(GUIDE, "social_care_checks"), SOCIAL_CARE)
    meeting = next(a for a in actions if "missing for more than 24 hours needs a strategy meeting" in a.text)
    assert meeting.escalation and meeting.group == "Child missing"
    assert actions.index(meeting) < min(i for i, a in enumerate(actions) if not a.escalation)


def test_the_page_shows_a_heading_per_concern_and_numbers_tick_boxes_in_the_same_order(refs) -> None:
    checks = outcome(GUIDE, "social_care_checks")
    parts = parts_that_apply(checks, SOCIAL_CARE)
    html = outcome_panel(checks, refs, heading_id="h", applying=parts, answers=SOCIAL_CARE)
    actions = actions_for(checks, SOCIAL_CARE)
    headings = [unescape(h) for h in re.findall(r'<h4 class="mg-concern-heading">(.*?)</h4>', html)]
    assert headings == list(dict.fromkeys(heading_of(a) for a in actions))
    assert [int(i) for i in re.findall(r'data-action="(\d+)"', html)] == list(range(len(actions)))
    assert 'Escalate</strong> <span class="mg-concern">Child missing:</span>' in html


def test_the_record_lists_the_same_actions_under_the_same_headings(refs) -> None:
    record = build(walked(SOCIAL_CARE), refs, MADE)
    actions = actions_for(outcome(GUIDE, "social_care_checks"), SOCIAL_CARE)
    assert [a["text"] for a in record["outcome"]["actions"]] == [a.text for a in actions]
    assert [a["heading"] for a in record["outcome"]["actions"]] == [heading_of(a) for a in actions]
    text = as_text(record)
    places = [text.index(f"\n{h}:\n") for h in dict.fromkeys(heading_of(a) for a in actions)]
    assert places == sorted(places)
    assert "ESCALATE: Child missing: Must: A child missing for more than 24 hours" in text


def test_the_plain_version_lists_each_concern_escalations_then_musts_then_shoulds(refs) -> None:
    html = static_guide(GUIDE, refs)
    start = html.index('id="o-social_care_checks--agency-social_care--concerns"')
    step = html[start : html.index('class="mg-restart"', start)]
    block = step[step.index("<h3>If it applies: Sexual abuse</h3>") :]
    block = block[: block.index("</ol>")]
    items = re.findall(r"<li>(.*?)</li>", block)
    ranks = [0 if "mg-flag" in item else 1 if "mg-level--must" in item else 2 for item in items]
    assert ranks == sorted(ranks) and ranks[0] == 0 and 2 in ranks
    assert "Only if there is a current allegation of sexual abuse:" in block
