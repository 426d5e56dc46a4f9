"""Engine timings, standard library only, so the same file runs on the host and inside Pyodide.

    python scripts/engine_timing.py COMPILED_GUIDE.json [...]

Prints JSON: for the largest guide given and for generated guides (trees of 1,000 and 10,000 nodes,
and chains of 3,000 and 10,000 questions where each rule looks back at the question before), the
median and 95th percentile of one step (read the answer, move on, render the next view, make the new
link token), and how long validating takes, with the peak memory it allocates.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

from decision_engine.answers import to_form
from decision_engine.compile import load_compiled
from decision_engine.load import guide_from_data
from decision_engine.model import Guide, Question
from decision_engine.paths import candidate_answers
from decision_engine.references import References
from decision_engine.render_html import live_view
from decision_engine.token import encode
from decision_engine.validate import validate
from decision_engine.walk import Walk

CITE = [{"handbook": "index.md", "source": "s", "part": "1"}]


def generated(nodes: int) -> dict[str, Any]:
    """A guide of about ``nodes`` nodes: single-choice questions in a binary tree, three answers each
    (two lead on, the third to an outcome), so routes are about log2(nodes) deep."""
    questions: list[dict[str, Any]] = []
    outcomes: list[dict[str, Any]] = []
    count = nodes // 3
    for i in range(count):
        children = [2 * i + 1, 2 * i + 2]
        targets = [f"q{c}" if c < count else f"o{i}_{k}" for k, c in enumerate(children)] + [f"o{i}_x"]
        options = [{"value": v, "label": v.title()} for v in ("alpha", "beta", "gamma")]
        rules = [
            {"if": {"answer": f"q{i}", "is": v}, "goto": t, "label": f"{v} from {i}"}
            for v, t in zip(("alpha", "beta"), targets, strict=False)
        ]
        rules.append({"goto": targets[2], "label": "otherwise"})
        questions.append({"id": f"q{i}", "type": "single", "text": f"Question {i}?", "options": options, "next": rules})
        for target in targets:
            if target.startswith("o"):
                outcomes.append({"id": target, "title": target, "summary": "s", "next_steps": ["n"], "cite": CITE})
    top = {"id": "generated", "version": 1, "title": "Generated", "page": "index.md", "start": "q0"}
    return {**top, "questions": questions, "outcomes": outcomes}


def chain(questions: int) -> dict[str, Any]:
    """A guide that is one long line of yes/no questions, each with a rule that tests the answer before
    it: the worst shape for checking that a tested question comes first on every route."""
    items: list[dict[str, Any]] = []
    for i in range(questions):
        target = f"q{i + 1}" if i + 1 < questions else "end"
        rules: list[dict[str, Any]] = []
        if i:
            rules.append({"if": {"answer": f"q{i - 1}", "is": "yes"}, "goto": target, "label": "Yes before"})
        rules.append({"goto": target, "label": "otherwise"})
        items.append({"id": f"q{i}", "type": "yes_no", "text": f"Question {i}?", "next": rules})
    end = {"id": "end", "title": "End", "summary": "s", "next_steps": ["n"], "cite": CITE}
    top = {"id": "chain", "version": 1, "title": "Chain", "page": "index.md", "start": "q0"}
    return {**top, "questions": items, "outcomes": [end]}


def validation(guide: Guide) -> dict[str, Any]:
    """Validating once: time, and the peak memory it allocates (measured in a second run, since tracing
    slows Python down)."""
    started = time.perf_counter()
    problems = validate(guide)
    took = (time.perf_counter() - started) * 1000
    tracemalloc.start()
    validate(guide)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {
        "nodes": guide.size,
        "problems": len(problems),
        "validate_ms": round(took, 2),
        "peak_mb": round(peak / 1e6, 2),
    }


def step_times(guide: Guide, refs: References, walks: int, rng: random.Random) -> list[float]:
    times = []
    for _ in range(walks):
        walk = Walk(guide)
        while isinstance(walk.current, Question):
            question = walk.current
            form = to_form(question, rng.choice(candidate_answers(guide, question)))
            started = time.perf_counter()
            moved = walk.submit(form)
            assert isinstance(moved, Walk)
            live_view(moved, refs)
            encode(moved)
            times.append((time.perf_counter() - started) * 1000)
            walk = moved
    return times


def summary(guide: Guide, refs: References, walks: int) -> dict[str, Any]:
    started = time.perf_counter()
    problems = validate(guide, None, refs.sources or None, refs.ratings or None)
    validate_ms = (time.perf_counter() - started) * 1000
    times = step_times(guide, refs, walks, random.Random(7))
    return {
        "nodes": guide.size,
        "problems": len(problems),
        "validate_ms": round(validate_ms, 2),
        "steps": len(times),
        "step_median_ms": round(statistics.median(times), 3),
        "step_p95_ms": round(statistics.quantiles(times, n=20)[-1], 3),
    }


def main() -> None:
    texts = [Path(p).read_text(encoding="utf-8") for p in sys.argv[1:]]
    compiled = [load_compiled(text) for text in texts]
    # The largest guide is the one with the most content (its compiled size), not the most nodes.
    largest, refs = compiled[max(range(len(texts)), key=lambda i: len(texts[i]))]
    started = time.perf_counter()
    # With the sources and ratings each guide carries, so the invariants are proved as in the build (the
    # page titles it carries are only those it cites, so they are not checked here).
    for guide, guide_refs in compiled:
        problems = validate(guide, None, guide_refs.sources, guide_refs.ratings)
        if problems:
            sys.exit(f"{guide.id}: {problems[0].message}")
    all_ms = (time.perf_counter() - started) * 1000
    results = {
        "python": sys.version.split()[0],
        "validate_all_guides_ms": round(all_ms, 2),
        "guides": len(compiled),
        f"largest real guide ({largest.id})": summary(largest, refs, 200),
    }
    for size in (1_000, 10_000):
        results[f"generated tree of {size} nodes"] = summary(guide_from_data(generated(size)), References(), 100)
    for size in (3_000, 10_000):
        results[f"generated chain of {size} questions"] = validation(guide_from_data(chain(size)))
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
