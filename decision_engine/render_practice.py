"""HTML for training: a practice scenario, a walkthrough, and the index of scenarios.

Each works as it stands, without JavaScript and from disk: a scenario lists its questions with the
model answers and their reasons under disclosures; a walkthrough lists its steps. The page script
(training.js) reads the same markup to run practice mode one question at a time, or the tour one step
at a time, so there is one source for what a trainee is told.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from .answers import describe
from .compose import parts_that_apply
from .escape import html as e
from .model import Guide, Question
from .references import References
from .render_html import citation_list, outcome_panel, walk_href
from .scenarios import AREAS, AUDIENCES, GIVEN_TYPES, Scenario, ScenarioStep
from .walkthroughs import Walkthrough

PRIVACY_LINE = "Your answers stay in this browser tab. Nothing is sent anywhere."


def _facts(audience: str, area: str, extra: str = "") -> str:
    return (
        '<dl class="mg-practice__facts">'
        f"<dt>For</dt><dd>{e(AUDIENCES[audience])}</dd>"
        f"<dt>Area</dt><dd>{e(AREAS[area])}: this follows {e(AREAS[area])}'s procedure</dd>"
        f"{extra}</dl>"
    )


def _options(question: Question) -> str:
    items = "".join(
        f'<li data-value="{e(o.value)}">{e(o.label)}'
        + (f'<span class="mg-hint">{e(o.hint)}</span>' if o.hint else "")
        + "</li>"
        for o in question.options
    )
    kind = "Tick every answer that applies" if question.type == "multiple" else "Choose one answer"
    return f'<p class="mg-pstep__kind">{kind}:</p><ul class="mg-pstep__options">{items}</ul>'


def _label(question: Question, value: str) -> str:
    option = question.option(value)
    return option.label if option else value


def _scenario_step(step: ScenarioStep, question: Question, number: int, total: int, refs: References) -> str:
    given = question.type in GIVEN_TYPES
    expected = list(step.answer) if isinstance(step.answer, tuple) else [str(step.answer)]
    hint = f'<p class="mg-hint">{e(question.hint)}</p>' if question.hint else ""
    answer_text = describe(question, step.answer)
    if given:
        body = f'<p class="mg-pstep__given">Given in the situation: <strong>{e(answer_text)}</strong></p>'
    else:
        body = _options(question)
    others = ""
    if step.other_answers:
        rows = "".join(
            f'<dt>{e(_label(question, value))}</dt><dd data-feedback-for="{e(value)}">{e(text)}</dd>'
            for value, text in step.other_answers
        )
        others = f'<h3 class="mg-pstep__others">Why not the other answers</h3><dl>{rows}</dl>'
    model = (
        f'<details class="mg-pstep__model"><summary>Model answer</summary>'
        f'<p class="mg-pstep__answer">The procedure: <strong>{e(answer_text)}</strong></p>'
        f'<p class="mg-pstep__why">{e(step.why)}</p>'
        f'<div class="mg-pstep__rule"><p>The rule:</p>{citation_list(step.cite, refs)}</div>'
        f"{others}</details>"
    )
    return (
        f'<li class="mg-pstep" id="step-{number}" data-question="{e(question.id)}" data-type="{e(question.type)}" '
        f'data-expected="{e(json.dumps(expected))}">'
        f'<h2 class="mg-pstep__question">Question {number} of {total}: {e(question.text)}</h2>'
        f"{hint}{body}{model}</li>"
    )


def practice_page(scenario: Scenario, guide: Guide, refs: References) -> str:
    """The scenario as a page section: the situation, each question with its model answer, the
    guide's own outcome for the model answers, and the points to take away."""
    walk = scenario.walk(guide)
    outcome = walk.outcome
    if outcome is None:  # check_scenario refuses this before anything is rendered
        raise ValueError(f"scenario '{scenario.id}' does not reach an outcome")
    guide_href = refs.href(guide.page)
    steps = "".join(
        _scenario_step(step, q, i, len(scenario.steps), refs)
        for i, step in enumerate(scenario.steps, start=1)
        if (q := guide.question(step.question)) is not None
    )
    answers = walk.route_answers
    panel = outcome_panel(
        outcome,
        refs,
        heading_id="model-outcome",
        applying=parts_that_apply(outcome, answers),
        answers=answers,
        now=scenario.as_of,
        checklist=False,  # a model outcome to read, not a case to tick off
    )
    takeaways = "".join(f"<li>{e(t)}</li>" for t in scenario.takeaways)
    guide_fact = f'<dt>Guide</dt><dd><a href="{e(guide_href)}">{e(guide.title)}</a></dd>'
    return (
        f'<div class="mg-practice" data-module="practice" data-scenario="{e(scenario.id)}" '
        f'data-title="{e(scenario.title)}" data-area="{e(AREAS[scenario.area])}" '
        f'data-audience="{e(AUDIENCES[scenario.audience])}">'
        + _facts(scenario.audience, scenario.area, guide_fact)
        + '<h2 id="situation">The situation</h2>'
        f'<p class="mg-practice__vignette">{e(scenario.vignette)}</p>'
        '<p class="mg-practice__how">Decide each answer as the procedure requires, then open '
        "<em>Model answer</em> to check it. With JavaScript on, practice mode asks one question at a time "
        f"and tells you after each answer whether it matches. {PRIVACY_LINE}</p>"
        f'<ol class="mg-practice__steps">{steps}</ol>'
        '<section class="mg-practice__end" aria-labelledby="the-outcome">'
        '<h2 id="the-outcome">The outcome</h2>'
        '<details class="mg-practice__outcome"><summary>The guide\'s outcome for the model answers</summary>'
        f'{panel}<p><a class="mg-practice__open" href="{e(guide_href + walk_href(walk))}">'
        "Open this route in the guide</a></p></details>"
        '<h2 id="takeaways">Points to take away</h2>'
        f'<ul class="mg-practice__takeaways">{takeaways}</ul></section></div>'
    )


