"""The plain version (no JavaScript, from disk, before the engine loads) never disagrees with the engine.

Read as a person reads it, link by link, from the built HTML: every route the engine can take leads, by
the plain links for the same answers, to the same outcome saying the same things; and every route
through the plain links is one the engine takes to that outcome. Each step shows the answers so far.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest

from decision_engine.answers import to_text
from decision_engine.compose import actions_for
from decision_engine.load import guide_from_data
from decision_engine.model import Answer, Guide
from decision_engine.paths import all_routes, outcome_conditions
from decision_engine.plain import PlainError, plain_version
from decision_engine.render_plain import static_guide
from decision_engine.source import read_guide
from decision_engine.walk import Walk
from tests.conftest import ROOT, real_guides

GUIDES = real_guides()


@dataclass
class Section:
    id: str
    question: str = ""
    outcome: str = ""
    answers: list[list[str]] = field(default_factory=list)
    links: list[dict[str, str | None]] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    """The visible text of each item under "What to do"."""
    open_parts: list[str] = field(default_factory=list)
    summary_rows: int = 0


class _PlainPage(HTMLParser):
    """The plain version's sections, their links, and what each outcome says to do."""

    def __init__(self) -> None:
        super().__init__()
        self.sections: dict[str, Section] = {}
        self.current: Section | None = None
        self.depth = 0
        self.in_actions = 0
        self.item: list[str] | None = None
        self.heading: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if "mg-step" in (a.get("class") or "").split():
            self.current = Section(
                id=str(a["id"]),
                question=a.get("data-question") or "",
                outcome=a.get("data-outcome") or "",
                answers=json.loads(a.get("data-answers") or "[]"),
            )
            self.sections[self.current.id] = self.current
        if self.current is None:
            return
        if tag == "a" and "mg-choice" in (a.get("class") or ""):
            self.current.links.append(a)
        if tag == "ol" and a.get("class") == "mg-actions":
            self.in_actions += 1
        if tag == "li" and self.in_actions:
            self.item = []
        if tag == "h3":
            self.heading = []
        if tag == "div" and a.get("class") == "mg-summary__row":
            self.current.summary_rows += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "ol" and self.in_actions:
            self.in_actions -= 1
        if tag == "li" and self.item is not None and self.current is not None:
            self.current.actions.append(" ".join("".join(self.item).split()))
            self.item = None
        if tag == "h3" and self.heading is not None and self.current is not None:
            text = "".join(self.heading)
            if text.startswith("If it applies: "):
                self.current.open_parts.append(text.removeprefix("If it applies: "))
            self.heading = None

    def handle_data(self, data: str) -> None:
        if self.item is not None:
            self.item.append(data)
        if self.heading is not None:
            self.heading.append(data)


def read_plain(guide: Guide, refs) -> dict[str, Section]:
    page = _PlainPage()
    page.feed(static_guide(guide, refs))
    return page.sections


def expected_actions(guide: Guide, outcome_id: str, answers: dict[str, Answer]) -> list[str]:
    outcome = guide.outcome(outcome_id)
    assert outcome is not None
    return [f"{a.level.capitalize()}: {a.text}" for a in actions_for(outcome, answers)]


def shown(section: Section) -> list[str]:
    """Action items as the page shows them, without the 'Escalate' flag and sources, for comparing."""
    return [item.removeprefix("Escalate ").split("Source: ")[0].strip() for item in section.actions]


def trace(plain: dict[str, Section], guide: Guide, answers: dict[str, Answer]) -> tuple[Section, bool]:
    """Follow the plain links for these answers, as a person clicks them (and as the page script does
    for a shared link). Returns where it ends, and whether it passed a question a link cannot answer."""
    at = plain[f"q-{guide.start}"]
    passed = False
    for _ in range(len(plain) + 1):
        if at.outcome:
            return at, passed
        question = at.question
        value = to_text(answers[question])
        chosen = [link for link in at.links if link.get("data-value") == value]
        if not chosen:
            chosen = [link for link in at.links if "data-continue" in link]
            passed = True
        assert len(chosen) == 1, f"{at.id}: no single link for {question}={value}"
        at = plain[str(chosen[0]["href"]).removeprefix("#")]
    raise AssertionError("the plain links go round in a loop")


