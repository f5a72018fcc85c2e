"""Print build, test and page-weight figures for the book. A script, not a test.

    .venv/bin/python benchmarks/measure_site.py            # everything below
    .venv/bin/python benchmarks/measure_site.py --no-build # only the page figures
    .venv/bin/python benchmarks/measure_site.py --only-build  # only the build times
    .venv/bin/python benchmarks/measure_site.py --lighthouse [--runs 2]  # only Lighthouse
    .venv/bin/python benchmarks/measure_site.py --bundle   # only the Vega bundle per snippet

``--lighthouse`` runs Lighthouse (npm package pinned in benchmarks/package.json: run
``npm ci --prefix benchmarks`` once) with its default mobile profile (simulated slow 4G and
a 4x slower CPU) against the book's own server, driving Debian's Chromium, on the landing
page and every chapter, and prints per page the performance score, first and largest
contentful paint, total blocking time, layout shift, bytes and DOM elements.

Measures, on this machine:
  * build times, two runs each, with the machine's load: the clean build (``_build`` removed;
    notebooks whose fingerprint is fresh are published from their stored outputs, see
    aid2assets/build/execution.py), rebuilds with nothing changed, with one notebook's prose
    changed and with its code changed (that notebook is executed), and the clean build with
    every notebook executed (``A2A_EXECUTE=all``);
  * nbval (strict) over every chapter notebook;
  * per page: HTML size, bytes transferred on a first visit and on a repeat visit (browser
    cache kept), and the time until every chart on the page has rendered (all of them asked
    for at once, as if the reader scrolled through at once), in headless Chromium;
  * per explorer: the median time of its widget callback (tables only, and with its chart).
Run it when the machine is otherwise idle: the figures are wall-clock times.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SITE = REPO / "_build" / "html"
BIN = REPO / ".venv" / "bin"


def timed(cmd: list[str], env: dict | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=REPO, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env={**os.environ, **(env or {})})
    return time.perf_counter() - start


BUILD = [str(BIN / "jupyter-book"), "build", ".", "--warningiserror", "--nitpick", "--keep-going"]


def load_average() -> str:
    """The machine's load (1, 5, 15 minutes): the figures are wall-clock times on shared cores."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f}, {five:.2f}, {fifteen:.2f} on {os.cpu_count()} cores"


def _edited(notebook: Path, change) -> bytes:
    """Apply ``change`` to the notebook (nbformat layout); return the original bytes."""
    import nbformat

    original = notebook.read_bytes()
    nb = nbformat.read(notebook, as_version=4)
    change(nb)
    nbformat.write(nb, notebook)
    return original


def _first_cell(nb, kind: str):
    return next(cell for cell in nb.cells if cell.cell_type == kind)


def build_times(runs: int = 2) -> None:
    """Clean build, rebuilds, and the clean build with every notebook executed; ``runs`` each."""
    from aid2assets.build import execution

    statuses = [execution.status(p) for p in sorted((REPO / "chapters").glob("*.ipynb"))]
    stale = [s.path.name for s in statuses if not s.fresh]
    print(f"notebooks: {len(statuses)}; with a fresh fingerprint: {len(statuses) - len(stale)}"
          + (f"; stale (executed by a clean build): {', '.join(stale)}" if stale else ""))
    notebook = REPO / "chapters" / "aid_history.ipynb"
    figures: dict[str, list[float]] = {}

    def record(label: str, seconds: float) -> None:
        figures.setdefault(label, []).append(seconds)

    for run in range(runs):
        print(f"run {run + 1}: {load_average()}")
        shutil.rmtree(REPO / "_build", ignore_errors=True)
        record("clean build (stored outputs where fresh)", timed(BUILD))
        record("rebuild, nothing changed", timed(BUILD))
        # Prose changed: a space in the first markdown cell (the fingerprint stays fresh).
        original = _edited(notebook, lambda nb: _first_cell(nb, "markdown").update(
            source=_first_cell(nb, "markdown").source + " "))
        try:
            record("rebuild, one notebook's text changed", timed(BUILD))
        finally:
            notebook.write_bytes(original)
        # Code changed: a comment in the first code cell (the notebook is executed).
        original = _edited(notebook, lambda nb: _first_cell(nb, "code").update(
            source=_first_cell(nb, "code").source + f"\n# benchmark {time.time_ns()}"))
        try:
            record("rebuild, one notebook's code changed", timed(BUILD))
        finally:
            notebook.write_bytes(original)
        shutil.rmtree(REPO / "_build", ignore_errors=True)
        record("clean build, every notebook executed", timed(BUILD, {"A2A_EXECUTE": "all"}))
        print(f"       {load_average()}")
    for label, values in figures.items():
        shown = " / ".join(f"{v:5.1f} s" for v in values)
        print(f"{label + ':':42} {shown}")
    timed(BUILD)  # back to the committed state


