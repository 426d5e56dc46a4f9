"""The plain version (no JavaScript, from disk, before the engine loads) reaches the same outcome as the
engine for the same answers, on every route: following its links by answer gives the outcome the walk
gives. Earlier answers a later route depends on are carried in the section's anchor."""

from __future__ import annotations

import re

import pytest

from decision_engine.answers import to_text
from decision_engine.model import Guide
from decision_engine.paths import all_routes
from decision_engine.plain import can_carry_answers
from decision_engine.render_html import static_guide
from tests.conftest import real_guides

GUIDES = real_guides()
CARRIED = [g for g in GUIDES if can_carry_answers(g)]
SECTION = re.compile(r'<(?:section|div) class="mg-step" id="([^"]+)"(.*?)</(?:section|div)>', re.S)
LINK = re.compile(r'<a class="mg-choice" href="#([^"]+)"(?: data-question="([^"]+)" data-value="([^"]+)")?>([^<]*)</a>')


def sections(guide: Guide, refs) -> dict[str, list[tuple[str, str, str, str]]]:
    html = static_guide(guide, refs)
    return {m.group(1): LINK.findall(m.group(2)) for m in SECTION.finditer(html) if m.group(1).startswith("q-")}


def follow(plain: dict[str, list[tuple[str, str, str, str]]], start: str, answers) -> str:
    """Click through the plain page: each question's link for the answer given, or Continue."""
    at = f"q-{start}"
    given = dict(answers)
    for _ in range(len(plain) + 1):
        if not at.startswith("q-"):
            return at.removeprefix("o-")
        links = plain[at]
        question = at.removeprefix("q-").split("--")[0]
        chosen = [href for href, q, value, _label in links if q == question and value == to_text(given[question])]
        if not chosen:
            chosen = [href for href, _q, _v, label in links if label == "Continue"]
        assert len(chosen) == 1, f"{at}: no single link for {question}={given.get(question)}"
        at = chosen[0]
    raise AssertionError("the plain links go round in a loop")


@pytest.mark.parametrize("guide", CARRIED, ids=[g.id for g in CARRIED])
def test_following_the_plain_links_reaches_the_engines_outcome_on_every_route(guide: Guide, refs) -> None:
    plain = sections(guide, refs)
    for answers, outcome_id in all_routes(guide):
        assert follow(plain, guide.start, answers) == outcome_id, answers


def test_only_the_partner_checklist_routes_on_answers_a_plain_page_cannot_carry() -> None:
    assert {g.id for g in GUIDES} - {g.id for g in CARRIED} == {"practice_standard_checks"}


def test_the_start_keeps_its_plain_anchor(refs) -> None:
    for guide in GUIDES:
        assert f'id="q-{guide.start}"' in static_guide(guide, refs)
