"""Facts carry over from the source documents; sentences do not. No page, guide or register shares a
run of ten words with a source document, apart from the documents' own titles used in citations."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from decision_engine.source import read_yaml
from tests.conftest import ROOT

SEEDS = ROOT.parent / "shared" / "seeds"
RUN = 10


def shingles(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return {tuple(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}


def written_files() -> list[Path]:
    return sorted([*(ROOT / "docs").rglob("*.md"), *(ROOT / "guides").glob("*.yaml"), *(ROOT / "data").glob("*.yml")])


@pytest.fixture(scope="module")
def source_runs() -> set[tuple[str, ...]]:
    seeds = sorted(SEEDS.glob("*.txt"))
    assert seeds, f"the source documents are expected in {SEEDS}"
    titles: set[tuple[str, ...]] = set()
    for entry in read_yaml(ROOT / "data" / "sources.yml")["sources"]:
        titles |= shingles(str(entry["title"]))
    runs: set[tuple[str, ...]] = set()
    for seed in seeds:
        runs |= shingles(seed.read_text(encoding="utf-8"))
    return runs - titles


@pytest.mark.parametrize("path", written_files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_sentence_is_copied_from_a_source(path: Path, source_runs: set[tuple[str, ...]]) -> None:
    copied = sorted(" ".join(run) for run in shingles(path.read_text(encoding="utf-8")) & source_runs)
    assert copied == []


def test_the_check_would_catch_a_copied_sentence(source_runs: set[tuple[str, ...]]) -> None:
    sentence = "Co-location of professionals enables speedy and efficient information sharing and ongoing discussions"
    assert shingles(sentence) & source_runs
