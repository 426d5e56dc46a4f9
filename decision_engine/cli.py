"""Command line: check guides before publishing, and walk one from the terminal.

python -m decision_engine validate guides/
python -m decision_engine walk guides/worried_about_a_child.yaml --answer immediate_danger=no
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .answers import AnswerError, describe, from_text
from .compose import actions_for, urgency_for
from .deadlines import Due
from .due_times import due_times
from .explain import reasons
from .model import Guide, Outcome, Question
from .problems import GuideError, Problem
from .source import guide_files, handbook_anchors, load_guide_file, rating_schemes, source_ids
from .token import encode
from .validate import validate
from .walk import Walk


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


def _node_json(node: Question | Outcome, walk: Walk, ratings: Any) -> dict[str, Any]:
    """The current question, or the outcome as a person sees it: every part that applies merged in."""
    if isinstance(node, Question):
        return {
            "kind": "question",
            "id": node.id,
            "type": node.type,
            "text": node.text,
            "answers": [o.value for o in node.options],
        }
    answers = walk.route_answers
    return {
        "kind": "outcome",
        "id": node.id,
        "title": node.title,
        "summary": node.summary,
        "urgency": urgency_for(node, answers),
        "actions": [{"level": a.level, "text": a.text, "escalation": a.escalation} for a in actions_for(node, answers)],
        "due": [
            {
                "label": d.label,
                "text": d.due.text if isinstance(d.due, Due) else d.due.message,
                "note": d.due.note if isinstance(d.due, Due) else "",
            }
            for d in due_times(node, answers, ratings or {})
        ],
        "next_steps": list(node.next_steps),
        "cite": [{"handbook": c.handbook, "source": c.source, "part": c.part} for c in node.cite],
    }


def _walk(args: argparse.Namespace) -> int:
    path = Path(args.guide)
    if not path.exists():
        path = Path(args.guides) / f"{args.guide}.yaml"
    try:
        guide = load_guide_file(path)
    except GuideError as error:
        print(error, file=sys.stderr)
        return 1
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
        "current": _node_json(walk.current, walk, _context(args)[2]),
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
    walk.set_defaults(run=_walk)
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except GuideError as error:
        print(error, file=sys.stderr)
        return 1
