"""The engine's face to the page: called from the Web Worker through Pyodide, JSON text in and out.

Every call returns a JSON object and never raises: a fault becomes a message the page can show.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from .answers import AnswerError
from .compile import load_compiled
from .model import Guide, Question
from .problems import GuideError
from .record import export
from .references import References
from .render_html import live_view, restore_failed
from .token import TokenError, decode, encode
from .walk import Walk

_loaded: dict[str, tuple[Guide, References]] = {}


def _reply(**fields: Any) -> str:
    return json.dumps(fields, ensure_ascii=False)


def _title(walk: Walk, error: bool = False) -> str:
    node = walk.current
    text = node.text if isinstance(node, Question) else node.title
    return ("Error: " if error else "") + text


def load(compiled: str) -> str:
    """Load a compiled guide; returns its id and the token of a fresh walk."""
    try:
        guide, refs = load_compiled(compiled)
    except GuideError as error:
        return _reply(ok=False, message=str(error))
    _loaded[guide.id] = (guide, refs)
    return _reply(ok=True, guide=guide.id, start=encode(Walk(guide)))


def _now(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(text) if text else None
    except ValueError:
        return None


def render(guide_id: str, token: str, now: str = "") -> str:
    """The view for a token, or a 'could not be restored' view when the token is damaged or stale.
    ``now`` is UK local time ("2026-11-23T09:30"), so due times can say how long is left."""
    guide, refs = _loaded[guide_id]
    try:
        walk = decode(guide, token) if token else Walk(guide)
    except TokenError as error:
        return _reply(ok=False, html=restore_failed(Walk(guide), str(error)), title="Link could not be restored")
    html = live_view(walk, refs, now=_now(now))
    return _reply(ok=True, html=html, title=_title(walk), token=encode(walk), node=walk.current.id)


def submit(guide_id: str, token: str, form_json: str) -> str:
    """Answer the current question. On success returns the next token; otherwise the view with the error."""
    guide, refs = _loaded[guide_id]
    try:
        walk = decode(guide, token) if token else Walk(guide)
        form = json.loads(form_json)
    except (TokenError, json.JSONDecodeError) as error:
        return _reply(ok=False, html=restore_failed(Walk(guide), str(error)), title="Link could not be restored")
    result = walk.submit({str(k): [str(v) for v in vs] for k, vs in form.items()})
    if isinstance(result, AnswerError):
        html = live_view(walk, refs, error=result, form=form)
        return _reply(ok=True, error=result.message, html=html, title=_title(walk, error=True))
    return _reply(ok=True, token=encode(result))


def replay(guide_id: str, answers_json: str) -> str:
    """Turn answers clicked in the plain version (before the engine was ready) into a token."""
    guide, _refs = _loaded[guide_id]
    walk = Walk(guide)
    for question_id, value in json.loads(answers_json):
        if walk.current.id != question_id:
            break
        result = walk.submit({"answer": [value]})
        if isinstance(result, AnswerError):
            break
        walk = result
    return _reply(ok=True, token=encode(walk))


def record(guide_id: str, token: str, fmt: str, made_at: str, done_json: str = "[]") -> str:
    """The decision record for a walk, as text to download, with a file name. ``done_json`` lists the
    positions of the checklist items ticked on the page."""
    guide, refs = _loaded[guide_id]
    try:
        walk = decode(guide, token) if token else Walk(guide)
        done = frozenset(int(i) for i in json.loads(done_json))
        text, filename = export(walk, refs, dt.datetime.fromisoformat(made_at), fmt, done)
    except (TokenError, ValueError, KeyError) as error:
        return _reply(ok=False, message=f"The record could not be made: {error}")
    return _reply(ok=True, text=text, filename=filename)
