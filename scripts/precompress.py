"""Compressed copies of the built site's text and WebAssembly files, made once at build time so a server
only has to pick one: ``page.html.br`` (brotli) and ``page.html.gz`` (gzip) beside ``page.html``.

Pyodide's WebAssembly (9.6 MB) goes over the wire as 3.1 MB of brotli, and the engine's standard library
zip, stored uncompressed for this (scripts/stdlib_zip.py), as about 1.2 MB. A copy is kept only when it is
smaller than the file; gzip is written without a timestamp, so the same site gives the same bytes.
"""

from __future__ import annotations

import gzip
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import brotli

COMPRESSIBLE = {".html", ".js", ".mjs", ".css", ".json", ".svg", ".wasm", ".map", ".txt", ".xml", ".webmanifest"}
COMPRESSIBLE |= {".zip"}  # a stored zip compresses; a deflated one does not, and then no copy is kept
SMALLEST = 1024  # below a kilobyte, the saving is smaller than a packet
ENCODINGS = {"br": ".br", "gzip": ".gz"}  # in order of preference


def compressed(data: bytes) -> dict[str, bytes]:
    return {"br": brotli.compress(data, quality=9), "gzip": gzip.compress(data, compresslevel=9, mtime=0)}


def _write_copies(path: Path) -> tuple[int, int]:
    """Write one file's copies. Returns (bytes before, smallest bytes after)."""
    data = path.read_bytes()
    best = len(data)
    for encoding, packed in compressed(data).items():
        if len(packed) < len(data):
            path.with_name(path.name + ENCODINGS[encoding]).write_bytes(packed)
            best = min(best, len(packed))
    return len(data), best


def precompress(site: Path) -> tuple[int, int, int]:
    """Write the compressed copies. Returns (files, bytes before, smallest bytes after)."""
    paths = [
        p for p in sorted(site.rglob("*")) if p.is_file() and p.suffix in COMPRESSIBLE and p.stat().st_size >= SMALLEST
    ]
    # Both compressors release the GIL while they work, so threads use every core.
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        sizes = list(pool.map(_write_copies, paths))
    return len(paths), sum(b for b, _ in sizes), sum(a for _, a in sizes)
