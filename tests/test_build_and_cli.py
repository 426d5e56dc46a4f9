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
    assert [(d["label"], d["text"]) for d in due] == [
        ("Response (Barnet BRAG rating: Red)", "1pm on Friday 20 November 2026")
    ]


def test_walk_prints_the_due_time_with_its_working_and_its_status_as_of_a_given_time() -> None:
    answers = ["area=barnet", "received=2026-11-20T09:00", "circumstances=immediate_or_serious", "revised=not_yet"]
    args = [f"--answer={a}" for a in answers]
    result = run("-m", "decision_engine", "walk", "threshold_and_rating", *args, "--as-of", "2026-11-20T12:30")
    (due,) = json.loads(result.stdout)["current"]["due"]
    assert due["text"] == "1pm on Friday 20 November 2026"
    assert due["how"].startswith("4 hours from the time given")
    assert due["status"] == "due in 30 minutes"


def test_walk_prints_the_rating_the_contacts_and_the_merged_checklist_as_the_page_shows_them() -> None:
    rated = ["area=barnet", "received=2026-11-20T09:00", "circumstances=immediate_or_serious", "revised=not_yet"]
    result = run("-m", "decision_engine", "walk", "threshold_and_rating", *[f"--answer={a}" for a in rated])
    facts = {f["name"]: f["text"] for f in json.loads(result.stdout)["current"]["rating_facts"]}
    assert facts["Where it goes"].startswith("Children's services")

    urgent = ["immediate_danger=no", "significant_harm=yes", "also_applies=none", "area=waltham_forest"]
    result = run("-m", "decision_engine", "walk", "worried_about_a_child", *[f"--answer={a}" for a in urgent])
    contacts = json.loads(result.stdout)["current"]["contacts"]
    assert {"name": "Waltham Forest MASH", "area": "Waltham Forest"}.items() <= contacts[0].items()
    assert "020 8496 2310" in contacts[0]["detail"]

    checks = ["agency=social_care", "concerns=sexual_abuse", "current_allegation=yes", "bruise_and_disclosure=no"]
    result = run("-m", "decision_engine", "walk", "practice_standard_checks", *[f"--answer={a}" for a in checks])
    current = json.loads(result.stdout)["current"]
    assert current["urgency"] == "urgent"
    flags = [a["escalation"] for a in current["actions"]]
    assert flags == sorted(flags, reverse=True) and flags[0]  # escalations first, as on the page
    assert any("current allegation of sexual abuse" in a["text"] for a in current["actions"] if a["escalation"])
    assert "Sexual abuse: there is a current allegation of sexual abuse" in current["added"]


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


def test_a_one_area_build_says_whose_handbook_it_is_and_shows_that_area_first(built_site: Path, tmp_path: Path) -> None:
    from scripts.build import run_mkdocs

    site = tmp_path / "barnet"
    run_mkdocs(site, built_site.parent / "generated", "barnet")
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "This handbook is published for <strong>Barnet</strong>" in home
    assert 'data-default-area="barnet"' in (site / "process" / "ratings.html").read_text(encoding="utf-8")
    everyone = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'data-default-area=""' in everyone
    assert "published for" not in everyone


def test_the_build_refuses_an_area_it_does_not_know(tmp_path: Path) -> None:
    result = run("scripts/build.py", "--area", "leeds", "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 2
    assert "invalid choice: 'leeds'" in result.stderr
    assert not (tmp_path / "site").exists()
