"""What a rendered guide needs to show its citations: source titles, handbook titles, and links."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .model import Citation, Guide


@dataclass(frozen=True, slots=True)
class References:
    sources: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """Source id to its ``title`` and ``area``."""
    titles: Mapping[str, str] = field(default_factory=dict)
    """Handbook reference (``page.md#anchor``) to the text of that page or heading."""
    root: str = ""
    """The way from the page the guide is shown on up to the site root, such as ``../``."""

    def href(self, handbook: str) -> str:
        page, _, anchor = handbook.partition("#")
        if page.endswith(".md"):
            page = page[:-3] + ".html"
        return self.root + page + (f"#{anchor}" if anchor else "")

    def title(self, handbook: str) -> str:
        return self.titles.get(handbook, handbook)

    def source_text(self, citation: Citation) -> str:
        source = self.sources.get(citation.source, {})
        area = source.get("area", "")
        title = source.get("title", citation.source)
        return f"{area + ': ' if area else ''}{title}, {citation.part}"

    def for_guide(self, guide: Guide) -> dict[str, object]:
        """Only the entries this guide cites, for the compiled JSON the browser loads."""
        cited = [c for o in guide.outcomes for c in o.cite] + [
            c for q in guide.questions for r in q.next for c in r.cite
        ]
        return {
            "sources": {c.source: dict(self.sources[c.source]) for c in cited if c.source in self.sources},
            "titles": {c.handbook: self.title(c.handbook) for c in cited},
            "root": self.root,
        }
