"""Run inside Pyodide by scripts/stdlib_zip.mjs (the names ``guide_texts`` in, ``made`` and ``report``
out are its globals). Exercises the engine on every guide, then writes a zip of only the standard
library that Pyodide's start-up and the engine use (whole top-level packages, plus a generous margin),
with the engine added, stored uncompressed so a server's gzip or brotli copy compresses it.

Every module the trace loaded (Pyodide's start-up and the engine's) goes in as a .pyc made by this
Python 3.14 (unchecked-hash, so the same input gives the same bytes), so the browser compiles no Python:
measured in Chromium, that took the engine's start from about 3.7 s to about 1.9 s. Standard modules
are compiled as ``python -OO`` would (no docstrings, no asserts: CPython supports its standard library
so), which keeps the zip within the page's byte budget; the engine keeps both. Modules never loaded stay
sources (a .pyc is about twice the size of its source once compressed), except the codecs no one asks
for, which are left out. ``compiled`` (STDLIB_COMPILE=none) keeps only sources, for comparison."""

import importlib
import importlib.util
import io
import json
import pkgutil
import sys
import zipfile
from pathlib import Path

sys.path.append("/engine")

import decision_engine
from decision_engine import browser

ENGINE = Path(decision_engine.__file__).parent
STANDARD_OPTIMIZE = 2  # as python -OO
ENGINE_OPTIMIZE = 0  # the engine's asserts and docstrings (the command line prints its __doc__) stay
#: The codecs kept though the trace did not load them: text in and out of the engine is UTF-8, and these
#: are the ones Python itself or a browser's text is likely to ask for, with cp437, which zipfile reads
#: names in when the engine's own data files are read from this zip (the trace reads them from a folder).
#: The other 100-odd (1.4 MB of mapping tables) are left out.
CODECS = {
    "__init__",
    "aliases",
    "ascii",
    "latin_1",
    "utf_8",
    "utf_8_sig",
    "utf_16",
    "utf_16_le",
    "utf_16_be",
    "utf_32",
    "utf_32_le",
    "utf_32_be",
    "cp1252",
    "cp437",
    "idna",
    "punycode",
    "raw_unicode_escape",
    "unicode_escape",
    "charmap",
}
STDLIB_ZIP = next(p for p in sys.path if p.endswith(".zip"))


def from_zip() -> set[str]:
    """The zip's entries of the modules loaded so far."""
    return {
        module.__file__.removeprefix(STDLIB_ZIP + "/")
        for module in list(sys.modules.values())
        if (getattr(module, "__file__", None) or "").startswith(STDLIB_ZIP + "/")
    }


#: Kept whatever the trace finds: Pyodide's own packages, codecs, and modules an error path or a later
#: engine change is likely to reach (formatting a traceback, reading a resource from a zip, dates).
_ALWAYS = """
    _pyodide pyodide encodings importlib collections traceback linecache tokenize token warnings codeop
    ast inspect dis opcode _opcode_metadata contextlib functools operator keyword reprlib types typing
    enum copy copyreg weakref _weakrefset abc io os posixpath genericpath stat _collections_abc
    _sitebuiltins site re sre_compile sre_parse sre_constants json dataclasses datetime _pydatetime
    _strptime calendar locale zoneinfo string textwrap difflib heapq bisect html urllib ipaddress
    pathlib fnmatch glob zipfile shutil struct threading _threading_local base64 hashlib hmac random
    statistics tracemalloc numbers argparse gettext signal tempfile _compression compression zipimport
    codecs annotationlib
"""
ALWAYS = set(_ALWAYS.split())


def exercise() -> None:
    """Import every engine module and every standard module its source names (imports inside functions
    too), then load every guide and render, replay and record on it."""
    for info in pkgutil.iter_modules(decision_engine.__path__):
        if info.name != "__main__":
            importlib.import_module("decision_engine." + info.name)
    for name in sorted(engine_imports(ENGINE)):  # noqa: F821 (defined by stdlib_zip.mjs from engine_imports.py)
        importlib.import_module(name)
    for text in guide_texts:  # noqa: F821 (set by stdlib_zip.mjs)
        loaded = json.loads(browser.load(text))
        assert loaded["ok"], loaded
        view = json.loads(browser.render(loaded["guide"], loaded["start"], "2026-11-23T09:30"))
        assert view["ok"], view
        browser.replay(loaded["guide"], "[]")
        for fmt in ("markdown", "text", "html"):
            browser.record(loaded["guide"], loaded["start"], fmt, "2026-11-23T09:30")


def top_level(entry: str) -> str:
    first = entry.split("/")[0]
    return first.removesuffix(".py")


def pyc(source: bytes, filename: str, optimize: int) -> bytes:
    code = compile(source, filename, "exec", dont_inherit=True, optimize=optimize)
    return importlib._bootstrap_external._code_to_hash_pyc(  # type: ignore[attr-defined]
        code, importlib.util.source_hash(source), checked=False
    )


def add(out: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_STORED
    out.writestr(info, data)


exercise()
used = {
    name.split(".")[0]
    for name, module in list(sys.modules.items())
    if (getattr(module, "__file__", None) or "").startswith(STDLIB_ZIP + "/")
}
loaded = from_zip()
keep = used | ALWAYS


def unused_codec(entry: str) -> bool:
    return (
        entry.startswith("encodings/")
        and entry not in loaded
        and entry.removeprefix("encodings/").removesuffix(".py") not in CODECS
    )


buffer = io.BytesIO()
kept = []
with zipfile.ZipFile(STDLIB_ZIP) as original, zipfile.ZipFile(buffer, "w") as out:
    for entry in sorted(original.namelist()):
        if entry.endswith("/") or top_level(entry) not in keep or unused_codec(entry):
            continue
        data = original.read(entry)
        if entry.endswith(".py") and entry in loaded and compiled != "none":  # noqa: F821
            add(out, entry + "c", pyc(data, f"{STDLIB_ZIP}/{entry}", STANDARD_OPTIMIZE))
        else:
            add(out, entry, data)
        kept.append(entry)
    package = ENGINE
    for path in sorted(package.rglob("*")):
        entry = "decision_engine/" + path.relative_to(package).as_posix()
        if "__pycache__" in entry or not path.is_file():
            continue
        if path.suffix == ".py" and compiled != "none":  # noqa: F821
            add(out, entry + "c", pyc(path.read_bytes(), f"{STDLIB_ZIP}/{entry}", ENGINE_OPTIMIZE))
        else:
            add(out, entry, path.read_bytes())
made = buffer.getvalue()
report = json.dumps({"used": sorted(used), "kept": sorted({top_level(e) for e in kept}), "compiled": compiled})  # noqa: F821