def build_figures(runs: int = 2) -> None:
    build_times(runs)
    nbval = [str(BIN / "python"), "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval",
             "--nbval-current-env", "chapters"]
    print(f"{'nbval (strict), all notebooks:':42} {timed(nbval):5.1f} s")


# For each figure: operate its first control and time until the chart's SVG has changed.
CONTROL_TIMING = """async () => {
  const out = [];
  for (const fig of document.querySelectorAll('figure.a2a-figure')) {
    const input = fig.querySelector('.vega-bindings input:not(:checked), .vega-bindings select');
    const svg = () => fig.querySelector('.a2a-chart svg').outerHTML;
    if (!input) continue;
    const before = svg();
    const start = performance.now();
    if (input.tagName === 'SELECT') { input.selectedIndex = (input.selectedIndex + 1) % input.options.length; }
    else if (input.type === 'range') {
      const step = Number(input.step || 1), v = Number(input.value);
      input.value = v - 2 * step >= Number(input.min) ? v - 2 * step : v + 2 * step;
    }
    else { input.checked = !input.checked; }
    input.dispatchEvent(new Event(input.type === 'radio' || input.type === 'checkbox' ? 'click' : 'input', {bubbles: true}));
    input.dispatchEvent(new Event('change', {bubbles: true}));
    while (svg() === before && performance.now() - start < 2000) { await new Promise(r => setTimeout(r, 2)); }
    out.push([fig.id, performance.now() - start]);
  }
  return out;
}"""


def explorer_figures(updates: int = 25) -> None:
    """Median time of each explorer's callback over repeated updates of one control.

    Explorers that draw a chart are timed twice: tables only (``draw_chart=False``) and the
    full update (tables and chart). Each update sets a control to a value it did not have, so
    every timed call does the whole work of a reader's change.
    """
    import statistics

    from aid2assets import load
    from aid2assets.explorers.aid import AidExplorer
    from aid2assets.explorers.diplomacy import DiplomacyExplorer
    from aid2assets.explorers.minerals import MineralsExplorer
    from aid2assets.explorers.trade import TradeExplorer

    def median_ms(control, values) -> float:
        times = []
        for value in values:
            start = time.perf_counter()
            control.value = value
            times.append((time.perf_counter() - start) * 1000)
        return statistics.median(times)

    def report(name, control, values, explorer=None):
        parts = []
        modes = (False, True) if explorer is not None else (None,)
        for mode in modes:
            if explorer is not None:
                explorer.draw_chart = mode
            label = ("tables only" if mode is False else "full update (tables and chart)" if mode
                     else "full update (tables; no chart)")
            # Alternate the direction so that each run changes the control on every step.
            ms = median_ms(control, values if mode is not True else values[::-1])
            parts.append(f"{label} {ms:6.1f} ms")
        print(f"{name + ' explorer callback:':29} " + "; ".join(parts) + f"  (median of {len(values)} updates)")

    aid = AidExplorer(load("aid_greenbook"), load("countries"))
    report("aid", aid.period, [(1950 + i, 1960 + i) for i in range(updates)], aid)
    trade = TradeExplorer(load("tariff_rates_by_date"), load("trade_country_duty_2024"),
                          load("trade_pak_imports_2024_hs2"), load("trade_partners"))
    report("trade", trade.sliders["PAK"], [10.0 + i for i in range(updates)])
    minerals = MineralsExplorer(load("minerals_model_assumptions"))
    report("minerals", minerals.sliders["copper_price"], [round(3.0 + 0.1 * i, 2) for i in range(updates)], minerals)
    diplomacy = DiplomacyExplorer(load("events"), load("aid_greenbook"), load("aid_foreignassistance"),
                                  load("imf_programs"), trade=load("trade_us_goods_annual"))
    report("diplomacy", diplomacy.period, [(1950 + 2 * i, 1970 + 2 * i) for i in range(updates)])


def raw_total(urls, base) -> int:
    """Bytes of the page's local files, uncompressed."""
    import urllib.parse

    total = 0
    for url in urls:
        if not url.startswith(base):
            continue
        path = SITE / urllib.parse.unquote(urllib.parse.urlsplit(url).path.lstrip("/"))
        if path.is_file():
            total += path.stat().st_size
    return total


