"""Mutation check: does any test notice when a fact in the guides or registers changes?

One at a time, each number, timescale unit, escalation flag, comparison, yes/no test, urgency, must
(weakened to should) and number-with-a-time-unit written in text in guides/*.yaml and data/*.yml is
changed, and the fast checks that read those files are run against the changed data: loading, validation
with every guide's invariants proved, the committed route goldens, and the specifications written from
the sources. A change that none of them notices has survived.

    python scripts/mutation_check.py [--list-survivors] [--jobs N]

Safety facts are timescales, thresholds, comparisons, routing tests, escalations, urgency and timescales
written in text; the check fails (exit 1) if any of those survives. Other kinds (input bounds, version
numbers, must weakened to should) are counted and listed but do not fail it.

Invariants are not mutated: they are tests, and a mutation check mutates what is tested. A text anchor
(a top-level "x-" key holding text), and the plain keys of an anchor used only through a "<<" merge, are
not mutated themselves: YAML copies them into each place that uses them, and each copy is mutated there.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from decision_engine.deadlines import UNITS  # noqa: E402
from decision_engine.load import guide_from_data  # noqa: E402
from decision_engine.model import Guide  # noqa: E402
from decision_engine.problems import GuideError  # noqa: E402
from decision_engine.references import References  # noqa: E402
from decision_engine.registers import REGISTERS, fill  # noqa: E402
from decision_engine.source import read_yaml  # noqa: E402
from decision_engine.validate import validate  # noqa: E402
from scripts.update_goldens import golden  # noqa: E402
from tests.specifications.runner import FOLDER, Case, check, load_cases  # noqa: E402

SAFETY = {"timescale", "threshold", "comparison", "routing test", "escalation", "urgency", "timescale in text"}
COMPARISONS = {
    "more_than": ("at_least", "less_than"),
    "at_least": ("more_than", "at_most"),
    "less_than": ("at_most", "more_than"),
    "at_most": ("less_than", "at_least"),
}
URGENCIES = ("emergency", "urgent", "standard", "routine")
THRESHOLD_KEYS = {"more_than", "less_than", "at_least", "at_most", "selected_at_least", "is"}
TIME_IN_TEXT = re.compile(r"\b(\d{1,3})(\s+(?:working\s+)?(?:hours?|days?|weeks?|months?|minutes?))\b")
SKIPPED_KEYS = {"invariants"}


@dataclass
class Mutation:
    file: str
    where: str
    kind: str
    change: str
    apply: Callable[[], None]
    undo: Callable[[], None]

    @property
    def safety(self) -> bool:
        return self.kind in SAFETY

    def __str__(self) -> str:
        return f"{self.file}: {self.where}: {self.change} [{self.kind}]"


def _label(node: Any, index: int) -> str:
    if isinstance(node, dict):
        for key in ("id", "label", "if"):
            if key in node and isinstance(node[key], str):
                return f"[{node[key][:40]}]"
    return f"[{index}]"


def _set(container: Any, key: Any, value: Any) -> Callable[[], None]:
    def do() -> None:
        container[key] = value

    return do


def _rename(container: dict[str, Any], old: str, new: str) -> tuple[Callable[[], None], Callable[[], None]]:
    def apply() -> None:
        container[new] = container.pop(old)

    def undo() -> None:
        container[old] = container.pop(new)

    return apply, undo


def _number_kind(key: str, container: dict[str, Any]) -> str:
    if key == "amount":
        return "timescale"
    if key in THRESHOLD_KEYS:
        return "threshold"
    if key in ("min", "max"):
        return "input bound"
    if key == "version":
        return "version"
    return "number"


def _referenced(tree: Any) -> set[int]:
    """The ids of every mapping and list reached from the file's own keys (not its 'x-' anchors): an
    anchor used through '*alias' is the same object, and so is reached here; one used only through
    '<<: *alias' has its keys copied, and is not."""
    found: set[int] = set()
    stack = [v for k, v in tree.items() if not str(k).startswith("x-")] if isinstance(tree, dict) else []
    while stack:
        node = stack.pop()
        if isinstance(node, (dict, list)) and id(node) not in found:
            found.add(id(node))
            stack.extend(node.values() if isinstance(node, dict) else node)
    return found


def _sites(file: str, node: Any, where: str, seen: set[tuple[int, Any]]) -> Iterator[Mutation]:
    """Every mutation of one parsed file. A YAML alias shares its anchor's object, so each container
    and key is mutated once, as editing the anchor would."""
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in list(items):
        if key in SKIPPED_KEYS or (id(node), key) in seen:
            continue
        if where == "" and str(key).startswith("x-") and not isinstance(value, (dict, list)):
            # A text anchor is copied into each place that uses it, and each copy is mutated there; the
            # anchor's own top-level copy is read by nothing.
            continue
        seen.add((id(node), key))
        here = f"{where}.{key}" if isinstance(node, dict) else f"{where}{_label(value, key)}"
        if isinstance(value, (dict, list)):
            yield from _sites(file, value, here, seen)
            continue
        undo = _set(node, key, value)
        if isinstance(value, bool):
            if key == "escalation" and value:
                yield Mutation(file, here, "escalation", "true -> false", _set(node, key, False), undo)
        elif isinstance(value, int):
            kind = _number_kind(str(key), node)
            for new in (value + 1, value - 1):
                if new >= 0:
                    yield Mutation(file, here, kind, f"{value} -> {new}", _set(node, key, new), undo)
        elif isinstance(value, str):
            yield from _text_sites(file, node, key, value, here, undo)
        if isinstance(node, dict) and key in COMPARISONS and isinstance(value, int):
            for other in COMPARISONS[str(key)]:
                if other not in node:
                    apply, back = _rename(node, str(key), other)
                    yield Mutation(file, here, "comparison", f"{key} -> {other}", apply, back)


def _text_sites(file: str, node: Any, key: Any, value: str, here: str, undo: Callable[[], None]) -> Iterator[Mutation]:
    if key == "unit" and isinstance(node, dict) and "amount" in node and value in UNITS:
        for other in UNITS:
            if other != value:
                yield Mutation(file, here, "timescale", f"{value} -> {other}", _set(node, key, other), undo)
        return
    if key == "urgency" and value in URGENCIES:
        for other in URGENCIES:
            if other != value:
                yield Mutation(file, here, "urgency", f"{value} -> {other}", _set(node, key, other), undo)
        return
    if key == "is" and isinstance(node, dict) and "answer" in node and value in ("yes", "no"):
        flipped = "no" if value == "yes" else "yes"
        yield Mutation(file, here, "routing test", f"is {value} -> is {flipped}", _set(node, key, flipped), undo)
        return
    if key == "must" and isinstance(node, dict):
        apply, back = _rename(node, "must", "should")
        yield Mutation(file, here, "must weakened", "must -> should", apply, back)
    if key in ("id", "goto", "answer", "handbook", "source", "part", "start", "due_from"):
        return
    for match in TIME_IN_TEXT.finditer(value):
        new = str(int(match.group(1)) + 1)
        changed = value[: match.start(1)] + new + value[match.end(1) :]
        change = f"'{match.group(0)}' -> '{new}{match.group(2)}'"
        yield Mutation(file, here, "timescale in text", change, _set(node, key, changed), undo)


class Project:
    """The guides, registers, goldens and specifications, parsed once, checked many times."""

    def __init__(self, root: Path = ROOT, cases_folder: Path = FOLDER) -> None:
        self.root = root
        self.guides = {p.name: read_yaml(p) for p in sorted((root / "guides").glob("*.yaml"))}
        self.data = {p.name: read_yaml(p) for p in sorted((root / "data").glob("*.yml"))}
        self.goldens = {p.stem: json.loads(p.read_text("utf-8")) for p in (root / "tests" / "goldens").glob("*.json")}
        sources = {s["id"]: {k: str(v) for k, v in s.items()} for s in self.data["sources.yml"]["sources"]}
        self.cases: dict[str, list[Case]] = {}
        for case in load_cases(cases_folder, sources):
            self.cases.setdefault(case.guide, []).append(case)

    def mutations(self) -> list[Mutation]:
        """Every mutation, in a fixed order (each holds closures over this project's trees)."""
        if not hasattr(self, "_mutations"):
            found: list[Mutation] = []
            for folder, files in (("guides", self.guides), ("data", self.data)):
                for name, tree in files.items():
                    seen: set[tuple[int, Any]] = set()
                    used = _referenced(tree)
                    for key, value in tree.items() if isinstance(tree, dict) else ():
                        if str(key).startswith("x-") and isinstance(value, dict) and id(value) not in used:
                            # Merged with '<<': its own keys are copied where it is used and mutated
                            # there; what it holds by reference (lists, mappings) is still shared.
                            seen |= {(id(value), k) for k, v in value.items() if not isinstance(v, (dict, list))}
                    found += _sites(f"{folder}/{name}", tree, "", seen)
            self._mutations = found
        return self._mutations

    def _read(self, path: Path) -> Any:
        return self.data[path.name]

    def _refs(self) -> References:
        sources = {s["id"]: {k: str(v) for k, v in s.items()} for s in self.data["sources.yml"]["sources"]}
        ratings = {s["id"]: s for s in self.data["ratings.yml"]["schemes"]}
        return References(sources=sources, ratings=ratings)

    def affected(self, file: str) -> list[str]:
        """The guide files a change to ``file`` can reach."""
        name = Path(file).name
        if file.startswith("guides/"):
            return [name]
        register = next((k for k, v in REGISTERS.items() if v == name), None)
        if name == "ratings.yml":
            return [g for g, tree in self.guides.items() if any("rating" in o for o in tree.get("outcomes", []))]
        if register is not None:
            marks = ("parts_from", "options_from") if register != "contacts" else ("contacts_from",)
            text = {g: json.dumps(tree) for g, tree in self.guides.items()}
            return [g for g in self.guides if any(m in text[g] for m in marks)]
        return list(self.guides)

    def failures(self, guide_files: list[str], first_only: bool = True) -> list[str]:
        """What the fast checks report for these guides, as they stand now."""
        refs = self._refs()
        found: list[str] = []
        for name in guide_files:
            try:
                data = fill(self.guides[name], f"guides/{name}", self._read, self.root / "data")
                guide: Guide = guide_from_data(data, f"guides/{name}")
            except (GuideError, KeyError, TypeError, ValueError) as error:
                found.append(f"{name}: does not load: {str(error).splitlines()[0]}")
                if first_only:
                    return found
                continue
            problems = validate(guide, None, refs.sources, refs.ratings)
            found += [str(p) for p in problems]
            if found and first_only:
                return found
            if not problems and golden(guide) != self.goldens.get(guide.id):
                found.append(f"{name}: the version or a route's outcome differs from its golden")
                if first_only:
                    return found
            for case in self.cases.get(guide.id, []):
                problems_found = check(case, guide, refs)
                if problems_found:
                    found.append(f"{case.id}: {problems_found[0]}")
                    if first_only:
                        return found
        return found


_PROJECT: Project | None = None  # set before the worker processes fork, so each has its own copy


def _survives(index: int) -> bool:
    assert _PROJECT is not None
    mutation = _PROJECT.mutations()[index]
    mutation.apply()
    try:
        return not _PROJECT.failures(_PROJECT.affected(mutation.file))
    finally:
        mutation.undo()


def run(jobs: int) -> tuple[list[Mutation], list[bool]]:
    project = Project()
    baseline = project.failures(list(project.guides), first_only=False)
    if baseline:
        raise SystemExit("The checks fail before anything is changed:\n" + "\n".join(baseline[:20]))
    mutations = project.mutations()
    global _PROJECT
    _PROJECT = project
    if jobs > 1:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            survived = pool.map(_survives, range(len(mutations)), chunksize=4)
    else:
        survived = [_survives(i) for i in range(len(mutations))]
    return mutations, survived


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--jobs", type=int, default=2, help="processes to run the checks in (default 2)")
    parser.add_argument("--list-survivors", action="store_true", help="list every survivor, not only safety ones")
    args = parser.parse_args()
    started = time.perf_counter()
    mutations, survived = run(args.jobs)
    total = Counter(m.kind for m in mutations)
    alive = Counter(m.kind for m, s in zip(mutations, survived, strict=True) if s)
    seconds = time.perf_counter() - started
    print(f"Mutation check: {len(mutations)} changes to guides/*.yaml and data/*.yml, {seconds:.1f} s")
    for kind in sorted(total, key=lambda k: (k not in SAFETY, k)):
        tag = "safety" if kind in SAFETY else "other"
        made, kept = total[kind], alive[kind]
        print(f"  {kind:18} {tag:6}  {made:4} made  {made - kept:4} noticed  {kept:3} survived")
    safety_alive = [m for m, s in zip(mutations, survived, strict=True) if s and m.safety]
    other_alive = [m for m, s in zip(mutations, survived, strict=True) if s and not m.safety]
    print(f"Safety facts: {sum(total[k] for k in SAFETY)} changes, {len(safety_alive)} survived.")
    for mutation in safety_alive:
        print(f"  SURVIVED {mutation}")
    if args.list_survivors:
        for mutation in other_alive:
            print(f"  survived {mutation}")
    return 1 if safety_alive else 0


if __name__ == "__main__":
    sys.exit(main())
