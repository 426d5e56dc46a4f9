"""The handbook pages, read with markdown-it-py as an author wrote them (snippets filled in from the
build): every page has a review date and a source reference, every abbreviation has a glossary entry,
and every internal link and anchor resolves."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from decision_engine.source import handbook_anchors, include_snippets, read_yaml
from scripts.page_guides import PageGuidesError, box, guides_named, include_line, write_boxes
from tests.conftest import ROOT, real_guides

DOCS = ROOT / "docs"
PAGES = sorted(DOCS.rglob("*.md"))
ABBREVIATION = re.compile(r"\b(?:[A-Z][A-Za-z]*[A-Z]|[A-Z]/[A-Z]|s(?:17|47))\b")
NOT_ABBREVIATIONS = {"I", "A", "Level", "Amber", "Red", "Green", "Blue", "Yes", "No"}
MD = MarkdownIt("commonmark").enable("table")


def page_text(path: Path, built_site: Path) -> tuple[dict, str]:
    """Front matter and body, with every snippet the page includes put in place."""
    text = path.read_text(encoding="utf-8")
    meta: dict = {}
    if text.startswith("---\n"):
        head, text = text[4:].split("\n---\n", 1)
        meta = yaml.safe_load(head) or {}
    return meta, include_snippets(text, built_site.parent / "generated")


def words(tokens: list[Token]) -> str:
    """The text a reader sees: inline text, without code, HTML or link targets."""
    out = []
    for token in tokens:
        for child in token.children or []:
            if child.type == "text":
                out.append(child.content)
    return " ".join(out)


def links(tokens: list[Token]) -> list[str]:
    found = []
    for token in tokens:
        for child in token.children or []:
            if child.type == "link_open":
                found.append(str(child.attrs.get("href", "")))
    return found


@pytest.fixture(scope="module")
def glossary() -> set[str]:
    return {str(t["abbr"]) for t in read_yaml(ROOT / "data" / "glossary.yml")["terms"]}


@pytest.mark.parametrize("path", PAGES, ids=[p.relative_to(DOCS).as_posix() for p in PAGES])
def test_every_page_has_a_review_date_and_a_source(path: Path, built_site: Path) -> None:
    meta, body = page_text(path, built_site)
    assert "reviewed" in meta, "front matter needs 'reviewed: YYYY-MM-DD'"
    assert re.search(r"^Source: .+", body, re.MULTILINE), "the page shows no 'Source: ...' reference"
    assert "{ .mg-cite }" in body


@pytest.mark.parametrize("path", PAGES, ids=[p.relative_to(DOCS).as_posix() for p in PAGES])
def test_every_abbreviation_has_a_glossary_entry(path: Path, built_site: Path, glossary: set[str]) -> None:
    _meta, body = page_text(path, built_site)
    used = set(ABBREVIATION.findall(words(MD.parse(body)))) - NOT_ABBREVIATIONS
    assert sorted(used - glossary) == []


@pytest.mark.parametrize("path", PAGES, ids=[p.relative_to(DOCS).as_posix() for p in PAGES])
def test_every_internal_link_and_anchor_resolves(path: Path, built_site: Path) -> None:
    anchors = handbook_anchors(DOCS, built_site.parent / "generated")
    here = path.relative_to(DOCS).parent
    _meta, body = page_text(path, built_site)
    for href in links(MD.parse(body)):
        if re.match(r"^[a-z]+:", href):
            continue
        target, _, anchor = href.partition("#")
        page = (here / target).as_posix() if target else path.relative_to(DOCS).as_posix()
        page = str(Path(page)).replace("\\", "/")
        normal = Path(*[p for p in Path(page).parts])
        resolved = str((DOCS / normal).resolve().relative_to(DOCS.resolve()).as_posix())
        assert resolved in anchors, f"{href}: no page {resolved}"
        if anchor:
            assert f"{resolved}#{anchor}" in anchors, f"{href}: no anchor #{anchor} on {resolved}"


def test_the_abbreviation_check_would_catch_a_missing_term(glossary: set[str]) -> None:
    used = set(ABBREVIATION.findall(words(MD.parse("The ZZQ team and the MASH met.")))) - NOT_ABBREVIATIONS
    assert used - glossary == {"ZZQ"}


def test_a_page_that_names_guides_includes_their_box_and_no_other_page_does() -> None:
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        own = include_line(page.relative_to(DOCS).as_posix())
        assert (own in text) == bool(guides_named(text)), f"{page}: guides in front matter, box included: differ"
        others = [ln for ln in text.splitlines() if ln.startswith('--8<-- "guides-for/') and ln != own]
        assert others == [], f"{page} includes another page's box"


def test_the_box_takes_each_guides_title_and_page_from_its_guide_file() -> None:
    guides = real_guides()
    made = box("process/stage-1-triage.md", [g for g in guides if g.id in ("stage_1_triage", "threshold_and_rating")])
    assert made.splitlines()[1] == (
        "**Decision guides for this page:** [Stage 1 triage outcome (Rotherham)](../guides/stage-1-triage.md); "
        "[Threshold and rating](../guides/threshold-and-rating.md)"
    )


def test_a_page_naming_a_guide_that_does_not_exist_stops_the_build(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "page.md").write_text("---\nguides: [no_such_guide]\n---\n\n# Page\n", encoding="utf-8")
    with pytest.raises(PageGuidesError, match="'guides' names no_such_guide, which is not a guide"):
        write_boxes(tmp_path / "docs", real_guides(), tmp_path / "out")


def test_every_guide_page_includes_its_guide_and_diagram() -> None:
    for guide in real_guides():
        text = (DOCS / guide.page).read_text(encoding="utf-8")
        assert f'--8<-- "guides/{guide.id}.html"' in text
        assert f'--8<-- "guides/{guide.id}.diagram.md"' in text


def test_the_strict_build_made_every_page(built_site: Path) -> None:
    for page in PAGES:
        assert (built_site / page.relative_to(DOCS).with_suffix(".html")).is_file()


@pytest.mark.parametrize(
    ("page", "name"),
    [
        ("partners/recording-consent.html", "MASH Protect"),
        ("partners/recording-consent.html", "Care First"),
        ("process/stage-1-triage.html", "Liquid Logic"),
    ],
)
def test_system_names_are_explained_from_the_glossary(built_site: Path, page: str, name: str) -> None:
    terms = {str(t["abbr"]): str(t["expansion"]) for t in read_yaml(ROOT / "data" / "glossary.yml")["terms"]}
    found = re.findall(rf'<abbr title="([^"]*)">{name}</abbr>', (built_site / page).read_text(encoding="utf-8"))
    assert found and all(unescape(title) == terms[name] for title in found)


PROCEDURE_FOLDERS = {"about-mash", "consent", "referring", "process", "partners"}
PROCEDURE_PAGES = [p for p in PAGES if p.relative_to(DOCS).parts[0] in PROCEDURE_FOLDERS]


def areas_cited(body: str) -> set[str]:
    """The ids of the areas named in a page's "Source:" paragraphs."""
    names = {str(s["area"]) for s in read_yaml(ROOT / "data" / "sources.yml")["sources"]}
    cited = set()
    for paragraph in re.split(r"\n\s*\n", body):
        if paragraph.lstrip().startswith("Source:"):
            flat = " ".join(paragraph.split())
            cited |= {name.lower().replace(" ", "_") for name in names if name in flat}
    return cited


