"""The four areas whose sources the handbook follows, by the id guides and pages use for them. The page
script folds other areas' rules away for a person who has chosen an area; these helpers mark what
belongs to one area, so the engine's HTML can be folded the same way as the pages."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from .compose import _same_words
from .model import Action, Part

AREAS = {
    "barnet": "Barnet",
    "northamptonshire": "Northamptonshire",
    "rotherham": "Rotherham",
    "waltham_forest": "Waltham Forest",
}
_BY_NAME = {name: area_id for area_id, name in AREAS.items()}


def area_id(name: str) -> str:
    """The id of an area given by name ("Waltham Forest"), or "" for anything else."""
    return _BY_NAME.get(name.strip(), "")


def area_named(label: str) -> str:
    """The id of the one area a part's label names ("Barnet", "A possible crime, in Barnet"); "" when it
    names none or several."""
    found = {area for name, area in _BY_NAME.items() if re.search(rf"\b{re.escape(name)}\b", label)}
    return found.pop() if len(found) == 1 else ""


def action_areas(own: Sequence[Action], parts: Sequence[Part]) -> dict[str, str]:
    """Merged actions that belong to one area only, by their words: every copy of the action comes from a
    part labelled with that area. An action the outcome gives itself belongs to every area."""
    seen: dict[str, set[str]] = {}
    for action in own:
        seen.setdefault(_same_words(action.text), set()).add("")
    for part in parts:
        for action in part.actions:
            seen.setdefault(_same_words(action.text), set()).add(area_named(part.label))
    return {words: areas.pop() for words, areas in seen.items() if len(areas) == 1 and "" not in areas}


def area_of(action: Action, areas: Mapping[str, str]) -> str:
    return areas.get(_same_words(action.text), "")
