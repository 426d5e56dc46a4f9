"""The built site goes over the wire compressed: the build writes brotli and gzip copies of its text and
WebAssembly files, and scripts/serve.py sends the best one the browser accepts, with the original's
type, and the file as it is to a browser that accepts neither."""

from __future__ import annotations

import gzip
import urllib.error
import urllib.request
from email.message import Message
from pathlib import Path

import brotli
import pytest

from scripts.precompress import SMALLEST

WASM = "assets/pyodide/pyodide.asm.wasm"


def fetch(compressed_site_url: str, path: str, accept: str | None) -> tuple[Message, bytes]:
    """The response's headers (any case, as HTTP allows) and body."""
    headers = {} if accept is None else {"Accept-Encoding": accept}
    with urllib.request.urlopen(urllib.request.Request(compressed_site_url + path, headers=headers)) as response:
        return response.headers, response.read()


DECODE = {"br": brotli.decompress, "gzip": gzip.decompress}


@pytest.mark.parametrize(
    ("accept", "sent"),
    [("gzip, deflate, br, zstd", "br"), ("gzip, deflate", "gzip"), ("br;q=0, gzip", "gzip"), (None, None)],
)
@pytest.mark.parametrize(
    ("path", "kind"),
    [(WASM, "application/wasm"), ("index.html", "text/html; charset=utf-8"), ("", "text/html; charset=utf-8")],
)
def test_the_server_sends_the_best_copy_the_browser_accepts(
    built_site: Path, compressed_site_url: str, path: str, kind: str, accept: str | None, sent: str | None
) -> None:
    headers, body = fetch(compressed_site_url, path, accept)
    original = (built_site / (path or "index.html")).read_bytes()
    assert headers["Content-Type"] == kind
    assert headers.get("Content-Encoding") == sent
    assert "Accept-Encoding" in headers["Vary"]
    assert (DECODE[sent](body) if sent else body) == original
    assert int(headers["Content-Length"]) == len(body)


def test_pyodides_webassembly_goes_over_the_wire_at_a_third_of_its_size(
    built_site: Path, compressed_site_url: str
) -> None:
    _, body = fetch(compressed_site_url, WASM, "br")
    assert len(body) < (built_site / WASM).stat().st_size / 3


def test_every_text_file_of_a_kilobyte_or_more_has_both_copies(built_site: Path) -> None:
    missing = [
        p.relative_to(built_site).as_posix()
        for p in built_site.rglob("*")
        if p.suffix in (".html", ".js", ".mjs", ".css", ".json", ".wasm")
        and p.stat().st_size >= SMALLEST
        and not (p.with_name(p.name + ".br").is_file() and p.with_name(p.name + ".gz").is_file())
    ]
    assert missing == []


def test_the_gzip_copies_are_the_same_from_build_to_build(built_site: Path) -> None:
    copy = built_site / "index.html.gz"
    assert copy.read_bytes()[4:8] == b"\0\0\0\0", "a gzip timestamp makes every build differ"


def test_pages_and_the_engine_are_checked_with_the_server_each_time(built_site: Path, compressed_site_url: str) -> None:
    """A corrected procedure or a new engine reaches a reader on their next visit, not when a cache
    expires."""
    for path in ("index.html", WASM, "assets/javascripts/decision-guide.js", "assets/guides/escalation.json"):
        headers, _ = fetch(compressed_site_url, path, "gzip")
        assert headers["Cache-Control"] == "no-cache", path


def test_the_themes_files_named_by_their_content_are_kept_a_year(built_site: Path, compressed_site_url: str) -> None:
    hashed = sorted(p.relative_to(built_site).as_posix() for p in (built_site / "assets").rglob("*.min.js"))
    bundle = next(name for name in hashed if "/bundle." in name)
    headers, _ = fetch(compressed_site_url, bundle, "gzip")
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"


@pytest.mark.parametrize("accept", ["br", None])
def test_a_copy_the_browser_already_has_is_not_sent_again(
    built_site: Path, compressed_site_url: str, accept: str | None
) -> None:
    headers, _ = fetch(compressed_site_url, WASM, accept)
    asked = {"If-Modified-Since": headers["Last-Modified"], **({"Accept-Encoding": accept} if accept else {})}
    request = urllib.request.Request(compressed_site_url + WASM, headers=asked)
    with pytest.raises(urllib.error.HTTPError) as answer:  # urllib treats 304 as an error to handle
        urllib.request.urlopen(request)
    assert answer.value.code == 304
    assert answer.value.headers["Cache-Control"] == "no-cache"


def test_a_large_file_is_compressed_at_brotlis_best_once_and_then_taken_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import scripts.precompress as precompress_module

    monkeypatch.setattr(precompress_module, "CACHE", tmp_path / "cache")
    qualities: list[int] = []
    real = brotli.compress
    monkeypatch.setattr(
        brotli, "compress", lambda data, quality=11: qualities.append(quality) or real(data, quality=quality)
    )
    site = tmp_path / "site"
    site.mkdir()
    large = b"".join(b"line %d of a large runtime file\n" % i for i in range(40_000))
    assert len(large) >= precompress_module.LARGE
    (site / "runtime.wasm").write_bytes(large)
    (site / "page.html").write_bytes(b"<p>" + b"small page " * 200 + b"</p>")
    precompress_module.precompress(site)
    assert sorted(qualities) == [9, 11]
    assert brotli.decompress((site / "runtime.wasm.br").read_bytes()) == large
    (site / "runtime.wasm.br").unlink()
    precompress_module.precompress(site)  # a second build of the same file
    assert sorted(qualities) == [9, 9, 11]
    assert brotli.decompress((site / "runtime.wasm.br").read_bytes()) == large
