"""Serve the built site on 127.0.0.1 with the MIME types Pyodide needs (module scripts, wasm), and
the build's precompressed copies (brotli, then gzip) to a browser that accepts them.

python scripts/serve.py [--port 8000] [--directory site]
"""

from __future__ import annotations

import argparse
import contextlib
import email.utils
import functools
import http.server
import re
import sys
import urllib.parse
from pathlib import Path
from typing import BinaryIO

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.csp import POLICY_FILE
from scripts.precompress import ENCODINGS

TYPES = {
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".wasm": "application/wasm",
    ".json": "application/json",
    ".zip": "application/zip",
    ".whl": "application/zip",
    ".css": "text/css",
    ".html": "text/html; charset=utf-8",
    ".svg": "image/svg+xml",
    ".webmanifest": "application/manifest+json",
}


# The theme's bundles and stylesheets carry a hash of their content in their names, so they never change
# under a name: a browser may keep them a year. Everything else (pages, the engine, the guides) is checked
# with the server each time, so a correction to a procedure, or a new engine, reaches readers at once.
HASHED = re.compile(r"^/assets/.+\.[0-9a-f]{8}\.min\.(?:js|css)$")
KEEP = "public, max-age=31536000, immutable"
CHECK = "no-cache"


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}  # noqa: RUF012 - the base class's API

    def end_headers(self) -> None:
        # Nothing on this site may be framed by, or reach out to, another origin.
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Cache-Control", KEEP if HASHED.match(urllib.parse.urlsplit(self.path).path) else CHECK)
        if self.server.policy:  # type: ignore[attr-defined]
            self.send_header("Content-Security-Policy", self.server.policy)  # type: ignore[attr-defined]
        super().end_headers()

    def accepted(self) -> list[str]:
        """The encodings the request accepts (those not refused with q=0)."""
        names = []
        for part in self.headers.get("Accept-Encoding", "").split(","):
            name, _, params = part.strip().partition(";")
            if params.replace(" ", "") not in ("q=0", "q=0.0", "q=0.00", "q=0.000"):
                names.append(name.strip().lower())
        return names

    def send_head(self) -> BinaryIO | None:  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir() and urllib.parse.urlsplit(self.path).path.endswith("/"):
            path = path / "index.html"
        if not path.is_file():
            return super().send_head()  # type: ignore[return-value]
        accepted = self.accepted() if self.server.compress else []  # type: ignore[attr-defined]
        for encoding, suffix in ENCODINGS.items():
            packed = path.with_name(path.name + suffix)
            if encoding in accepted and packed.is_file():
                if self.unchanged_since_asked(path):
                    self.send_response(304)
                    self.end_headers()
                    return None
                self.send_response(200)
                self.send_header("Content-Type", self.guess_type(str(path)))
                self.send_header("Content-Encoding", encoding)
                self.send_header("Content-Length", str(packed.stat().st_size))
                self.send_header("Last-Modified", self.date_time_string(int(path.stat().st_mtime)))
                self.end_headers()
                return packed.open("rb")
        return super().send_head()  # type: ignore[return-value]

    def unchanged_since_asked(self, path: Path) -> bool:
        """A revalidation (If-Modified-Since) of a file not changed since: the browser's copy stands."""
        asked = self.headers.get("If-Modified-Since")
        if not asked or self.headers.get("If-None-Match"):
            return False
        try:
            since = email.utils.parsedate_to_datetime(asked)
        except (TypeError, ValueError, IndexError, OverflowError):
            return False
        return since.tzinfo is not None and int(path.stat().st_mtime) <= since.timestamp()

    def log_message(self, format: str, *args: object) -> None:
        if self.server.quiet:  # type: ignore[attr-defined]
            return
        super().log_message(format, *args)


def make_server(
    directory: Path, port: int, quiet: bool = False, compress: bool = True
) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(Handler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.quiet = quiet  # type: ignore[attr-defined]
    server.compress = compress  # type: ignore[attr-defined]
    # The build's policy, sent as a header as well as in each page's meta tag: only a header reaches
    # the engine's worker. Header-only directives are added here.
    written = directory / POLICY_FILE
    base = written.read_text(encoding="utf-8").strip() if written.is_file() else ""
    server.policy = f"{base}; frame-ancestors 'none'" if base else ""  # type: ignore[attr-defined]
    return server


def main() -> int:
    parser = argparse.ArgumentParser(description="Serve the built handbook on 127.0.0.1.")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--directory", default=str(Path(__file__).resolve().parent.parent / "site"))
    args = parser.parse_args()
    directory = Path(args.directory)
    if not (directory / "index.html").is_file():
        print(f"{directory} has no built site: run scripts/build.py first", file=sys.stderr)
        return 1
    server = make_server(directory, args.port)
    print(f"Serving the MASH Handbook at http://127.0.0.1:{args.port}/ (Ctrl+C to stop)", flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
