"""HTML for the plain version of a guide (see plain.py): every step as a section, one shown at a time
(CSS :target), each with the answers given so far. The page script reads the same sections to show a
shared link's own step before the engine has loaded.

Each section says which question it asks (``data-question``) and the answers that led to it
(``data-answers``, a JSON list of [question, value] pairs); each answer link says what it answers
(``data-question``, ``data-value``) or that it goes on without an answer (``data-continue``), and a
link past questions the plain page cannot ask says so (``data-settles``).
"""

from __future__ import annotations

import json

from .areas import AREAS
from .deadlines import describe_timescale
from .escape import html as e
from .model import Guide, Question
from .plain import Key, Link, Step, answered_on_the_way, carried, plain_version, split_parts
from .ratings import find as find_rating
from .references import References
from .render_html import PRINTED_AT, check_the_handbook, outcome_panel

PRINT_LINE = PRINTED_AT


def static_guide(guide: Guide, refs: References) -> str:
    """The whole guide as linked sections, readable without scripts."""
    plain = plain_version(guide)
    sections = [_question_step(guide, step, refs, plain.outcomes_after(step.key)) for step in plain.steps]
    sections += [_outcome_step(guide, key, refs) for key in plain.ends]
    return (
        f'<div class="mg-guide" data-module="decision-guide" data-guide="{e(guide.id)}" '
        f'data-version="{guide.version}" data-root="{e(refs.root)}">'
        '<p class="mg-status" role="status" hidden></p>'
        '<div class="mg-static">' + "".join(sections) + "</div></div>"
    )


def _answers_attribute(key: Key) -> str:
    return e(json.dumps([[q, v] for q, v in key.route if v is not None], separators=(",", ":")))


def _link(guide: Guide, question: Question, link: Link) -> str:
    href = e(link.target.anchor(guide))
    settles = " data-settles" if link.settles else ""
    if not link.value:
        return (
            f'<li><a class="mg-choice" href="#{href}" data-question="{e(question.id)}" data-continue{settles}>'
            "Continue</a></li>"
        )
    option = question.option(link.value)
    label = option.label if option else link.value
    hint = f'<span class="mg-hint">{e(option.hint)}</span>' if option and option.hint else ""
    return (
        f'<li><a class="mg-choice" href="#{href}" data-question="{e(question.id)}" '
        f'data-value="{e(link.value)}"{settles}>{e(label)}</a>{hint}</li>'
    )


def _not_asked_here(guide: Guide, question: Question, refs: References, ahead: set[str]) -> str:
    """For a question a link cannot answer: its answers listed, and for a date and time, the timescales
    that will be counted from it, so a person without the interactive guide can work them out."""
    body = ""
    if question.options:
        listed = "".join(f"<li>{e(o.label)}</li>" for o in question.options)
        body += f'<p>The answers are:</p><ul class="mg-options">{listed}</ul>'
    if question.type in ("date", "datetime"):
        counted = _timescales_from(guide, question.id, refs, ahead)
        if counted:
            items = "".join(f"<li>{e(text)}</li>" for text in counted)
            body += (
                "<p>Note the time down: these timescales are counted from it, and the outcome says each "
                f'in words.</p><ul class="mg-counted">{items}</ul>'
            )
    what = "this answer" if question.type != "multiple" else "these answers"
    body += (
        f'<p class="mg-plain-note">This version of the guide cannot take {what}. The interactive guide asks '
        "for it and works out what follows; here, the outcome shows every part that depends on it under "
        "its own heading.</p>"
    )
    return body


def _timescales_from(guide: Guide, question_id: str, refs: References, ahead: set[str]) -> list[str]:
    """The timescales of the outcomes still ahead that count from this question's time, each once."""
    found: dict[str, None] = {}
    for outcome in guide.outcomes:
        if outcome.due_from != question_id or outcome.id not in ahead:
            continue
        rating = find_rating(refs.ratings, outcome.rating) if outcome.rating else None
        if rating is not None and rating.timescale is not None:
            found.setdefault(f"{rating.label}: {describe_timescale(rating.timescale.amount, rating.timescale.unit)}")
        for deadline in [*outcome.deadlines, *(d for part in outcome.parts for d in part.deadlines)]:
            found.setdefault(f"{deadline.label}: {describe_timescale(deadline.amount, deadline.unit)}")
    return list(found)


def _answers_so_far(guide: Guide, key: Key) -> str:
    rows = "".join(
        f'<div class="mg-summary__row"><dt>{e(question.text)}</dt><dd>{e(label)}</dd>'
        f'<dd class="mg-summary__change"><a href="#{e(at.anchor(guide))}">Change'
        f'<span class="mg-visually-hidden"> your answer to: {e(question.text)}</span></a></dd></div>'
        for question, label, at in answered_on_the_way(guide, key)
    )
    if not rows:
        return ""
    return f'<h3 class="mg-summary__title">Your answers so far</h3><dl class="mg-summary">{rows}</dl>'


def _question_step(guide: Guide, step: Step, refs: References, ahead: set[str]) -> str:
    question = step.question
    section_id = step.key.anchor(guide)
    heading_id = f"{section_id}-heading"
    # elementtiming lets the benchmark read when the first question was painted.
    timing = ' elementtiming="first-question"' if step.key.route == () else ""
    hint = f'<p class="mg-hint">{e(question.hint)}</p>' if question.hint else ""
    body = "" if carried(question) else _not_asked_here(guide, question, refs, ahead)
    links = "".join(_link(guide, question, link) for link in step.links)
    return (
        f'<section class="mg-step" id="{e(section_id)}" aria-labelledby="{e(heading_id)}" '
        f'data-question="{e(question.id)}" data-answers="{_answers_attribute(step.key)}">'
        f'<h2 class="mg-heading" id="{e(heading_id)}"{timing}>{e(question.text)}</h2>{hint}{body}'
        f'<ul class="mg-choices">{links}</ul>{_answers_so_far(guide, step.key)}</section>'
    )


def _outcome_step(guide: Guide, key: Key, refs: References) -> str:
    outcome = guide.outcome(key.node)
    assert outcome is not None
    section_id = key.anchor(guide)
    applying, open_parts = split_parts(outcome, key)
    panel = outcome_panel(outcome, refs, heading_id=f"{section_id}-heading", applying=applying, open_parts=open_parts)
    start = guide.start
    # The guide's own answer to "which area" wins over the person's saved area (area.js).
    answered = next((v for _, v in key.route if isinstance(v, str) and v in AREAS), "")
    answered_attr = f' data-answered-area="{e(answered)}"' if answered else ""
    return (
        f'<div class="mg-step" id="{e(section_id)}" data-outcome="{e(outcome.id)}"{answered_attr} '
        f'data-answers="{_answers_attribute(key)}">{panel}{_answers_so_far(guide, key)}'
        f'<p class="mg-print-only">{e(PRINT_LINE)}</p>'
        f'<p class="mg-print-only">{e(check_the_handbook(guide.title, guide.version))}</p>'
        f'<p class="mg-restart"><a href="#q-{e(start)}">Start again</a></p></div>'
    )
