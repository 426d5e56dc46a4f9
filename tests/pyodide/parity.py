"""Everything the engine decides for the given compiled guides, as JSON: every route's outcome and
token, the rendered views, and the message for bad answers. Run on the host and inside Pyodide; the
two outputs must be identical."""

import hashlib
import json
import sys
from pathlib import Path

from decision_engine.answers import from_form, to_text
from decision_engine.compile import load_compiled
from decision_engine.mermaid import flowchart
from decision_engine.paths import all_routes
from decision_engine.plain import PlainError
from decision_engine.render_html import live_view
from decision_engine.render_plain import static_guide
from decision_engine.token import decode, encode
from decision_engine.walk import Walk

BAD_FORMS = [
    {},
    {"answer": ["not_an_answer"]},
    {"answer": ["-1"]},
    {"day": ["31"], "month": ["2"], "year": ["2026"]},
    {"day": ["29"], "month": ["3"], "year": ["2026"], "hour": ["1"], "minute": ["30"]},  # the clocks skip it
]


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def plain(guide, refs) -> str:
    """The plain version's digest, or the message saying why the guide cannot have one."""
    try:
        return digest(static_guide(guide, refs))
    except PlainError as error:
        return f"no plain version: {error}"


def report(path: Path) -> dict:
    guide, refs = load_compiled(path.read_text(encoding="utf-8"))
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
    }


print(json.dumps({Path(p).name: report(Path(p)) for p in sys.argv[1:]}, sort_keys=True))
