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

from .phones import numbers_in_register
from .problems import GuideError, Problem

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
REGISTERS = {"practice_standards": "practice_standards.yml", "contacts": "contacts.yml"}


ITEM_KEYS = ("must", "should", "escalation", "urgent", "when", "conflict", "gap", "same_as")
ITEM_FLAGS = ("escalation", "urgent")


def _register(name: str, file: str, node: str, read: Callable[[Path], Any], data_dir: Path) -> Mapping[str, Any]:
    if name not in REGISTERS:
        raise GuideError([Problem(file, node, f"'{name}' is not a register (known: {', '.join(REGISTERS)})")])
    path = data_dir / REGISTERS[name]
    register = read(path)
    if name == "practice_standards":
        problems = item_problems(register, str(path))
        if problems:
            raise GuideError(problems)
    return register  # type: ignore[no-any-return]


def item_problems(register: Mapping[str, Any], file: str) -> list[Problem]:
    """Every checklist item in the practice-standards register that would be read wrongly: an unknown
    key, or a flag that is not true or false ('escalation: no' read as text would count as set)."""
    problems = []
    for agency in register.get("agencies", []):
        lists = {"every_case": agency.get("every_case") or []}
        lists.update((c, items or []) for c, items in (agency.get("concerns") or {}).items())
        for where, items in lists.items():
            node = f"{agency.get('id')}/{where}"
            for i, item in enumerate(items, start=1):
                unknown = sorted(str(k) for k in item if k not in ITEM_KEYS)
                if unknown:
                    problems.append(Problem(file, node, f"item {i} has unknown key(s): {', '.join(unknown)}"))
                for flag in (f for f in ITEM_FLAGS if f in item and not isinstance(item[f], bool)):
                    message = f"item {i}: '{flag}' must be true or false, not {item[flag]!r}"
                    problems.append(Problem(file, node, message))
    return problems


def item_text(item: Mapping[str, Any]) -> str:
    """A register item's words, with any conflict or gap in the source said after them."""
    level = "must" if "must" in item else "should"
    text = str(item[level])
    if item.get("conflict"):
        text += f" The source conflicts here: {item['conflict']}"
    if item.get("gap"):
        text += f" Gap in the source: {item['gap']}"
    return text


def _action(item: Mapping[str, Any], cite: list[dict[str, str]]) -> dict[str, Any]:
    level = "must" if "must" in item else "should"
    action: dict[str, Any] = {level: item_text(item), "cite": cite}
    if item.get("escalation"):
        action["escalation"] = True
    return action


def concern_items(agency: Mapping[str, Any], concern: str) -> list[Mapping[str, Any]]:
    """An agency's items for a concern, with the items of any concerns it is treated like ('same_as')."""
    found: list[Mapping[str, Any]] = []
    for item in agency["concerns"].get(concern) or []:
        if "same_as" in item:
            for other in item["same_as"]:
                found += [i for i in concern_items(agency, other) if i not in found]
        elif item not in found:
            found.append(item)
    return found


def not_covered(agency: Mapping[str, Any], label: str) -> str:
    return (
        f"The practice standards give {agency['name'].lower()} no checks for {label[0].lower() + label[1:]}. "
        "Read the request (the 'rag') for anything it asks."
    )


def _part(
    condition: Mapping[str, Any], label: str, group: str, actions: list[tuple[dict[str, Any], bool]]
) -> dict[str, Any]:
    """A checklist part under its concern's heading; one holding an item marked urgent makes the
    checklist urgent."""
    part: dict[str, Any] = {"if": condition, "label": label, "group": group, "actions": [a for a, _ in actions]}
    if any(urgent for _, urgent in actions):
        part["urgency"] = "urgent"
    return part


