"""The "Decision guides for this page" box: a page names the guides that apply to it in its front
matter (``guides: [stage_1_triage]``) and includes ``--8<-- "guides-for/<its own path>"``; the titles
and links come from the guide files, so a guide's title and page are written in one place only."""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from pathlib import Path

from decision_engine.escape import markdown
from decision_engine.model import Guide
from scripts.front_matter import split_page

FOLDER = "guides-for"


class PageGuidesError(ValueError):
    """A page names a guide that does not exist."""


def include_line(page: str) -> str:
    return f'--8<-- "{FOLDER}/{page}"'


def guides_named(text: str) -> list[str]:
    """The guide ids a page's front matter names, in order."""
    meta, _ = split_page(text)
    found = meta.get("guides")
    return [str(g) for g in found] if isinstance(found, list) else []


def box(page: str, guides: Sequence[Guide]) -> str:
    """The box as Markdown inside an aside (md_in_html), so MkDocs checks and rewrites each link."""
    here = posixpath.dirname(page) or "."
    links = "; ".join(f"[{markdown(g.title)}]({posixpath.relpath(g.page, here)})" for g in guides)
    return (
        '<aside class="mg-page-guides" aria-label="Decision guides for this page" markdown>\n'
        f"**Decision guides for this page:** {links}\n"
        "</aside>\n"
    )


def write_boxes(docs: Path, guides: Sequence[Guide], out: Path) -> None:
    """Write each page's box into ``out/guides-for/``, or stop on a guide id that does not exist."""
    by_id = {g.id: g for g in guides}
    for path in sorted(docs.rglob("*.md")):
        page = path.relative_to(docs).as_posix()
        named = guides_named(path.read_text(encoding="utf-8"))
        if not named:
            continue
        unknown = [g for g in named if g not in by_id]
        if unknown:
            raise PageGuidesError(f"{docs / page}: 'guides' names {', '.join(unknown)}, which is not a guide")
        target = out / FOLDER / page
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(box(page, [by_id[g] for g in named]), encoding="utf-8")
