"""Route diagrams a phone can read: a keyboard-reachable region that scrolls sideways on the guide page,
and a page of its own with the diagram at full size, its text escaped like everywhere else."""

from __future__ import annotations

from dataclasses import replace

from scripts.diagrams import include, page_name, standalone
from tests.conftest import load_guide

GUIDE = load_guide("escalation")


def test_the_page_includes_the_diagram_in_a_labelled_region_a_keyboard_reaches_and_links_to_it_alone() -> None:
    text = include(GUIDE)
    assert '<div class="mg-diagram" role="region" tabindex="0" aria-label="Diagram: how the guide decides"' in text
    assert "``` mermaid\nflowchart TD\n" in text
    assert f'<a href="{page_name(GUIDE)}">Open the diagram on its own, full size</a>' in text


def test_the_diagram_alone_keeps_the_999_notice_a_way_back_and_escapes_the_guides_words() -> None:
    hostile = replace(GUIDE, title="<script>alert(1)</script> & co")
    page = standalone(hostile)
    assert "If a child is in immediate danger, call 999." in page
    assert '<a href="../escalation.html#how-it-decides">Back to the guide</a>' in page
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in page
    assert 'src="../../assets/vendor/mermaid.min.js"' in page  # the site's own copy, no other host
