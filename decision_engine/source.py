"""Reading guide sources (YAML) and the files around them: the handbook's anchors and the sources register.

This is the one module that uses a package outside the standard library (PyYAML), and only when a
YAML file is read on the host. The browser loads compiled JSON and never imports it.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

from .load import guide_from_data
from .model import Guide
from .problems import GuideError, Problem
from .registers import fill

#: More values than the largest guide and register together would need many times over. YAML aliases
#: share one value, so a few lines of aliases of aliases can stand for billions ("an alias bomb") and
#: only blow up later, when the value is copied, walked or written out.
MAX_VALUES = 100_000


def expanded_size(value: Any, limit: int = MAX_VALUES) -> int:
    """How many values ``value`` holds with every alias written out, counting no further than ``limit``.
    Each shared value is sized once, so this is quick however large the expansion would be."""
    sizes: dict[int, int] = {}

    def size(item: Any) -> int:
        if not isinstance(item, (dict, list)):
            return 1
        if id(item) not in sizes:
            children = item.values() if isinstance(item, dict) else item
            total = 1
            for child in children:
                total += size(child)
                if total > limit:
                    break
            sizes[id(item)] = min(total, limit + 1)
        return sizes[id(item)]

    return size(value)


def read_yaml(path: Path) -> Any:
    """Parse a YAML file, keeping yes/no/on/off as text (YAML 1.1 would make them booleans). Repeated
    keys, nesting deeper than Python's stack and aliases that expand past MAX_VALUES are refused."""
    try:
        import yaml
    except ImportError:  # pragma: no cover - the set-up installs it
        raise GuideError([Problem(str(path), "", "reading YAML needs PyYAML: pip install PyYAML")]) from None

    class _Loader(yaml.SafeLoader):
        pass

    _Loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    _Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))

    def mapping_without_repeats(loader: Any, node: Any, deep: bool = False) -> Any:
        # YAML keeps the last of two equal keys without a word; a repeated key loses what came first.
        seen: set[Any] = set()
        for key_node, _value in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue  # '<<: *anchor' copies keys in; a key written out beside it may override them
            key = loader.construct_object(key_node, deep=deep)
            if key != "<<" and key in seen:
                mark = key_node.start_mark
                raise yaml.constructor.ConstructorError(None, None, f"the key '{key}' appears twice", mark)
            seen.add(key)
        return loader.construct_mapping(node, deep=deep)

    _Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping_without_repeats)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except RecursionError:
        raise GuideError([Problem(str(path), "", "cannot be read: it is nested too deeply")]) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(error, "problem", None) or "it is not valid YAML"
        raise GuideError([Problem(str(path), "", f"cannot be read{where}: {problem}")]) from None
    except (OSError, UnicodeDecodeError) as error:
        raise GuideError([Problem(str(path), "", f"cannot be read: {error}")]) from None
    if expanded_size(data) > MAX_VALUES:
        message = f"its aliases expand to more than {MAX_VALUES} values (is an alias repeated inside another?)"
        raise GuideError([Problem(str(path), "", message)])
    return data


def read_guide(path: Path) -> Any:
    """A guide file's data, with anything it draws from the handbook's registers filled in."""
    return fill(read_yaml(path), str(path), read_yaml)


def load_guide_file(path: Path) -> Guide:
    return guide_from_data(read_guide(path), str(path))


def guide_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.y*ml") if p.is_file())


_ATTR_ID = re.compile(r"\{[^}]*#([A-Za-z][\w-]*)[^}]*\}\s*$")
_HTML_ID = re.compile(r"""\bid=["']([A-Za-z][\w-]*)["']""")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def slugify(text: str) -> str:
    """The anchor Python-Markdown's toc extension gives a heading by default."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


def page_anchors(text: str) -> dict[str, str]:
    """Every anchor a Markdown page defines (explicit ``{#id}``, heading slugs, HTML ids), with its text."""
    anchors: dict[str, str] = {}
    in_fence = False
    for line in text.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        for html_id in _HTML_ID.findall(line):
            anchors.setdefault(html_id, html_id)
        heading = _HEADING.match(line)
        if heading:
            explicit = _ATTR_ID.search(heading.group(2))
            title = _ATTR_ID.sub("", heading.group(2)).strip()
            anchors[explicit.group(1) if explicit else slugify(title)] = title
        elif (explicit := _ATTR_ID.search(line)) is not None:
            anchors.setdefault(explicit.group(1), explicit.group(1))
    return anchors


def page_title(text: str, fallback: str) -> str:
    for line in text.splitlines():
        heading = _HEADING.match(line)
        if heading and len(heading.group(1)) == 1:
            return _ATTR_ID.sub("", heading.group(2)).strip()
    return fallback


_SNIPPET = re.compile(r'^--8<-- "([^"]+)"\s*$', re.MULTILINE)


def include_snippets(text: str, snippets: Path) -> str:
    """A page's Markdown with each ``--8<-- "file"`` line replaced by that generated file, as the
    pymdownx.snippets extension does at build time (a missing file gives nothing)."""

    def piece(match: re.Match[str]) -> str:
        path = snippets / match.group(1)
        return path.read_text(encoding="utf-8") if path.is_file() else ""

    return _SNIPPET.sub(piece, text)


def handbook_anchors(docs: Path, snippets: Path | None = None) -> dict[str, str]:
    """Every page (``page.md``) and anchor (``page.md#anchor``) under ``docs``, with its title. With
    ``snippets``, the generated pieces a page includes count too."""
    found: dict[str, str] = {}
    for page in sorted(docs.rglob("*.md")):
        rel = page.relative_to(docs).as_posix()
        text = page.read_text(encoding="utf-8")
        if snippets is not None:
            text = include_snippets(text, snippets)
        title = page_title(text, rel)
        found[rel] = title
        found.update((f"{rel}#{anchor}", f"{title}: {heading}") for anchor, heading in page_anchors(text).items())
    return found


def source_ids(register: Path) -> dict[str, dict[str, str]]:
    """The sources register: id to its title, area and file."""
    data = read_yaml(register)
    entries = data.get("sources") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise GuideError([Problem(str(register), "", "'sources' must be a list")])
    return {str(e["id"]): {k: str(v) for k, v in e.items()} for e in entries if isinstance(e, dict) and "id" in e}


def rating_schemes(register: Path) -> dict[str, dict[str, Any]]:
    """The ratings register: scheme id to the scheme (area, name, source, levels, and any gap)."""
    data = read_yaml(register)
    entries = data.get("schemes") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise GuideError([Problem(str(register), "", "'schemes' must be a list")])
    return {str(e["id"]): e for e in entries if isinstance(e, dict) and "id" in e}
