"""The build and the CLI, as an author meets them: a broken guide stops the build with one line per
problem and no traceback; the CLI validates a folder and walks a guide, printing JSON."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import GUIDES, ROOT


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_a_broken_guide_fails_the_build_with_one_line_and_no_traceback(tmp_path: Path) -> None:
    guides = tmp_path / "guides"
    shutil.copytree(GUIDES, guides)
    text = (guides / "worried_about_a_child.yaml").read_text(encoding="utf-8")
    broken = text.replace("#no-additional-needs", "#no-such-section")
    (guides / "worried_about_a_child.yaml").write_text(broken, encoding="utf-8")
    result = run(
        "scripts/build.py",
        "--guides",
        str(guides),
        "--site-dir",
        str(tmp_path / "site"),
        "--generated-dir",
        str(tmp_path / "generated"),
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"{guides}/worried_about_a_child.yaml: node 'universal_services': the outcome cites "
        "'referring/worried-about-a-child.md#no-such-section', which is not a handbook page or anchor"
    ]
    assert "Traceback" not in result.stderr + result.stdout
    assert not (tmp_path / "site").exists()


def test_validate_accepts_the_real_guides() -> None:
    result = run("-m", "decision_engine", "validate", "guides/")
    assert result.returncode == 0, result.stderr
    assert "worried_about_a_child" in result.stdout


def test_validate_names_file_node_and_problem_for_a_broken_guide() -> None:
    result = run("-m", "decision_engine", "validate", "tests/broken_guides/cycle.yaml")
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "tests/broken_guides/cycle.yaml: node 'first': routes go round in a cycle: first -> second -> first"
    )


def test_walk_prints_the_outcome_and_its_reasons_as_json() -> None:
    answers = ["immediate_danger=no", "significant_harm=yes", "also_applies=possible_crime", "area=rotherham"]
    result = run("-m", "decision_engine", "walk", "worried_about_a_child", *[f"--answer={a}" for a in answers])
    assert result.returncode == 0, result.stderr
    walked = json.loads(result.stdout)
    assert walked["current"]["kind"] == "outcome"
    assert walked["current"]["id"] == "phone_mash_now"
    assert walked["current"]["urgency"] == "urgent"
    assert any(a["text"].startswith("Tell the MASH you think a crime") for a in walked["current"]["actions"])
    assert [r["rule"] for r in walked["reasons"]] == [
        "Not in immediate danger",
        "Significant harm is suffered or likely",
        "Answered",
        "Significant harm, area chosen",
    ]


def test_walk_shows_the_due_times_the_outcome_gives() -> None:
    answers = ["area=barnet", "received=2026-11-20T09:00", "circumstances=immediate_or_serious", "revised=not_yet"]
    result = run("-m", "decision_engine", "walk", "threshold_and_rating", *[f"--answer={a}" for a in answers])
    due = json.loads(result.stdout)["current"]["due"]
    assert due == [
        {"label": "Response (Barnet BRAG rating: Red)", "text": "1pm on Friday 20 November 2026", "note": ""}
    ]


def test_walk_stops_at_the_next_question_when_answers_run_out() -> None:
    answers = ["--answer", "immediate_danger=no", "--answer", "area=barnet"]
    result = run("-m", "decision_engine", "walk", "worried_about_a_child", *answers)
    walked = json.loads(result.stdout)
    assert walked["current"] == {
        "kind": "question",
        "id": "significant_harm",
        "type": "single",
        "text": "Is the child suffering, or likely to suffer, significant harm?",
        "answers": ["yes", "no", "not_sure"],
    }


def test_walk_refuses_an_answer_the_question_does_not_have() -> None:
    result = run("-m", "decision_engine", "walk", "worried_about_a_child", "--answer", "immediate_danger=maybe")
    assert result.returncode == 2
    assert json.loads(result.stdout) == {"error": "immediate_danger: Select one of the answers shown"}
