"""Compressed copies of the built site's text and WebAssembly files, made once at build time so a server
only has to pick one: ``page.html.br`` (brotli) and ``page.html.gz`` (gzip) beside ``page.html``.

Files of a megabyte or more (Pyodide's WebAssembly and its JavaScript, the engine's standard library zip)
are compressed with brotli's best quality: Pyodide's 9.6 MB of WebAssembly goes over the wire as 2.8 MB
instead of 3.1 MB. That takes about 30 s for the WebAssembly, so each such copy is kept in a cache named
by the file's content (``.cache/brotli/``) and made again only when the file changes. A copy is kept only
when it is smaller than the file; gzip is written without a timestamp, so the same site gives the same
bytes.
"""

from __future__ import annotations

import gzip
import hashlib
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import brotli

COMPRESSIBLE = {".html", ".js", ".mjs", ".css", ".json", ".svg", ".wasm", ".map", ".txt", ".xml", ".webmanifest"}
COMPRESSIBLE |= {".zip"}  # a stored zip compresses; a deflated one does not, and then no copy is kept
SMALLEST = 1024  # below a kilobyte, the saving is smaller than a packet
ENCODINGS = {"br": ".br", "gzip": ".gz"}  # in order of preference
LARGE = 1_000_000  # from here on, brotli's best quality (11) saves enough bytes to be worth its time
CACHE = Path(__file__).resolve().parent.parent / ".cache" / "brotli"


def best_brotli(data: bytes) -> bytes:
    """Brotli at quality 11, from the cache when this content was compressed before."""
    kept = CACHE / f"{hashlib.sha256(data).hexdigest()}.br"
    if kept.is_file():
        return kept.read_bytes()
    packed = brotli.compress(data, quality=11)
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = kept.with_name(f"{kept.name}.{os.getpid()}.part")
    partial.write_bytes(packed)
    partial.replace(kept)  # whole or not at all, should two builds run at once
    return packed


def compressed(data: bytes) -> dict[str, bytes]:
    packed = best_brotli(data) if len(data) >= LARGE else brotli.compress(data, quality=9)
    return {"br": packed, "gzip": gzip.compress(data, compresslevel=9, mtime=0)}


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
    paths.sort(key=lambda p: -p.stat().st_size)  # the largest first, so the longest job starts at once
    # Both compressors release the GIL while they work, so threads use every core.
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        sizes = list(pool.map(_write_copies, paths))
    return len(paths), sum(b for b, _ in sizes), sum(a for _, a in sizes)
