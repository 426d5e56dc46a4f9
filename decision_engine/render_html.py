"""HTML for a guide, from its definition: the plain version that needs no JavaScript, and the view of
one walk that the interactive version shows. Both follow the GOV.UK question-page pattern: the question
is the heading, answers are radios or checkboxes, then Continue, Back, and the answers with Change links.

Every piece of text is escaped here (``escape.html``); the browser inserts the result as it is, and the
build includes the plain version into a Markdown page, so none of it breaks across lines.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from .answers import AnswerError, Form, to_form
from .areas import AREAS, action_areas, area_id, area_named, area_of
from .compose import actions_for, headings, is_grouped, merge, parts_that_apply, urgency_for
from .deadlines import DueError, describe_timescale
from .due_times import due_times
from .escape import html as e
from .explain import reasons
from .model import Action, Answer, Citation, Outcome, Part, Question
from .phones import link_numbers
from .ratings import find as find_rating
from .references import References
from .token import encode
from .walk import Walk

FRAGMENT = "walk="
DISCLAIMER = (
    "This guide supports your professional judgement and your local procedures. It does not replace them. "
    "If you are unsure, contact the MASH for advice."
)
TIME_HINT = "For example, 16:30 or 4:30pm"
_URGENCY_LABEL = {
    "emergency": "Emergency",
    "urgent": "Urgent",
    "standard": "Next steps",
    "routine": "No referral",
}


def walk_href(walk: Walk) -> str:
    return f"#{FRAGMENT}{encode(walk)}"


# --- shared pieces -------------------------------------------------------------------------------


def citation_list(citations: Sequence[Citation], refs: References) -> str:
    items = "".join(
        f'<li><a href="{e(refs.href(c.handbook))}">{e(refs.title(c.handbook))}</a>'
        f'<span class="mg-source">Source: {e(refs.source_text(c))}</span></li>'
        for c in citations
    )
    return f'<ul class="mg-citations">{items}</ul>'


def contact_detail(detail: str, phones: Sequence[str]) -> str:
    """A contact's details, each of its telephone numbers a link that dials it."""
    return link_numbers(e(detail), phones, lambda shown, href: f'<a class="mg-tel" href="{e(href)}">{shown}</a>')


def _action_items(
    actions: Sequence[Action],
    refs: References,
    shown: Sequence[Citation] = (),
    *,
    tickable: bool = False,
    areas: Mapping[str, str] | None = None,
    places: Sequence[int] = (),
    conditions: Sequence[str] = (),
) -> str:
    """Actions in order. A source already shown for the whole outcome is not repeated under each one.
    A checklist's items get tick boxes, which the page passes to the decision record, numbered by their
    ``places`` in the whole checklist. An escalation in a grouped checklist says its concern; an item
    with a condition (the plain version's "only if") says it first. An action that belongs to one area
    (``areas``, from ``action_areas``) carries its id, so the page can fold it away for a person who has
    chosen another area."""
    already = {(c.source, c.part) for c in shown}
    items = []
    for n, a in enumerate(actions):
        i = places[n] if places else n
        flag = '<strong class="mg-flag">Escalate</strong> ' if a.escalation else ""
        level = "Must:" if a.level == "must" else "Should:"
        own = [c for c in a.cite if (c.source, c.part) not in already]
        cite = ""
        if own:
            cite = '<span class="mg-source">Source: ' + "; ".join(e(refs.source_text(c)) for c in own) + "</span>"
        concern = f'<span class="mg-concern">{e(a.group)}:</span> ' if a.escalation and a.group else ""
        only_if = f'<em class="mg-only-if">Only if {e(conditions[n])}:</em> ' if conditions and conditions[n] else ""
        text = f'{flag}{concern}{only_if}<strong class="mg-level mg-level--{a.level}">{level}</strong> {e(a.text)}'
        area = area_of(a, areas) if areas else ""
        marked = f' data-area="{e(area)}"' if area else ""
        if tickable:
            items.append(
                f'<li class="mg-check"{marked}><input type="checkbox" class="mg-check__input" id="mg-check-{i}" '
                f'data-action="{i}"><label for="mg-check-{i}">{text}</label>{cite}</li>'
            )
        else:
            items.append(f"<li{marked}>{text}{cite}</li>")
    return "".join(items)


