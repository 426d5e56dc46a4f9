"""Each file in broken_guides/ is wrong in one way, and is rejected with one line that names the file,
the node and the problem (its first line says which: '# expect: ...')."""

from __future__ import annotations

from pathlib import Path

import pytest

from decision_engine.cli import check_guides

BROKEN = sorted((Path(__file__).parent / "broken_guides").glob("*.yaml"))


def expected(path: Path) -> str:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# expect: "), f"{path.name} must start with '# expect: ...'"
    return first.removeprefix("# expect: ")


@pytest.mark.parametrize("path", BROKEN, ids=[p.stem for p in BROKEN])
def test_broken_guide_is_rejected_with_its_one_line_message(path: Path, anchors, sources) -> None:
    _guides, problems = check_guides([path], anchors, sources)
    lines = [str(p) for p in problems]
    assert f"{path}: {expected(path)}" in lines
    assert all(line.startswith(f"{path}: ") and "\n" not in line for line in lines)


def test_the_corpus_covers_every_kind_of_fault() -> None:
    assert {p.stem for p in BROKEN} >= {
        "unknown_target",
        "unreachable_node",
        "cycle",
        "duplicate_id",
        "missing_default",
        "no_rules",
        "unknown_anchor",
        "unknown_source",
        "outcome_without_citation",
        "rule_without_label",
        "not_yaml",
    }


def test_every_problem_is_reported_at_once(tmp_path: Path, anchors, sources) -> None:
    text = (Path(__file__).parent / "broken_guides" / "unknown_target.yaml").read_text(encoding="utf-8")
    both = tmp_path / "two_faults.yaml"
    both.write_text(text.replace("label: Otherwise}", "}"), encoding="utf-8")
    _guides, problems = check_guides([both], anchors, sources)
    assert len(problems) == 1  # a rule without a label is a load problem: loading stops before graph checks
    assert "has no label" in problems[0].message
