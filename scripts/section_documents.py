"""A whole section of the handbook as one document, to print or save as a PDF.

Each page in ``docs/print/`` names a navigation section in its front matter (``section: Partner
agencies``). The build joins that section's handbook pages, in navigation order, into one generated
piece the page includes: every heading one level down under the page's own title, every heading given
an id of its own (two pages may both have a "Gap" section), and every link re-pointed to the copy in
the document when the page it names is in the document. Guides are interactive, so they are listed
with links rather than copied in."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from decision_engine.source import include_snippets, page_title, slugify
from scripts.front_matter import split_page
from scripts.page_changes import long_date, read_history

PRINT_FOLDER = "print"
GUIDES_FOLDER = "guides"
_HEADING = re.compile(r"^(#{1,5})\s+(.*?)\s*$")
_HEADING_ID = re.compile(r"\s*\{([^}]*)\}\s*$")
_LINK = re.compile(r"\]\(([^)\s]+)\)")
_BOX = re.compile(r'^--8<-- "guides-for/[^"]+"\s*$', re.MULTILINE)


class SectionDocumentError(Exception):
    """A print page that names no section, or a section with no pages."""


@dataclass(frozen=True)
class Section:
    title: str
    pages: list[str]  # handbook pages, docs-relative, in navigation order
    guides: list[tuple[str, str]]  # (nav title, page) of each guide in the section


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running it: its !ENV and !!python tags are read as nothing."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def navigation_sections(config: Path) -> dict[str, Section]:
    """Each top-level navigation section: its handbook pages and its guides, in order."""
    nav = yaml.load(config.read_text(encoding="utf-8"), Loader=_ConfigLoader).get("nav", [])
    sections: dict[str, Section] = {}
    for entry in nav:
        for title, children in dict(entry).items():
            if not isinstance(children, list):
                continue
            pages, guides = [], []
            for child in children:
                for name, page in dict(child).items():
                    if str(page).startswith(GUIDES_FOLDER + "/"):
                        guides.append((str(name), str(page)))
                    elif not str(page).startswith(PRINT_FOLDER + "/"):
                        pages.append(str(page))
            sections[str(title)] = Section(str(title), pages, guides)
    return sections


def _expanded(text: str, generated: Path) -> str:
    """The page as the reader sees it, without its box of guides (the document lists them once)."""
    text = _BOX.sub("", text)
    for _ in range(3):  # generated pieces may include others
        text, before = include_snippets(text, generated), text
        if text == before:
            break
    return text


class _Document:
    """Ids and links for the pages joined into one document."""

    def __init__(self, pages: list[str]) -> None:
        stems = [posixpath.splitext(posixpath.basename(p))[0] for p in pages]
        if len(set(stems)) != len(stems):
            stems = [posixpath.splitext(p)[0].replace("/", "-") for p in pages]
        self.prefix = dict(zip(pages, stems, strict=True))

    def heading(self, page: str, level: str, text: str) -> str:
        match = _HEADING_ID.search(text)
        attrs = match.group(1) if match else ""
        title = text[: match.start()] if match else text
        ids = re.findall(r"#([A-Za-z][\w-]*)", attrs)
        own = ids[0] if ids else slugify(title)
        new_id = self.prefix[page] if len(level) == 1 else f"{self.prefix[page]}-{own}"
        rest = " ".join(a for a in attrs.split() if not a.startswith("#"))
        return f"#{level} {title} {{ #{new_id}{' ' + rest if rest else ''} }}"

    def link(self, page: str, target: str) -> str:
        if re.match(r"^[a-z][a-z+.-]*:", target):  # https:, mailto:, tel:
            return target
        path, _, anchor = target.partition("#")
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) if path else page
        if resolved in self.prefix:
            return f"#{self.prefix[resolved]}-{anchor}" if anchor else f"#{self.prefix[resolved]}"
        relative = posixpath.relpath(resolved, PRINT_FOLDER)
        return f"{relative}#{anchor}" if anchor else relative

    def page(self, page: str, text: str) -> str:
        out, in_fence = [], False
        for line in text.splitlines():
            if line.lstrip().startswith(("```", "~~~")):
                in_fence = not in_fence
            heading = None if in_fence else _HEADING.match(line)
            if heading:
                line = self.heading(page, heading.group(1), heading.group(2))
            if not in_fence:
                line = _LINK.sub(lambda m: f"]({self.link(page, m.group(1))})", line)
            out.append(line)
        return "\n".join(out).strip() + "\n"


def section_document(section: Section, docs: Path, generated: Path) -> str:
    """The section's pages as one Markdown piece, with a list of what it holds and how current it is."""
    document = _Document(section.pages)
    contents = ["| Page | Last reviewed | Review due by |", "|---|---|---|"]
    parts = []
    for page in section.pages:
        text = (docs / page).read_text(encoding="utf-8")
        history, _ = read_history(page, text)
        body = split_page(text)[1]  # the build has already stopped on a page without one
        title = page_title(body, page)
        reviewed, due = (long_date(history.reviewed), long_date(history.review_by)) if history else ("", "")
        contents.append(f"| [{title}](#{document.prefix[page]}) | {reviewed} | {due} |")
        parts.append(document.page(page, _expanded(body, generated)))
    guides = ""
    if section.guides:
        listed = "\n".join(f"- [{name}]({posixpath.relpath(page, PRINT_FOLDER)})" for name, page in section.guides)
        guides = (
            "The decision guides in this section are interactive, so they are not printed here. Open them in "
            f"the handbook:\n\n{listed}\n\n"
        )
    intro = (
        f'This document holds all {len(section.pages)} pages of the section "{section.title}", in the '
        'order of the navigation, to print or to save as a PDF (choose "Save as PDF" in the print '
        "window). A printed copy is not updated: check the handbook for the current version.\n\n"
    )
    return intro + "\n".join(contents) + "\n\n" + guides + "\n".join(parts)


def write_section_documents(config: Path, docs: Path, generated: Path) -> list[str]:
    """Write the piece each print page includes. Returns the print pages, docs-relative."""
    sections = navigation_sections(config)
    written = []
    for stub in sorted((docs / PRINT_FOLDER).glob("*.md")):
        rel = stub.relative_to(docs).as_posix()
        name = str(split_page(stub.read_text(encoding="utf-8"))[0].get("section", ""))
        section = sections.get(name)
        if section is None or not section.pages:
            known = ", ".join(f'"{s}"' for s, v in sections.items() if v.pages)
            raise SectionDocumentError(f"docs/{rel}: section '{name}' is not a navigation section with pages ({known})")
        out = generated / "sections" / f"{stub.stem}.md"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(section_document(section, docs, generated), encoding="utf-8")
        written.append(rel)
    return written
