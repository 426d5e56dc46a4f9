"""Measure the guide page in headless Chromium against the built site, served on 127.0.0.1.

    python scripts/benchmark.py [--runs 3] [--answers 20]

Reports, as medians over fresh browser contexts (empty cache each run):
  first question visible   when the plain question heading was painted (Element Timing)
  first contentful paint   the browser's own FCP
  engine ready             when the interactive guide answers clicks (Pyodide + engine loaded)
  bare loadPyodide()       a blank page on the same server that only starts Pyodide in a module worker
  answer round trip        median from pressing Continue to the next question being shown
  second guide ready       a second guide page in the same visit: from its navigation to its guide
                           answering clicks, with the engine kept warm by the first page
  phone profile            the guide page cold on a phone-like profile: 4x CPU slowdown and Chrome
                           DevTools' "Fast 4G" network (9 Mbit/s x 0.9 down, 165 ms round trip),
                           first question visible and engine ready
and the weight of two pages as loaded (every file the browser fetched, as stored and as sent, compressed
by scripts/serve.py): Home, a page without a guide, and the guide page until the engine is ready.
This is a report, not a test: nothing here passes or fails.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import Page, Request, sync_playwright  # noqa: E402

from scripts.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from scripts.serve import make_server  # noqa: E402

GUIDE = "guides/worried-about-a-child.html"
SECOND_GUIDE = "guides/consent-and-sharing.html"
# Chrome DevTools' "Fast 4G" preset (its NetworkManager's Fast4GConditions): 9 Mbit/s down and 1.5 Mbit/s
# up, each derated by 0.9, and 60 ms latency times 2.75.
FAST_4G = {"offline": False, "downloadThroughput": 9e6 / 8 * 0.9, "uploadThroughput": 1.5e6 / 8 * 0.9, "latency": 165}
CPU_SLOWDOWN = 4
TARGETS = {
    "engine ready / bare loadPyodide()": ("ratio", 1.1),
    "second guide ready after navigation": ("ms", 300),
    "JavaScript on a page without a guide, as sent": ("KB", 300),
    "everything sent before a guide is ready": ("MB", 5),
    "phone profile: first question visible": ("ms", 1500),
    "phone profile: engine ready": ("ms", 8000),
}
STOCK = ("python_stdlib.zip", "pyodide-lock.json")  # stock Pyodide's, which the site does not serve
BLANK_DIR = "__benchmark__"
BLANK = BLANK_DIR + "/blank.html"
BLANK_HTML = """<!doctype html><html lang="en"><title>bare loadPyodide</title><body><script>
const source = `import { loadPyodide } from "${new URL("../assets/pyodide/pyodide.mjs", location.href)}";
const t0 = performance.now();
await loadPyodide({ indexURL: "${new URL("../assets/pyodide/", location.href)}",
  stdLibURL: "${new URL("python_stdlib.zip", location.href)}",
  lockFileURL: "${new URL("pyodide-lock.json", location.href)}" });
postMessage(performance.now() - t0);`;
const started = performance.now();
const worker = new Worker(URL.createObjectURL(new Blob([source], {type: "text/javascript"})), {type: "module"});
worker.onmessage = () => { window.bareReady = performance.now(); };
</script></body></html>"""

ROUND_TRIP = """async () => {
  const live = document.querySelector('.mg-live-root');
  const node = () => live.querySelector('.mg-live').getAttribute('data-node');
  const before = node();
  const changed = new Promise(resolve => {
    const seen = new MutationObserver(() => { if (node() !== before) { seen.disconnect(); resolve(); } });
    seen.observe(live, {childList: true, subtree: true});
  });
  live.querySelector('input[value=no]').checked = true;
  const t0 = performance.now();
  live.querySelector('button[type=submit]').click();
  await changed;
  return performance.now() - t0;
}"""


def measure_guide(page: Page, base: str, answers: int) -> dict[str, float | list[float]]:
    page.goto(base + GUIDE)
    page.wait_for_selector("[data-module=decision-guide][data-ready]", timeout=120_000)
    timings = page.evaluate(
        """() => new Promise(resolve => {
        // Element Timing entries reach a buffered observer only, not getEntriesByType.
        new PerformanceObserver((list, observer) => {
          const entry = list.getEntries().find(e => e.identifier === 'first-question');
          if (!entry) return;
          observer.disconnect();
          resolve({
            first_question: entry.renderTime || entry.loadTime,
            fcp: performance.getEntriesByName('first-contentful-paint')[0].startTime,
            ready: performance.getEntriesByName('mg-engine-ready')[0].startTime,
          });
        }).observe({type: 'element', buffered: true});
    })"""
    )
    trips = []
    for _ in range(answers):
        trips.append(page.evaluate(ROUND_TRIP))
        page.go_back()  # the walk is in the URL, so Back returns to the first question
        page.wait_for_selector(".mg-live[data-node=immediate_danger]")
    return {**timings, "trips": trips}


def measure_second_guide(page: Page, base: str) -> float:
    """From the second guide page's navigation to its guide answering clicks, the first guide page of
    the visit having started the engine."""
    page.goto(base + GUIDE)
    page.wait_for_selector("[data-module=decision-guide][data-ready]", timeout=120_000)
    page.goto(base + SECOND_GUIDE)
    page.wait_for_selector("[data-module=decision-guide][data-ready]", timeout=120_000)
    return float(page.evaluate("performance.getEntriesByName('mg-engine-ready')[0].startTime"))


def measure_phone(page: Page, base: str) -> dict[str, float]:
    """The guide page cold under a phone-like profile. DevTools throttling reaches the page and its
    dedicated workers but not a SharedWorker, so the page runs the engine in the dedicated worker it
    falls back to: the same module, loading the same files, as the SharedWorker on a first visit."""
    page.add_init_script("delete window.SharedWorker;")
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", FAST_4G)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    page.add_init_script(
        "window.mgElements = []; new PerformanceObserver(l => window.mgElements.push(...l.getEntries()))"
        ".observe({type: 'element', buffered: true});"
    )
    page.goto(base + GUIDE)
    page.wait_for_selector("[data-module=decision-guide][data-ready]", timeout=300_000)
    timings = page.evaluate(
        "() => ({first_question: window.mgElements.find(e => e.identifier === 'first-question').renderTime,"
        " ready: performance.getEntriesByName('mg-engine-ready')[0].startTime})"
    )
    return {key: float(value) for key, value in timings.items()}


def measure_bare(page: Page, base: str) -> float:
    """Stock Pyodide, with its own standard library zip and lockfile (main() puts copies beside the blank
    page: the site serves neither, and page.route does not see a worker's requests)."""
    page.route(base + BLANK, lambda route: route.fulfill(body=BLANK_HTML, content_type="text/html"))
    page.goto(base + BLANK)
    page.wait_for_function("window.bareReady !== undefined", timeout=120_000)
    return float(page.evaluate("window.bareReady"))


def measure_weight(page: Page, base: str, site: Path, path: str) -> dict[str, int]:
    """Bytes of every file the page fetched, JavaScript apart: as stored, and as sent over the wire
    (the server's brotli or gzip copy when the browser accepts it)."""
    fetched: list[Request] = []
    page.on("requestfinished", lambda request: fetched.append(request))
    # A SharedWorker's requests are not the page's in Playwright: the engine runs in the dedicated worker
    # the page falls back to, which fetches the same files, so every byte is counted.
    page.add_init_script("delete window.SharedWorker;")
    page.goto(base + path)
    if path == GUIDE:
        page.wait_for_selector("[data-module=decision-guide][data-ready]", timeout=120_000)
    else:
        page.wait_for_load_state("networkidle")
    weight = {"js": 0, "js_sent": 0, "all": 0, "all_sent": 0, "all_br": 0, "all_gzip": 0}
    for request in fetched:
        local = site / request.url.removeprefix(base).split("#")[0].split("?")[0]
        if not local.is_file():
            continue
        stored, sent = local.stat().st_size, request.sizes()["responseBodySize"]
        weight["all"] += stored
        weight["all_sent"] += sent
        # Each encoding's figure from the build's copies, whichever one this Chromium was sent.
        for encoding, suffix in (("br", ".br"), ("gzip", ".gz")):
            packed = local.with_name(local.name + suffix)
            weight["all_" + encoding] += packed.stat().st_size if packed.is_file() else stored
        if local.suffix in (".js", ".mjs"):
            weight["js"] += stored
            weight["js_sent"] += sent
    return weight


def main() -> int:
    parser = argparse.ArgumentParser(description="Benchmark the guide page in headless Chromium.")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--answers", type=int, default=20, help="answer round trips per run")
    parser.add_argument("--site", default=str(ROOT / "site"))
    args = parser.parse_args()
    if not (Path(args.site) / GUIDE).is_file():
        print(f"{args.site} has no built site: run scripts/build.py first", file=sys.stderr)
        return 1
    stock = Path(args.site) / BLANK_DIR
    stock.mkdir(exist_ok=True)
    for name in STOCK:
        shutil.copy2(ROOT / "node_modules" / "pyodide" / name, stock / name)
    try:
        return report(args)
    finally:
        shutil.rmtree(stock)


def report(args: argparse.Namespace) -> int:
    server = make_server(Path(args.site), 0, quiet=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    results: dict[str, list[float]] = {
        "first_question": [],
        "fcp": [],
        "ready": [],
        "bare": [],
        "trip": [],
        "second": [],
        "phone_first_question": [],
        "phone_ready": [],
    }
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(args.runs):
            context = browser.new_context(service_workers="block")
            guide = measure_guide(context.new_page(), base, args.answers)
            context.close()
            context = browser.new_context(service_workers="block")
            results["bare"].append(measure_bare(context.new_page(), base))
            context.close()
            for key in ("first_question", "fcp", "ready"):
                results[key].append(float(guide[key]))  # type: ignore[arg-type]
            results["trip"] += guide["trips"]  # type: ignore[arg-type]
            context = browser.new_context(service_workers="block")
            results["second"].append(measure_second_guide(context.new_page(), base))
            context.close()
            context = browser.new_context(service_workers="block")
            phone = measure_phone(context.new_page(), base)
            context.close()
            results["phone_first_question"].append(phone["first_question"])
            results["phone_ready"].append(phone["ready"])
        weights = {}
        for path in ("index.html", GUIDE):
            context = browser.new_context(service_workers="block")
            weights[path] = measure_weight(context.new_page(), base, Path(args.site), path)
            context.close()
        browser.close()
    server.shutdown()
    labels = {
        "first_question": "first question visible",
        "fcp": "first contentful paint",
        "ready": "engine ready (answers clicks)",
        "bare": "bare loadPyodide() in a worker",
        "trip": "answer round trip (median)",
        "second": "second guide ready (warm engine)",
        "phone_first_question": "phone profile: first question",
        "phone_ready": "phone profile: engine ready",
    }
    print(f"Guide page in headless Chromium {args.runs} runs, {args.answers} answers each, 127.0.0.1, cold cache")
    for key, label in labels.items():
        values = results[key]
        spread = f"(min {min(values):.0f}, max {max(values):.0f})"
        print(f"  {label:32} {statistics.median(values):8.0f} ms  {spread}")
    print("Page weight as loaded (as stored / as sent over the wire)")
    for path, weight in weights.items():
        print(
            f"  {path:34} JavaScript {weight['js'] / 1e6:5.2f} / {weight['js_sent'] / 1e6:5.2f} MB;"
            f" everything {weight['all'] / 1e6:5.2f} / {weight['all_sent'] / 1e6:5.2f} MB"
            f" (brotli {weight['all_br'] / 1e6:5.2f} MB, gzip {weight['all_gzip'] / 1e6:5.2f} MB)"
        )
    median = {key: statistics.median(values) for key, values in results.items()}
    measured = {
        "engine ready / bare loadPyodide()": median["ready"] / median["bare"],
        "second guide ready after navigation": median["second"],
        "JavaScript on a page without a guide, as sent": weights["index.html"]["js_sent"] / 1e3,
        "everything sent before a guide is ready": weights[GUIDE]["all_sent"] / 1e6,
        "phone profile: first question visible": median["phone_first_question"],
        "phone profile: engine ready": median["phone_ready"],
    }
    print("Against the targets (medians)")
    for name, (unit, target) in TARGETS.items():
        value = measured[name]
        verdict = "met" if value <= target else "NOT met"
        shown = f"{value:.2f}x" if unit == "ratio" else f"{value:,.{2 if unit == 'MB' else 0}f} {unit}"
        limit = f"{target}x" if unit == "ratio" else f"{target:,} {unit}"
        print(f"  {name:48} {shown:>12}  (at most {limit}: {verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
