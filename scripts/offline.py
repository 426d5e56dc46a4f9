"""The installable, offline handbook: a web app manifest and a service worker that precaches the whole
built site, written after everything else is in the site.

The service worker's logic is ``scripts/service-worker.js``; this module puts before it the build's
version (a hash of every file it caches, so any change to any file makes a new version) and the list
of files, relative to the site's root. Compressed copies, source maps and the policy file are left out:
the browser caches what it decoded, and nothing reads the rest.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "scripts" / "service-worker.js"
WORKER = "sw.js"
MANIFEST = "manifest.webmanifest"
LEFT_OUT = {".br", ".gz", ".map"}
NOT_CACHED = {WORKER, "content-security-policy.txt"}

MANIFEST_DATA = {
    "name": "MASH Handbook",
    "short_name": "MASH Handbook",
    "description": "The procedures of a Multi-Agency Safeguarding Hub, with decision guides, for use offline.",
    "start_url": "./index.html",
    "scope": "./",
    "display": "standalone",
    "background_color": "#ffffff",
    "theme_color": "#1d4f91",
    "lang": "en-GB",
    "icons": [
        {"src": "assets/images/icon.svg", "sizes": "any", "type": "image/svg+xml", "purpose": "any"},
        # Older install prompts take only PNG, at these two sizes (drawn by scripts/make_icons.py).
        {"src": "assets/images/icon-192.png", "sizes": "192x192", "type": "image/png", "purpose": "any"},
        {"src": "assets/images/icon-512.png", "sizes": "512x512", "type": "image/png", "purpose": "any"},
    ],
}


def cached_files(site: Path) -> list[str]:
    files = [
        p.relative_to(site).as_posix()
        for p in sorted(site.rglob("*"))
        if p.is_file() and p.suffix not in LEFT_OUT and p.relative_to(site).as_posix() not in NOT_CACHED
    ]
    return ["./", *files]


def version(site: Path, files: list[str]) -> str:
    digest = hashlib.sha256()
    for name in files:
        if name != "./":
            digest.update(name.encode("utf-8") + b"\0" + hashlib.sha256((site / name).read_bytes()).digest())
    return digest.hexdigest()[:16]


def write_offline(site: Path) -> str:
    """Write the manifest and the service worker. Returns the version."""
    (site / MANIFEST).write_text(json.dumps(MANIFEST_DATA, indent=2) + "\n", encoding="utf-8")
    files = cached_files(site)
    built = version(site, files)
    head = f"const VERSION = {json.dumps(built)};\nconst FILES = {json.dumps(files)};\n"
    (site / WORKER).write_text(head + TEMPLATE.read_text(encoding="utf-8"), encoding="utf-8")
    return built
