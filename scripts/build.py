"""Build the handbook site: check the guides, generate what the pages include, run MkDocs, add the
browser runtime. Every step is a plain function so tests and the benchmark can call the same build.

    python scripts/build.py [--site-dir site] [--area barnet] [--generator zensical]

``--area`` builds the site as one partnership would publish it: that area's rules are shown first on
every page until a person chooses another area, and the home page says whose handbook it is.
``--generator zensical`` builds with Zensical, Material for MkDocs' successor, instead of MkDocs.

A broken guide stops the build with one line per problem (file, node, problem) and exit status 1.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from decision_engine.areas import AREAS  # noqa: E402
from decision_engine.cli import check_guides  # noqa: E402
from decision_engine.compile import compile_guide, root_for  # noqa: E402
from decision_engine.model import Guide  # noqa: E402
from decision_engine.problems import GuideError  # noqa: E402
from decision_engine.references import References  # noqa: E402
from decision_engine.render_plain import static_guide  # noqa: E402
from decision_engine.source import (  # noqa: E402
    guide_files,
    handbook_anchors,
    rating_schemes,
    read_guide,
    source_ids,
)
from scripts.content import generate_content, guide_reference  # noqa: E402
from scripts.csp import apply_policy  # noqa: E402
from scripts.diagrams import DiagramError, write_svgs  # noqa: E402
from scripts.diagrams import include as diagram_include  # noqa: E402
from scripts.diagrams import write_pages as write_diagram_pages  # noqa: E402
from scripts.engine_build import EngineBuildError, stamp_engine_build  # noqa: E402
from scripts.offline import write_offline  # noqa: E402
from scripts.page_changes import PageChangesError, write_changes_by_page  # noqa: E402
from scripts.page_guides import PageGuidesError, write_boxes  # noqa: E402
from scripts.precompress import precompress  # noqa: E402
from scripts.search_index import trim_search_index  # noqa: E402
from scripts.section_documents import SectionDocumentError, write_section_documents  # noqa: E402
from scripts.stdlib_zip import StdlibError, write_stdlib  # noqa: E402
from scripts.training_pages import TrainingError, write_training  # noqa: E402

NODE_MODULES = ROOT / "node_modules"
ENGINE_START = "assets/javascripts/engine-start.js"
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")


class BuildError(Exception):
    """A build step failed; the message is what the person running the build needs to read."""


def generate(guides_dir: Path, docs_dir: Path, data_dir: Path, out: Path) -> list[Guide]:
    """Check every guide; write its plain HTML, diagram (SVG drawn now, in Chromium) and browser JSON.
    Returns the guides."""
    anchors = handbook_anchors(docs_dir, out)
    sources = source_ids(data_dir / "sources.yml")
    ratings = rating_schemes(data_dir / "ratings.yml")
    guides, problems = check_guides(guide_files(guides_dir), anchors, sources, ratings)
    if problems:
        raise BuildError("\n".join(str(p) for p in problems))
    (out / "guides").mkdir(parents=True, exist_ok=True)
    (out / "guide-reference.md").write_text(guide_reference(guides), encoding="utf-8")
    (out / "assets" / "guides").mkdir(parents=True, exist_ok=True)
    try:
        diagrams = write_svgs(out, guides)
    except DiagramError as error:
        raise BuildError(str(error)) from None
    for guide in guides:
        refs = References(sources=sources, titles=anchors, root=root_for(guide.page), ratings=ratings)
        # The engine starts as soon as the guide is in the page, not once the rest of the page has loaded.
        start = f'<script src="{root_for(guide.page)}{ENGINE_START}" async></script>'
        (out / "guides" / f"{guide.id}.html").write_text(f"{static_guide(guide, refs)}\n{start}\n", encoding="utf-8")
        diagram = diagram_include(guide, diagrams[guide.id])
        (out / "guides" / f"{guide.id}.diagram.md").write_text(diagram, encoding="utf-8")
        data = read_guide(Path(guide.source_file))
        (out / "assets" / "guides" / f"{guide.id}.json").write_text(compile_guide(data, guide, refs), encoding="utf-8")
    return guides


def copy_runtime(site: Path, generated: Path) -> None:
    """Pyodide's runtime, and the engine with the standard library it needs in one zip (see
    scripts/stdlib_zip.py): no wheel, no pyodide-lock.json."""
    if not (NODE_MODULES / "pyodide").is_dir():
        raise BuildError("node_modules/pyodide is missing: run 'npm ci' first (the set-up scripts do)")
    pyodide_dir = site / "assets" / "pyodide"
    pyodide_dir.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        shutil.copy2(NODE_MODULES / "pyodide" / name, pyodide_dir / name)
    try:
        write_stdlib(pyodide_dir, sorted((generated / "assets" / "guides").glob("*.json")))
    except StdlibError as error:
        raise BuildError(str(error)) from None
    vendor = site / "assets" / "vendor"
    vendor.mkdir(parents=True, exist_ok=True)
    shutil.copy2(NODE_MODULES / "iframe-worker" / "shim" / "index.js", vendor / "iframe-worker-shim.js")
    shutil.copytree(generated / "assets" / "guides", site / "assets" / "guides", dirs_exist_ok=True)


def run_mkdocs(site: Path, generated: Path, area: str = "") -> None:
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "MASH_GENERATED": str(generated),
        "MASH_DEFAULT_AREA": area,  # mkdocs.yml's extra.default_area, read by the page template
    }
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--clean", "--site-dir", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
    )
    if result.returncode != 0:
        lines = [ln for ln in (result.stdout + result.stderr).splitlines() if "WARNING" in ln or "ERROR" in ln]
        raise BuildError("mkdocs build --strict failed:\n" + "\n".join(lines or [result.stderr.strip()]))


def run_zensical(site: Path, generated: Path, area: str = "") -> None:
    """Zensical, Material's successor, on the same mkdocs.yml, templates and pages. It builds only into
    the config's site_dir and keeps a cache beside the config, so it runs on a copy of the project."""
    env = {**os.environ, "MASH_GENERATED": str(generated), "MASH_DEFAULT_AREA": area}
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        for folder in ("docs", "overrides"):
            shutil.copytree(ROOT / folder, project / folder)
        zensical = Path(sys.executable).parent / "zensical"
        result = subprocess.run(
            [str(zensical), "build", "--strict"], cwd=project, env=env, capture_output=True, text=True
        )
        if result.returncode != 0:
            raise BuildError("zensical build --strict failed:\n" + (result.stdout + result.stderr).strip())
        shutil.rmtree(site, ignore_errors=True)
        shutil.copytree(project / "site", site)