def _rating_block(outcome: Outcome, refs: References) -> str:
    if outcome.rating is None:
        return ""
    rating = find_rating(refs.ratings, outcome.rating)
    if rating is None:
        return ""
    rows = [("What it means", rating.level.get("descriptor", ""))]
    rows.append(("Response", rating.level.get("respond") or "Not given in the source."))
    if rating.level.get("goes_to"):
        rows.append(("Where it goes", rating.level["goes_to"]))
    if rating.scheme.get("gap"):
        rows.append(("Gap in the source", rating.scheme["gap"]))
    cells = "".join(f"<dt>{e(k)}</dt><dd>{e(v)}</dd>" for k, v in rows if v)
    source = refs.describe_source(str(rating.scheme.get("source", "")), str(rating.scheme.get("part", "")))
    return (
        f'<div class="mg-rating mg-rating--{e(outcome.rating.level)}"><h3>Rating</h3>'
        f'<p class="mg-rating__label"><strong>{e(rating.label)}</strong></p><dl class="mg-rating__facts">{cells}</dl>'
        f'<span class="mg-source">Source: {e(source)}</span></div>'
    )


def timescales_block(outcome: Outcome, applying: Sequence[Part], open_parts: Sequence[Part] = ()) -> str:
    """Each timescale in words, for when the start time is not known (the plain version): the outcome's
    own, those of the parts that apply, and those of parts that may apply, each under its part's label."""
    timescales = [(d.label, describe_timescale(d.amount, d.unit)) for d in outcome.deadlines]
    timescales += [(d.label, describe_timescale(d.amount, d.unit)) for part in applying for d in part.deadlines]
    timescales += [
        (f"{d.label} (if it applies: {part.label.lower()})", describe_timescale(d.amount, d.unit))
        for part in open_parts
        for d in part.deadlines
    ]
    if not timescales:
        return ""
    listed = "".join(f"<li><strong>{e(label)}:</strong> {e(text)}</li>" for label, text in timescales)
    return f'<div class="mg-due"><h3>Timescales</h3><ul>{listed}</ul></div>'


def due_block(outcome: Outcome, refs: References, answers: Mapping[str, Answer], now: dt.datetime | None) -> str:
    """Each due time with how it was worked out and, given now, how long is left or how overdue it is."""
    found = due_times(outcome, answers, refs.ratings)
    if not found:
        return ""
    items = []
    for item in found:
        if isinstance(item.due, DueError):
            items.append(f"<li><strong>{e(item.label)}:</strong> {e(item.due.message)}</li>")
            continue
        status = item.status(now)
        flag = ""
        if status.startswith("overdue"):
            flag = f' <strong class="mg-overdue">Overdue {e(status.removeprefix("overdue "))}.</strong>'
        elif status:
            flag = f" <span class=mg-left>({e(status)})</span>"
        # A weekend or bank holiday is said beside the time, before how long is left.
        day = f" <span class=mg-due__day>{e(item.due.note)}</span>" if item.due.note else ""
        items.append(
            f"<li><strong>{e(item.label)}:</strong> by {e(item.due.text)}.{day}{flag}"
            f'<span class="mg-due__how">{e(item.due.how)}.</span></li>'
        )
    return f'<div class="mg-due"><h3>Due by</h3><ul>{"".join(items)}</ul></div>'


