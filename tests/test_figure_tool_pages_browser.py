"""Every figure a tool (issue 24), part two: saved images, touch and hover, figure pages and the
All figures page, toolbar screenshots (see test_figure_tool_browser.py for the first part)."""
from __future__ import annotations

import csv
import io
import re
import struct
import urllib.parse
from pathlib import Path

import pytest

from figure_fit_support import FIT_JS
from site_support import FIGURES, SITE, Visit, serious_violations, wait_for_figures
from test_site_themes_browser import ThemedVisit

pytestmark = pytest.mark.browser
from figure_tool_support import (SCREENSHOTS, BOOK_FIGURES, CHAPTER_OF, SET_ALL_JS, STATE_JS, TABLE_JS, open_table, csv_rows, same_cell, check_table_equals_download, DRAWN_JS, settled, open_figure, KNOWN_ROUND_TRIP_FAILURES)  # noqa: F401



# --- Saved images ------------------------------------------------------------------------------

def save(page, fid, kind):
    with page.expect_download(timeout=20_000) as info:
        page.click(f"#{fid} button.a2a-tool-{kind}")
    download = info.value
    return download.suggested_filename, Path(download.path()).read_bytes()


def png_size(data):
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("name", BOOK_FIGURES)
def test_saved_images_are_citable_and_light(browser, base_url, name):  # noqa: F811
    fid = f"fig-{name}"
    sizes = {}
    for theme in ("light", "dark"):
        visit = ThemedVisit(browser, base_url, f"figures/{name}.html", "laptop", theme)
        try:
            page = visit.page
            title = page.inner_text(f"#{fid} .a2a-title").strip()
            source = page.eval_on_selector(f"#{fid}", "f => (f.querySelector('.a2a-source-full') || f.querySelector('.a2a-source')).textContent")
            svg_name, svg = save(page, fid, "svg")
            png_name, png = save(page, fid, "png")
            assert (svg_name, png_name) == (f"{name}.svg", f"{name}.png")
            text = svg.decode("utf-8")
            words = " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", text[:text.find("<svg", 10)] + text[text.rfind("</svg>", 0, len(text) - 7):]))
            import html as html_lib
            words = html_lib.unescape(words)
            assert title in words, f"{fid}: the title is not in the SVG"
            source_words = re.sub(r"\s+", " ", source.replace("Source:", "")).strip()
            assert source_words[:60] in words.replace("Source: ", ""), f"{fid}: the source line is not in the SVG"
            assert f"{base_url}figures/{name}.html#{fid}" in words.replace(" ", ""), f"{fid}: no address in the SVG"
            assert "CC BY 4.0" in words and "From Aid to Assets" in words
            assert re.search(r'<rect width="100%" height="100%" fill="#ffffff"/>', text), "not on white"
            chart_bg = re.search(r'<svg x="\d+" y="\d+"[^>]*class="marks"[^>]*><rect [^>]*fill="([^"]+)"', text)
            assert chart_bg and chart_bg.group(1).lower() in ("#ffffff", "white"), \
                f"{fid}: the chart in the SVG is not drawn on white ({theme} page)"
            sizes[theme] = png_size(png)
            assert sizes[theme][0] >= 1200, f"{fid}: a {sizes[theme]} PNG is too small to print"
            visit.check_clean()
        finally:
            visit.close()
    assert sizes["light"] == sizes["dark"], f"{fid}: PNG {sizes}"


# --- Touch and hover ---------------------------------------------------------------------------

BAR_JS = """([year, series]) => {
  const el = Array.from(document.querySelectorAll('#fig-aid-by-year .a2a-chart svg .mark-rect path'))
    .find((p) => p.__data__ && p.__data__.datum && Number(p.__data__.datum.fiscal_year ?? p.__data__.datum.year) === year
                 && (!series || p.__data__.datum.series === series));
  if (!el) return null;
  const r = el.getBoundingClientRect();
  return { x: r.x + r.width / 2, y: r.y + r.height / 2, top: r.y, bottom: r.y + r.height, left: r.x, right: r.x + r.width };
}"""


