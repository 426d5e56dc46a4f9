"""A guide as a Mermaid flowchart: questions as boxes, outcomes as boxes with rounded corners
(a plain SVG rect, where Mermaid draws a stadium as long hand-drawn paths), rule labels on edges.
Every label is one line with Mermaid's own codes for its syntax (``escape.mermaid``), so it stays inside
its quotes and inside the code fence the page includes it in."""

from __future__ import annotations

from collections.abc import Callable

from .escape import mermaid as _label
from .model import Guide


def _id(node_id: str) -> str:
    # A prefix keeps node ids clear of Mermaid's keywords ("end", "graph", "class").
    return f"n_{node_id}"


def flowchart(guide: Guide, label: Callable[[str], str] = _label) -> str:
    """The flowchart's text. ``label`` writes each label safely inside its quotes (by default with
    Mermaid's codes; the build's SVG renderer passes its own, see scripts/diagrams.py)."""
    lines = ["flowchart TD"]
    for question in guide.questions:
        lines.append(f'    {_id(question.id)}["{label(question.text)}"]')
    for outcome in guide.outcomes:
        lines.append(f'    {_id(outcome.id)}("{label(outcome.title)}")')
        lines.append(f"    class {_id(outcome.id)} outcome_{outcome.urgency}")
    for question in guide.questions:
        for rule in question.next:
            edge = rule.label if rule.when is not None else f"otherwise: {rule.label}"
            lines.append(f'    {_id(question.id)} -->|"{label(edge)}"| {_id(rule.goto)}')
    lines += [
        "    classDef outcome_emergency fill:#fde8e8,stroke:#b00020,stroke-width:2px",
        "    classDef outcome_urgent fill:#fff4e0,stroke:#a35200,stroke-width:2px",
        "    classDef outcome_standard fill:#e8f1fb,stroke:#1d4f91",
        "    classDef outcome_routine fill:#eef6ee,stroke:#2e6b30",
    ]
    return "\n".join(lines) + "\n"
