"""Measure every figure of the built site at phone and laptop width (issue 13).

For each chapter page at 390x844 and 1366x900 (light theme, or --theme dark), every figure is
drawn (solutions unfolded) and measured: the chart's drawn width against its box, whether its
box scrolls sideways, the smallest SVG text size, and the page's own width. With --screenshots
each figure is written to _build/screenshots/figure-<id>-<width>.png.

    .venv/bin/python benchmarks/measure_figures.py [--screenshots] [--theme dark] [--page aid_history]

Prints one line per figure and a summary; exits 1 if a figure is cut, its text is under 10 px or
its plot is squeezed under MIN_PLOT px by its labels and legends.
"""

from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from figure_fit_support import FIT_JS, MIN_PLOT, PAGE_WIDTH_JS, VIEWPORTS, chapter_pages, draw_all  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--screenshots", action="store_true")
    ap.add_argument("--theme", default="light", choices=("light", "dark"))
    ap.add_argument("--page", action="append", help="a chapter's name (repeatable); default all")
    args = ap.parse_args(argv)

    from playwright.sync_api import sync_playwright

    from aid2assets.build.serve import make_server

    site = REPO / "_build" / "html"
    server = make_server(site, quiet=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    shots = REPO / "_build" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    bad = 0
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                     args=["--no-sandbox", "--disable-gpu"])
        for path in chapter_pages(args.page):
            for name, (w, h) in VIEWPORTS.items():
                ctx = browser.new_context(viewport={"width": w, "height": h})
                ctx.add_init_script(f"localStorage.setItem('theme', '{args.theme}'); localStorage.setItem('mode', '{args.theme}');")
                ctx.route("**/*", lambda r: r.continue_() if r.request.url.startswith(base) or r.request.url.startswith("data:") else r.abort())
                page = ctx.new_page()
                page.goto(base + path, wait_until="load")
                draw_all(page)
                # the sticky header would cover the top of a figure in its screenshot
                page.add_style_tag(content=".bd-header, .skip-link, .bd-header-article { display: none !important; }")
                page_width = page.evaluate(PAGE_WIDTH_JS)
                for fig in page.evaluate(FIT_JS):
                    cut = fig["drawn"] > fig["box"] or fig["scrolls"]
                    small = fig["minFont"] is not None and fig["minFont"] < 10
                    squeezed = fig["plot"] is not None and fig["plot"] < MIN_PLOT
                    bad += cut or small or squeezed
                    print(f"{path:34} {w:5} {fig['id']:38} box {fig['box']:4} drawn {fig['drawn']:4} "
                          f"chart {fig['chart']:4} plot {fig['plot']} min text {fig['minFont']} px{'  CUT' if cut else ''}{'  SMALL' if small else ''}"
                          f"{'  SQUEEZED' if squeezed else ''}")
                    if args.screenshots:
                        tall = page.eval_on_selector(f"#{fig['id']}", "e => Math.ceil(e.getBoundingClientRect().height)")
                        if tall > h:  # a figure taller than the window is shot whole
                            page.set_viewport_size({"width": w, "height": tall + 40})
                        page.locator(f"#{fig['id']}").screenshot(path=str(shots / f"figure-{fig['id'][4:]}-{w}-{args.theme}.png"))
                print(f"{path:34} {w:5} page width {page_width['scroll']} / viewport {page_width['viewport']}")
                ctx.close()
        browser.close()
    server.shutdown()
    print(f"{bad} figure(s) cut, with text under 10 px or a plot under {MIN_PLOT} px")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
