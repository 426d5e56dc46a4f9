"""Each page keeps its own history in its front matter (last reviewed, next review due, what changed),
the build stops on a page that leaves one out, and the changelog lists every page's changes."""

from __future__ import annotations

import datetime
import posixpath
from pathlib import Path

import pytest

from scripts.page_changes import (
    PageChangesError,
    changes_by_page,
    long_date,
    read_histories,
    read_history,
    write_changes_by_page,
)
from tests.conftest import ROOT

DOCS = ROOT / "docs"
GOOD = """---
reviewed: 2026-11-23
review_by: 2027-11-23
changes:
  2026-11-23: "Rotherham's 999 step is a 'should'."
  2026-11-22: "First published."
---

# Immediate protection
"""


def test_every_page_says_when_it_was_reviewed_when_it_is_due_and_what_last_changed() -> None:
    histories = read_histories(DOCS)
    assert {h.page for h in histories} == {p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")}
    for history in histories:
        newest = history.changes[0][0]
        assert newest <= history.review_by, f"{history.page}: changed after its review was due"
        for _, summary in history.changes:
            assert len(summary) <= 300, f"{history.page}: a change is one line for a reader, not a commit message"


def test_a_page_history_reads_newest_change_first() -> None:
    history, problems = read_history("process/immediate-protection.md", GOOD)
    assert problems == []
    assert history is not None
    assert history.title == "Immediate protection"
    assert history.review_by == datetime.date(2027, 11, 23)
    assert history.changes[0] == (datetime.date(2026, 11, 23), "Rotherham's 999 step is a 'should'.")


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (("review_by: 2027-11-23\n", ""), "add 'review_by: YYYY-MM-DD'"),
        (("reviewed: 2026-11-23\n", ""), "add 'reviewed: YYYY-MM-DD'"),
        (("review_by: 2027-11-23", "review_by: 2026-11-01"), "'review_by' must be after 'reviewed'"),
        (("review_by: 2027-11-23", "review_by: 2028-11-23"), "no more than a year after it"),
        (('  2026-11-22: "First published."\n', '  2026-11-24: "Later."\n'), "newest change first"),
        (('  2026-11-22: "First published."\n', "  yesterday: Later.\n"), "'changes' entry 'yesterday'"),
        (("changes:\n", "changed:\n"), "add 'changes:'"),
    ],
)
def test_a_page_with_a_missing_or_impossible_date_is_named_with_what_to_fix(
    edit: tuple[str, str], problem: str
) -> None:
    history, problems = read_history("process/x.md", GOOD.replace(*edit))
    assert history is None
    assert len(problems) == 1
    assert problems[0].startswith("docs/process/x.md: ")
    assert problem in problems[0]


def test_the_build_stops_on_a_page_without_its_history(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "process").mkdir(parents=True)
    (docs / "process" / "good.md").write_text(GOOD, encoding="utf-8")
    (docs / "process" / "bare.md").write_text("---\nreviewed: 2026-11-23\n---\n\n# Bare\n", encoding="utf-8")
    with pytest.raises(PageChangesError) as stopped:
        write_changes_by_page(docs, tmp_path / "generated")
    assert str(stopped.value).splitlines() == [
        "docs/process/bare.md: add 'review_by: YYYY-MM-DD', the date the page is next due for review",
        "docs/process/bare.md: add 'changes:' with a line 'YYYY-MM-DD: what changed' for the page's last revision",
    ]


def test_changes_by_page_lists_each_page_with_its_changes_and_review_date() -> None:
    page, _ = read_history("process/immediate-protection.md", GOOD)
    case, _ = read_history("training/scenarios/a_case.md", GOOD.replace("# Immediate protection", "# A case"))
    assert page and case
    text = changes_by_page([case, page])
    assert text.index("### Handbook pages") < text.index("[Immediate protection](../process/immediate-protection.md)")
    assert text.index("### Practice scenarios") < text.index("[A case](../training/scenarios/a_case.md)")
    entry = text.split("[Immediate protection](../process/immediate-protection.md)\n")[1].split("\n\n")[0]
    assert entry.splitlines() == [
        ":   **23 November 2026:** Rotherham's 999 step is a 'should'.",
        ":   **22 November 2026:** First published.",
        ":   Next review due by 23 November 2027.",
    ]


def test_the_built_changelog_lists_every_page(built_site: Path) -> None:
    changelog = (built_site / "about" / "changelog.html").read_text(encoding="utf-8")
    by_page = changelog.split('id="by-page"', 1)[1]
    for history in read_histories(DOCS):
        href = posixpath.relpath(Path(history.page).with_suffix(".html").as_posix(), "about")
        assert f'href="{href}"' in by_page, history.page
        assert long_date(history.review_by) in by_page
