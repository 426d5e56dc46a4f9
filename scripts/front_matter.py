"""A handbook page's front matter (the YAML between the opening ``---`` lines) and its body."""

from __future__ import annotations

import re
from typing import Any

import yaml

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)


def split_page(text: str) -> tuple[dict[str, Any], str]:
    """The front matter as a mapping (empty if there is none, or it is not a mapping) and the rest."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return {}, text
    meta = yaml.safe_load(match.group(1))
    return (meta if isinstance(meta, dict) else {}), text[match.end() :]
