"""Command line: check guides before publishing, and walk one from the terminal.

python -m decision_engine validate guides/
python -m decision_engine walk guides/worried_about_a_child.yaml --answer immediate_danger=no [--as-of TIME]
python -m decision_engine scenarios scenarios/
python -m decision_engine walkthroughs walkthroughs/

``walk`` prints an outcome as the page shows it and the decision record holds it, from the same code:
the merged checklist with escalations first, the rating and what it means, each due time with how it was
worked out and how long is left at the as-of time, the contacts, the next steps and the sources.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .answers import AnswerError, describe, from_text
from .deadlines import to_local
from .explain import reasons
from .model import Guide, Outcome, Question
from .problems import GuideError, Problem
from .record import build as build_record
from .references import References
from .scenarios import Scenario, check_scenario, scenario_from_data
from .source import guide_files, handbook_anchors, load_guide_file, rating_schemes, read_yaml, source_ids
from .token import encode
from .validate import validate
from .walk import Walk
from .walkthroughs import Walkthrough, check_walkthrough, walkthrough_from_data


def _references(args: argparse.Namespace) -> References:
    anchors, sources, ratings = _context(args)
    return References(sources=sources or {}, titles=anchors or {}, ratings=ratings or {})


def _context(args: argparse.Namespace) -> tuple[Any, Any, Any]:
    anchors = handbook_anchors(Path(args.docs)) if Path(args.docs).is_dir() else None
    sources = source_ids(Path(args.sources)) if Path(args.sources).is_file() else None
    ratings = rating_schemes(Path(args.ratings)) if Path(args.ratings).is_file() else None
    return anchors, sources, ratings


def check_guides(
    paths: Sequence[Path], anchors: Any, sources: Any, ratings: Any = None
) -> tuple[list[Guide], list[Problem]]:
    """Load and validate guide files; every problem from every file, and the guides that loaded."""
    guides: list[Guide] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for path in paths:
        try:
            guide = load_guide_file(path)
        except GuideError as error:
            problems += error.problems
            continue
        if guide.id in seen:
            problems.append(Problem(str(path), "", f"guide id '{guide.id}' is also used by {seen[guide.id]}"))
        seen[guide.id] = str(path)
        problems += validate(guide, anchors, sources, ratings)
        guides.append(guide)
    return guides, problems


def check_scenarios(
    paths: Sequence[Path], guides: Sequence[Guide], anchors: Any, sources: Any
) -> tuple[list[Scenario], list[Problem]]:
    """Load practice scenarios and check each against its guide; every problem from every file."""
    by_id = {g.id: g for g in guides}
    found: list[Scenario] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            scenario = scenario_from_data(read_yaml(path), str(path), by_id)
        except GuideError as error:
            problems += error.problems
            continue
        problems += check_scenario(scenario, by_id[scenario.guide], anchors, sources)
        found.append(scenario)
    return found, problems


def check_walkthroughs(
    paths: Sequence[Path], guides: Sequence[Guide], anchors: Any, sources: Any
) -> tuple[list[Walkthrough], list[Problem]]:
    found: list[Walkthrough] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            tour = walkthrough_from_data(read_yaml(path), str(path))
        except GuideError as error:
            problems += error.problems
            continue
        problems += check_walkthrough(tour, {g.id for g in guides}, anchors, sources)
        found.append(tour)
    return found, problems


def _practice(args: argparse.Namespace) -> int:
    """Check scenarios or walkthroughs against the guides they name."""
    target = Path(args.path)
    paths = guide_files(target) if target.is_dir() else [target]
    if not paths:
        print(f"{target}: no {args.command} files (*.yaml) found", file=sys.stderr)
        return 1
    anchors, sources, _ratings = _context(args)
    guides = [load_guide_file(p) for p in guide_files(Path(args.guides))]
    check = check_scenarios if args.command == "scenarios" else check_walkthroughs
    items, problems = check(paths, guides, anchors, sources)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    print(f"{len(items)} {args.command} valid: {', '.join(i.id for i in items)}")
    return 0


def _validate(args: argparse.Namespace) -> int:
    target = Path(args.path)
    paths = guide_files(target) if target.is_dir() else [target]
    if not paths:
        print(f"{target}: no guide files (*.yaml) found", file=sys.stderr)
        return 1
    anchors, sources, ratings = _context(args)
    guides, problems = check_guides(paths, anchors, sources, ratings)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    print(f"{len(guides)} guide(s) valid: {', '.join(g.id for g in guides)}")
    return 0


def _node_json(node: Question | Outcome, walk: Walk, refs: References, now: dt.datetime) -> dict[str, Any]:
    """The current question, or the outcome as the page shows it (the decision record's own outcome)."""
    if isinstance(node, Question):
        return {
            "kind": "question",
            "id": node.id,
            "type": node.type,
            "text": node.text,
            "answers": [o.value for o in node.options],
        }
    record = build_record(walk, refs, now)
    return {"kind": "outcome", **record["outcome"], "citations": record["citations"]}


def _as_of(text: str | None) -> dt.datetime:
    """The time due times are measured against: the one given (UK time), or the UK time now."""
    if text:
        return dt.datetime.fromisoformat(text)
    return to_local(dt.datetime.now(dt.UTC).replace(tzinfo=None, second=0, microsecond=0))


def _walk(args: argparse.Namespace) -> int:
    path = Path(args.guide)
    if not path.exists():
        path = Path(args.guides) / f"{args.guide}.yaml"
    try:
        guide = load_guide_file(path)
    except GuideError as error:
        print(error, file=sys.stderr)
        return 1
    try:
        now = _as_of(args.as_of)
    except ValueError:
        print(json.dumps({"error": f"--as-of: '{args.as_of}' is not a time like 2026-11-23T09:30"}))
        return 2
    walk = Walk(guide)
    for item in args.answer:
        question_id, _, text = item.partition("=")
        question = guide.question(question_id)
        if question is None:
            print(json.dumps({"error": f"'{question_id}' is not a question in {guide.id}"}))
            return 2
        answer = from_text(question, text)
        if isinstance(answer, AnswerError):
            print(json.dumps({"error": f"{question_id}: {answer.message}"}))
            return 2
        walk = walk.with_answer(question_id, answer)
    steps = walk.steps
    used = {s.question.id for s in steps}
    result = {
        "guide": guide.id,
        "version": guide.version,
        "token": encode(walk),
        "answers": [
            {"question": s.question.id, "answer": describe(s.question, s.answer), "rule": s.rule.label} for s in steps
        ],
        "unused": [qid for qid, _ in walk.answers if qid not in used],
        "as_of": now.isoformat(timespec="minutes"),
        "current": _node_json(walk.current, walk, _references(args), now),
        "reasons": [{"question": r.question, "answer": r.answer, "rule": r.rule} for r in reasons(walk)],
    }
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m decision_engine", description=__doc__.splitlines()[0])
    parser.add_argument("--docs", default="docs", help="handbook pages, for checking citations (default: docs)")
    parser.add_argument("--sources", default="data/sources.yml", help="sources register (default: data/sources.yml)")
    parser.add_argument("--ratings", default="data/ratings.yml", help="ratings register (default: data/ratings.yml)")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("validate", help="check guide files; one line per problem")
    check.add_argument("path", help="a guide file or a folder of them")
    check.set_defaults(run=_validate)
    walk = sub.add_parser("walk", help="answer questions and print where they lead, as JSON")
    walk.add_argument("guide", help="a guide file, or a guide id in --guides")
    walk.add_argument("--guides", default="guides", help="folder of guide files (default: guides)")
    walk.add_argument("--answer", action="append", default=[], metavar="ID=VALUE", help="repeat for each answer")
    walk.add_argument("--as-of", metavar="TIME", help="UK time to measure due times against (default: now)")
    walk.set_defaults(run=_walk)
    for name, what in (("scenarios", "practice scenarios"), ("walkthroughs", "walkthroughs")):
        practice = sub.add_parser(name, help=f"check {what} against the guides; one line per problem")
        practice.add_argument("path", help="a file or a folder of them")
        practice.add_argument("--guides", default="guides", help="folder of guide files (default: guides)")
        practice.set_defaults(run=_practice)
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except GuideError as error:
        print(error, file=sys.stderr)
        return 1
