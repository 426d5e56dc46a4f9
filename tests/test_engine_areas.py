"""Area marks in the engine's HTML: what belongs to one area carries its id, so the page can fold it
away for a person who has chosen another area; what every area must see carries none."""

from __future__ import annotations

import re

from decision_engine import Walk
from decision_engine.areas import AREAS, action_areas, area_named
from decision_engine.references import References
from decision_engine.render_html import live_view
from decision_engine.render_plain import static_guide
from tests.conftest import ROOT, load_guide

GUIDE = load_guide("worried_about_a_child")


def outcome_html(refs: References, area: str) -> str:
    walk = Walk(GUIDE)
    for question, answer in (
        ("immediate_danger", "no"),
        ("significant_harm", "yes"),
        ("also_applies", ("none",)),
        ("area", area),
    ):
        walk = walk.with_answer(question, answer)
    return live_view(walk, refs)


def test_a_part_label_names_its_area_only_when_it_names_one() -> None:
    assert area_named("Barnet") == "barnet"
    assert area_named("A possible crime, in Waltham Forest") == "waltham_forest"
    assert area_named("A possible crime, area not known") == ""
    assert area_named("Barnet and Rotherham") == ""


def test_an_action_the_outcome_gives_itself_belongs_to_every_area() -> None:
    outcome = next(o for o in GUIDE.outcomes if o.id == "phone_mash_now")
    marked = action_areas(outcome.actions, list(outcome.parts))
    medical = next(a for a in outcome.actions if "emergency medical attention" in a.text)
    assert " ".join(medical.text.lower().split()) not in marked
    assert set(marked.values()) == set(AREAS)


def test_with_the_area_not_known_every_contact_and_area_action_carries_its_area(refs: References) -> None:
    html = outcome_html(refs, "other")
    contacts = re.search(r'<ul class="mg-contacts">(.*?)</ul>', html)
    assert contacts is not None
    assert re.findall(r'<li data-area="(\w+)">', contacts.group(1)) == [
        "waltham_forest",
        "barnet",
        "rotherham",
        "northamptonshire",
    ]
    assert {"barnet", "rotherham", "northamptonshire", "waltham_forest"} <= set(
        re.findall(r'<li class="mg-check" data-area="(\w+)">', html)
    )
    assert "data-answered-area" not in html


def test_the_guides_own_area_answer_is_marked_for_the_page(refs: References) -> None:
    assert '<div class="mg-live" data-node="phone_mash_now" data-answered-area="barnet">' in outcome_html(
        refs, "barnet"
    )


def test_the_page_templates_area_choices_are_the_engines_areas() -> None:
    template = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    assert dict(re.findall(r'\("(\w+)", "([\w ]+)"\)', template)) == AREAS


def test_the_plain_versions_outcomes_carry_the_area_answered_on_the_way(refs: References) -> None:
    html = static_guide(GUIDE, refs)
    steps = re.findall(r'<div class="mg-step" id="o-phone_mash_now[^"]*"[^>]*>', html)
    assert any('data-answered-area="barnet"' in step for step in steps)
    assert any("area-other" in step and "data-answered-area" not in step for step in steps)