def walkthrough_page(tour: Walkthrough, guides: Mapping[str, Guide], refs: References) -> str:
    """The tour as an ordered list of steps: what happens, who does it, by when, and the rule."""
    items = []
    for i, step in enumerate(tour.steps, start=1):
        guide = guides.get(step.guide)
        helps = (
            f'<p class="mg-tour__guide">Guide for this step: <a href="{e(refs.href(guide.page))}">'
            f"{e(guide.title)}</a></p>"
            if guide
            else ""
        )
        items.append(
            f'<li class="mg-tour__step" id="tour-step-{i}">'
            f'<h2 class="mg-tour__title">Step {i} of {len(tour.steps)}: {e(step.title)}</h2>'
            f'<dl class="mg-tour__facts"><dt>What happens</dt><dd>{e(step.what)}</dd>'
            f"<dt>Who</dt><dd>{e(step.who)}</dd><dt>By when</dt><dd>{e(step.when)}</dd></dl>"
            f'{helps}<div class="mg-tour__rule"><p>Where this comes from:</p>{citation_list(step.cite, refs)}</div>'
            "</li>"
        )
    return (
        f'<div class="mg-tour" data-module="walkthrough" data-tour="{e(tour.id)}">'
        + _facts(tour.audience, tour.area)
        + f'<p class="mg-tour__intro">{e(tour.intro)}</p>'
        f'<ol class="mg-tour__steps">{"".join(items)}</ol></div>'
    )


def scenario_index(scenarios: Sequence[Scenario], guides: Mapping[str, Guide], page_root: str) -> str:
    """Every scenario with its audience, area and guide, as a list that reads at any width; the page
    script adds a filter for each of the three, named by the ``data-*-label`` attributes."""
    items = []
    for s in sorted(scenarios, key=lambda s: (s.area, s.guide, s.title)):
        labels = {"audience": AUDIENCES[s.audience], "area": AREAS[s.area], "guide": guides[s.guide].title}
        data = f'data-audience="{e(s.audience)}" data-area="{e(s.area)}" data-guide="{e(s.guide)}" ' + " ".join(
            f'data-{key}-label="{e(value)}"' for key, value in labels.items()
        )
        items.append(
            f'<li class="mg-scenarios__item" {data}>'
            f'<a href="{e(page_root)}training/scenarios/{e(s.id)}.html">{e(s.title)}</a>'
            f'<span class="mg-scenarios__meta">For: {e(labels["audience"])} · {e(labels["area"])} · '
            f"Guide: {e(labels['guide'])}</span></li>"
        )
    return (
        f'<div class="mg-scenarios" data-module="scenario-index" data-count="{len(scenarios)}">'
        f'<p class="mg-scenarios__count" role="status">{len(scenarios)} scenarios</p>'
        f'<ul class="mg-scenarios__list">{"".join(items)}</ul></div>'
    )


def walkthrough_list(tours: Sequence[Walkthrough], page_root: str) -> str:
    items = "".join(
        f'<li><a href="{e(page_root)}training/walkthroughs/{e(t.id)}.html">{e(t.title)}</a>'
        f' <span class="mg-area">({e(AREAS[t.area])}, for {e(AUDIENCES[t.audience].lower())})</span></li>'
        for t in sorted(tours, key=lambda t: (t.area, t.title))
    )
    return f'<ul class="mg-tours">{items}</ul>'
