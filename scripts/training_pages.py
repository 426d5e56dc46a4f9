"""Training pieces for the build: each practice scenario and walkthrough is checked against the guides
and written as HTML that its page includes, with the index of scenarios. A scenario or walkthrough
without its page, or a page that names none, stops the build with one line saying what to add."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from pathlib import Path

from decision_engine.cli import check_scenarios, check_walkthroughs
from decision_engine.compile import root_for
from decision_engine.escape import markdown
from decision_engine.model import Citation, Guide
from decision_engine.references import References
from decision_engine.render_practice import practice_page, scenario_index, walkthrough_list, walkthrough_page
from decision_engine.source import guide_files

INDEX = "scenario-index.html"
TOURS = "walkthrough-list.html"
INDEX_PAGE = "training/practise-with-the-guides.md"
_HEADING = re.compile(r"^# (.+)$", re.MULTILINE)


class TrainingError(ValueError):
    """A scenario or walkthrough is wrong, or its page is missing."""


def _page_problems(kind: str, items: Sequence[tuple[str, str]], docs: Path) -> list[str]:
    """Each item's page exists, has the item's title as its heading and includes the item; and no
    page in the folder is left naming nothing."""
    problems = []
    folder = docs / "training" / kind
    for item_id, title in items:
        page = folder / f"{item_id}.md"
        include = f'--8<-- "{kind}/{item_id}.html"'
        if not page.is_file():
            problems.append(f"{page}: missing: add it with '# {title}' and the line {include}")
            continue
        text = page.read_text(encoding="utf-8")
        heading = _HEADING.search(text)
        if heading is None or heading.group(1).strip() != title:
            problems.append(f"{page}: the heading must be the title, '# {title}'")
        if include not in text:
            problems.append(f"{page}: does not include its {kind[:-1]}: add the line {include}")
    known = {item_id for item_id, _ in items}
    for page in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        if page.stem not in known:
            problems.append(f"{page}: no {kind}/{page.stem}.yaml for this page")
    return problems


def _source_line(lead: str, cited: Sequence[Citation], refs: References) -> str:
    """The page's Markdown 'Source:' line, naming each source document the item cites once."""
    titles = list(dict.fromkeys(refs.describe_source(c.source, "").rstrip(", ") for c in cited))
    return f"\n\nSource: {markdown(lead)} {markdown('; '.join(titles))}.\n{{ .mg-cite }}\n"


def write_training(
    guides: Sequence[Guide],
    anchors: Collection[str],
    sources: dict[str, dict[str, str]],
    ratings: dict[str, dict[str, object]],
    docs: Path,
    out: Path,
    folders: tuple[Path, Path] = (Path("scenarios"), Path("walkthroughs")),
) -> tuple[int, int]:
    """Check and write every scenario and walkthrough; returns how many of each."""
    scenarios, problems = check_scenarios(guide_files(folders[0]), guides, anchors, sources)
    tours, tour_problems = check_walkthroughs(guide_files(folders[1]), guides, anchors, sources)
    lines = [str(p) for p in problems + tour_problems]
    lines += _page_problems("scenarios", [(s.id, s.title) for s in scenarios], docs)
    lines += _page_problems("walkthroughs", [(t.id, t.title) for t in tours], docs)
    if lines:
        raise TrainingError("\n".join(lines))
    by_id = {g.id: g for g in guides}
    titles = dict(anchors) if isinstance(anchors, dict) else {}
    refs = References(sources=sources, titles=titles, root=root_for("training/scenarios/x.md"), ratings=ratings)
    for kind in ("scenarios", "walkthroughs"):
        (out / kind).mkdir(parents=True, exist_ok=True)
    for scenario in scenarios:
        html = practice_page(scenario, by_id[scenario.guide], refs)
        cited = [c for step in scenario.steps for c in step.cite]
        source = _source_line("A made-up case for practice. Its answers come from", cited, refs)
        (out / "scenarios" / f"{scenario.id}.html").write_text(html + source, encoding="utf-8")
    for tour in tours:
        html = walkthrough_page(tour, by_id, refs)
        cited = [c for step in tour.steps for c in step.cite]
        source = _source_line("Each step comes from", cited, refs)
        (out / "walkthroughs" / f"{tour.id}.html").write_text(html + source, encoding="utf-8")
    (out / INDEX).write_text(scenario_index(scenarios, by_id, root_for(INDEX_PAGE)) + "\n", encoding="utf-8")
    (out / TOURS).write_text(walkthrough_list(tours, root_for(INDEX_PAGE)) + "\n", encoding="utf-8")
    return len(scenarios), len(tours)
