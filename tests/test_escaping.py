"""Guide text is escaped everywhere it is written: a guide with markup, Markdown, snippet, admonition,
abbreviation and Mermaid syntax in every text field (tests/fixtures/hostile_text.yaml) comes out as
visible text, never as live markup, in the plain guide and the guide reference as the real MkDocs
build makes them, in the live view, in the Mermaid diagram, and in the Markdown decision record."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from markdown_it import MarkdownIt

from decision_engine.answers import AnswerError
from decision_engine.compile import root_for
from decision_engine.mermaid import arrows, flowchart
from decision_engine.model import Guide
from decision_engine.record import CaseNotes, as_markdown, as_text, build
from decision_engine.references import References
from decision_engine.render_html import live_view
from decision_engine.render_plain import static_guide
from decision_engine.source import handbook_anchors, load_guide_file, rating_schemes, source_ids
from decision_engine.walk import Walk
from scripts.build import generate
from scripts.content import generate_content
from tests.conftest import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "hostile_text.yaml"
GUIDE = load_guide_file(FIXTURE)
REFS = References(
    sources=source_ids(ROOT / "data" / "sources.yml"),
    titles=handbook_anchors(ROOT / "docs"),
    root=root_for(GUIDE.page),
    ratings=rating_schemes(ROOT / "data" / "ratings.yml"),
)
MADE = dt.datetime(2026, 11, 23, 9, 15)
ANSWERS = [("choice", "first"), ("factors", ("one",)), ("count", 7), ("received", "2026-11-23T08:00")]


def norm(text: str) -> str:
    return " ".join(text.split())


def field_texts(guide: Guide) -> dict[str, str]:
    """Every text field of the fixture, by the name its text starts with ("Choice text:" and so on)."""
    texts = [guide.title, guide.audience, guide.intro]
    for q in guide.questions:
        texts += [q.text, q.hint, q.unit, *(o.label for o in q.options), *(o.hint for o in q.options)]
        texts += [r.label for r in q.next] + [c.part for r in q.next for c in r.cite]
    for o in guide.outcomes:
        texts += [o.title, o.summary, *o.next_steps, *(c.part for c in o.cite)]
        texts += [t for c in o.contacts for t in (c.name, c.detail, c.area)]
        actions = [*o.actions, *(a for p in o.parts for a in p.actions)]
        texts += [a.text for a in actions] + [c.part for a in actions for c in a.cite]
        texts += [d.label for d in o.deadlines] + [p.label for p in o.parts]
        texts += [d.label for p in o.parts for d in p.deadlines]
    texts += [i.label for i in guide.invariants]
    return {t.split(":", 1)[0]: t for t in texts if t and ":" in t}


TEXTS = field_texts(GUIDE)


HOSTILE = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"quotes\" & 'apos'", "**bold**")
HOSTILE += ("[link](javascript:alert(1))", "{#id .class}", "\n```\n", "\n\n", '\n--8<-- "x"\n', "\n| a | b |\n")
HOSTILE += ("\n!!! note\n", "\n*[HTML]: x\n", "\n    four spaces\n", "\n<!-- comment\n", "\n~~~\n", "\n# heading\n")


def test_the_fixture_has_hostile_text_in_every_text_field() -> None:
    # Guide: title, audience, intro. Questions: text, hint, unit, option labels and hints, rule labels,
    # citation part. Outcomes: title, summary, next steps, contact name, detail and area, actions,
    # citation parts, deadline labels, part labels. Invariant label. 41 in all, each named.
    assert len(TEXTS) == 41
    for name, text in TEXTS.items():
        assert [h for h in HOSTILE if h not in text] == [], name


# --- a small DOM, from the standard library's parser -------------------------------------------------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def walk(self) -> Iterator[Element]:
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.walk()

    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    def find_all(self, tag: str, cls: str = "") -> list[Element]:
        return [e for e in self.walk() if e.tag == tag and (not cls or cls in e.classes())]


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Element(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)

    def handle_comment(self, data: str) -> None:
        self.stack[-1].comments.append(data)


def parse(text: str) -> Element:
    parser = _Parser()
    parser.feed(text)
    parser.close()
    return parser.root


FORBIDDEN = {"script", "img", "iframe", "object", "embed", "style", "svg", "math", "blockquote", "details"}
# What the hostile lines would turn into if they were read as Markdown: the text of each element.
MADE_FROM_TEXT = {
    "strong": ("bold",),
    "b": ("bold",),
    "em": ("em",),
    "i": ("em",),
    "code": ("code",),
    "a": ("link",),
    "abbr": ("HTML",),
    "li": ("one", "item"),
    "h1": ("heading",),
    "h2": ("heading",),
}


def live_markup(region: Element, *, code_allowed: bool = False) -> list[str]:
    """Markup in ``region`` that guide text made: elements and attributes that run or load something,
    and elements Markdown would make from the hostile lines."""
    found = []
    for el in region.walk():
        where = f"<{el.tag} {el.attrs}>"
        if el.tag in FORBIDDEN:
            found.append(f"{where}: not allowed")
        found += [f"{where}: event handler {name}" for name in el.attrs if name.startswith("on")]
        if el.tag == "a" and el.attrs.get("href", "").strip().lower().startswith("javascript:"):
            found.append(f"{where}: javascript: link")
        if norm(el.text()) in MADE_FROM_TEXT.get(el.tag, ()):
            found.append(f"{where}{el.text()!r}: made from Markdown in the text")
        if el.tag in ("pre", "code", "table") and not code_allowed:
            found.append(f"{where}{el.text()[:60]!r}: a block made from the text")
        if el.attrs.get("id") == "id" or "class" in el.classes() or "admonition" in el.classes():
            found.append(f"{where}: attribute list or admonition made from the text")
        if el.tag == "abbr" and el.attrs.get("title") == "x":
            found.append(f"{where}: abbreviation made from the text")
        found += [f"{where}: comment {c[:40]!r} made from the text" for c in el.comments if "comment" in c]
    return found


def missing_text(region: Element, names: list[str]) -> list[str]:
    """The fields whose whole text is not shown in ``region`` (whitespace aside)."""
    shown = norm(region.text())
    return [name for name in names if norm(TEXTS[name]) not in shown]


# --- the live view and the plain guide, as the engine writes them --------------------------------------


def walks() -> Iterator[Walk]:
    """Every step of the route to each outcome, by both routing rules of the number question."""
    walk = Walk(GUIDE)
    yield walk
    for question_id, answer in ANSWERS:
        walk = walk.with_answer(question_id, answer)
        yield walk
    yield walk.with_answer("count", 2)
    yield Walk(GUIDE).with_answer("choice", "second")


def test_the_live_view_shows_every_field_as_text() -> None:
    seen = ""
    for walk in walks():
        views = [live_view(walk, REFS, now=MADE)]
        if walk.outcome is None:
            error = walk.submit({"answer": ["nonsense"]})
            assert isinstance(error, AnswerError)
            views.append(live_view(walk, REFS, error=error, form={}))
        for view in views:
            page = parse(view)
            assert live_markup(page) == []
            seen += " " + page.text()
    # Not in the live view: the guide's title, audience and intro (the page has its own), the invariant
    # (proved at build time), the routing rules' labels (the reasons are the questions and answers, in
    # the person's words) and the part of a rule's citation (the reasons link to the handbook).
    unshown = ("Guide title", "Audience", "Intro", "Invariant label", *(n for n in TEXTS if n.startswith("Rule")))
    assert [n for n in TEXTS if n not in unshown and norm(TEXTS[n]) not in norm(seen)] == []


# The plain version shows answers and where they lead, not routing rules' labels; a part that applies is
# merged into the checklist, so its label shows only where the part depends on an answer not asked.
PLAIN_FIELDS = [
    "Choice text", "Choice hint", "First label", "First hint", "Second label", "Factors text", "Factor label",
    "None label", "Count text", "Count hint", "Received text", "Act title",
    "Act summary", "Deadline label", "Part deadline label", "Must action", "Should action",
    "Part action", "Contact name", "Contact detail", "Contact area", "Next step", "Outcome citation part",
    "Action citation part", "Nothing title", "Nothing summary", "Nothing next step",
]  # fmt: skip


def test_the_plain_guide_is_one_line_of_html_that_shows_every_field_as_text() -> None:
    plain = static_guide(GUIDE, REFS)
    # Included into a Markdown page, a line break in it would let a line of guide text start a code
    # fence, a snippet, an admonition or an abbreviation, and a blank line could end the HTML block.
    assert "\n" not in plain and "\r" not in plain
    [guide] = parse(plain).find_all("div", "mg-guide")
    assert live_markup(guide) == []
    assert missing_text(guide, PLAIN_FIELDS) == []


# --- the Mermaid diagram -----------------------------------------------------------------------------

LABEL = re.compile(r'^    n_\w+(?:\["(?P<box>[^"]*)"\]|\("(?P<end>[^"]*)"\)| -->\|"(?P<edge>[^"]*)"\| n_\w+)$')
OTHER = re.compile(r"^(?:flowchart TD|    class n_\w+ outcome_\w+|    classDef outcome_\w+ [\w:#,-]+)$")
NAMED = {"quot": '"', "lt": "<", "gt": ">", "amp": "&"}


def diagram_labels(guide: Guide) -> list[str]:
    """The guide text each box, end and arrow of the diagram shows, in the order they are drawn."""
    labels = [q.text for q in guide.questions] + [o.title for o in guide.outcomes]
    return labels + [text for q in guide.questions for text, _ in arrows(q)]


def mermaid_text(label: str) -> str:
    """A label as Mermaid shows it: its entity codes (#35; #quot;) read back."""
    return re.sub(r"#(\w+);", lambda m: chr(int(m[1])) if m[1].isdigit() else NAMED.get(m[1], m[0]), label)


def test_the_diagram_keeps_every_label_inside_its_quotes_on_one_line() -> None:
    lines = flowchart(GUIDE).splitlines()
    rules = sum(len({r.goto for r in q.next}) for q in GUIDE.questions)  # one arrow per place a question leads
    assert len(lines) == 1 + len(GUIDE.questions) + 2 * len(GUIDE.outcomes) + rules + 4
    labels = []
    for line in lines:
        match = LABEL.match(line)
        assert match or OTHER.match(line), line
        if match:
            labels.append(next(g for g in match.groups() if g is not None))
    for label in labels:
        # Entity codes aside, nothing Mermaid reads as syntax (quotes, brackets, pipes, backticks for
        # Markdown strings, '#' that starts a code, ':' that its style rewriting looks for).
        bare = re.sub(r"#\w+;", "", label)
        assert not set(bare) & set('"<>[](){}|`#:;&\\'), label
        assert "\ufb02" not in bare and "\xb6" not in bare
    assert [norm(mermaid_text(label)) for label in labels] == [norm(t) for t in diagram_labels(GUIDE)]


# --- the decision record in Markdown -----------------------------------------------------------------

RENDERERS = {
    "commonmark": lambda text: MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(text),
    "python-markdown": lambda text: markdown.markdown(
        text, extensions=["extra", "admonition", "pymdownx.superfences", "sane_lists"]
    ),
}
RECORD_FIELDS = [
    "Guide title", "Choice text", "First label", "Factors text", "Factor label", "Count text", "Received text",
    "Act title", "Act summary",
    "Deadline label", "Part deadline label", "Must action", "Should action", "Part action", "Part label",
    "Contact name", "Contact detail", "Contact area", "Next step", "Outcome citation part",
]  # fmt: skip


def finished() -> Walk:
    walk = Walk(GUIDE)
    for question_id, answer in ANSWERS:
        walk = walk.with_answer(question_id, answer)
    return walk


# The person's own case reference and notes: every hostile line, and a link of its own.
CASE = CaseNotes(reference="<b>ref</b> [link](javascript:alert(1)) **bold**", notes="\n".join(HOSTILE))


@pytest.mark.parametrize("renderer", RENDERERS)
def test_the_markdown_record_shows_every_field_as_text(renderer: str) -> None:
    record = build(finished(), REFS, MADE, case=CASE, site="https://handbook.example/")
    shown = parse(RENDERERS[renderer](as_markdown(record)))
    assert live_markup(shown) == []
    headings = [(e.tag, norm(e.text())) for e in shown.walk() if re.fullmatch(r"h\d", e.tag)]
    assert [h[1] for h in headings[1:]] == ["Your case reference and notes", "Why this outcome", "Outcome", "Sources"]
    assert [h[0] for h in headings] == ["h1", "h2", "h2", "h2", "h2"]
    assert norm(headings[0][1]) == norm("Decision record: " + TEXTS["Guide title"])
    assert missing_text(shown, RECORD_FIELDS) == []
    assert norm(CASE.reference) in norm(shown.text())
    assert [h.strip() for h in HOSTILE if h.strip() and norm(h) not in norm(shown.text())] == []
    # The only links are the record's own: handbook pages under the site's address.
    hrefs = [a.attrs["href"] for a in shown.find_all("a")]
    assert hrefs and all(h.startswith("https://handbook.example/") for h in hrefs)
    # The record's own lists are still lists, and the text made none: three actions; four answers and a
    # part added, one contact, one next step, one source. (Python-Markdown reads a list only after a
    # blank line, so there the actions, contacts and next steps stay in their paragraphs.)
    lists = [[len(ol.find_all("li")) for ol in shown.find_all(tag)] for tag in ("ol", "ul")]
    assert lists == ([[3], [5, 1, 1, 1]] if renderer == "commonmark" else [[], [5, 1]])
    unfinished = parse(RENDERERS[renderer](as_markdown(build(Walk(GUIDE).with_answer("choice", "first"), REFS, MADE))))
    assert live_markup(unfinished) == []


def test_the_text_record_keeps_the_text_as_written() -> None:
    text = as_text(build(finished(), REFS, MADE))
    assert TEXTS["Act summary"] in text and TEXTS["Must action"] in text


# --- the real MkDocs build of a page that includes the plain guide and the diagram ---------------------


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The build's own generate() on the fixture alone, and MkDocs with the handbook's configuration
    on two pages: the guide page (plain guide and diagram) and the guide reference."""
    base = tmp_path_factory.mktemp("hostile")
    guides, generated, docs = base / "guides", base / "generated", base / "docs"
    guides.mkdir()
    (guides / FIXTURE.name).write_text(FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    generate_content(ROOT / "data", generated)
    generate(guides, ROOT / "docs", ROOT / "data", generated)
    (docs / "guides").mkdir(parents=True)
    (docs / "training").mkdir()
    (docs / "guides" / "worried-about-a-child.md").write_text(
        '# Hostile guide\n\nBefore.\n\n--8<-- "guides/hostile_text.html"\n\n## How it decides\n\n'
        '--8<-- "guides/hostile_text.diagram.md"\n\nAfter.\n',
        encoding="utf-8",
    )
    (docs / "training" / "guide-reference.md").write_text(
        '# Guide reference\n\n--8<-- "guide-reference.md"\n\nAfter.\n', encoding="utf-8"
    )
    config = base / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: docs\nsite_dir: site\n"
        f"theme:\n  name: material\n  custom_dir: {ROOT / 'overrides'}\n"
        "nav:\n  - guides/worried-about-a-child.md\n  - training/guide-reference.md\n",
        encoding="utf-8",
    )
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "MASH_GENERATED": str(generated)}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config)],
        cwd=base,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    problems = [ln for ln in (result.stdout + result.stderr).splitlines() if ln.startswith(("ERROR", "WARNING"))]
    assert result.returncode == 0, "\n".join(problems or [result.stderr[-2000:]])
    return base / "site"


def article(site: Path, page: str) -> Element:
    [found] = parse((site / page).read_text(encoding="utf-8")).find_all("article")
    return found


def test_the_built_guide_page_shows_the_plain_guide_as_text(hostile_site: Path) -> None:
    page = article(hostile_site, "guides/worried-about-a-child.html")
    [guide] = page.find_all("div", "mg-guide")
    assert live_markup(guide) == []
    assert missing_text(guide, PLAIN_FIELDS) == []
    # The page around the guide is whole: its heading, the diagram and the text after them.
    assert [norm(h.text()).rstrip("¶ ") for h in page.find_all("h2") if "mg-heading" not in h.classes()] == [
        "How it decides"
    ]
    assert norm(page.text()).endswith("After.")


def drawn(text: Element) -> str:
    """A label as the SVG shows it: Mermaid wraps it onto rows, one outer <tspan> each."""
    rows = [e for e in text.walk() if e.tag == "tspan" and "text-outer-tspan" in e.classes()]
    return " ".join(row.text() for row in rows) if rows else text.text()


def test_the_built_guide_page_holds_the_whole_diagram_as_svg_with_every_label_as_its_text(hostile_site: Path) -> None:
    """Mermaid (in Chromium, at build time) drew the diagram; the page holds it as SVG whose labels are
    the guide's text, character for character, and no element or script comes from that text."""
    page = article(hostile_site, "guides/worried-about-a-child.html")
    [region] = page.find_all("div", "mg-diagram")
    svgs = [e for e in region.walk() if e.tag == "svg"]
    assert len(svgs) == 1, "one diagram, whole"
    labels = {norm(drawn(e)) for e in svgs[0].walk() if e.tag == "text"}
    assert {norm(t) for t in diagram_labels(GUIDE)} <= labels
    made = {e.tag for e in svgs[0].walk()} & {
        "img",
        "script",
        "iframe",
        "a",
        "b",
        "strong",
        "em",
        "code",
        "foreignobject",
    }
    assert made == set()
    outside = [e for e in page.walk() if e.tag in ("pre", "code")]
    assert outside == []


def test_the_built_guide_reference_shows_titles_and_questions_as_text(hostile_site: Path) -> None:
    page = article(hostile_site, "training/guide-reference.html")
    [table] = page.find_all("table")
    rows = table.find_all("tr")
    assert len(rows) == 1 + len(GUIDE.questions)
    assert {len([c for c in row.walk() if c.tag in ("td", "th")]) for row in rows} == {4}
    # Only the question ids, answer values, examples and the example command are code.
    codes = [norm(e.text()) for e in page.find_all("code")]
    assert [c for c in codes if not re.fullmatch(r"[\w:-]+|\.venv/bin/python -m decision_engine walk .*", c)] == []
    assert len(page.find_all("pre")) == 1
    assert live_markup(page, code_allowed=True) == []
    heading = [h for h in page.find_all("h2") if h.attrs.get("id") == "hostile-text"]
    assert len(heading) == 1
    assert norm(heading[0].text()).rstrip("¶ ") == norm(TEXTS["Guide title"])
    assert missing_text(page, ["Guide title", "Choice text", "Factors text", "Count text", "Received text"]) == []
    assert norm(TEXTS["Count unit"]) in norm(page.text())
    assert norm(page.text()).endswith("After.")


def test_the_built_pages_hold_no_live_markup_anywhere(hostile_site: Path) -> None:
    """Outside the article too (the table of contents) and in the search index, whose results are
    shown as HTML."""
    for name in ("guides/worried-about-a-child.html", "training/guide-reference.html"):
        page = parse((hostile_site / name).read_text(encoding="utf-8"))
        made = [
            e
            for e in page.walk()
            if e.tag == "img"
            or any(a.startswith("on") for a in e.attrs)
            or e.attrs.get("href", "").lower().startswith("javascript:")
            or (e.tag == "script" and "alert" in e.text())
            or norm(e.text()) in MADE_FROM_TEXT.get(e.tag, ())
        ]
        assert made == [], name
    index = (hostile_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "alert(1)" in index
    assert "<script>alert" not in index and "<img src=x" not in index and "<strong>bold" not in index
