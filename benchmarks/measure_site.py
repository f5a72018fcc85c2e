"""Print build, test and page-weight figures for the book. A script, not a test.

    .venv/bin/python benchmarks/measure_site.py            # everything below
    .venv/bin/python benchmarks/measure_site.py --no-build # only the page figures
    .venv/bin/python benchmarks/measure_site.py --only-build  # only the build times

Measures, on this machine:
  * build times, two runs each, with the machine's load: the clean build (``_build`` removed;
    notebooks whose fingerprint is fresh are published from their stored outputs, see
    aid2assets/execution.py), rebuilds with nothing changed, with one notebook's prose
    changed and with its code changed (that notebook is executed), and the clean build with
    every notebook executed (``A2A_EXECUTE=all``);
  * nbval (strict) over every chapter notebook;
  * per page: HTML size, bytes transferred on a first visit and on a repeat visit (browser
    cache kept), and the time until every chart on the page has rendered, in headless Chromium;
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
    from aid2assets import execution

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

    from aid2assets.serve import make_server

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


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Print build, test and page-weight figures.")
    parser.add_argument("--no-build", action="store_true", help="skip the build and nbval timings")
    parser.add_argument("--only-build", action="store_true", help="only the build timings (no nbval, pages)")
    parser.add_argument("--runs", type=int, default=2, help="runs of each build timing (default 2)")
    args = parser.parse_args(argv)
    if args.only_build:
        build_times(args.runs)
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
