"""Leave the plain version of each guide out of the site's search index.

The plain version has a step for every question on every route, so each question, answer and outcome is
repeated many times: it was most of the search index, which every page downloads, and it filled a search
with near-identical hits on single steps. A search still finds each guide by its page, its introduction
and its route diagram's text. Material's own ``data-search-exclude`` cannot do this: it stops excluding
at the first nested element of the same tag. So the build removes the steps' entries (their addresses
are the plain version's step ids, ``#q-...`` and ``#o-...``) from both forms of the index the theme
writes: ``search_index.json``, fetched when served, and ``search_index.js``, read from disk.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

JSON_INDEX = "search/search_index.json"
SCRIPT_INDEX = "search/search_index.js"
SCRIPT_PREFIX = "var __index = "
PLAIN_STEP = re.compile(r"^guides/[^#]+\.html#[qo]-")


def trimmed(index: dict[str, object]) -> dict[str, object]:
    docs = index.get("docs")
    if not isinstance(docs, list):
        return index
    kept = [doc for doc in docs if not PLAIN_STEP.match(str(doc.get("location", "")))]
    return {**index, "docs": kept}


def trim_search_index(site: Path) -> int:
    """Trim both forms of the index, where the site generator wrote them. Returns the entries removed."""
    removed = 0
    source = site / JSON_INDEX
    if source.is_file():
        index = json.loads(source.read_text(encoding="utf-8"))
        smaller = trimmed(index)
        removed = len(index.get("docs", [])) - len(smaller.get("docs", []))  # type: ignore[arg-type]
        source.write_text(json.dumps(smaller, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")
    script = site / SCRIPT_INDEX
    if script.is_file():
        text = script.read_text(encoding="utf-8")
        if text.startswith(SCRIPT_PREFIX):
            index = json.loads(text.removeprefix(SCRIPT_PREFIX).rstrip().removesuffix(";"))
            script.write_text(
                SCRIPT_PREFIX + json.dumps(trimmed(index), separators=(",", ":"), ensure_ascii=False), encoding="utf-8"
            )
    return removed
