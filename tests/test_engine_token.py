"""Walk tokens: short, URL-safe, exact round trips; damaged, foreign and stale tokens are refused."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from decision_engine import TokenError, Walk, decode, encode
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
