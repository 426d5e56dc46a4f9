"""A whole section as one document: every page of the section, in navigation order, nothing left out,
each heading with an id of its own, links kept working, and a print page that names no section stops
the build with one line."""

from __future__ import annotations

import collections
import re
import shutil
from pathlib import Path

import pytest

from decision_engine.source import include_snippets
from scripts.section_documents import (
    PRINT_FOLDER,
    SectionDocumentError,
    navigation_sections,
    write_section_documents,
)
from tests.conftest import ROOT

DOCS = ROOT / "docs"
CONFIG = ROOT / "mkdocs.yml"
STUBS = sorted((DOCS / PRINT_FOLDER).glob("*.md"))
SECTIONS = navigation_sections(CONFIG)


def section_of(stub: Path) -> str:
    return re.search(r"^section: (.+)$", stub.read_text(encoding="utf-8"), re.MULTILINE).group(1)  # type: ignore[union-attr]


def reader_lines(page: Path, generated: Path) -> list[str]:
    """The lines of a page a reader reads as sentences: not front matter, headings, links or boxes."""
    text = page.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    text = re.sub(r'^--8<-- "guides-for/[^"]+"\s*$', "", text, flags=re.MULTILINE)
    text = include_snippets(include_snippets(text, generated), generated)
    return [
        line
        for line in text.splitlines()
        if line.strip() and not line.startswith("#") and "](" not in line and not line.startswith("--8<--")
    ]


PROCEDURE_FOLDERS = ("about-mash/", "consent/", "referring/", "process/", "partners/")


def test_every_section_with_more_than_one_procedure_page_can_be_printed_whole() -> None:
    printable = {
        title for title, section in SECTIONS.items() if sum(p.startswith(PROCEDURE_FOLDERS) for p in section.pages) > 1
    }
    assert printable == {section_of(stub) for stub in STUBS}


@pytest.mark.parametrize("stub", STUBS, ids=[s.stem for s in STUBS])
def test_the_document_holds_every_page_of_its_section_in_order_and_leaves_nothing_out(
    stub: Path, built_site: Path
) -> None:
    generated = built_site.parent / "generated"
    document = (generated / "sections" / f"{stub.stem}.md").read_text(encoding="utf-8")
    section = SECTIONS[section_of(stub)]
    texts = [(DOCS / p).read_text(encoding="utf-8") for p in section.pages]
    titles = [re.search(r"^# (.+?)(?: \{.*\})?$", text, re.MULTILINE) for text in texts]
    positions = [document.index(f"\n## {t.group(1)} {{ #") for t in titles if t]
    assert len(positions) == len(section.pages) and positions == sorted(positions)
    for page in section.pages:
        missing = [line for line in reader_lines(DOCS / page, generated) if line not in document]
        assert not missing, f"{page}: {missing[:3]}"
    for name, guide in section.guides:
        assert f"- [{name}](../{guide})" in document


@pytest.mark.parametrize("stub", STUBS, ids=[s.stem for s in STUBS])
def test_the_built_document_gives_every_heading_its_own_id_and_review_dates(stub: Path, built_site: Path) -> None:
    html = (built_site / PRINT_FOLDER / f"{stub.stem}.html").read_text(encoding="utf-8")
    repeated = [i for i, n in collections.Counter(re.findall(r'\bid="([^"]+)"', html)).items() if n > 1]
    assert not repeated
    section = SECTIONS[section_of(stub)]
    for page in section.pages:
        due = re.search(r"^review_by: (\S+)", (DOCS / page).read_text(encoding="utf-8"), re.MULTILINE)
        assert due
        stub_due = re.search(r"^review_by: (\S+)", stub.read_text(encoding="utf-8"), re.MULTILINE)
        assert stub_due and stub_due.group(1) <= due.group(1), "the document is due for review when its first page is"


def test_a_link_to_a_page_in_the_document_stays_in_the_document(built_site: Path) -> None:
    html = (built_site / PRINT_FOLDER / "partner-agencies.html").read_text(encoding="utf-8")
    # health-checks.md links to recording-consent.md#deviation: both are in this document.
    assert 'href="#recording-consent-deviation"' in html
    assert 'id="recording-consent-deviation"' in html
    assert "recording-consent.html#deviation" not in html


def test_a_print_page_naming_no_section_stops_the_build_with_one_line(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs)
    (docs / PRINT_FOLDER / "nothing.md").write_text("---\nsection: No such section\n---\n# Nothing\n", encoding="utf-8")
    with pytest.raises(SectionDocumentError) as error:
        write_section_documents(CONFIG, docs, tmp_path / "generated")
    message = str(error.value)
    assert "\n" not in message
    assert message.startswith("docs/print/nothing.md: section 'No such section' is not a navigation section")