def test_tapping_a_bar_on_a_phone_shows_its_value(browser, base_url):  # noqa: F811
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    refused, console = [], []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith((base_url, "data:"))
                  else (refused.append(route.request.url), route.abort()))
    try:
        page = context.new_page()
        page.on("console", lambda m: console.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
        page.goto(base_url + "figures/aid-by-year.html")
        page.wait_for_function("document.getElementById('fig-aid-by-year').dataset.rendered === 'true'", timeout=20_000)
        page.locator("#fig-aid-by-year .a2a-chart").scroll_into_view_if_needed()
        settled(page, "fig-aid-by-year")
        bar = page.wait_for_function(BAR_JS, arg=[1962, "Economic"], timeout=5_000).json_value()
        assert bar, "no FY1962 economic bar"
        page.touchscreen.tap(bar["x"], bar["y"])
        page.wait_for_selector("#vg-tooltip-element.visible", timeout=3_000)
        tip = page.inner_text("#vg-tooltip-element")
        assert "1962" in tip and "Economic" in tip, tip
        # a tap outside the chart hides it
        page.touchscreen.tap(200, 5)
        page.wait_for_selector("#vg-tooltip-element.visible", state="detached", timeout=3_000)
        assert not console and not refused, (console, refused)
    finally:
        context.close()


def test_hovering_the_fy2010_bar_shows_the_bar_not_the_event_rule(browser, base_url):  # noqa: F811
    visit = open_figure(browser, base_url, "figures/aid-by-year.html", "fig-aid-by-year",
                        viewport={"width": 1366, "height": 900})
    try:
        page = visit.page
        bar = page.wait_for_function(BAR_JS, arg=[2010, "Economic"], timeout=5_000).json_value()
        assert bar, "no FY2010 economic bar"
        # the event rules that cross the FY2010 bar: hover where one lies over it
        rules = page.eval_on_selector_all(
            "#fig-aid-by-year .a2a-chart svg .mark-rule line",
            "(els, b) => els.map((l) => l.getBoundingClientRect()).filter((r) => r.x >= b.left - 1 && r.x <= b.right + 1)"
            ".map((r) => r.x + r.width / 2)", bar)
        x = rules[0] if rules else bar["x"]
        page.mouse.move(x, bar["y"])
        page.wait_for_selector("#vg-tooltip-element.visible", timeout=3_000)
        tip = page.inner_text("#vg-tooltip-element")
        assert "2010" in tip and "Economic" in tip, f"hovering the FY2010 bar showed: {tip}"
        visit.check_clean()
    finally:
        visit.close()


# --- Figure pages ------------------------------------------------------------------------------

@pytest.mark.parametrize("name", BOOK_FIGURES)
def test_figure_page_exists_and_passes_the_site_checks(browser, base_url, name):  # noqa: F811
    path = f"figures/{name}.html"
    assert (SITE / path).exists()
    for viewport, theme in (("phone", "light"), ("laptop", "dark")):
        visit = ThemedVisit(browser, base_url, path, viewport, theme)
        try:
            page = visit.page
            width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            assert width[0] <= width[1], f"{path} is {width[0]} px wide in a {width[1]} px window"
            cut = [f for f in page.evaluate(FIT_JS) if f["drawn"] > f["box"] or f["scrolls"]]
            assert not cut, f"{path}: {cut}"
            back = page.get_attribute(".a2a-figure-back a", "href")
            assert back.endswith(f"{CHAPTER_OF[name]}#fig-{name}".split("/")[-1])
            assert page.get_attribute(f"#fig-{name} .a2a-title a.a2a-permalink", "href") == f"#fig-{name}"
            page.click(f"#fig-{name} .a2a-embed > summary")
            code = page.input_value(f"#fig-{name} .a2a-embed-code")
            assert code.startswith(f'<iframe src="{base_url}figures/{name}.html') and "title=" in code
            serious = serious_violations(page)
            assert not serious, f"{path} ({theme}): " + "\n".join(serious)
            visit.check_clean()
        finally:
            visit.close()


def test_all_figures_page_links_every_figure(browser, base_url):  # noqa: F811
    visit = Visit(browser, base_url, "figures/index.html", {"width": 390, "height": 844})
    try:
        page = visit.page
        links = page.eval_on_selector_all("ul.a2a-figure-list a", "els => els.map((a) => a.getAttribute('href'))")
        assert sorted(links) == sorted(f"{name}.html" for name in BOOK_FIGURES)
        images = page.eval_on_selector_all("ul.a2a-figure-list img", "els => els.map((i) => [i.getAttribute('src'), i.width, i.height])")
        assert len(images) == len(BOOK_FIGURES) and all(w > 0 and h > 0 for _, w, h in images)
        for src, _, _ in images[:3]:
            assert page.request.get(base_url + "figures/" + src).status == 200
        chapters = page.eval_on_selector_all("section.a2a-figure-chapter h2", "els => els.map((h) => h.textContent)")
        assert len(chapters) == len({page for page, _ in FIGURES})
        width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert width[0] <= width[1]
        serious = serious_violations(page)
        assert not serious, "\n".join(serious)
        visit.check_clean()
    finally:
        visit.close()


# --- Screenshots to look at -------------------------------------------------------------------

@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("viewport", ["phone", "laptop"])
def test_screenshot_toolbar_and_table(browser, base_url, viewport, theme):  # noqa: F811
    visit = ThemedVisit(browser, base_url, "chapters/aid_history.html", viewport, theme)
    try:
        page = visit.page
        page.add_style_tag(content=".bd-header, .skip-link, .bd-header-article { display: none !important; }")
        page.click("#fig-aid-by-year button.a2a-tool-table")
        page.wait_for_selector("#fig-aid-by-year .a2a-table-view table", state="visible")
        assert page.get_attribute("#fig-aid-by-year button.a2a-tool-table", "aria-pressed") == "true"
        box = page.eval_on_selector("#fig-aid-by-year .a2a-table-view", "e => [e.scrollWidth > e.clientWidth + 1, e.getBoundingClientRect().right]")
        assert box[1] <= page.viewport_size["width"], "the table view is wider than the window"
        tall = page.eval_on_selector("#fig-aid-by-year", "e => Math.ceil(e.getBoundingClientRect().height)")
        page.set_viewport_size({"width": page.viewport_size["width"], "height": tall + 40})
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        width = page.viewport_size["width"]
        page.locator("#fig-aid-by-year").screenshot(path=str(SCREENSHOTS / f"figure-tools-{width}-{theme}.png"))
        visit.check_clean()
    finally:
        visit.close()