def page_figures() -> None:
    from playwright.sync_api import sync_playwright

    from aid2assets.build.serve import make_server

    server = make_server(SITE, quiet=True)  # what ./dev.sh serve runs: gzip and caching
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    pages = ["intro.html"] + sorted(str(p.relative_to(SITE)) for p in (SITE / "chapters").glob("*.html"))
    print("\nBytes on the wire from the book's server (./dev.sh serve: gzip, one-hour cache);")
    print("'raw' is the same files uncompressed, as Python's plain http.server would send them.")
    print(f"\n{'page':34} {'HTML':>9} {'first visit':>12} {'(raw)':>9} {'repeat':>9} {'charts':>7} {'all drawn':>10}")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                     args=["--no-sandbox", "--disable-background-networking"])
        for path in pages:
            context = browser.new_context()
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            received = {"bytes": 0}
            urls = set()
            cdp.on("Network.loadingFinished", lambda e: received.__setitem__("bytes", received["bytes"] + e["encodedDataLength"]))
            cdp.on("Network.responseReceived", lambda e: urls.add(e["response"]["url"]))
            results = []
            for _ in range(2):  # first visit, then a repeat visit with the cache warm
                received["bytes"] = 0
                start = time.perf_counter()
                page.goto(base + path, wait_until="load")
                n = page.eval_on_selector_all("figure.a2a-figure", "e => e.length")
                if n:
                    # The site draws a chart as it nears the view (static/loader.js); draw them all.
                    page.evaluate("() => { window.a2aDrawAll(); }")
                    page.wait_for_function(
                        f"document.querySelectorAll('figure.a2a-figure[data-rendered=\"true\"]').length === {n}")
                drawn = time.perf_counter() - start
                page.wait_for_timeout(200)
                results.append((received["bytes"], drawn, n))
            updates = page.evaluate(CONTROL_TIMING) if n else []
            html_size = (SITE / path).stat().st_size
            (first, t_first, n), (repeat, _, _) = results
            raw = raw_total(urls, base)
            print(f"{path:34} {html_size / 1024:7.0f} KB {first / 1024:9.0f} KB {raw / 1024:6.0f} KB "
                  f"{repeat / 1024:6.0f} KB {n:7d} {t_first:8.2f} s")
            for fid, ms in updates:
                print(f"    control -> redrawn chart, {fid:28} {ms:6.1f} ms")
            context.close()
        browser.close()
    server.shutdown()


# --- Lighthouse (mobile profile) --------------------------------------------------------------

LIGHTHOUSE = REPO / "benchmarks" / "node_modules" / "lighthouse" / "cli" / "index.js"
LIGHTHOUSE_CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                           "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                           "--disable-default-apps", "--disable-extensions"]


def lighthouse_pages() -> list[str]:
    """The landing page and every chapter, in the book's order."""
    sys.path.insert(0, str(REPO / "tests"))
    from toc_support import toc_files

    return ["intro.html"] + [f + ".html" for f in toc_files() if f.startswith("chapters/")]


def lighthouse_run(url: str, save: Path | None = None) -> dict:
    """One Lighthouse run (default mobile profile, performance only) as figures; ``save``
    keeps the whole report (JSON) there."""
    import json
    import os

    env = dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    cmd = ["node", str(LIGHTHOUSE), url, "--only-categories=performance", "--output=json",
           "--output-path=stdout", "--quiet", "--chrome-flags=" + " ".join(LIGHTHOUSE_CHROME_FLAGS)]
    out = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True, timeout=300).stdout
    report = json.loads(out)
    if save is not None:
        save.parent.mkdir(parents=True, exist_ok=True)
        save.write_text(out, encoding="utf-8")
    audits = report["audits"]

    def value(name):
        return audits[name].get("numericValue")

    score = report["categories"]["performance"]["score"]
    return {
        "score": None if score is None else round(score * 100),
        "fcp": value("first-contentful-paint"), "lcp": value("largest-contentful-paint"),
        "tbt": value("total-blocking-time"), "cls": value("cumulative-layout-shift"),
        "si": value("speed-index"), "bytes": value("total-byte-weight"), "dom": value("dom-size"),
        "error": (report.get("runtimeError") or {}).get("message"),
    }


def blocking_in_head(html: str) -> tuple[int, int]:
    """Stylesheets and scripts in a page's <head> that hold up its first paint.

    (Lighthouse 12.2's own render-blocking audit fails on this Chromium's traces.)
    """
    from html.parser import HTMLParser

    counts = [0, 0]

    class Head(HTMLParser):
        in_head = True

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if tag == "body":
                self.in_head = False
            elif self.in_head and tag == "link" and a.get("rel") == "stylesheet" and a.get("media", "all") == "all":
                counts[0] += 1
            elif (self.in_head and tag == "script" and a.get("src") and "defer" not in a and "async" not in a
                  and a.get("type") != "module"):
                counts[1] += 1

    Head().feed(html)
    return counts[0], counts[1]


