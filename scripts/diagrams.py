"""Route diagrams a phone can read: on the guide page the diagram sits in a scrollable region a
keyboard can reach, with a link to the same diagram alone at full size on a page of its own. That page
is plain HTML written beside the site after MkDocs (no plugin), and uses the site's own copy of
Mermaid, so it works offline and from disk like every other page."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from decision_engine.escape import html as e
from decision_engine.mermaid import flowchart
from decision_engine.model import Guide

FOLDER = "diagrams"
"""Beside the guide pages: ``guides/diagrams/<guide id>.html``."""


MERMAID = "assets/vendor/mermaid.min.js"
"""The site's own copy of Mermaid, from the site's root."""


def page_name(guide: Guide) -> str:
    return f"{FOLDER}/{guide.id}.html"


def include(guide: Guide) -> str:
    """The Markdown a guide page includes under "How the guide decides". Mermaid (3.6 MB) comes with
    the diagram, so only the pages that draw one load it; deferred, it is there before Material looks
    for it, as Material would otherwise fetch it from a CDN."""
    root = "../" * guide.page.count("/")
    return (
        f'<div class="mg-diagram" role="region" tabindex="0" aria-label="Diagram: how the guide decides" markdown>\n\n'
        f"``` mermaid\n{flowchart(guide)}```\n\n</div>\n\n"
        f'<script src="{root}{MERMAID}" defer></script>\n\n'
        f'<p class="mg-diagram-link"><a href="{e(page_name(guide))}">Open the diagram on its own, full size</a> '
        "(scroll sideways to see all of it)</p>\n"
    )


def standalone(guide: Guide) -> str:
    """The diagram alone, at its natural size, with the 999 notice and a way back."""
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
<p><a href="{e(back)}">Back to the guide</a></p>
<pre class="mermaid">{e(flowchart(guide))}</pre>
</main>
<script src="../../{MERMAID}"></script>
<script src="../../assets/javascripts/diagram-page.js"></script>
</body>
</html>
"""


def write_pages(site: Path, guides: Sequence[Guide]) -> None:
    folder = site / "guides" / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for guide in guides:
        (site / "guides" / page_name(guide)).write_text(standalone(guide), encoding="utf-8")
