"""Filling a guide from the handbook's registers before it is loaded (on the host, at build time).

A guide can take a question's options from a register (``options_from``) and an outcome's checklist
from one (``parts_from``), so facts such as the practice-standard checks live in one data file that the
pages read too. The compiled JSON the browser loads is already filled in.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from .problems import GuideError, Problem

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
REGISTERS = {"practice_standards": "practice_standards.yml"}


def _register(name: str, file: str, node: str, read: Callable[[Path], Any], data_dir: Path) -> Mapping[str, Any]:
    if name not in REGISTERS:
        raise GuideError([Problem(file, node, f"'{name}' is not a register (known: {', '.join(REGISTERS)})")])
    return read(data_dir / REGISTERS[name])  # type: ignore[no-any-return]


def _action(item: Mapping[str, Any], cite: list[dict[str, str]]) -> dict[str, Any]:
    level = "must" if "must" in item else "should"
    action: dict[str, Any] = {level: item[level], "cite": cite}
    if item.get("escalation"):
        action["escalation"] = True
    return action


def _parts(spec: Mapping[str, Any], register: Mapping[str, Any], file: str, node: str) -> dict[str, Any]:
    agency = next((a for a in register["agencies"] if a["id"] == spec.get("agency")), None)
    if agency is None:
        raise GuideError([Problem(file, node, f"parts_from: no agency '{spec.get('agency')}' in the register")])
    facts = spec.get("facts", {})
    labels = {c["id"]: c["label"] for c in register["concerns"]}
    cite = [{"handbook": spec["handbook"], "source": register["source"], "part": agency["part"]}]
    parts = []
    for concern, items in agency["concerns"].items():
        includes = {"answer": spec["question"], "includes": concern}
        plain = [_action(i, cite) for i in items if "when" not in i]
        if plain:
            parts.append({"if": includes, "label": f"Checks for {labels[concern]}", "actions": plain})
        for item in (i for i in items if "when" in i):
            if item["when"] not in facts:
                raise GuideError([Problem(file, node, f"parts_from: 'facts' does not say what '{item['when']}' is")])
            parts.append(
                {
                    "if": {"all": [includes, facts[item["when"]]]},
                    "label": f"{labels[concern]}: {register['conditions'][item['when']]}",
                    "actions": [_action(item, cite)],
                }
            )
    return {
        "actions": [_action(i, cite) for i in agency["every_case"]]
        + [{"must": register["deviation"], "cite": cite}, {"must": register["read_the_rag"], "cite": cite}],
        "parts": parts,
    }


def fill(data: Any, file: str, read: Callable[[Path], Any], data_dir: Path = DATA_DIR) -> Any:
    """The guide data with every ``options_from`` and ``parts_from`` filled in from its register."""
    if not isinstance(data, Mapping):
        return data
    filled = copy.deepcopy(dict(data))
    for question in filled.get("questions") or []:
        spec = question.get("options_from") if isinstance(question, dict) else None
        if spec:
            register = _register(spec["register"], file, question.get("id", "?"), read, data_dir)
            extra = question.get("options") or []
            question["options"] = [{"value": c["id"], "label": c["label"]} for c in register[spec["list"]]] + extra
            del question["options_from"]
    for outcome in filled.get("outcomes") or []:
        spec = outcome.get("parts_from") if isinstance(outcome, dict) else None
        if spec:
            register = _register(spec["register"], file, outcome.get("id", "?"), read, data_dir)
            made = _parts(spec, register, file, outcome.get("id", "?"))
            outcome["actions"] = list(outcome.get("actions") or []) + made["actions"]
            outcome["parts"] = list(outcome.get("parts") or []) + made["parts"]
            del outcome["parts_from"]
    return filled
