"""Route diagrams drawn once, when the site is built: every guide page holds its diagram as SVG that
says what the guide says, works without JavaScript and fetches nothing; no page ships Mermaid; the same
guide always gives the same SVG; and a diagram that cannot be drawn stops the build with one line."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from pathlib import Path

import pytest

from decision_engine.escape import one_line
from decision_engine.mermaid import edge_label, flowchart
from decision_engine.model import Guide, Question
from scripts.build import BuildError, generate
from scripts.diagrams import DiagramError, include, page_name, render, standalone
from tests.conftest import ROOT, load_guide, real_guides

GUIDE = load_guide("escalation")
GUIDES = real_guides()
SVG = re.compile(r"<svg\b.*?</svg>", re.DOTALL)


def page_of(site: Path, guide: Guide) -> str:
    return (site / (guide.page.removesuffix(".md") + ".html")).read_text(encoding="utf-8")


def inline_svg(page: str) -> str:
    region = re.split(
        r'<div class="mg-diagram" role="region" tabindex="0" aria-label="Diagram: how the guide decides"[^>]*>', page
    )
    assert len(region) == 2, "one labelled diagram region"
    found = SVG.match(region[1])
    assert found, "the region starts with the diagram's SVG"
    return found.group(0)


def drawn_labels(svg: str) -> list[str]:
    """The text of each box and arrow label as the SVG shows it (Mermaid wraps long labels onto rows,
    one <tspan> per row, so rows are joined with a space)."""
    labels = []
    for text in re.findall(r"<text\b[^>]*>(.*?)</text>", svg, re.DOTALL):
        rows = re.findall(r'<tspan class="text-outer-tspan[^"]*"[^>]*>(.*?)</tspan></tspan>', text + "</tspan>")
        words = [re.sub(r"<[^>]+>", "", row) for row in rows] or [re.sub(r"<[^>]+>", "", text)]
        labels.append(one_line(html.unescape(" ".join(words))))
    return labels


def arrow_labels(question: Question) -> list[str]:
    """What each arrow out of a question should say, from the guide file: one arrow for each place the
    question's rules lead, naming every rule that leads there; "otherwise:" before a rule that catches the
    answers the rules before it did not (never before a question's only rule)."""
    by_target: dict[str, list[str]] = {}
    for rule in question.next:
        otherwise = rule.when is None and len(question.next) > 1
        by_target.setdefault(rule.goto, []).append(f"otherwise: {rule.label}" if otherwise else rule.label)
    return ["; or ".join(labels) for labels in by_target.values()]


def expected_labels(guide: Guide) -> set[str]:
    """Every question's and outcome's label, and every arrow's."""
    boxes = {q.text for q in guide.questions} | {o.title for o in guide.outcomes}
    arrows = {label for q in guide.questions for label in arrow_labels(q)}
    return {one_line(t) for t in boxes | arrows}


# --- the built site ------------------------------------------------------------------------------------


@pytest.mark.parametrize("guide", GUIDES, ids=lambda g: g.id)
def test_every_guide_page_holds_its_diagram_as_svg_showing_every_question_outcome_and_answer(
    built_site: Path, guide: Guide
) -> None:
    svg = inline_svg(page_of(built_site, guide))
    assert f'role="img" aria-label="Route diagram: {html.escape(guide.title)}"' in svg
    assert f'aria-details="mg-routes-{guide.id}"' in svg and f'id="mg-routes-{guide.id}"' in page_of(built_site, guide)
    missing = expected_labels(guide) - {re.sub(r"\s+", " ", label) for label in drawn_labels(svg)}
    assert missing == set(), "labels the diagram does not show (a stale or wrong diagram)"


@pytest.mark.parametrize("guide", GUIDES, ids=lambda g: g.id)
def test_the_full_size_page_holds_the_same_diagram_at_its_natural_size(built_site: Path, guide: Guide) -> None:
    page = (built_site / "guides" / page_name(guide)).read_text(encoding="utf-8")
    [svg] = SVG.findall(page)
    assert svg == inline_svg(page_of(built_site, guide)).replace(f' aria-details="mg-routes-{guide.id}"', "")
    assert re.match(r'<svg [^>]*width="[\d.]+" height="[\d.]+" viewBox=', svg)
    assert re.findall(r"<script\b[^>]*>", page) == ['<script src="../../assets/javascripts/diagrams.js">']


def test_no_built_page_ships_mermaid_or_leaves_a_diagram_for_the_browser(built_site: Path) -> None:
    """Material's own bundle still holds its loader (it fetches Mermaid from a CDN for a ``pre.mermaid``
    element), so no page may hold such an element, a Mermaid code block, or the script."""
    assert not (built_site / "assets" / "vendor" / "mermaid.min.js").exists()
    assert not (built_site / "assets" / "javascripts" / "diagram-page.js").exists()
    left = {}
    for path in sorted(built_site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        found = [s for s in ("mermaid.min.js", "```mermaid", "``` mermaid", "language-mermaid") if s in text]
        found += re.findall(r"<\w+[^>]*\sclass=\"[^\"]*\bmermaid\b[^\"]*\"", text)
        if found:
            left[path.relative_to(built_site).as_posix()] = found
    assert left == {}
    offline = (built_site / "sw.js").read_text(encoding="utf-8") if (built_site / "sw.js").exists() else ""
    assert "mermaid" not in offline


@pytest.mark.parametrize("guide", GUIDES, ids=lambda g: g.id)
def test_the_svg_refers_to_nothing_outside_itself_and_runs_nothing(built_site: Path, guide: Guide) -> None:
    svg = inline_svg(page_of(built_site, guide))
    markup = re.sub(r">[^<]*<", "><", svg)  # the tags alone, not the guide's words
    assert "http" not in markup and "@import" not in svg
    assert re.findall(r"\b(?:href|src)=\"([^\"#][^\"]*)\"", markup) == []
    assert set(re.findall(r"url\(([^)]*)\)", markup)) <= {f"#{m}" for m in re.findall(r'<marker id="([^"]+)"', markup)}
    assert re.findall(r"<(script|foreignObject|iframe|image|a)\b", markup, re.IGNORECASE) == []
    assert re.findall(r"\son\w+=", markup) == []


# --- drawing ---------------------------------------------------------------------------------------------


def test_the_same_guide_gives_the_same_svg_byte_for_byte(built_site: Path) -> None:
    """Drawn again in a new browser session (twice in it, too): the same bytes as the build's."""
    again = render([GUIDE, load_guide("stage_1_triage"), GUIDE])
    built = (built_site.parent / "generated" / "guides" / f"{GUIDE.id}.svg").read_text(encoding="utf-8")
    assert again[GUIDE.id] + "\n" == built


def test_a_guide_whose_diagram_cannot_be_drawn_stops_the_build_with_one_line(tmp_path: Path) -> None:
    guides = tmp_path / "guides"
    guides.mkdir()
    text = (ROOT / "guides" / "escalation.yaml").read_text(encoding="utf-8")
    question = GUIDE.questions[0].text
    assert question in text
    # A private-use character: the renderer uses those itself, so a label must not hold one.
    (guides / "escalation.yaml").write_text(text.replace(question, question + "\ue003", 1), encoding="utf-8")
    with pytest.raises(BuildError) as raised:
        generate(guides, ROOT / "docs", ROOT / "data", tmp_path / "generated")
    message = str(raised.value)
    assert "\n" not in message
    assert message.startswith(f"{guides / 'escalation.yaml'}: guide 'escalation': the route diagram cannot be drawn: ")
    assert "U+E003" in message


def test_mermaids_own_complaint_is_one_line_naming_the_file_and_guide(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("scripts.diagrams.source", lambda guide: "flowchart TD\n    a[[[ -->|\n")
    with pytest.raises(DiagramError) as raised:
        render([replace(GUIDE, source_file="guides/escalation.yaml")])
    assert re.fullmatch(
        r"guides/escalation\.yaml: guide 'escalation': the route diagram cannot be drawn: .+", str(raised.value)
    )


# --- the page pieces ---------------------------------------------------------------------------------


def test_the_page_includes_the_diagram_in_a_labelled_region_with_the_routes_in_words_and_a_link_to_it_alone() -> None:
    text = include(GUIDE, '<svg id="x"></svg>')
    assert text.startswith(
        '<div class="mg-diagram" role="region" tabindex="0" aria-label="Diagram: how the guide decides" '
        'data-start="child_at_risk"><svg id="x"></svg></div>\n\n'
    )
    assert "Outcome boxes are coloured by how urgent the outcome is" in text
    assert '<details class="mg-diagram-words" id="mg-routes-escalation"><summary>The routes in words</summary>' in text
    assert (
        "<li>Does any child need protecting now, while the disagreement is being settled?<ul>"
        "<li>A child needs protecting now → <strong>Protect the child now; the disagreement comes after</strong></li>"
        "<li>Otherwise: No child needs protecting now → When did the disagreement start?</li></ul></li>"
    ) in text
    assert f'<a href="{page_name(GUIDE)}" data-carry-walk>Open the diagram on its own, full size</a>' in text
    assert "mermaid" not in text


def test_the_diagram_alone_keeps_the_999_notice_a_way_back_and_escapes_the_guides_words() -> None:
    hostile = replace(GUIDE, title="<script>alert(1)</script> & co")
    page = standalone(hostile, '<svg id="x" aria-details="mg-routes-escalation"></svg>')
    assert "If a child is in immediate danger, call 999." in page
    assert '<a href="../escalation.html#how-it-decides" data-back-to-guide>Back to the guide</a>' in page
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in page
    # The SVG is drawn already; the one script, the site's own, opens it on the first question and
    # carries the walk back to the guide.
    assert re.findall(r"<script\b[^>]*>", page) == ['<script src="../../assets/javascripts/diagrams.js">']
    assert '<svg id="x"></svg>' in page  # the list it points to is on the guide page, not here


def test_the_routes_in_words_escape_the_guides_words() -> None:
    hostile = replace(GUIDE, questions=(replace(GUIDE.questions[0], text="<b>bold</b> & more"), *GUIDE.questions[1:]))
    assert "<li>&lt;b&gt;bold&lt;/b&gt; &amp; more<ul>" in include(hostile, "<svg></svg>")


def test_otherwise_marks_only_the_rule_that_catches_the_other_answers() -> None:
    """A question whose one rule takes every answer is drawn with its label alone: "otherwise" on a
    question about risk would suggest a route for "yes" that the diagram does not draw."""
    guide = load_guide("across_boundaries")
    only = next(q for q in guide.questions if len(q.next) == 1)
    assert edge_label(only, only.next[0]) == only.next[0].label
    assert "otherwise:" not in flowchart(guide).split(f"n_{only.id} -->")[1].splitlines()[0]
    several = next(q for q in GUIDES[0].questions if len(q.next) > 1 and q.next[-1].when is None)
    assert edge_label(several, several.next[-1]) == f"otherwise: {several.next[-1].label}"
    assert edge_label(several, several.next[0]) == several.next[0].label


def test_the_routes_in_words_say_otherwise_only_where_the_diagram_does() -> None:
    guide = load_guide("across_boundaries")
    words = include(guide, "<svg></svg>")
    only = next(q for q in guide.questions if len(q.next) == 1)
    assert f"<li>{html.escape(only.next[0].label, quote=False)} →" in words.replace("&#x27;", "'")
    assert words.count("Otherwise: ") == sum(1 for q in guide.questions for r in q.next if edge_label(q, r) != r.label)


def test_rules_that_lead_to_the_same_place_share_one_arrow_naming_each() -> None:
    """Two arrows between the same two boxes had their labels drawn over each other (stage 1 triage: a
    section 47 and a section 17 case both go on to ask about a recent closure)."""
    guide = load_guide("stage_1_triage")
    question = next(q for q in guide.questions if q.id == "open_case")
    shared = [r for r in question.next if r.goto == "closed_recently"]
    assert len(shared) == 2
    lines = [line for line in flowchart(guide, lambda t: t).splitlines() if "n_open_case -->" in line]
    into_closed = [line for line in lines if line.endswith("n_closed_recently")]
    assert len(into_closed) == 1
    assert all(rule.label in into_closed[0] for rule in shared)
    assert len(lines) == len({r.goto for r in question.next})