GENERATORS = {"mkdocs": run_mkdocs, "zensical": run_zensical}


def build(
    site: Path,
    guides_dir: Path = Path("guides"),
    generated: Path = ROOT / "generated",
    area: str = "",
    generator: str = "mkdocs",
) -> list[str]:
    """Build into ``site``, writing generated pieces to ``generated``. Relative paths are read from the
    project root, so messages name files the way their authors know them (``guides/x.yaml``). ``area``
    (an id such as ``barnet``) makes a one-area site; empty, every area is shown until a person chooses.
    ``generator`` is ``mkdocs`` (Material for MkDocs) or ``zensical``, its successor."""
    if area and area not in AREAS:
        raise BuildError(f"--area: no area '{area}'; choose one of {', '.join(AREAS)}")
    os.chdir(ROOT)
    shutil.rmtree(generated, ignore_errors=True)
    generate_content(Path("data"), generated)
    guides = generate(guides_dir, Path("docs"), Path("data"), generated)
    try:
        write_changes_by_page(Path("docs"), generated)
        write_boxes(Path("docs"), guides, generated)
        write_section_documents(Path("mkdocs.yml"), Path("docs"), generated)
        docs, data = Path("docs"), Path("data")
        write_training(
            guides,
            handbook_anchors(docs, generated),
            source_ids(data / "sources.yml"),
            rating_schemes(data / "ratings.yml"),
            docs,
            generated,
        )
    except (PageChangesError, PageGuidesError, SectionDocumentError, TrainingError) as error:
        raise BuildError(str(error)) from None
    GENERATORS[generator](site, generated, area)
    copy_runtime(site, generated)
    write_diagram_pages(site, guides, generated)
    trim_search_index(site)
    try:
        stamp_engine_build(site)
    except EngineBuildError as error:
        raise BuildError(str(error)) from None
    apply_policy(site)
    write_offline(site)
    precompress(site)
    return [g.id for g in guides]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--site-dir", default=str(ROOT / "site"))
    parser.add_argument("--guides", default="guides", help="folder of guide files, from the project root")
    parser.add_argument("--generated-dir", default=str(ROOT / "generated"), help="where generated pieces go")
    parser.add_argument(
        "--area", default="", choices=["", *AREAS], help="publish for one area: its rules first until a person chooses"
    )
    parser.add_argument(
        "--generator",
        default="mkdocs",
        choices=sorted(GENERATORS),
        help="the site generator (zensical: Material's successor)",
    )
    args = parser.parse_args()
    try:
        site, generated = Path(args.site_dir).resolve(), Path(args.generated_dir).resolve()
        ids = build(site, Path(args.guides), generated, args.area, args.generator)
    except (BuildError, GuideError) as error:
        print(error, file=sys.stderr)
        return 1
    print(f"built {args.site_dir} with {len(ids)} guide(s): {', '.join(ids)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
