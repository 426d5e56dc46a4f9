"""Guide text written into HTML, Markdown and Mermaid, escaped for each, so that whatever a guide says
is shown as it is written and never read as markup.

HTML the build writes is included into Markdown pages, where Python-Markdown and its extensions read
each line before the HTML is set aside: a line of guide text that starts a code fence, a snippet, an
admonition or an abbreviation, or a blank line that ends the HTML block, would be read as Markdown.
So ``html`` also writes line breaks as character references: the HTML stays on one line and shows the
same text.
"""

from __future__ import annotations

import re
from html import escape

_LINE_BREAKS = str.maketrans({"\n": "&#10;", "\r": "&#13;"})


def html(text: object) -> str:
    """Text for HTML element content or a quoted attribute, on one line."""
    return escape(str(text), quote=True).translate(_LINE_BREAKS)


_SPACES = re.compile(r"[ \t\n\r\f\v]+")


def one_line(text: str) -> str:
    """Text with every run of spaces, tabs and line breaks as one space (a no-break space stays)."""
    return _SPACES.sub(" ", text).strip(" ")


# Characters that start or end Markdown structure wherever they stand: backslash escapes for those
# that CommonMark and Python-Markdown both read, and character references for HTML's.
_MARKDOWN = str.maketrans(
    {
        **{c: "\\" + c for c in "\\`*_[]{}#|"},
        "<": "&lt;",
        ">": "&gt;",
        "~": "&#126;",
    }
)
_ENTITY = re.compile(r"&(?=#?\w+;)")
_ORDERED = re.compile(r"^(\d+)([.)])")
_STARTS_BLOCK = "-+!"
"""Besides those always escaped: a list item, a thematic break, and a Python-Markdown admonition."""


def markdown(text: str) -> str:
    """Text for a line of Markdown, or for an item or heading on one, that reads as the text itself:
    one line, no emphasis, code, link, raw HTML, entity, attribute list, table cell or strikethrough,
    and nothing at its start that begins a block (a list, a heading, a quote, a fence, an admonition)."""
    flat = _ENTITY.sub("&amp;", one_line(text)).translate(_MARKDOWN)
    flat = _ORDERED.sub(r"\1\\\2", flat)
    if flat[:1] and flat[0] in _STARTS_BLOCK:
        flat = "\\" + flat
    return flat


# Mermaid reads its own entity codes (#quot;, or #35; for any character by its number) in labels; any
# character it could read as syntax is written as one. ':' is among them because Mermaid rewrites a
# line with 'style' or 'classDef', ':' and '#' before it reads the codes; U+FB02 and U+00B6 are the
# characters Mermaid itself turns codes into.
MERMAID_CODED = '#"<>[](){}|`:;&\\\ufb02\xb6'
_MERMAID = str.maketrans({c: f"#{ord(c)};" for c in MERMAID_CODED})


def mermaid(text: str) -> str:
    """Text for a quoted Mermaid label: one line, every character that means something as a code."""
    return one_line(text).translate(_MERMAID)
