"""Route diagrams drawn once, at build time, as SVG inside the page: no page loads Mermaid, and the
diagram shows without JavaScript, from disk and in print.

The site's own pinned Mermaid (npm ``mermaid``, used here only, never copied into the site) draws every
guide's flowchart in one session of Debian's Chromium. It runs with ``htmlLabels: false`` (labels are
SVG text, not HTML in a foreignObject) and ``deterministicIds: true`` (the same guide gives the same
SVG). The SVG is then made smaller and checked: nothing in it may run or reach another host.

On the guide page the diagram sits in a scrollable region a keyboard can reach, with the routes in
words below it and a link to the same diagram alone at its natural size, on a page of its own written
beside the site after the site generator (no plugin)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from decision_engine.escape import MERMAID_CODED, one_line
from decision_engine.escape import html as e
from decision_engine.mermaid import edge_label, flowchart
from decision_engine.model import Guide, Question

ROOT = Path(__file__).resolve().parent.parent
MERMAID = ROOT / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
"""The renderer, from the pinned npm package; the build reads it, the site never ships it."""

FOLDER = "diagrams"
"""Beside the guide pages: ``guides/diagrams/<guide id>.html``."""

CONFIG = {
    "startOnLoad": False,
    "securityLevel": "strict",
    "deterministicIds": True,
    "htmlLabels": False,
    # Liberation Sans has Arial's metrics, so boxes measured here fit the text on Windows and macOS too.
    "fontFamily": "Arial, 'Liberation Sans', Helvetica, sans-serif",
    "flowchart": {"htmlLabels": False, "useMaxWidth": False},
}


# With htmlLabels off Mermaid writes its entity codes (#58;) into the SVG as they are, and measures the
# box for them. So the build hands it one private-use character for each character a label must not
# hold as itself, and puts the real character back into the finished SVG (escaped for XML).
_STAND_INS = {c: chr(0xE000 + i) for i, c in enumerate(MERMAID_CODED)}
_TO_STAND_INS = str.maketrans(_STAND_INS)
_FROM_STAND_INS = {v: e(k) for k, v in _STAND_INS.items()}
_STAND_IN = re.compile(f"[{chr(0xE000)}-{chr(0xE000 + len(MERMAID_CODED) - 1)}]")


def _label(text: str) -> str:
    """A label for the build's renderer: one line, with stand-ins for Mermaid's syntax characters."""
    found = _STAND_IN.search(text)
    if found:
        code = f"U+{ord(found.group(0)):04X}"
        raise ValueError(f"the label {one_line(text)!r} holds {code}, a character the diagram cannot show")
    return one_line(text).translate(_TO_STAND_INS)


def source(guide: Guide) -> str:
    """The flowchart text the build draws (``decision_engine.mermaid.flowchart`` with stand-ins)."""
    return flowchart(guide, _label)


class DiagramError(Exception):
    """A route diagram could not be drawn; the message is one line naming the file and the guide."""


def page_name(guide: Guide) -> str:
    return f"{FOLDER}/{guide.id}.html"


def svg_id(guide: Guide) -> str:
    return f"mg-diagram-{guide.id}"


def words_id(guide: Guide) -> str:
    return f"mg-routes-{guide.id}"


# --- drawing -------------------------------------------------------------------------------------------


def render(guides: Sequence[Guide]) -> dict[str, str]:
    """Every guide's diagram as finished SVG, by guide id, drawn in one browser session. The session
    runs in a thread of its own: Playwright's synchronous API refuses to start where an event loop is
    already running (a test's own browser, for example)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(_render, guides).result()


def _render(guides: Sequence[Guide]) -> dict[str, str]:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    from scripts.chromium import CHROMIUM, CHROMIUM_ARGS

    if not Path(CHROMIUM).is_file():
        raise DiagramError(
            f"{CHROMIUM} not found: the build draws the route diagrams in Chromium "
            "(scripts/serve and scripts/test install it; or: apt-get install chromium)"
        )
    if not MERMAID.is_file():
        raise DiagramError(f"{MERMAID.relative_to(ROOT)} is missing: run 'npm ci' first (the set-up scripts do)")
    drawn: dict[str, str] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.set_content("<!doctype html><html lang='en'><head><meta charset='utf-8'></head><body></body></html>")
            page.add_script_tag(path=str(MERMAID))
            page.evaluate("config => window.mermaid.initialize(config)", CONFIG)
            for guide in guides:
                try:
                    text = source(guide)
                except ValueError as error:
                    raise DiagramError(_problem(guide, str(error))) from None
                try:
                    svg = page.evaluate(
                        """async ([id, text]) => {
                            try {
                                return (await window.mermaid.render(id, text)).svg;
                            } catch (error) {
                                return { error: String(error && error.message || error) };
                            }
                        }""",
                        [svg_id(guide), text],
                    )
                except PlaywrightError as error:
                    raise DiagramError(_problem(guide, str(error))) from None
                if isinstance(svg, dict):
                    raise DiagramError(_problem(guide, svg["error"]))
                drawn[guide.id] = finish(svg, guide)
        finally:
            browser.close()
    return drawn


def _problem(guide: Guide, message: str) -> str:
    first = next((line.strip() for line in message.splitlines() if line.strip()), "no reason given")
    return f"{guide.source_file or guide.id}: guide '{guide.id}': the route diagram cannot be drawn: {first}"


_NUMBER = re.compile(r"-?\d+\.\d+(?:e-?\d+)?")
_GEOMETRY = re.compile(
    r'\s(d|transform|x|y|x1|x2|y1|y2|width|height|viewBox|rx|ry|cx|cy|r|points|refX|refY|markerWidth|markerHeight)="([^"]*)"'
)
_DROP = re.compile(r'\s(?:style|font-style|font-weight)="(?:|normal|;)"|\sdata-(?:points|look)="[^"]*"')
_ROOT = re.compile(r"<svg\b[^>]*>")
_UNSAFE = re.compile(
    r"<script|<foreignObject|<[^>]*\son\w+\s*=|\b(?:href|src)\s*=\s*\"(?!#)|url\(\s*['\"]?(?!#)|@import|https?:",
    re.IGNORECASE,
)
"""Checked before the labels' own characters go back in (a ':' in a label is a stand-in then)."""


def _round(match: re.Match[str]) -> str:
    value = round(float(match.group(0)), 1)
    return f"{value:g}" if value != int(value) else str(int(value))


def finish(svg: str, guide: Guide) -> str:
    """Mermaid's SVG made smaller (coordinates to a tenth of a pixel; empty and default attributes
    dropped), with a name for assistive technology, and checked: no script, no event handler, no
    foreignObject, nothing fetched from anywhere."""
    svg = _DROP.sub("", svg)
    svg = _GEOMETRY.sub(lambda m: f' {m.group(1)}="{_NUMBER.sub(_round, m.group(2))}"', svg)
    root = _ROOT.match(svg)
    if root is None:
        raise DiagramError(_problem(guide, "Mermaid gave no <svg> element"))
    unsafe = _UNSAFE.search(svg, root.end())
    if unsafe:
        raise DiagramError(_problem(guide, f"the SVG holds {unsafe.group(0)!r}, which the site does not allow"))
    size = {k: v for k, v in re.findall(r'\s(width|height|viewBox)="([^"]*)"', root.group(0))}
    if set(size) != {"width", "height", "viewBox"}:
        raise DiagramError(_problem(guide, "Mermaid's SVG has no natural size"))
    # role="img": one picture with one name, its parts not read out one by one. aria-details points
    # to the same routes written out as a list (structured, so not flattened into one description).
    # On screen a wide diagram shrinks to fit, but never below LEGIBLE of its size: past that it scrolls.
    least = round(float(size["width"]) * LEGIBLE)
    opening = (
        f'<svg id="{svg_id(guide)}" class="mg-diagram-svg flowchart" width="{size["width"]}" '
        f'height="{size["height"]}" viewBox="{size["viewBox"]}" style="min-width: {least}px" role="img" '
        f'aria-label="Route diagram: {e(guide.title)}" aria-details="{words_id(guide)}">'
    )
    svg = opening + svg[root.end() :]
    return _STAND_IN.sub(lambda m: _FROM_STAND_INS[m.group(0)], svg.replace("\n", " "))


# --- pages -------------------------------------------------------------------------------------------


def in_route_order(guide: Guide) -> list[Question]:
    """The questions in the order a person meets them: the first, then those it leads to, and so on
    (breadth first), so the list reads from the top of the diagram down."""
    by_id = {q.id: q for q in guide.questions}
    order: list[Question] = []
    waiting = [guide.start]
    while waiting:
        node = waiting.pop(0)
        if node in by_id and by_id[node] not in order:
            order.append(by_id[node])
            waiting += [rule.goto for rule in by_id[node].next]
    return order + [q for q in guide.questions if q not in order]


def routes_in_words(guide: Guide) -> str:
    """The diagram as a list: each question, and for each answer rule where it leads. One line of
    HTML, so Markdown leaves it as it is."""
    questions = {q.id: q.text for q in guide.questions}
    outcomes = {o.id: o.title for o in guide.outcomes}

    def where(goto: str) -> str:
        return e(questions[goto]) if goto in questions else f"<strong>{e(outcomes[goto])}</strong>"

    items = []
    for question in in_route_order(guide):
        rules = "".join(
            f"<li>{e(edge_label(question, rule).replace('otherwise:', 'Otherwise:', 1))} → {where(rule.goto)}</li>"
            for rule in question.next
        )
        items.append(f"<li>{e(question.text)}<ul>{rules}</ul></li>")
    return (
        f'<details class="mg-diagram-words" id="{words_id(guide)}"><summary>The routes in words</summary>'
        f"<p>Each question, then each answer and where it leads (outcomes in bold).</p>"
        f"<ol>{''.join(items)}</ol></details>"
    )


LEGIBLE = 0.7
"""The smallest a diagram is drawn on screen, as a share of its natural size: its 16 px text at 11 px."""

KEY = (
    '<p class="mg-diagram-key">Outcome boxes are coloured by how urgent the outcome is: red, emergency; '
    "amber, urgent; blue, standard; green, routine. The colours are not ratings: a rating is named in its box.</p>"
)


def include(guide: Guide, svg: str) -> str:
    """The Markdown a guide page includes under "How the guide decides": raw HTML, one block, so
    Markdown reads none of the diagram's text."""
    return (
        '<div class="mg-diagram" role="region" tabindex="0" aria-label="Diagram: how the guide decides" '
        f'data-start="{e(guide.start)}">'
        f"{svg}</div>\n\n"
        f"{KEY}\n\n"
        f"{routes_in_words(guide)}\n\n"
        f'<p class="mg-diagram-link"><a href="{e(page_name(guide))}" data-carry-walk>'
        "Open the diagram on its own, full size</a> "
        "(scroll sideways to see all of it)</p>\n"
    )


def standalone(guide: Guide, svg: str) -> str:
    """The diagram alone, at its natural size, with the 999 notice and a way back."""
    svg = svg.replace(f' aria-details="{words_id(guide)}"', "")  # the list is on the guide page
    back = f"../{guide.page.removeprefix('guides/').removesuffix('.md')}.html#how-it-decides"
    return f"""<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Diagram: {e(guide.title)} - MASH Handbook</title>
<link rel="icon" href="../../assets/images/favicon.png">
<link rel="stylesheet" href="../../assets/stylesheets/handbook.css">
</head>
<body class="mg-diagram-page">
<p class="mg-emergency"><strong>If a child is in immediate danger, call 999.</strong></p>
<main>
<h1>How the guide decides: {e(guide.title)}</h1>
<p><a href="{e(back)}" data-back-to-guide>Back to the guide</a> (the routes are also written out in words there)</p>
{KEY}
<div class="mg-diagram-full" role="region" tabindex="0" aria-label="Diagram at full size"
 data-start="{e(guide.start)}">{svg}</div>
</main>
<script src="../../assets/javascripts/diagrams.js"></script>
</body>
</html>
"""


def write_svgs(out: Path, guides: Sequence[Guide]) -> dict[str, str]:
    """Draw every guide's diagram and keep each as ``<out>/guides/<id>.svg`` for the full-size pages."""
    drawn = render(guides)
    (out / "guides").mkdir(parents=True, exist_ok=True)
    for guide_id, svg in drawn.items():
        (out / "guides" / f"{guide_id}.svg").write_text(svg + "\n", encoding="utf-8")
    return drawn


def write_pages(site: Path, guides: Sequence[Guide], generated: Path) -> None:
    folder = site / "guides" / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for guide in guides:
        svg = (generated / "guides" / f"{guide.id}.svg").read_text(encoding="utf-8").rstrip("\n")
        (site / "guides" / page_name(guide)).write_text(standalone(guide, svg), encoding="utf-8")
