"""A walk as a short, URL-safe token that can sit in a link's fragment and be restored exactly.

Shape: ``GUIDE.VERSION.ANSWERS.CHECK``, for example
``worried_about_a_child.1.immediate_danger=no;harm_likely=yes.5c1f09a2``. ANSWERS is ``question=value``
pairs joined by ``;``, with ``@question`` for a question the person stepped back to. CHECK is a CRC-32 of
the rest, so a link that was cut short or edited by hand is refused rather than half-restored.
"""

from __future__ import annotations

import re
import zlib
from urllib.parse import quote, unquote

from .answers import AnswerError, from_text, to_text
from .model import Answer, Guide
from .walk import Walk, trail

_SAFE = "-_,:"


class TokenError(ValueError):
    """A token that cannot be restored, with a message fit to show the person who followed the link."""


def _check(text: str) -> str:
    return f"{zlib.crc32(text.encode('utf-8')):08x}"


def encode(walk: Walk) -> str:
    parts = [f"{qid}={quote(to_text(answer), safe=_SAFE)}" for qid, answer in walk.answers]
    if walk.at is not None:
        parts.append(f"@{walk.at}")
    text = f"{walk.guide.id}.{walk.guide.version}.{';'.join(parts)}"
    return f"{text}.{_check(text)}"


_SHAPE = re.compile(r"([a-z0-9_]+)\.([0-9]{1,9})\.([^.]*)\.([^.]*)")
_CHANGED = "The link has been changed or cut short since it was made."


def decode(guide: Guide, token: str) -> Walk:
    """Restore a walk of ``guide`` from a token, or raise TokenError saying why it cannot be.

    Anything that is not a token this engine could have made raises TokenError, never another error:
    a token is text from an address bar, so any text at all may arrive here."""
    if not isinstance(token, str):
        raise TokenError("The link is not complete: part of it may be missing.")
    token = token.strip()
    # A made token is ASCII, and only ASCII digits are read as a version (str.isdigit accepts '¹').
    shape = _SHAPE.fullmatch(token) if token.isascii() else None
    if shape is None:
        raise TokenError("The link is not complete: part of it may be missing.")
    guide_id, version, body, check = shape.groups()
    if guide_id != guide.id:
        raise TokenError("The link is for a different guide.")
    if _check(f"{guide_id}.{version}.{body}") != check:
        raise TokenError(_CHANGED)
    if int(version) != guide.version:
        raise TokenError(
            f"The link was made with version {version} of this guide, and the guide has changed since "
            f"(it is now version {guide.version}), so the saved answers may no longer mean the same thing."
        )
    parts = body.split(";") if body else []
    at = None
    if parts and parts[-1].startswith("@"):  # a made token has at most one '@', always last
        at = parts.pop()[1:]
    answers: dict[str, Answer] = {}
    for part in parts:
        qid, equals, raw = part.partition("=")
        if not equals or part.startswith("@"):
            raise TokenError(_CHANGED)
        question = guide.question(qid)
        if question is None:
            raise TokenError("The link names a question this guide does not have.")
        if qid in answers:
            raise TokenError("The link answers the same question twice.")
        try:
            answer = from_text(question, unquote(raw, errors="strict"))  # '%FF' is not UTF-8
        except UnicodeDecodeError:
            answer = AnswerError("not UTF-8")
        if isinstance(answer, AnswerError):
            raise TokenError("The link holds an answer this guide does not accept.")
        answers[qid] = answer
    steps, _end = trail(guide, answers)
    if at is not None and at not in {step.question.id for step in steps}:
        raise TokenError("The link points to a question that is not on the route of its answers.")
    return Walk(guide, tuple(answers.items()), at)
