"""Each page's history, kept in its front matter, and the changelog's list of changes by page.

A page says when it was last reviewed, when it is next due for review, and what changed, newest first:

    reviewed: 2026-11-23
    review_by: 2027-11-23
    changes:
      2026-11-23: "One line on what changed, for a reader."

The page template shows the newest change and the review date; ``changes-by-page.md`` lists every page's
changes for docs/about/changelog.md. A page without these, or with a date that cannot be right, stops the
build with one line saying what to fix.
"""

from __future__ import annotations

import datetime
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from decision_engine.escape import markdown
from scripts.front_matter import split_page

OUTPUT = "changes-by-page.md"
CHANGELOG = "about/changelog.md"
REVIEW_WITHIN_DAYS = 366  # a page is reviewed at least once a year
_TITLE = re.compile(r"^# (.+?)\s*$", re.MULTILINE)
PRACTICE = ("training/scenarios/", "training/walkthroughs/")
PRACTICE_HEADING = "Practice scenarios and walkthroughs {#by-page-practice}"
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


class PageChangesError(ValueError):
    """A page's review dates or change list are missing or wrong."""


@dataclass(frozen=True)
class PageHistory:
    page: str
    title: str
    reviewed: datetime.date
    review_by: datetime.date
    changes: tuple[tuple[datetime.date, str], ...]  # newest first


def long_date(day: datetime.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _date(value: object) -> datetime.date | None:
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        return None


def read_history(page: str, text: str) -> tuple[PageHistory | None, list[str]]:
    """A page's history from its front matter, or the problems with it (one line each)."""
    meta, _ = split_page(text)
    title = _TITLE.search(text)
    reviewed, review_by = _date(meta.get("reviewed")), _date(meta.get("review_by"))
    problems = []
    if reviewed is None:
        problems.append("add 'reviewed: YYYY-MM-DD', the date the page was last checked against its sources")
    if review_by is None:
        problems.append("add 'review_by: YYYY-MM-DD', the date the page is next due for review")
    if reviewed and review_by and not 0 < (review_by - reviewed).days <= REVIEW_WITHIN_DAYS:
        problems.append("'review_by' must be after 'reviewed' and no more than a year after it")
    raw = meta.get("changes")
    changes: list[tuple[datetime.date, str]] = []
    if not isinstance(raw, dict) or not raw:
        problems.append("add 'changes:' with a line 'YYYY-MM-DD: what changed' for the page's last revision")
    else:
        for key, summary in raw.items():
            day = _date(key)
            if day is None or not isinstance(summary, str) or not summary.strip():
                problems.append(f"'changes' entry {key!r} must be 'YYYY-MM-DD: what changed'")
            else:
                changes.append((day, " ".join(summary.split())))
        if [d for d, _ in changes] != sorted((d for d, _ in changes), reverse=True):
            problems.append("'changes' must list the newest change first")
    if problems or reviewed is None or review_by is None:
        return None, [f"docs/{page}: {p}" for p in problems]
    name = title.group(1) if title else page
    return PageHistory(page, name, reviewed, review_by, tuple(changes)), []


def read_histories(docs: Path) -> list[PageHistory]:
    """Every page's history, or stop with one line per problem."""
    histories, problems = [], []
    for path in sorted(docs.rglob("*.md")):
        history, found = read_history(path.relative_to(docs).as_posix(), path.read_text(encoding="utf-8"))
        problems += found
        if history:
            histories.append(history)
    if problems:
        raise PageChangesError("\n".join(problems))
    return histories


def changes_by_page(histories: list[PageHistory], here: str = CHANGELOG) -> str:
    """Definition lists, pages by title (the handbook's own pages, then the practice cases): each change
    with its date, then the next review date. Links are relative to the changelog page, so MkDocs checks
    each one."""
    base = posixpath.dirname(here) or "."
    lines = []
    for heading, practice in (("Handbook pages {#by-page-handbook}", False), (PRACTICE_HEADING, True)):
        group = [h for h in histories if h.page.startswith(PRACTICE) == practice]
        if not group:
            continue
        lines += [f"### {heading}", ""]
        for history in sorted(group, key=lambda h: (h.title.lower(), h.page)):
            lines.append(f"[{markdown(history.title)}]({posixpath.relpath(history.page, base)})")
            lines += [f":   **{long_date(day)}:** {markdown(summary)}" for day, summary in history.changes]
            lines += [f":   Next review due by {long_date(history.review_by)}.", ""]
    return "\n".join(lines)


def write_changes_by_page(docs: Path, out: Path) -> int:
    """Write ``out/changes-by-page.md``; returns how many pages it lists."""
    histories = read_histories(docs)
    out.mkdir(parents=True, exist_ok=True)
    (out / OUTPUT).write_text(changes_by_page(histories), encoding="utf-8")
    return len(histories)
