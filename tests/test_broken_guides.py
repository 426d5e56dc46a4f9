"""Each file in broken_guides/ is wrong in one way, and is rejected with one line that names the file,
the node and the problem (its first line says which: '# expect: ...')."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from decision_engine.cli import check_guides
from decision_engine.compile import compile_guide, load_compiled
from decision_engine.problems import GuideError
from decision_engine.references import References
from decision_engine.registers import DATA_DIR, fill
from decision_engine.source import read_guide, read_yaml

BROKEN = sorted((Path(__file__).parent / "broken_guides").glob("*.yaml"))
REGISTER = DATA_DIR / "practice_standards.yml"


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


def test_a_register_flag_written_as_text_is_refused_not_read_as_set(tmp_path: Path) -> None:
    # 'escalation: no' read as text is a non-empty string, so it would mark the check as an escalation.
    register = REGISTER.read_text(encoding="utf-8").replace(
        "\n          escalation: true", "\n          escalation: no", 1
    )
    (tmp_path / "practice_standards.yml").write_text(register, encoding="utf-8")
    guide = Path("guides/practice_standard_checks.yaml")
    with pytest.raises(GuideError) as raised:
        fill(read_yaml(guide), str(guide), read_yaml, data_dir=tmp_path)
    assert [str(p) for p in raised.value.problems] == [
        f"{tmp_path / 'practice_standards.yml'}: node 'social_care/sexual_abuse': item 2: 'escalation' must be true "
        "or false, not 'no'"
    ]


def test_a_guide_that_passes_validate_also_compiles_for_the_browser(tmp_path: Path, anchors, sources) -> None:
    # A date in an anchor-holding 'x-' key is read by YAML as a date, which JSON cannot write.
    text = (Path(__file__).parent / "broken_guides" / "misspelt_key.yaml").read_text(encoding="utf-8")
    text = text.replace("urgncy: emergency", "urgency: emergency").replace(
        "start: first", "start: first\nx-reviewed: 2026-11-23"
    )
    path = tmp_path / "dated.yaml"
    path.write_text(text, encoding="utf-8")
    guides, problems = check_guides([path], anchors, sources)
    assert problems == []
    compiled = compile_guide(read_guide(path), guides[0], References())
    assert load_compiled(compiled)[0] == replace(guides[0], source_file="")


@pytest.mark.parametrize("text", ["[" * 100_000, '{"format": 1, "guide": ' + "[" * 100_000])
def test_a_compiled_guide_nested_too_deeply_is_refused_with_a_message(text: str) -> None:
    with pytest.raises(GuideError, match="nested too deeply"):
        load_compiled(text)
