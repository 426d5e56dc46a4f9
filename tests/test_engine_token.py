"""Walk tokens: short, URL-safe, exact round trips; damaged, foreign and stale tokens are refused."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from decision_engine import TokenError, Walk, decode, encode
from decision_engine.token import _check
from tests.conftest import load_guide

GUIDE = load_guide("worried_about_a_child")


def walked(*pairs: tuple[str, str]) -> Walk:
    walk = Walk(GUIDE)
    for question_id, answer in pairs:
        walk = walk.with_answer(question_id, answer)
    return walk


def test_a_token_restores_the_walk_exactly() -> None:
    walk = walked(("immediate_danger", "no"), ("significant_harm", "no")).back()
    token = encode(walk)
    assert decode(GUIDE, token) == walk
    assert re.fullmatch(r"[A-Za-z0-9_.;=,:@%-]+", token)


def test_a_token_reads_plainly() -> None:
    token = encode(walked(("immediate_danger", "no")))
    assert token.startswith(f"worried_about_a_child.{GUIDE.version}.immediate_danger=no.")


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda t: t[:-3], "The link has been changed or cut short since it was made."),
        (lambda t: t.replace("=no", "=yes"), "The link has been changed or cut short since it was made."),
        (lambda t: "rubbish", "The link is not complete: part of it may be missing."),
        (lambda t: t.replace("worried_about_a_child", "another_guide"), "The link is for a different guide."),
    ],
    ids=["cut short", "edited", "rubbish", "other guide"],
)
def test_a_damaged_token_is_refused_with_a_reason(damage, message: str) -> None:
    token = encode(walked(("immediate_danger", "no")))
    with pytest.raises(TokenError) as refused:
        decode(GUIDE, damage(token))
    assert str(refused.value) == message


def test_a_token_from_another_version_is_refused() -> None:
    token = encode(walked(("immediate_danger", "no")))
    newer = replace(GUIDE, version=GUIDE.version + 1)
    with pytest.raises(
        TokenError, match=rf"made with version {GUIDE.version} of this guide.*now version {newer.version}"
    ):
        decode(newer, token)


def signed(body: str, version: str | None = None, guide_id: str = GUIDE.id) -> str:
    """A token with this body and a correct check, as if made by a faulty or hostile link maker: the
    check passes, so only decode's reading of the rest stands between it and the engine."""
    text = f"{guide_id}.{GUIDE.version if version is None else version}.{body}"
    return f"{text}.{_check(text)}"


@pytest.mark.parametrize(
    "token",
    [
        signed("", version="¹"),  # str.isdigit accepts it, int() does not
        signed("", version="٣"),  # an Arabic-Indic three: not the version a link maker writes
        signed("", version="9" * 5000),  # more digits than int() reads
        signed("", version="1" + "0" * 30),
        signed("", version=""),
        signed("", version="-1"),
        signed("", version=" 1"),
        signed("immediate_danger=no", guide_id="Worried"),
        signed("immediate_danger=nö"),
        f"{GUIDE.id}.{GUIDE.version}.immediate_danger=no\ud800.00000000",  # a lone surrogate cannot be checked
        "wörried.1..00000000",
        signed("immediate_danger=%FF"),  # percent-encoding that is not UTF-8
        signed("immediate_danger=%"),
        signed("immediate_danger=n%6f%"),
        signed(";"),
        signed("immediate_danger=no;;significant_harm=yes"),
        signed("immediate_danger=no;"),
        signed("=no"),
        signed("immediate_danger"),
        signed("immediate_danger=no;immediate_danger=no"),  # the same question answered twice
        signed("immediate_danger=no;immediate_danger=yes"),
        signed("immediate_danger=no;@immediate_danger;@immediate_danger"),  # '@' twice
        signed("immediate_danger=no;@"),
        signed("@immediate_danger;immediate_danger=no"),  # '@' is always last in a made token
        signed("immediate_danger=no;@significant_harm"),  # the question being asked, not one answered
        signed("immediate_danger=no;@nowhere"),
        signed("immediate_danger=no;@@immediate_danger"),
        signed("immediate_danger=no=no"),
        signed("no_such_question=no"),
    ],
)
def test_a_malformed_token_is_refused_with_a_token_error(token: str) -> None:
    with pytest.raises(TokenError) as refused:
        decode(GUIDE, token)
    assert str(refused.value).startswith("The link")


@pytest.mark.parametrize("token", [None, 5, b"worried_about_a_child.1..00000000", ["a"]])
def test_anything_but_text_is_refused_as_a_token(token) -> None:
    with pytest.raises(TokenError):
        decode(GUIDE, token)
