"""A guide as a Mermaid flowchart: questions as boxes, outcomes as boxes with rounded corners
(a plain SVG rect, where Mermaid draws a stadium as long hand-drawn paths), rule labels on edges.
Every label is one line with Mermaid's own codes for its syntax (``escape.mermaid``), so it stays inside
its quotes and inside the code fence the page includes it in."""

from __future__ import annotations

from collections.abc import Callable

from .escape import mermaid as _label
from .model import Guide, Question, Rule


def _id(node_id: str) -> str:
    # A prefix keeps node ids clear of Mermaid's keywords ("end", "graph", "class").
    return f"n_{node_id}"


def edge_label(question: Question, rule: Rule) -> str:
    """A rule's label as its arrow shows it: "otherwise" marks the rule that catches every answer the
    rules before it did not. A question's only rule is no "otherwise" (on a question about risk, that would
    suggest a route for "yes" that is not drawn)."""
    return rule.label if rule.when is not None or len(question.next) == 1 else f"otherwise: {rule.label}"


def arrows(question: Question) -> list[tuple[str, str]]:
    """(label, target) for each arrow out of a question. Rules that lead to the same place share one
    arrow, their labels joined: two arrows between the same two boxes have their labels drawn over
    each other."""
    joined: dict[str, list[str]] = {}
    for rule in question.next:
        joined.setdefault(rule.goto, []).append(edge_label(question, rule))
    return [("; or ".join(labels), goto) for goto, labels in joined.items()]


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
        for text, goto in arrows(question):
            lines.append(f'    {_id(question.id)} -->|"{label(text)}"| {_id(goto)}')
    lines += [
        "    classDef outcome_emergency fill:#fde8e8,stroke:#b00020,stroke-width:2px",
        "    classDef outcome_urgent fill:#fff4e0,stroke:#a35200,stroke-width:2px",
        "    classDef outcome_standard fill:#e8f1fb,stroke:#1d4f91",
        "    classDef outcome_routine fill:#eef6ee,stroke:#2e6b30",
    ]
    return "\n".join(lines) + "\n"
