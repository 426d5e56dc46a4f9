"""The engine's face to the page: called from the Web Worker through Pyodide, JSON text in and out.

Every call returns a JSON object and never raises: a fault becomes a message the page can show.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Callable
from typing import Any, ParamSpec

from .answers import AnswerError
from .compile import load_compiled
from .model import Guide, Question
from .problems import GuideError
from .record import FORMATS, CaseNotes, export
from .references import References
from .render_html import NOTES_LENGTH, REFERENCE_LENGTH, live_view, restore_failed
from .token import TokenError, decode, encode
from .walk import Walk

_loaded: dict[str, tuple[Guide, References]] = {}

FAULT = "Something went wrong in the guide engine. Start again, or reload the page if it happens again."
NOT_LOADED = "This guide is not loaded in the guide engine: reload the page to carry on."
_MOMENT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}")
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_BRACKETS = re.compile(r"[\[\]{}]")
#: Deepest JSON read. The page sends forms, clicks and ticks 2 deep, and a compiled guide is well under
#: this; Python 3.14 in Pyodide dies outright (a JavaScript stack overflow, no RecursionError) reading
#: JSON between 5,000 and 10,000 deep.
MAX_DEPTH = 200
#: The longest case reference and notes kept in a record, as the page's own fields allow.
MAX_REFERENCE = REFERENCE_LENGTH
MAX_NOTES = NOTES_LENGTH
_SITE = re.compile(r"https?://[^\s\"'<>()\[\]\\`]+/")

P = ParamSpec("P")


def _reply(**fields: Any) -> str:
    # ASCII only, so text that holds a lone surrogate (JSON.stringify writes one as \ud800) still
    # crosses back into JavaScript.
    return json.dumps(fields)


def _never_raises(call: Callable[P, str]) -> Callable[P, str]:
    """The page cannot read a Python exception: any fault becomes a plain message it can show, with the
    kind of fault for a developer, and never the traceback."""

    @functools.wraps(call)
    def safe(*args: P.args, **kwargs: P.kwargs) -> str:
        try:
            return call(*args, **kwargs)
        except Exception as error:
            return _reply(ok=False, message=FAULT, fault=type(error).__name__)

    return safe


def _title(walk: Walk, error: bool = False) -> str:
    node = walk.current
    text = node.text if isinstance(node, Question) else node.title
    return ("Error: " if error else "") + text


def _guide(guide_id: object) -> tuple[Guide, References] | None:
    return _loaded.get(guide_id) if isinstance(guide_id, str) else None


def _walk(guide: Guide, token: object) -> Walk:
    """The walk in a token; no token ("" or none at all) is a fresh walk. Raises TokenError."""
    return Walk(guide) if token is None or token == "" else decode(guide, token)  # type: ignore[arg-type]


def _restore_failed(guide: Guide, error: TokenError) -> str:
    return _reply(ok=False, html=restore_failed(Walk(guide), str(error)), title="Link could not be restored")


def _too_deep(text: str) -> bool:
    level = 0
    for bracket in _BRACKETS.findall(_STRING.sub("", text)):
        level += 1 if bracket in "[{" else -1
        if level > MAX_DEPTH:
            return True
    return False


def _json(text: object) -> object:
    """JSON text read, or None when it is not JSON text or nests too deep to read safely."""
    if not isinstance(text, str) or _too_deep(text):
        return None
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


def _moment(text: object) -> dt.datetime | None:
    """A UK local time as the page writes it ("2026-11-23T09:30"), or None when it is not a real one."""
    if not isinstance(text, str) or not _MOMENT.fullmatch(text):
        return None
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        return None


def _form(form_json: object) -> dict[str, list[str]]:
    """A submitted form as field name to its values. What is not in that shape is left out, so the
    question says what is missing rather than the page getting a fault."""
    data = _json(form_json)
    if not isinstance(data, dict):
        return {}
    form = {}
    for name, values in data.items():
        listed = values if isinstance(values, list) else [values]
        form[name] = [str(v) for v in listed if isinstance(v, str | int | float) and not isinstance(v, bool)]
    return form


@_never_raises
def load(compiled: str) -> str:
    """Load a compiled guide; returns its id and the token of a fresh walk."""
    if not isinstance(compiled, str) or _too_deep(compiled):
        return _reply(ok=False, message="The guide could not be loaded: it is not a compiled guide.")
    try:
        guide, refs = load_compiled(compiled)
    except GuideError as error:
        return _reply(ok=False, message=str(error))
    _loaded[guide.id] = (guide, refs)
    return _reply(ok=True, guide=guide.id, start=encode(Walk(guide)))


@_never_raises
def render(guide_id: str, token: str, now: str = "") -> str:
    """The view for a token, or a 'could not be restored' view when the token is damaged or stale.
    ``now`` is UK local time ("2026-11-23T09:30"), so due times can say how long is left; any other
    ``now`` is ignored."""
    found = _guide(guide_id)
    if found is None:
        return _reply(ok=False, message=NOT_LOADED)
    guide, refs = found
    try:
        walk = _walk(guide, token)
    except TokenError as error:
        return _restore_failed(guide, error)
    html = live_view(walk, refs, now=_moment(now))
    return _reply(ok=True, html=html, title=_title(walk), token=encode(walk), node=walk.current.id)


@_never_raises
def submit(guide_id: str, token: str, form_json: str) -> str:
    """Answer the current question. On success returns the next token; otherwise the view with the error."""
    found = _guide(guide_id)
    if found is None:
        return _reply(ok=False, message=NOT_LOADED)
    guide, refs = found
    try:
        walk = _walk(guide, token)
    except TokenError as error:
        return _restore_failed(guide, error)
    form = _form(form_json)
    result = walk.submit(form)
    if isinstance(result, AnswerError):
        html = live_view(walk, refs, error=result, form=form)
        return _reply(ok=True, error=result.message, html=html, title=_title(walk, error=True))
    return _reply(ok=True, token=encode(result))


@_never_raises
def replay(guide_id: str, answers_json: str) -> str:
    """Turn answers clicked in the plain version (before the engine was ready) into a token. It follows
    them as far as they make a walk, and no further."""
    found = _guide(guide_id)
    if found is None:
        return _reply(ok=False, message=NOT_LOADED)
    walk = Walk(found[0])
    clicked = _json(answers_json)
    for item in clicked if isinstance(clicked, list) else []:
        if not (isinstance(item, list) and len(item) == 2 and all(isinstance(part, str) for part in item)):
            break
        question_id, value = item
        if walk.current.id != question_id:
            break
        result = walk.submit({"answer": [value]})
        if isinstance(result, AnswerError):
            break
        walk = result
    return _reply(ok=True, token=encode(walk))


def _case(case_json: object) -> CaseNotes | None:
    """The case reference and notes the page keeps, as ``{"reference": ..., "notes": ...}``; None when
    they cannot be read. They are the person's own words: the record escapes them as it writes them."""
    data = _json(case_json)
    if not isinstance(data, dict):
        return None
    reference, notes = data.get("reference", ""), data.get("notes", "")
    if not isinstance(reference, str) or not isinstance(notes, str):
        return None
    return CaseNotes(reference=reference[:MAX_REFERENCE], notes=notes[:MAX_NOTES])