def outcome_panel(
    outcome: Outcome,
    refs: References,
    *,
    heading_id: str,
    applying: Sequence[Part],
    open_parts: Sequence[Part] = (),
    answers: Mapping[str, Answer] | None = None,
    why: str = "",
    now: dt.datetime | None = None,
    checklist: bool = True,
) -> str:
    """An outcome: its own actions and those of the ``applying`` parts merged into one checklist, then
    each of the ``open_parts`` (parts that depend on answers the plain version did not ask) under its
    own label. With ``answers`` (the interactive view) due times are worked out; without them each
    timescale is said in words."""
    urgency = urgency_for(outcome, {}, list(applying))
    parts = [
        f'<p class="mg-tag mg-tag--{e(urgency)}">{e(_URGENCY_LABEL[urgency])}</p>',
        f'<h2 class="mg-heading" id="{e(heading_id)}" tabindex="-1">{e(outcome.title)}</h2>',
        f'<p class="mg-outcome__summary">{e(outcome.summary)}</p>',
        due_block(outcome, refs, answers, now)
        if answers is not None
        else timescales_block(outcome, applying, open_parts),
        _rating_block(outcome, refs),
    ]
    actions = actions_for(outcome, {}, list(applying))
    tickable = checklist and answers is not None and bool(outcome.parts)
    areas = action_areas(outcome.actions, list(applying))
    if actions and is_grouped(outcome):
        parts.append("<h3>What to do</h3>")
        for heading, listed in headings(actions):
            items = _action_items(
                [a for _, a in listed],
                refs,
                outcome.cite,
                tickable=tickable,
                places=[i for i, _ in listed],
                areas=areas,
            )
            start = f' start="{listed[0][0] + 1}"' if listed[0][0] else ""
            parts.append(f'<h4 class="mg-concern-heading">{e(heading)}</h4><ol class="mg-actions"{start}>{items}</ol>')
    elif actions:
        items = _action_items(actions, refs, outcome.cite, tickable=tickable, areas=areas)
        parts.append(f'<h3>What to do</h3><ol class="mg-actions">{items}</ol>')
    parts += _open_parts(outcome, open_parts, refs)
    if outcome.contacts:
        items = "".join(
            f'<li data-area="{e(area_id(c.area))}"><strong>{e(c.name)}</strong>: {contact_detail(c.detail, c.phones)}'
            f"{f' <span class=mg-area>({e(c.area)})</span>' if c.area else ''}</li>"
            for c in outcome.contacts
        )
        parts.append(f'<h3>Who to contact</h3><ul class="mg-contacts">{items}</ul>')
    if outcome.next_steps:
        items = "".join(f"<li>{e(step)}</li>" for step in outcome.next_steps)
        parts.append(f'<h3>What happens next</h3><ol class="mg-next-steps">{items}</ol>')
    parts.append(why)
    parts.append(f"<h3>Where this comes from</h3>{citation_list(outcome.cite, refs)}")
    parts.append(f'<p class="mg-disclaimer">{e(DISCLAIMER)}</p>')
    return (
        f'<section class="mg-outcome mg-outcome--{e(urgency)}" aria-labelledby="{e(heading_id)}">'
        + "".join(parts)
        + "</section>"
    )


def _area_block(part: Part, refs: References, outcome: Outcome) -> str:
    """One part under its own label; a part for one area is an area block, folded like those on the
    handbook pages for a person who has chosen another area."""
    items = _action_items(merge(list(part.actions)), refs, outcome.cite)
    block = f'<h3>If it applies: {e(part.label)}</h3><ol class="mg-actions">{items}</ol>'
    area = area_named(part.label)
    return f'<div class="mg-area-rule" data-area="{e(area)}">{block}</div>' if area else block


def _open_parts(outcome: Outcome, open_parts: Sequence[Part], refs: References) -> list[str]:
    """Parts that depend on answers the plain version did not ask, each under its own label; in a
    grouped checklist, one heading per concern, its escalations, musts and shoulds in that order, and
    each action that needs a further fact says which ("only if ...")."""
    if not is_grouped(outcome):
        return [_area_block(part, refs, outcome) for part in open_parts]
    blocks = []
    for group in dict.fromkeys(part.group for part in open_parts):
        condition_of: dict[int, str] = {}
        chosen: list[Action] = []
        for part in (p for p in open_parts if p.group == group):
            condition = part.label.removeprefix(f"{group}: ") if part.label.startswith(f"{group}: ") else ""
            for action in part.actions:
                condition_of[len(chosen)] = condition
                chosen.append(action)
        # Ordered as the interactive checklist is: escalations, then musts, then shoulds.
        places = sorted(range(len(chosen)), key=lambda i: (not chosen[i].escalation, chosen[i].level != "must", i))
        actions = [chosen[i] for i in places]
        conditions = [condition_of[i] for i in places]
        items = _action_items(actions, refs, outcome.cite, conditions=conditions)
        blocks.append(f'<h3>If it applies: {e(group)}</h3><ol class="mg-actions">{items}</ol>')
    return blocks


# --- the interactive view of one walk -------------------------------------------------------------


