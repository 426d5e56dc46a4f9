"""Everything the engine decides for the given compiled guides, as JSON: every route's outcome and
token, the rendered views, the message for bad answers, and the browser API's reply to bad input. Run
on the host and inside Pyodide; the two outputs must be identical."""

import hashlib
import json
import sys
from pathlib import Path

from decision_engine import browser
from decision_engine.answers import from_form, to_text
from decision_engine.compile import load_compiled
from decision_engine.mermaid import flowchart
from decision_engine.paths import all_routes
from decision_engine.plain import PlainError
from decision_engine.render_html import live_view
from decision_engine.render_plain import static_guide
from decision_engine.token import _check, decode, encode
from decision_engine.walk import Walk

BAD_FORMS = [
    {},
    {"answer": ["not_an_answer"]},
    {"answer": ["-1"]},
    {"day": ["31"], "month": ["2"], "year": ["2026"]},
    {"day": ["29"], "month": ["3"], "year": ["2026"], "time": ["01:30"]},  # the clocks skip it
]


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def plain(guide, refs) -> str:
    """The plain version's digest, or the message saying why the guide cannot have one."""
    try:
        return digest(static_guide(guide, refs))
    except PlainError as error:
        return f"no plain version: {error}"


def signed(guide_id: str, version: str, body: str) -> str:
    text = f"{guide_id}.{version}.{body}"
    return f"{text}.{_check(text)}"


def api_replies(compiled: str, guide_id: str, version: int) -> dict:
    """The browser API's reply to bad input of every kind: each must be a JSON object, never a fault."""
    assert json.loads(browser.load(compiled))["ok"]
    calls = {
        "load garbage": lambda: browser.load("["),
        "load none": lambda: browser.load(None),
        "render rubbish": lambda: browser.render(guide_id, "rubbish"),
        "render superscript version": lambda: browser.render(guide_id, signed(guide_id, "¹", "")),
        "render huge version": lambda: browser.render(guide_id, signed(guide_id, "9" * 5000, "")),
        "render surrogate": lambda: browser.render(guide_id, f"{guide_id}.{version}.a\ud800.00000000"),
        "render twice at": lambda: browser.render(guide_id, signed(guide_id, str(version), "@a;@a")),
        "render none": lambda: browser.render(guide_id, None),
        "render now offset": lambda: browser.render(guide_id, "", "2026-11-23T09:30+00:00"),
        "render now year 1": lambda: browser.render(guide_id, "", "0001-01-01T00:00"),
        "render not loaded": lambda: browser.render("no_such_guide", ""),
        "submit list": lambda: browser.submit(guide_id, "", "[1]"),
        "submit bad json": lambda: browser.submit(guide_id, "", "{"),
        "submit deep json": lambda: browser.submit(guide_id, "", "[" * 100_000),
        "submit comma number": lambda: browser.submit(guide_id, "", '{"answer": ["2,5"]}'),
        "replay bad json": lambda: browser.replay(guide_id, "{"),
        "replay not pairs": lambda: browser.replay(guide_id, "[1, 2]"),
        "record bad time": lambda: browser.record(guide_id, "", "markdown", "2026-02-30T10:00"),
        "record bad ticks": lambda: browser.record(guide_id, "", "markdown", "2026-11-23T09:30", "[1e400]"),
        "record bad format": lambda: browser.record(guide_id, "", ["pdf"], "2026-11-23T09:30"),
    }
    replies = {}
    for name, call in calls.items():
        reply = json.loads(call())
        assert isinstance(reply, dict) and reply["ok"] in (True, False), (name, reply)
        replies[name] = digest(json.dumps(reply, sort_keys=True))
    return replies


def report(path: Path) -> dict:
    compiled = path.read_text(encoding="utf-8")
    guide, refs = load_compiled(compiled)
    routes = {}
    for answers, outcome in all_routes(guide):
        walk = Walk(guide, answers)
        token = encode(walk)
        assert decode(guide, token) == walk
        key = " ".join(f"{q}={to_text(a)}" for q, a in answers)
        routes[key] = {"outcome": outcome, "token": token, "view": digest(live_view(walk, refs))}
    messages = {q.id: [getattr(from_form(q, form), "message", None) for form in BAD_FORMS] for q in guide.questions}
    return {
        "routes": routes,
        "messages": messages,
        "static": plain(guide, refs),
        "mermaid": digest(flowchart(guide)),
        "api": api_replies(compiled, guide.id, guide.version),
    }


print(json.dumps({Path(p).name: report(Path(p)) for p in sys.argv[1:]}, sort_keys=True))