def _site(site: object) -> str:
    """The handbook's own address, for links in the record, or "" (pages named by path) if it is not one."""
    return site if isinstance(site, str) and _SITE.fullmatch(site) else ""


@_never_raises
def record(
    guide_id: str,
    token: str,
    fmt: str,
    made_at: str,
    done_json: str = "[]",
    case_json: str = "{}",
    site: str = "",
) -> str:
    """The decision record for a walk, as text to download, with a file name. ``done_json`` lists the
    positions of the checklist items ticked on the page; ``case_json`` holds the case reference and
    notes typed beside the outcome; ``site`` is the handbook's address, for links to its pages."""
    found = _guide(guide_id)
    if found is None:
        return _reply(ok=False, message=NOT_LOADED)
    guide, refs = found
    try:
        walk = _walk(guide, token)
    except TokenError as error:
        return _reply(ok=False, message=f"The record could not be made: {error}")
    moment = _moment(made_at)
    done = _json(done_json)
    if not isinstance(fmt, str) or fmt not in FORMATS:
        problem = f"there is no record format called '{fmt}'"
    elif moment is None:
        problem = "the time it was made at is not a real date and time"
    elif not isinstance(done, list) or not all(isinstance(i, int) and not isinstance(i, bool) for i in done):
        problem = "the ticked items could not be read"
    elif (case := _case(case_json)) is None:
        problem = "the case reference and notes could not be read"
    else:
        text, filename = export(walk, refs, moment, fmt, frozenset(done), case, _site(site))
        return _reply(ok=True, text=text, filename=filename)
    return _reply(ok=False, message=f"The record could not be made: {problem}.")
