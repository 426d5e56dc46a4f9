"""How this project starts Debian's Chromium (for tests and benchmarks): the system browser, since
Playwright cannot download its own here, with the background services that would reach out switched off."""

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
