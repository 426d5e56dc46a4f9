"""Draw the app icons that older install prompts need (PNG, 192 and 512 pixels square) from the
handbook's SVG icon, in Debian's Chromium. Run it after changing docs/assets/images/icon.svg; the PNGs
are committed, so the build itself needs no browser for them.

    python scripts/make_icons.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

IMAGES = ROOT / "docs" / "assets" / "images"
SIZES = (192, 512)


def png_name(size: int) -> str:
    return f"icon-{size}.png"


def main() -> int:
    svg = (IMAGES / "icon.svg").read_text(encoding="utf-8")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for size in SIZES:
            page = browser.new_page(viewport={"width": size, "height": size})
            style = f"html,body{{margin:0}} svg{{display:block;width:{size}px;height:{size}px}}"
            page.set_content(f"<style>{style}</style>{svg}")
            page.screenshot(path=str(IMAGES / png_name(size)), omit_background=True)
            page.close()
        browser.close()
    print(", ".join(png_name(size) for size in SIZES), "written to", IMAGES.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
