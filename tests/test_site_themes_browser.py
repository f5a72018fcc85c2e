"""The built site on a phone and on a laptop, in the light and the dark theme.

At 390×844 and 1366×900, in each theme the site offers (pydata-sphinx-theme's switch:
light, dark, or the system's setting, which is one of the two), every page of the book:

* is no wider than the viewport (and on a phone the data page's schemas do not scroll
  sideways);
* lays every figure out for its box (solutions that hold figures are opened first): no chart
  drawn wider than its box, no chart box scrolling sideways, no chart text under 10 CSS px, no
  plot squeezed under 100 px by its labels and legends, and
  a chart that declares the ``narrow`` param has it set exactly when its box is narrow;
* shows captions, how-to lines, source notes and control labels at a contrast of at least
  4.5:1 on the background they are drawn on;
* in dark mode, draws every chart on the page's background with axis, legend and title text
  at 4.5:1 or more, and passes axe-core with no serious or critical violation.

Switching the theme on an open page redraws its charts and keeps the state of their controls.
Screenshots of the landing page, a chapter with figures, the references and the data page at
both widths and in both themes are written to ``_build/screenshots/``, and one of every figure
to ``_build/screenshots/figures/<figure>-<width>-<theme>.png``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from figure_fit_support import FIT_JS, MIN_PLOT, NARROW_JS, draw_all
from site_support import PAGES, THEME_LOGS, Visit, serious_violations

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parent.parent / "_build" / "screenshots"
from figure_fit_support import NARROW_BELOW, VIEWPORTS  # noqa: E402  (390×844 and 1366×900)
THEMES = ("light", "dark")
SHOWN = {"intro.html": "landing", "chapters/aid_history.html": "chapter", "references.html": "references",
         "data.html": "data"}
# the first figure; the heading that was too wide on a phone; the reference with a long path
SHOWN_PART = {"chapters/aid_history.html": "figure.a2a-figure", "data.html": "#dataset-aid_foreignassistance",
              "references.html": "text=presidents/presidents.xml"}
DARK_LOGS = THEME_LOGS + ("log: [PST]: Changed to dark mode using the dark theme.",
                          "log: [PST]: Changed to auto mode using the dark theme.")

# The WCAG contrast of an element's text colour on the first opaque background behind it.
CONTRAST_JS = """(selector) => {
  const rgb = (s) => (s.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map((c) => { c /= 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; })
    .reduce((s, c, i) => s + c * [0.2126, 0.7152, 0.0722][i], 0);
  const ratio = (a, b) => { const [h, l] = [lum(a), lum(b)].sort((x, y) => y - x); return (h + 0.05) / (l + 0.05); };
  const backdrop = (e) => {
    for (let n = e; n; n = n.parentElement) {
      const c = rgb(getComputedStyle(n).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0.9)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  return Array.from(document.querySelectorAll(selector))
    .filter((e) => e.getClientRects().length && e.textContent.trim())
    .map((e) => [e.className || e.tagName, e.textContent.trim().slice(0, 40),
                 ratio(rgb(getComputedStyle(e).color).slice(0, 3), backdrop(e))]);
}"""
TEXT_SELECTOR = ", ".join([
    "figure.a2a-figure .a2a-title", "figure.a2a-figure .a2a-howto", "figure.a2a-figure .a2a-desc",
    "figure.a2a-figure .a2a-source", "figure.a2a-figure .a2a-sources > summary", "figure.a2a-figure .a2a-links a", "figure.a2a-figure .vega-bind-name",
    "figure.a2a-figure .vega-bind label", "div.a2a-table .a2a-desc", "div.a2a-table .a2a-source",
    "div.a2a-table .a2a-table-status", "div.a2a-table .a2a-table-filter label", "div.a2a-table caption",
    ".a2a-schema caption", ".a2a-student-link a", ".bd-search input", ".bd-search .search-button__default-text",
])

# Chart text drawn as SVG: the fill of every axis, legend and title label, against the
# chart's background as Vega reports it.
CHART_TEXT_JS = """() => Object.entries(window.a2aViews || {}).map(([id, view]) => {
  const svg = document.querySelector(`#${id} .a2a-chart svg`);
  const fills = Array.from(svg.querySelectorAll('.role-axis text, .role-legend text, .role-title text'))
    .map((t) => t.getAttribute('fill') || getComputedStyle(t).fill);
  return [id, view.background(), Array.from(new Set(fills))];
})"""


class ThemedVisit(Visit):
    """A page at one of VIEWPORTS in one theme (the system's scheme may differ), every figure drawn."""

    logs = DARK_LOGS

    def __init__(self, browser, base_url, path, viewport, theme, system="light"):
        width, height = VIEWPORTS[viewport]
        super().__init__(browser, base_url, path, {"width": width, "height": height}, color_scheme=system,
                         init_script=f"localStorage.setItem('mode', '{theme}'); localStorage.setItem('theme', '{theme}');")
        self.figures = self.page.eval_on_selector_all("figure.a2a-figure", "els => els.length")
        if self.figures:
            # Figures are drawn as they near the view (static/loader.js); the loader's hook
            # draws them all at once (solutions that hold one opened), so that every chart on
            # the page can be measured.
            draw_all(self.page)
            self.page.wait_for_function(
                f"document.querySelectorAll('figure.a2a-figure[data-rendered=\"true\"]').length === {self.figures}",
                timeout=30_000)
        assert self.page.evaluate("document.documentElement.dataset.theme") == theme


def contrast(r, g, b, r2, g2, b2):
    def lum(*c):
        c = [x / 255 for x in c]
        c = [x / 12.92 if x <= 0.04045 else ((x + 0.055) / 1.055) ** 2.4 for x in c]
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]
    hi, lo = sorted((lum(r, g, b), lum(r2, g2, b2)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def parse_colour(text):
    text = text.strip()
    if text.startswith("#"):
        h = text[1:]
        h = "".join(c * 2 for c in h) if len(h) == 3 else h
        return tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))
    if text.startswith("rgb"):
        return tuple(int(float(x)) for x in text[text.index("(") + 1:text.index(")")].split(",")[:3])
    named = {"black": (0, 0, 0), "white": (255, 255, 255)}
    return named[text]


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("path", PAGES)
def test_page_fits_and_its_text_reads_in_each_theme(browser, base_url, path, viewport, theme):
    visit = ThemedVisit(browser, base_url, path, viewport, theme)
    page = visit.page
    try:
        width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert width[0] <= width[1], f"{path} is {width[0]} px wide in a {width[1]} px window"
        if viewport == "phone":  # the data page's schemas stack on a phone rather than scroll sideways
            scrolling = page.eval_on_selector_all(".a2a-schema", "els => els.filter(e => e.scrollWidth > e.clientWidth + 1).length")
            assert not scrolling, f"{path}: {scrolling} schema tables scroll sideways on a phone"
        weak = [f"{cls} '{text}' {ratio:.2f}:1" for cls, text, ratio in page.evaluate(CONTRAST_JS, TEXT_SELECTOR)
                if ratio < 4.5]
        assert not weak, f"{path} ({viewport}, {theme}): text under 4.5:1: {weak}"
        if theme == "dark":
            background = parse_colour(page.evaluate(
                "getComputedStyle(document.documentElement).getPropertyValue('--pst-color-background')"))
            for fid, chart_bg, fills in page.evaluate(CHART_TEXT_JS):
                assert parse_colour(chart_bg) == background, f"{fid} is drawn on {chart_bg}, not the dark page"
                low = [f for f in fills if contrast(*parse_colour(f), *background) < 4.5]
                assert not low, f"{fid}: chart text colours under 4.5:1 on the dark page: {low}"
        figures = page.evaluate(FIT_JS)
        assert len(figures) == visit.figures
        cut = [f"{f['id']} drawn {f['drawn']} px in a {f['box']} px box" + (" (scrolls)" if f["scrolls"] else "")
               for f in figures if f["drawn"] > f["box"] or f["scrolls"]]
        assert not cut, f"{path} ({viewport}, {theme}): figures cut: {cut}"
        small = [f"{f['id']}: {f['minFont']} px" for f in figures if f["minFont"] is not None and f["minFont"] < 10]
        assert not small, f"{path} ({viewport}, {theme}): chart text under 10 px: {small}"
        squeezed = [f"{f['id']}: {f['plot']} px" for f in figures if f["plot"] is not None and f["plot"] < MIN_PLOT]
        assert not squeezed, f"{path} ({viewport}, {theme}): plots squeezed by their labels: {squeezed}"
        wrong = [f"{fid}: narrow={narrow} in a {box} px box" for fid, box, narrow in page.evaluate(NARROW_JS)
                 if narrow != (box < NARROW_BELOW)]
        assert not wrong, f"{path} ({viewport}): {wrong}"
        if figures:
            # the sticky header would cover the top of a figure scrolled into view
            page.add_style_tag(content=".bd-header, .skip-link, .bd-header-article { display: none !important; }")
            (SCREENSHOTS / "figures").mkdir(parents=True, exist_ok=True)
            for f in figures:
                tall = page.eval_on_selector(f"#{f['id']}", "e => Math.ceil(e.getBoundingClientRect().height)")
                if tall > VIEWPORTS[viewport][1]:  # a figure taller than the window is shot whole
                    page.set_viewport_size({"width": VIEWPORTS[viewport][0], "height": tall + 40})
                page.locator(f"#{f['id']}").screenshot(
                    path=str(SCREENSHOTS / "figures" / f"{f['id'][4:]}-{VIEWPORTS[viewport][0]}-{theme}.png"))
        if path in SHOWN:
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            name = f"{SHOWN[path]}-{VIEWPORTS[viewport][0]}-{theme}"
            page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))
            if path in SHOWN_PART:  # and the part of the page that issue 13 is about
                page.locator(SHOWN_PART[path]).first.scroll_into_view_if_needed()
                page.screenshot(path=str(SCREENSHOTS / f"{name}-part.png"))
        visit.check_clean()
    finally:
        visit.close()


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violations_in_dark_mode(browser, base_url, path):
    visit = ThemedVisit(browser, base_url, path, "laptop", "dark")
    try:
        serious = serious_violations(visit.page)
        assert not serious, "\n".join(serious)
        visit.check_clean()
    finally:
        visit.close()


def test_switching_the_theme_redraws_charts_and_keeps_their_state(browser, base_url):
    """The theme switch in the header redraws the open chapter's charts on the dark background;
    a period chosen before the switch is still chosen after it. The switch goes from light to
    the system's setting, here dark: the third mode the site offers."""
    visit = ThemedVisit(browser, base_url, "chapters/aid_history.html", "laptop", "light", system="dark")
    page = visit.page
    fid = "fig-aid-period-totals"
    try:
        page.evaluate(f"async () => {{ const v = window.a2aViews['{fid}']; "
                      "v.signal('first_year', 2010).signal('last_year', 2010); await v.runAsync(); }")
        assert page.evaluate(f"window.a2aViews['{fid}'].background()") in ("white", "#ffffff", "#fff")
        page.click(".theme-switch-button")
        page.wait_for_function("document.documentElement.dataset.theme === 'dark'")
        page.wait_for_function(
            "() => Object.values(window.a2aViews).every((v) => v.background() !== 'white') && "
            "document.querySelectorAll('figure.a2a-figure[data-rendered=\"true\"]').length === "
            "document.querySelectorAll('figure.a2a-figure').length", timeout=30_000)
        assert page.evaluate(f"window.a2aViews['{fid}'].signal('first_year')") == 2010
        assert "FY2010–FY2010" in page.text_content(f"#{fid} .a2a-chart svg")
        slider = page.eval_on_selector_all(f"#{fid} .vega-bindings input[type=range]", "els => els.map(e => e.value)")
        assert "2010" in slider, f"the controls no longer show the chosen period: {slider}"
        visit.check_clean()
    finally:
        visit.close()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_one_search_box_and_its_icon_beside_the_query(browser, base_url, viewport):
    """One visible way to search per page (the sidebar's field, or the header's icon on a
    phone), and on the search page the magnifying glass does not cover the query."""
    visit = ThemedVisit(browser, base_url, "chapters/aid_history.html", viewport, "light")
    page = visit.page
    try:
        visible = page.eval_on_selector_all(
            ".search-button-field, .search-button", "els => els.filter(e => e.getClientRects().length && "
            "e.getBoundingClientRect().width > 0 && getComputedStyle(e).visibility !== 'hidden').length")
        assert visible == 1, f"{visible} search boxes or buttons visible at {viewport} width"
        page.goto(base_url + "search.html?q=tariff", wait_until="load")
        icon, text_start = page.evaluate(
            "() => { const f = document.querySelector('.bd-search-container form.bd-search, form.bd-search:not(#pst-search-dialog form)');"
            " const i = f.querySelector('.fa-magnifying-glass').getBoundingClientRect();"
            " const input = f.querySelector('input'); const r = input.getBoundingClientRect();"
            " return [i.right, r.left + parseFloat(getComputedStyle(input).paddingLeft)]; }")
        assert icon <= text_start, f"the search icon (right edge {icon:.0f}) covers the query (from {text_start:.0f})"
        assert not visit.refused, visit.refused  # (the search page logs the theme's own focus messages)
    finally:
        visit.close()
