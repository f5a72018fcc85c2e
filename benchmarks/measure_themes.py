"""Print the contrast of the site's text and the width of its pages, in each theme and at
phone and laptop width. A script, not a test (tests/test_site_themes_browser.py asserts the
limits; this prints the figures behind them).

    .venv/bin/python benchmarks/measure_themes.py      # needs _build/html and /usr/bin/chromium

Per theme and width: the lowest contrast of each kind of caption and control text (on the
background it is drawn on), each page's width, and, in dark mode, the lowest contrast of the
charts' axis, legend and title text on the chart's background.
"""

from __future__ import annotations

import sys
import threading
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from site_support import CHROMIUM, CHROMIUM_ARGS, PAGES, SITE  # noqa: E402
from test_site_themes_browser import (CHART_TEXT_JS, CONTRAST_JS, TEXT_SELECTOR, VIEWPORTS,  # noqa: E402
                                      contrast, parse_colour)


def main() -> None:
    from playwright.sync_api import sync_playwright

    from aid2assets.build.serve import make_server

    server = make_server(SITE, quiet=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        for theme in ("light", "dark"):
            for name, (width, height) in VIEWPORTS.items():
                ctx = browser.new_context(viewport={"width": width, "height": height})
                ctx.add_init_script(f"localStorage.setItem('mode', '{theme}'); localStorage.setItem('theme', '{theme}');")
                ctx.route("**/*", lambda r: r.continue_() if r.request.url.startswith((base, "data:")) else r.abort())
                page = ctx.new_page()
                lowest, widest, chart_low = defaultdict(lambda: 99.0), [], []
                for path in PAGES:
                    page.goto(base + path, wait_until="load")
                    n = page.eval_on_selector_all("figure.a2a-figure", "els => els.length")
                    page.wait_for_function(f"document.querySelectorAll('figure.a2a-figure[data-rendered=\"true\"]').length === {n}",
                                           timeout=30_000)
                    widest.append((page.evaluate("document.documentElement.scrollWidth"), path))
                    for cls, _, ratio in page.evaluate(CONTRAST_JS, TEXT_SELECTOR):
                        kind = str(cls).split()[0]
                        lowest[kind] = min(lowest[kind], ratio)
                    if theme == "dark":
                        for fid, bg, fills in page.evaluate(CHART_TEXT_JS):
                            for fill in fills:
                                chart_low.append((contrast(*parse_colour(fill), *parse_colour(bg)), fid, fill))
                print(f"\n{theme}, {width}×{height} ({name}): widest page {max(widest)[0]} px ({max(widest)[1]})")
                for kind, ratio in sorted(lowest.items(), key=lambda kv: kv[1]):
                    print(f"  {kind:32s} lowest contrast {ratio:5.2f}:1")
                if chart_low:
                    ratio, fid, fill = min(chart_low)
                    print(f"  chart axis/legend/title text     lowest contrast {ratio:5.2f}:1 ({fid}, {fill})")
                ctx.close()
        browser.close()


if __name__ == "__main__":
    main()