def _error_summary(error: AnswerError) -> str:
    return (
        '<div class="mg-error-summary" role="alert" tabindex="-1" aria-labelledby="mg-error-title">'
        '<h2 class="mg-error-summary__title" id="mg-error-title">There is a problem</h2>'
        f'<ul><li><a href="#mg-{e(error.field)}">{e(error.message)}</a></li></ul></div>'
    )


def _inputs(question: Question, form: Form, described: str) -> str:
    chosen = set(form.get("answer", []))
    if question.type in ("single", "yes_no", "multiple"):
        kind = "checkbox" if question.type == "multiple" else "radio"
        rows = []
        for i, option in enumerate(question.options):
            input_id = "mg-answer" if i == 0 else f"mg-answer-{i}"
            hint = (
                f'<div class="mg-hint mg-choice-hint" id="{input_id}-hint">{e(option.hint)}</div>'
                if option.hint
                else ""
            )
            if option.exclusive:
                rows.append('<div class="mg-divider">or</div>')
            rows.append(
                f'<div class="mg-{kind}">'
                f'<input class="mg-{kind}__input" type="{kind}" id="{input_id}" name="answer" value="{e(option.value)}"'
                f"{' checked' if option.value in chosen else ''}"
                f"{' data-exclusive' if option.exclusive else ''}"
                f"{f' aria-describedby={chr(34)}{input_id}-hint{chr(34)}' if option.hint else ''}>"
                f'<label class="mg-{kind}__label" for="{input_id}">{e(option.label)}</label>{hint}</div>'
            )
        return f'<div class="mg-{kind}es" data-{kind}es>{"".join(rows)}</div>'
    if question.type == "number":
        value = (form.get("answer") or [""])[0]
        unit = f'<span class="mg-unit">{e(question.unit)}</span>' if question.unit else ""
        return (
            f'<div class="mg-number"><input class="mg-input mg-input--short" id="mg-answer" name="answer" '
            f'type="text" inputmode="numeric" spellcheck="false" value="{e(value)}"'
            f"{f' aria-describedby={chr(34)}{described}{chr(34)}' if described else ''}>{unit}</div>"
        )
    items = []
    for name, label, width in (("day", "Day", 2), ("month", "Month", 3), ("year", "Year", 3)):
        value = (form.get(name) or [""])[0]
        # A month may be typed as a name ("Dec"), so its keyboard has letters.
        mode = "text" if name == "month" else "numeric"
        items.append(
            f'<div class="mg-date-item"><label class="mg-date-label" for="mg-{name}">{label}</label>'
            f'<input class="mg-input mg-input--w{width}" id="mg-{name}" name="{name}" type="text" '
            f'inputmode="{mode}" autocomplete="off" spellcheck="false" value="{e(value)}"></div>'
        )
    date = f'<div class="mg-date">{"".join(items)}</div>'
    return date + (_time_input(form) if question.type == "datetime" else "")


def _time_input(form: Form) -> str:
    """One box for the time, 24-hour or am/pm, with its hint before it, and a Now button: the page script
    fills the date and time with UK time now (or a trainer's clock) and says so in the status line."""
    value = (form.get("time") or [""])[0]
    return (
        '<div class="mg-time"><label class="mg-date-label" for="mg-time">Time</label>'
        f'<div class="mg-hint mg-time__hint" id="mg-time-hint">{e(TIME_HINT)}</div>'
        '<div class="mg-time__row">'
        '<input class="mg-input mg-input--w5" id="mg-time" name="time" type="text" autocomplete="off" '
        f'spellcheck="false" aria-describedby="mg-time-hint" value="{e(value)}">'
        '<button type="button" class="md-button mg-now" data-now>'
        'Now<span class="mg-visually-hidden">: fill in the date and time now</span></button></div>'
        '<p class="mg-visually-hidden" role="status" data-now-status></p></div>'
    )


