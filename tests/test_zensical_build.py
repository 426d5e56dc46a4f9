"""Material for MkDocs reaches end of life on 5 May 2027; its successor, Zensical (pinned in
requirements.txt), builds the same mkdocs.yml, templates and pages into the same site.

The pieces MkDocs includes are written by scripts/build.py first (the ``built_site`` fixture), and
Zensical reads them from the folder ``MASH_GENERATED`` names, as MkDocs does: mkdocs.yml needs no change
(``!ENV`` in the snippets ``base_path``, ``check_paths``, ``auto_append``, the offline plugin, the
iframe-worker shim in ``extra.polyfills`` and ``extra_javascript`` with ``defer`` all build).
overrides/main.html keeps to what both template engines share: Zensical's has no Python string methods,
and gives front-matter dates as text where MkDocs gives dates.

Zensical 0.0.73 builds into ``site_dir`` (no option for another folder) and keeps a ``.cache`` beside
mkdocs.yml, so the test builds a copy of mkdocs.yml, docs/ and overrides/ in a temporary folder.

Not covered here: scripts/build.py runs MkDocs and then copies the guide runtime (Pyodide, the engine
wheel, Mermaid, the guides' JSON) into the site; it has no Zensical step yet, so a Zensical-built site
has the plain guides, pages and scenarios but not the interactive runtime until that copy is pointed at
its output.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

ZENSICAL = Path(sys.executable).parent / "zensical"


def html_pages(site: Path) -> set[str]:
    """The pages the site generator wrote: not the runtime, nor the full-size diagram pages that
    scripts/build.py adds after it (guides/diagrams/), which a Zensical build would need added the same way."""
    return {
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if "assets" not in p.parts and not p.relative_to(site).as_posix().startswith("guides/diagrams/")
    }


def test_zensical_builds_the_same_pages_guides_and_scenarios(built_site: Path, tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    env = {**os.environ, "MASH_GENERATED": str(built_site.parent / "generated")}
    result = subprocess.run(
        [str(ZENSICAL), "build", "--strict"], cwd=project, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"

    assert html_pages(site) == html_pages(built_site)
    for guide_page in sorted((ROOT / "docs" / "guides").glob("*.md")):
        html = (site / "guides" / guide_page.with_suffix(".html").name).read_text(encoding="utf-8")
        assert 'data-module="decision-guide"' in html, guide_page.name
    for kind, module in (("scenarios", "practice"), ("walkthroughs", "walkthrough")):
        for page in sorted((ROOT / "docs" / "training" / kind).glob("*.md")):
            html = (site / "training" / kind / page.with_suffix(".html").name).read_text(encoding="utf-8")
            assert f'data-module="{module}"' in html, page.name

    triage = (site / "process" / "stage-1-triage.html").read_text(encoding="utf-8")
    assert "If a child is in immediate danger, call 999." in triage
    assert 'data-review-by="2027-' in triage
    assert "Next review due by <time" in triage
    assert 'id="by-page"' in (site / "about" / "changelog.html").read_text(encoding="utf-8")