@pytest.mark.parametrize("guide", GUIDES, ids=[g.id for g in GUIDES])
def test_every_engine_route_leads_through_the_plain_links_to_the_same_outcome(guide: Guide, refs) -> None:
    plain = read_plain(guide, refs)
    for route, outcome_id in all_routes(guide, outcome_conditions(guide)):
        answers = dict(route)
        section, passed = trace(plain, guide, answers)
        assert section.outcome == outcome_id, route
        if not passed:  # every answer on the route was a link, so the outcome says exactly what the engine's says
            assert shown(section) == expected_actions(guide, outcome_id, answers), route
            assert section.open_parts == [], route


def plain_paths(plain: dict[str, Section], start: str) -> list[tuple[list[tuple[str, str]], list[str], Section]]:
    """Every way through the plain links: the answers clicked, the questions passed with Continue, and
    the outcome step reached."""
    found = []
    stack: list[tuple[Section, list[tuple[str, str]], list[str]]] = [(plain[f"q-{start}"], [], [])]
    while stack:
        at, clicked, passed = stack.pop()
        if at.outcome:
            found.append((clicked, passed, at))
            continue
        for link in at.links:
            target = plain[str(link["href"]).removeprefix("#")]
            if "data-continue" in link:
                stack.append((target, clicked, [*passed, at.question]))
            else:
                stack.append((target, [*clicked, (at.question, str(link["data-value"]))], passed))
    return found


@pytest.mark.parametrize("guide", GUIDES, ids=[g.id for g in GUIDES])
def test_every_route_through_the_plain_links_is_one_the_engine_takes_to_that_outcome(guide: Guide, refs) -> None:
    plain = read_plain(guide, refs)
    routes = list(all_routes(guide))
    for clicked, passed, end in plain_paths(plain, guide.start):
        if not passed:
            walk = Walk(guide)
            for question, value in clicked:
                assert walk.current.id == question, (clicked, walk.current.id)
                walk = walk.with_answer(question, value)
            assert walk.current.id == end.outcome, clicked
            assert shown(end) == expected_actions(guide, end.outcome, walk.route_answers), clicked
            continue
        # Past a question a link cannot answer, every engine route with the same clicks ends here.
        same = [o for r, o in routes if [(q, to_text(a)) for q, a in r if q not in passed] == clicked]
        assert same and set(same) == {end.outcome}, (clicked, passed, set(same))


@pytest.mark.parametrize("guide", GUIDES, ids=[g.id for g in GUIDES])
def test_every_step_after_the_first_shows_the_answers_so_far_and_links_to_change_them(guide: Guide, refs) -> None:
    plain = read_plain(guide, refs)
    for section in plain.values():
        assert section.summary_rows == len(section.answers), section.id
        for question, value in section.answers:
            assert f"--{question}-{value}" in section.id  # the step's address holds the answers that led to it


def test_every_plain_step_can_be_reached(refs) -> None:
    for guide in GUIDES:
        plain = read_plain(guide, refs)
        reached = {f"q-{guide.start}"}
        for section in plain.values():
            reached |= {str(link["href"]).removeprefix("#") for link in section.links}
        assert set(plain) == reached, guide.id


def test_a_date_and_time_step_states_the_timescales_counted_from_it(refs) -> None:
    guide = next(g for g in GUIDES if g.id == "threshold_and_rating")
    html = static_guide(guide, refs)
    start = html.index('data-question="received"')
    step = html[start : html.index("</section>", start)]
    assert "Barnet BRAG rating: Red: within 4 hours" in step
    assert "Barnet BRAG rating: Green: within 2 working days" in step
    assert "data-continue" in step


def test_the_partner_checklist_asks_the_agency_and_lists_each_concerns_checks_under_its_heading(refs) -> None:
    guide = next(g for g in GUIDES if g.id == "practice_standard_checks")
    plain = read_plain(guide, refs)
    social_care = plain["o-social_care_checks--agency-social_care--concerns"]
    assert "Sexual abuse" in social_care.open_parts
    allegation = "Only if there is a current allegation of sexual abuse: Must: There is a current allegation"
    assert any(item.startswith(allegation) for item in shown(social_care))
    assert any("data-settles" in link for link in plain["q-concerns--agency-social_care"].links)


def test_a_guide_whose_outcome_turns_on_an_answer_a_link_cannot_carry_has_no_plain_version() -> None:
    data = read_guide(ROOT / "guides" / "practice_standard_checks.yaml")
    hours = next(q for q in data["questions"] if q["id"] == "hours_missing")
    # A missing child of up to 24 hours now goes to another outcome: a number decides which outcome.
    hours["next"][0] = {**hours["next"][0], "goto": "police_checks"}
    with pytest.raises(
        PlainError, match=r"node 'concerns'.*police_checks, social_care_checks depending on the answer to 'concerns'"
    ):
        plain_version(guide_from_data(data))
