"""Compressed copies of the built site's text and WebAssembly files, made once at build time so a server
only has to pick one: ``page.html.br`` (brotli) and ``page.html.gz`` (gzip) beside ``page.html``.

Pyodide's WebAssembly (9.6 MB) goes over the wire as 3.1 MB of brotli. A copy is kept only when it is
smaller than the file; gzip is written without a timestamp, so the same site gives the same bytes.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import brotli

COMPRESSIBLE = {".html", ".js", ".mjs", ".css", ".json", ".svg", ".wasm", ".map", ".txt", ".xml", ".webmanifest"}
SMALLEST = 1024  # below a kilobyte, the saving is smaller than a packet
ENCODINGS = {"br": ".br", "gzip": ".gz"}  # in order of preference


def compressed(data: bytes) -> dict[str, bytes]:
    return {"br": brotli.compress(data, quality=9), "gzip": gzip.compress(data, compresslevel=9, mtime=0)}


def precompress(site: Path) -> tuple[int, int, int]:
    """Write the compressed copies. Returns (files, bytes before, smallest bytes after)."""
    files = before = after = 0
    for path in sorted(site.rglob("*")):
        if not path.is_file() or path.suffix not in COMPRESSIBLE:
            continue
        data = path.read_bytes()
        if len(data) < SMALLEST:
            continue
        best = len(data)
        for encoding, packed in compressed(data).items():
            if len(packed) < len(data):
                path.with_name(path.name + ENCODINGS[encoding]).write_bytes(packed)
                best = min(best, len(packed))
        files, before, after = files + 1, before + len(data), after + best
    return files, before, after