def _parts(spec: Mapping[str, Any], register: Mapping[str, Any], file: str, node: str) -> dict[str, Any]:
    agency = next((a for a in register["agencies"] if a["id"] == spec.get("agency")), None)
    if agency is None:
        raise GuideError([Problem(file, node, f"parts_from: no agency '{spec.get('agency')}' in the register")])
    facts = spec.get("facts", {})
    labels = {c["id"]: c["label"] for c in register["concerns"]}
    cite = [{"handbook": spec["handbook"], "source": register["source"], "part": agency["part"]}]
    parts = []
    also = spec.get("also", {})
    for concern in labels:
        includes: dict[str, Any] = {"answer": spec["question"], "includes": concern}
        if concern in also:
            # The concern's checks also apply when the guide's condition holds (an injured baby entered
            # as physical abuse still needs the injured-baby checks).
            includes = {"any": [includes, also[concern]]}
        items = concern_items(agency, concern)
        if not items:
            parts.append(
                {
                    "if": includes,
                    "label": f"No checks for {labels[concern]}",
                    "group": labels[concern],
                    "actions": [{"should": not_covered(agency, labels[concern]), "cite": cite}],
                }
            )
            continue
        plain = [(_action(i, cite), bool(i.get("urgent"))) for i in items if "when" not in i]
        if plain:
            parts.append(_part(includes, f"Checks for {labels[concern]}", labels[concern], plain))
        for item in (i for i in items if "when" in i):
            if item["when"] not in facts:
                raise GuideError([Problem(file, node, f"parts_from: 'facts' does not say what '{item['when']}' is")])
            label = f"{labels[concern]}: {register['conditions'][item['when']]}"
            action = (_action(item, cite), bool(item.get("urgent")))
            parts.append(_part({"all": [includes, facts[item["when"]]]}, label, labels[concern], [action]))
    used = {i["when"] for concern in labels for i in concern_items(agency, concern) if "when" in i}
    unused = sorted(set(facts) - used)
    if unused:
        message = f"parts_from: 'facts' gives {', '.join(unused)}, which no {agency['id']} item uses"
        raise GuideError([Problem(file, node, message)])
    return {
        "actions": [_action(i, cite) for i in agency["every_case"]]
        + [{"must": register["deviation"], "cite": cite}, {"must": register["read_the_rag"], "cite": cite}],
        "parts": parts,
    }


def contact_detail(entry: Mapping[str, Any]) -> str:
    """One contact's details in a line, the same on pages and in guides."""
    parts = [str(entry[k]) for k in ("phone",) if entry.get(k)]
    if entry.get("out_of_hours"):
        parts.append(f"out of hours {entry['out_of_hours']}")
    if entry.get("email"):
        parts.append(f"email {entry['email']}")
    if entry.get("other"):
        parts.append(str(entry["other"]))
    return "; ".join(parts)


def _contact(register: Mapping[str, Any], contact_id: str, file: str, node: str) -> dict[str, str]:
    entry = next((c for c in register["contacts"] if c["id"] == contact_id), None)
    if entry is None:
        raise GuideError([Problem(file, node, f"contacts_from: no contact '{contact_id}' in the register")])
    phones = list(numbers_in_register(entry))
    return {"name": entry["name"], "detail": contact_detail(entry), "area": entry["area"]} | (
        {"phones": phones} if phones else {}
    )


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
        wanted = outcome.get("contacts_from") if isinstance(outcome, dict) else None
        if wanted:
            register = _register("contacts", file, outcome.get("id", "?"), read, data_dir)
            outcome["contacts"] = list(outcome.get("contacts") or []) + [
                _contact(register, contact_id, file, outcome.get("id", "?")) for contact_id in wanted
            ]
            del outcome["contacts_from"]
        spec = outcome.get("parts_from") if isinstance(outcome, dict) else None
        if spec:
            register = _register(spec["register"], file, outcome.get("id", "?"), read, data_dir)
            made = _parts(spec, register, file, outcome.get("id", "?"))
            outcome["actions"] = list(outcome.get("actions") or []) + made["actions"]
            outcome["parts"] = list(outcome.get("parts") or []) + made["parts"]
            del outcome["parts_from"]
    return filled