def lighthouse_figures(runs: int = 2, pages: list[str] | None = None, site: Path = SITE,
                       save: Path | None = None) -> None:
    """Lighthouse's default mobile profile on each page, ``runs`` times, with the load average.

    ``site`` is the built site to serve (another build, e.g. of an earlier commit, to compare).
    """
    import os

    from aid2assets.build.serve import make_server

    if not LIGHTHOUSE.exists():
        print(f"{LIGHTHOUSE} missing: run 'npm ci --prefix benchmarks' first", file=sys.stderr)
        raise SystemExit(1)
    server = make_server(site, quiet=True)  # what ./dev.sh serve runs: gzip and caching
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    pages = pages or lighthouse_pages()
    version = subprocess.run(["node", str(LIGHTHOUSE), "--version"], capture_output=True, text=True).stdout.strip()
    print(f"Lighthouse {version}, default mobile profile (simulated slow 4G, 4x CPU slowdown), "
          f"the book's own server (gzip, cache), serving {site}")
    for run in range(1, runs + 1):
        uptime = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
        print(f"\nrun {run} of {runs}; uptime at start: {uptime}")
        print(f"{'page':34} {'score':>5} {'FCP':>7} {'LCP':>7} {'TBT':>7} {'CLS':>6} {'SI':>7} "
              f"{'bytes':>9} {'DOM':>6} {'load':>5}  blocking in <head>")
        for path in pages:
            r = lighthouse_run(base + path, save and save / f"run{run}" / (path.replace("/", "_") + ".json"))
            if r["error"]:
                print(f"{path:34} error: {r['error']}")
                continue
            load = os.getloadavg()[0]
            css, js = blocking_in_head((site / path).read_text(encoding="utf-8"))
            print(f"{path:34} {r['score']:5d} {r['fcp'] / 1000:6.2f}s {r['lcp'] / 1000:6.2f}s "
                  f"{r['tbt']:5.0f}ms {r['cls']:6.3f} {r['si'] / 1000:6.2f}s {r['bytes'] / 1024:6.0f} KB "
                  f"{r['dom']:6.0f} {load:5.2f}  {css} CSS, {js} scripts", flush=True)
    server.shutdown()


def bundle_figures() -> None:
    """What vl-convert's javascript_bundle costs with the snippet the book uses, and without.

    The bundler keeps only what the snippet references: the book's embed.js (Vega-Embed,
    hence Vega-Lite) against a snippet that uses Vega alone (specs compiled at build time,
    no Vega-Embed: its export menu and tooltips would have to be rewritten).
    """
    import gzip

    import vl_convert as vlc

    from aid2assets.build.site import STATIC
    from aid2assets.theme import VEGA_LITE_VERSION

    variants = {
        "the book's embed.js (Vega-Embed)": (STATIC / "embed.js").read_text(encoding="utf-8"),
        "no snippet (the standard bundle)": None,
        "a snippet using Vega alone": "window.a2aView = (el, spec) => new vega.View(vega.parse(spec), "
                                      "{container: el, renderer: 'svg'}).runAsync();",
    }
    print(f"\nvl-convert {vlc.__version__} javascript_bundle, Vega-Lite {VEGA_LITE_VERSION}:")
    for name, snippet in variants.items():
        text = vlc.javascript_bundle(snippet, vl_version=VEGA_LITE_VERSION) if snippet else \
            vlc.javascript_bundle(vl_version=VEGA_LITE_VERSION)
        raw = text.encode("utf-8")
        print(f"  {name:36} {len(raw) / 1024:6.0f} KB raw {len(gzip.compress(raw, 6)) / 1024:6.0f} KB gzip")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Print build, test and page-weight figures.")
    parser.add_argument("--no-build", action="store_true", help="skip the build and nbval timings")
    parser.add_argument("--only-build", action="store_true", help="only the build timings (no nbval, pages)")
    parser.add_argument("--lighthouse", action="store_true",
                        help="only Lighthouse's mobile profile on the landing page and every chapter")
    parser.add_argument("--runs", type=int, default=2,
                        help="runs of each build timing, or Lighthouse runs per page (default 2)")
    parser.add_argument("--page", action="append", help="with --lighthouse: only this page (repeatable)")
    parser.add_argument("--bundle", action="store_true", help="only the Vega bundle's size, per snippet")
    parser.add_argument("--site", type=Path, default=SITE, help="with --lighthouse: the built site to serve")
    parser.add_argument("--save", type=Path, help="with --lighthouse: keep each report (JSON) in this folder")
    args = parser.parse_args(argv)
    if args.only_build:
        build_times(args.runs)
        return 0
    if args.bundle:
        bundle_figures()
        return 0
    if args.lighthouse:
        if not (args.site / "index.html").exists():
            print(f"no {args.site}/index.html: run ./dev.sh build first", file=sys.stderr)
            return 1
        lighthouse_figures(args.runs, args.page, args.site.resolve(), args.save)
        return 0
    if not args.no_build:
        build_figures(args.runs)
    if not (SITE / "index.html").exists():
        print("no _build/html: run ./dev.sh build first", file=sys.stderr)
        return 1
    page_figures()
    print()
    explorer_figures()
    return 0


if __name__ == "__main__":
    sys.exit(main())
