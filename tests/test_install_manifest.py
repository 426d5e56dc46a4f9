"""The handbook installs as an app: its manifest names it, starts on the home page, and gives icons
that exist at the sizes it claims (an SVG for browsers that take one, PNGs at 192 and 512 pixels for
install prompts that take only PNG)."""

from __future__ import annotations

import json
import struct
from pathlib import Path

from scripts.offline import MANIFEST


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])  # the IHDR chunk comes first
    return width, height


def test_the_manifest_starts_the_app_on_the_home_page(built_site: Path) -> None:
    manifest = json.loads((built_site / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["name"] == "MASH Handbook"
    assert manifest["display"] == "standalone"
    assert (built_site / manifest["start_url"]).is_file()
    assert manifest["scope"] == "./"


def test_every_icon_exists_at_the_size_the_manifest_gives(built_site: Path) -> None:
    icons = json.loads((built_site / MANIFEST).read_text(encoding="utf-8"))["icons"]
    pngs = {}
    for icon in icons:
        path = built_site / icon["src"]
        assert path.is_file(), icon["src"]
        if icon["type"] == "image/png":
            width, height = png_size(path)
            assert icon["sizes"] == f"{width}x{height}"
            pngs[width] = icon["src"]
        else:
            assert icon["type"] == "image/svg+xml" and icon["sizes"] == "any"
            assert path.read_text(encoding="utf-8").startswith("<svg")
    assert sorted(pngs) == [192, 512]
