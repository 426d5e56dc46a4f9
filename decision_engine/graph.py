"""The shape of a guide as a graph: which nodes a question leads to, and which can be reached."""

from __future__ import annotations

from collections import deque

from .model import Guide, Question


def successors(question: Question) -> list[str]:
    return [rule.goto for rule in question.next]


def reachable_from(guide: Guide, start: str) -> list[str]:
    """Node ids reachable from ``start`` (itself included), in breadth-first order."""
    order = [start]
    seen = {start}
    queue = deque([start])
    while queue:
        for target in targets(guide, queue.popleft()):
            if target not in seen:
                seen.add(target)
                order.append(target)
                queue.append(target)
    return order


def targets(guide: Guide, node_id: str) -> list[str]:
    question = guide.question(node_id)
    return [t for t in successors(question) if guide.node(t) is not None] if question else []
