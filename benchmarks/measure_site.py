"""Print build, test and page-weight figures for the book. A script, not a test.

    .venv/bin/python benchmarks/measure_site.py            # everything below
    .venv/bin/python benchmarks/measure_site.py --no-build # only the page figures

Measures, on this machine:
  * clean build (``_build`` removed, notebooks executed) and rebuild with nothing changed;
  * nbval (strict) over every chapter notebook;
  * per page: HTML size, bytes transferred on a first visit and on a repeat visit (browser
    cache kept), and the time until every chart on the page has rendered, in headless Chromium.
Run it when the machine is otherwise idle: the figures are wall-clock times.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SITE = REPO / "_build" / "html"
BIN = REPO / ".venv" / "bin"


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=REPO, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def build_figures() -> None:
    build = [str(BIN / "jupyter-book"), "build", ".", "--warningiserror", "--nitpick", "--keep-going"]
    shutil.rmtree(REPO / "_build", ignore_errors=True)
    print(f"clean build (notebooks executed):   {timed(build):6.1f} s")
    print(f"rebuild, nothing changed:           {timed(build):6.1f} s")
    nbval = [str(BIN / "python"), "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval",
             "--nbval-current-env", "chapters"]
    print(f"nbval (strict), all notebooks:      {timed(nbval):6.1f} s")


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def end_headers(self):
        # Let the browser cache static files, as a real web server would.
        self.send_header("Cache-Control", "max-age=3600")
        super().end_headers()


def page_figures() -> None:
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(SITE)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    pages = ["intro.html"] + sorted(str(p.relative_to(SITE)) for p in (SITE / "chapters").glob("*.html"))
    print(f"\n{'page':34} {'HTML':>9} {'first visit':>12} {'repeat':>9} {'charts':>7} {'all drawn':>10}")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                     args=["--no-sandbox", "--disable-background-networking"])
        for path in pages:
            context = browser.new_context()
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            received = {"bytes": 0}
            cdp.on("Network.loadingFinished", lambda e: received.__setitem__("bytes", received["bytes"] + e["encodedDataLength"]))
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
            html_size = (SITE / path).stat().st_size
            (first, t_first, n), (repeat, _, _) = results
            print(f"{path:34} {html_size / 1024:7.0f} KB {first / 1024:9.0f} KB {repeat / 1024:6.0f} KB "
                  f"{n:7d} {t_first:8.2f} s")
            context.close()
        browser.close()
    server.shutdown()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Print build, test and page-weight figures.")
    parser.add_argument("--no-build", action="store_true", help="skip the build and nbval timings")
    args = parser.parse_args(argv)
    if not args.no_build:
        build_figures()
    if not (SITE / "index.html").exists():
        print("no _build/html: run ./dev.sh build first", file=sys.stderr)
        return 1
    page_figures()
    return 0


if __name__ == "__main__":
    sys.exit(main())
