"""Walkthroughs: a step-by-step tour of one area's procedure, each step saying what happens, who does
it and by when, with the handbook section and source behind it."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from .load import _citations, _Reader
from .model import Citation
from .problems import GuideError, Problem
from .scenarios import AREAS, AUDIENCES

_TOP_KEYS = ("id", "title", "area", "audience", "intro", "steps")
_STEP_KEYS = ("title", "what", "who", "when", "cite", "guide")


@dataclass(frozen=True, slots=True)
class TourStep:
    title: str
    what: str
    who: str
    when: str
    cite: tuple[Citation, ...]
    guide: str = ""


@dataclass(frozen=True, slots=True)
class Walkthrough:
    id: str
    title: str
    area: str
    audience: str
    intro: str
    steps: tuple[TourStep, ...]
    source_file: str = ""


def _flat(text: str) -> str:
    return " ".join(text.split())


def walkthrough_from_data(data: Any, file: str) -> Walkthrough:
    r = _Reader(file)
    top = r.mapping(data, "", "the walkthrough")
    if top is None:
        raise GuideError(r.problems)
    r.known(top, _TOP_KEYS, "")
    area, audience = r.text(top, "area", ""), r.text(top, "audience", "")
    if area and area not in AREAS:
        r.problem("", f"'area' must be one of {', '.join(AREAS)}, not '{area}'")
    if audience and audience not in AUDIENCES:
        r.problem("", f"'audience' must be one of {', '.join(AUDIENCES)}, not '{audience}'")
    steps = []
    for i, raw in enumerate(r.items(top, "steps", "", required=True), start=1):
        item = r.mapping(raw, f"step {i}", "each step")
        if item is None:
            continue
        node = f"step {i}"
        r.known(item, _STEP_KEYS, node)
        cite = _citations(r, item, node)
        if not cite:
            r.problem(node, "'cite' is missing: every step shows where it comes from")
        steps.append(
            TourStep(
                title=_flat(r.text(item, "title", node)),
                what=_flat(r.text(item, "what", node)),
                who=_flat(r.text(item, "who", node)),
                when=_flat(r.text(item, "when", node)),
                cite=cite,
                guide=r.text(item, "guide", node, required=False),
            )
        )
    tour = Walkthrough(
        id=r.text(top, "id", ""),
        title=r.text(top, "title", ""),
        area=area,
        audience=audience,
        intro=_flat(r.text(top, "intro", "")),
        steps=tuple(steps),
        source_file=file,
    )
    if r.problems:
        raise GuideError(r.problems)
    return tour


def check_walkthrough(
    tour: Walkthrough,
    guides: Collection[str],
    anchors: Collection[str] | None,
    sources: Collection[str] | None,
) -> list[Problem]:
    problems: list[Problem] = []
    for i, step in enumerate(tour.steps, start=1):
        node = f"step {i}"
        if step.guide and step.guide not in guides:
            problems.append(Problem(tour.source_file, node, f"'guide' is '{step.guide}', which is not a guide"))
        for citation in step.cite:
            if anchors is not None and citation.handbook not in anchors:
                message = f"cites '{citation.handbook}', which is not a handbook page or anchor"
                problems.append(Problem(tour.source_file, node, message))
            if sources is not None and citation.source not in sources:
                message = f"cites source '{citation.source}', which is not in the sources register"
                problems.append(Problem(tour.source_file, node, message))
    if tour.source_file and PurePath(tour.source_file).stem != tour.id:
        problems.append(Problem(tour.source_file, "", f"the id '{tour.id}' must be the file's name ({tour.id}.yaml)"))
    return problems