@pytest.mark.parametrize("path", PROCEDURE_PAGES, ids=[p.relative_to(DOCS).as_posix() for p in PROCEDURE_PAGES])
def test_a_procedure_page_names_the_areas_whose_sources_it_is_written_from(path: Path, built_site: Path) -> None:
    """The page's `areas` say whose procedure it is: a reader who chose another area is told so at the
    top, so these must be exactly the areas its sources come from."""
    meta, body = page_text(path, built_site)
    assert sorted(meta.get("areas", [])) == sorted(areas_cited(body))
    html = (built_site / path.relative_to(DOCS).with_suffix(".html")).read_text(encoding="utf-8")
    assert f'class="admonition note mg-page-areas" data-area="{" ".join(meta["areas"])}" hidden' in html


@pytest.mark.parametrize("path", PROCEDURE_PAGES, ids=[p.relative_to(DOCS).as_posix() for p in PROCEDURE_PAGES])
def test_every_area_block_belongs_to_an_area_the_page_cites(path: Path, built_site: Path) -> None:
    meta, body = page_text(path, built_site)
    for areas in re.findall(r'class="mg-area-rule" data-area="([^"]+)"', body):
        assert set(areas.split()) <= set(meta["areas"]), f"a block for {areas} on a page from {meta['areas']}"
