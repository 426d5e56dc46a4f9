"""Facts carry over from the source documents; sentences do not. No page, guide or register shares a
run of ten words with a source document, apart from the documents' own titles used in citations.

The sources are compared through a committed fingerprint (short hashes of every ten-word run, written by
scripts/fingerprint_sources.py), so this runs in a clone with nothing beside it."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.fingerprint_sources import FINGERPRINT, digest, runs
from tests.conftest import ROOT


def written_files() -> list[Path]:
    return sorted([*(ROOT / "docs").rglob("*.md"), *(ROOT / "guides").glob("*.yaml"), *(ROOT / "data").glob("*.yml")])


@pytest.fixture(scope="module")
def source_runs() -> set[str]:
    return set(FINGERPRINT.read_text(encoding="utf-8").split())


@pytest.mark.parametrize("path", written_files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_sentence_is_copied_from_a_source(path: Path, source_runs: set[str]) -> None:
    copied = sorted(" ".join(run) for run in runs(path.read_text(encoding="utf-8")) if digest(run) in source_runs)
    assert copied == []


def test_the_check_would_catch_a_copied_sentence(source_runs: set[str]) -> None:
    sentence = "Co-location of professionals enables speedy and efficient information sharing and ongoing discussions"
    assert {digest(run) for run in runs(sentence)} & source_runs


def test_the_fingerprint_covers_all_five_sources(source_runs: set[str]) -> None:
    # One run from each source, quoted here on purpose to prove the fingerprint holds every document.
    samples = [
        "consider whether the liquid logic record needs to be locked to general users",  # 000
        "a decision on all cases in stage 1 must be made within 24 hours",  # 001
        "believe that a child is at immediate risk of harm please use the emergency number",  # 002
        "the only exception is where it is felt that the child will be placed",  # 003
        "children missing for more than 24 hours need a strategy meeting",  # 004
    ]
    for sample in samples:
        assert {digest(run) for run in runs(sample)} & source_runs, sample