def _question_form(question: Question, form: Form, error: AnswerError | None) -> str:
    hint_id = "mg-hint" if question.hint else ""
    error_id = "mg-error" if error else ""
    described = " ".join(i for i in (hint_id, error_id) if i)
    hint = f'<div class="mg-hint" id="mg-hint">{e(question.hint)}</div>' if question.hint else ""
    message = (
        f'<p class="mg-error-message" id="mg-error"><span class="mg-visually-hidden">Error:</span> '
        f"{e(error.message)}</p>"
        if error
        else ""
    )
    inputs = _inputs(question, form, described)
    group_class = "mg-form-group mg-form-group--error" if error else "mg-form-group"
    if question.type == "number":
        body = (
            f'<h2 class="mg-heading" tabindex="-1"><label for="mg-answer">{e(question.text)}</label></h2>'
            f"{hint}{message}{inputs}"
        )
    else:
        described_attr = f' aria-describedby="{described}"' if described else ""
        body = (
            f'<fieldset class="mg-fieldset"{described_attr}><legend class="mg-legend">'
            f'<h2 class="mg-heading" tabindex="-1">{e(question.text)}</h2></legend>'
            f"{hint}{message}{inputs}</fieldset>"
        )
    return (
        f'<form class="mg-form" data-question="{e(question.id)}" novalidate>'
        f'<div class="{group_class}">{body}</div>'
        '<button type="submit" class="md-button md-button--primary mg-continue">Continue</button></form>'
    )


def _summary(walk: Walk) -> str:
    steps = walk.steps_before_current
    if not steps:
        return ""
    rows = "".join(
        f'<div class="mg-summary__row"><dt>{e(s.question.text)}</dt><dd>{e(r.answer)}</dd>'
        f'<dd class="mg-summary__change"><a href="{e(walk_href(walk.change(s.question.id)))}">'
        f'Change<span class="mg-visually-hidden"> your answer to: {e(s.question.text)}</span></a></dd></div>'
        for s, r in zip(steps, reasons(walk), strict=True)
    )
    return f'<h3 class="mg-summary__title">Your answers</h3><dl class="mg-summary">{rows}</dl>'


def _why(walk: Walk, refs: References) -> str:
    items = []
    for reason in reasons(walk):
        cite = ""
        if reason.cite:
            cite = (
                ' <span class="mg-why__see">See: '
                + "; ".join(
                    f'<a href="{e(refs.href(c.handbook))}">{e(refs.title(c.handbook))}</a>' for c in reason.cite
                )
                + "</span>"
            )
        # The question and the answer in the person's own words; the rule's label is for maintainers.
        items.append(f"<li>{e(reason.question)} — <strong>{e(reason.answer)}</strong>{cite}</li>")
    outcome = walk.outcome
    if outcome is not None:
        for part in parts_that_apply(outcome, walk.route_answers):
            items.append(f"<li>Added to the checklist: <strong>{e(part.label)}</strong>.</li>")
    return f'<h3>Why this outcome</h3><ol class="mg-why">{"".join(items)}</ol>'


def live_view(
    walk: Walk,
    refs: References,
    *,
    error: AnswerError | None = None,
    form: Form | None = None,
    now: dt.datetime | None = None,
) -> str:
    """The interactive page for one walk: the current question (or outcome), Back, Start again, and the
    answers so far with Change links. ``now`` (UK time) lets due times say how long is left."""
    node = walk.current
    top = []
    if walk.can_go_back:
        top.append(f'<a class="mg-back" href="{e(walk_href(walk.back()))}">Back</a>')
    if isinstance(node, Question):
        shown: Mapping[str, Sequence[str]] = (
            form
            if form is not None
            else (to_form(node, walk.answer_map[node.id]) if node.id in walk.answer_map else {})
        )
        main = (_error_summary(error) if error else "") + _question_form(node, shown, error)
    else:
        answers = walk.route_answers
        main = outcome_panel(
            node,
            refs,
            heading_id="mg-outcome-heading",
            applying=parts_that_apply(node, answers),
            answers=answers,
            why=_why(walk, refs),
            now=now,
        )
    restart = (
        f'<p class="mg-restart"><a href="{e(walk_href(walk.restart()))}">Start again</a></p>' if walk.answers else ""
    )
    if isinstance(node, Outcome):
        restart = _case_notes(refs) + _print_lines(walk) + _record_controls() + restart
    # The guide's own answer to "which area" wins over the person's saved area for this walk.
    answered = next((v for v in walk.answer_map.values() if isinstance(v, str) and v in AREAS), "")
    answered_attr = f' data-answered-area="{e(answered)}"' if answered else ""
    return (
        f'<div class="mg-live" data-node="{e(node.id)}"{answered_attr}>'
        f'<nav class="mg-top" aria-label="Guide steps">{"".join(top)}</nav>'
        f"{main}{restart}{_summary(walk)}</div>"
    )


