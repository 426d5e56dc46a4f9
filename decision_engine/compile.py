"""Compiling a guide for the browser: the guide's own data plus the references it needs to render,
as one JSON document. The browser loads this and nothing else."""

from __future__ import annotations

import json
from posixpath import dirname
from typing import Any

from .load import guide_data, guide_from_data
from .model import Guide
from .problems import GuideError, Problem
from .references import References

FORMAT = 1


def root_for(page: str) -> str:
    """The relative way up from a page to the site root: ``guides/x.md`` gives ``../``."""
    depth = len([part for part in dirname(page).split("/") if part])
    return "../" * depth


def compile_guide(data: Any, guide: Guide, refs: References) -> str:
    """The guide's data without its anchor-holding 'x-' keys: every value left has passed the loader's
    type checks, so the JSON cannot fail on a value YAML read as something else (such as a date)."""
    return json.dumps(
        {"format": FORMAT, "guide": guide_data(data), "references": refs.for_guide(guide)},
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )


def load_compiled(text: str) -> tuple[Guide, References]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise GuideError([Problem("", "", f"compiled guide is not valid JSON: {error.msg}")]) from None
    except RecursionError:
        raise GuideError([Problem("", "", "compiled guide is nested too deeply to read")]) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise GuideError([Problem("", "", f"compiled guide is not format {FORMAT}: rebuild the site")])
    guide = guide_from_data(document.get("guide"))
    references = document.get("references") or {}
    return guide, References(
        sources=references.get("sources", {}),
        titles=references.get("titles", {}),
        root=references.get("root", ""),
        ratings=references.get("ratings", {}),
    )
