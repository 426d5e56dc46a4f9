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


def reverse_postorder(guide: Guide) -> list[str]:
    """The nodes reachable from the start, each before every node it leads to (the guide has no
    cycles once validated). Iterative, so a guide thousands of questions deep cannot overflow."""
    order: list[str] = []
    seen = {guide.start}
    stack = [(guide.start, iter(targets(guide, guide.start)))]
    while stack:
        node, pending = stack[-1]
        nxt = next((t for t in pending if t not in seen), None)
        if nxt is None:
            order.append(node)
            stack.pop()
        else:
            seen.add(nxt)
            stack.append((nxt, iter(targets(guide, nxt))))
    order.reverse()
    return order


class Dominators:
    """Which nodes stand on every route from the start to another node. A routing rule may only test a
    question that does: one asked on some routes only would be unanswered on the others, and its test
    would quietly be false there.

    Built once in time linear in the guide for the trees and chains guides are (the immediate-dominator
    method of Cooper, Harvey and Kennedy, in one pass over a graph without cycles); each question after
    that is answered in constant time from the dominator tree's entry and exit numbers."""

    def __init__(self, guide: Guide) -> None:
        order = reverse_postorder(guide)
        rank = {node: i for i, node in enumerate(order)}
        preds: dict[str, list[str]] = {node: [] for node in order}
        for node in order:
            for target in set(targets(guide, node)):
                preds[target].append(node)
        idom: dict[str, str] = {guide.start: guide.start}
        for node in order[1:]:
            chosen: str | None = None
            for pred in preds[node]:
                if pred in idom:
                    chosen = pred if chosen is None else self._meet(pred, chosen, idom, rank)
            if chosen is not None:
                idom[node] = chosen
        children: dict[str, list[str]] = {node: [] for node in order}
        for node, parent in idom.items():
            if node != parent:
                children[parent].append(node)
        self._enter: dict[str, int] = {}
        self._leave: dict[str, int] = {}
        clock = 0
        stack = [(guide.start, iter(children[guide.start]))]
        self._enter[guide.start] = clock
        while stack:
            node, pending = stack[-1]
            child = next(pending, None)
            clock += 1
            if child is None:
                self._leave[node] = clock
                stack.pop()
            else:
                self._enter[child] = clock
                stack.append((child, iter(children[child])))

    @staticmethod
    def _meet(a: str, b: str, idom: dict[str, str], rank: dict[str, int]) -> str:
        """The nearest node that dominates both ``a`` and ``b``."""
        while a != b:
            while rank[a] > rank[b]:
                a = idom[a]
            while rank[b] > rank[a]:
                b = idom[b]
        return a

    def on_every_route_to(self, node: str, before: str) -> bool:
        """Whether every route from the start to ``before`` passes through ``node`` first."""
        if node == before or node not in self._enter or before not in self._enter:
            return False
        return self._enter[node] <= self._enter[before] and self._leave[before] <= self._leave[node]