PRINTED_AT = "Date and time this was printed: ____________________"


def check_the_handbook(title: str, version: int) -> str:
    return (
        f"Printed from the MASH Handbook: {title}, guide version {version}. A printed copy can go out of date: "
        "check the handbook for the current version before you rely on it."
    )


def _print_lines(walk: Walk) -> str:
    """Lines only a printed outcome shows: when it was printed (the page script writes the time in as
    it prints; without it there is a line to fill in) and where to find the current version."""
    return (
        f'<p class="mg-print-only" data-printed-at>{e(PRINTED_AT)}</p>'
        f'<p class="mg-print-only">{e(check_the_handbook(walk.guide.title, walk.guide.version))}</p>'
    )


# The page's own limits; the engine cuts what it is sent to the same (browser.MAX_REFERENCE, MAX_NOTES).
REFERENCE_LENGTH = 100
NOTES_LENGTH = 5000


def _case_notes(refs: References) -> str:
    """Fields for the person's case reference and notes. The page script keeps what is typed in this
    tab only (sessionStorage), never in the address, and passes it to the record; a print shows it."""
    privacy = e(refs.root + "about/privacy.html")
    return (
        '<div class="mg-notes"><h3 id="mg-notes-title">Your case reference and notes</h3>'
        '<p class="mg-hint" id="mg-notes-hint">Optional. They go into the record you download or print. They are '
        "kept only in this browser tab until you close it, are not put in the page's address, and are not sent "
        f'anywhere (<a href="{privacy}">privacy notice</a>). '
        "Do not type a child's name.</p>"
        '<div class="mg-form-group"><label class="mg-label" for="mg-case-reference">Case reference</label>'
        f'<input class="mg-input mg-input--wide" id="mg-case-reference" type="text" maxlength="{REFERENCE_LENGTH}" '
        'autocomplete="off" spellcheck="false" data-case="reference" aria-describedby="mg-notes-hint"></div>'
        '<div class="mg-form-group"><label class="mg-label" for="mg-case-notes">Notes</label>'
        f'<textarea class="mg-textarea" id="mg-case-notes" rows="5" maxlength="{NOTES_LENGTH}" data-case="notes" '
        'aria-describedby="mg-notes-hint"></textarea></div>'
        '<p><button type="button" class="md-button mg-notes__clear" data-clear-notes>'
        "Clear reference and notes</button></p>"
        '<div class="mg-print-only mg-notes__printed" data-case-printed></div></div>'
    )


def _record_controls() -> str:
    """Buttons the page script wires up: the record is made in the browser and downloaded, never sent."""
    buttons = "".join(
        f'<button type="button" class="md-button mg-record" data-record="{fmt}">{label}</button>'
        for fmt, label in (("markdown", "Markdown"), ("text", "Plain text"), ("json", "JSON"))
    )
    return (
        '<div class="mg-records"><h3>Keep a record</h3>'
        "<p>Download this decision record for your case notes, or print this outcome. It is made in your "
        "browser and is not sent anywhere.</p>"
        f'<p class="mg-record-buttons">{buttons}'
        '<button type="button" class="md-button mg-record" data-print>Print this outcome</button></p></div>'
    )


def restore_failed(walk: Walk, reason: str) -> str:
    """Shown when a link's walk cannot be restored: say so plainly and offer a fresh start."""
    return (
        '<div class="mg-live mg-restore-failed" data-node="">'
        '<div class="mg-error-summary" role="alert" tabindex="-1" aria-labelledby="mg-error-title">'
        '<h2 class="mg-error-summary__title mg-heading" id="mg-error-title" tabindex="-1">'
        "This link could not be restored</h2>"
        f"<p>{e(reason)}</p>"
        "<p>Your answers are not stored anywhere else, so please start the guide again.</p></div>"
        f'<p><a class="md-button md-button--primary" href="{e(walk_href(walk.restart()))}">Start again</a></p>'
        "</div>"
    )
