"""Telephone numbers from the contacts register, as links a phone can dial.

Only the numbers the register gives (a contact's ``phone`` and ``out_of_hours``) are linked, so a
figure in other text is never taken for one. The link is in international form, which dials from any
phone; the text stays as the source writes it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

# A UK number as the sources write it: 0, then 9 or 10 more digits, in groups split by single spaces.
_UK_NUMBER = re.compile(r"(?<![\d+])0\d(?: ?\d){8,9}(?!\d)")


def numbers_in_register(entry: Mapping[str, Any]) -> tuple[str, ...]:
    """The telephone numbers in one contacts-register entry, as written there."""
    found = [m.group(0) for key in ("phone", "out_of_hours") for m in _UK_NUMBER.finditer(str(entry.get(key) or ""))]
    return tuple(dict.fromkeys(found))


def is_number(text: str) -> bool:
    return _UK_NUMBER.fullmatch(text) is not None


def tel_href(number: str) -> str:
    """``020 8496 2310`` as ``tel:+442084962310``: the UK code in place of the leading 0."""
    digits = "".join(c for c in number if c.isdigit())
    return "tel:+44" + digits[1:]


def link_numbers(escaped: str, numbers: Sequence[str], link: Callable[[str, str], str]) -> str:
    """Text already escaped for HTML or Markdown, with each of ``numbers`` in it written as
    ``link(shown, href)``. Neither escaping touches digits or single spaces, so a number reads the same
    escaped; only whole numbers are linked, never the digits inside a longer run."""
    wanted = [n for n in dict.fromkeys(numbers) if is_number(n)]
    if not wanted:
        return escaped
    alternatives = "|".join(re.escape(n) for n in sorted(wanted, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\d+])(?:{alternatives})(?!\d)")
    return pattern.sub(lambda m: link(m.group(0), tel_href(m.group(0))), escaped)
