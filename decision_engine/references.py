"""What a rendered guide needs to show its citations: source titles, handbook titles, and links."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .model import Citation, Guide


@dataclass(frozen=True, slots=True)
class References:
    sources: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """Source id to its ``title`` and ``area``."""
    titles: Mapping[str, str] = field(default_factory=dict)
    """Handbook reference (``page.md#anchor``) to the text of that page or heading."""
    root: str = ""
    """The way from the page the guide is shown on up to the site root, such as ``../``."""
    ratings: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    """Rating scheme id to the scheme, as in the ratings register."""

    def href(self, handbook: str) -> str:
        page, _, anchor = handbook.partition("#")
        if page.endswith(".md"):
            page = page[:-3] + ".html"
        return self.root + page + (f"#{anchor}" if anchor else "")

    def title(self, handbook: str) -> str:
        return self.titles.get(handbook, handbook)

    def source_text(self, citation: Citation) -> str:
        return self.describe_source(citation.source, citation.part)

    def area(self, source_id: str) -> str:
        return self.sources.get(source_id, {}).get("area", "")

    def describe_source(self, source_id: str, part: str) -> str:
        source = self.sources.get(source_id, {})
        area = source.get("area", "")
        title = source.get("title", source_id)
        return f"{area + ': ' if area else ''}{title}, {part}"

    def for_guide(self, guide: Guide) -> dict[str, object]:
        """Only the entries this guide cites, for the compiled JSON the browser loads."""
        cited = [c for o in guide.outcomes for c in o.cite]
        cited += [c for q in guide.questions for r in q.next for c in r.cite]
        cited += [c for o in guide.outcomes for a in o.actions for c in a.cite]
        cited += [c for o in guide.outcomes for p in o.parts for a in p.actions for c in a.cite]
        schemes = {o.rating.scheme for o in guide.outcomes if o.rating and o.rating.scheme in self.ratings}
        sources = {c.source for c in cited} | {str(self.ratings[s].get("source", "")) for s in schemes}
        return {
            "sources": {s: dict(self.sources[s]) for s in sorted(sources) if s in self.sources},
            "titles": {c.handbook: self.title(c.handbook) for c in cited},
            "root": self.root,
            "ratings": {s: self.ratings[s] for s in sorted(schemes)},
        }
