"""Every figure a tool (issue 24), in headless Chromium on the built site.

* the view in the address: for every figure, every bound control set to a value other than its
  default; the address taken and opened in a fresh browser shows the same control values, the
  same signals and the same numbers, and the table view's rows equal the "data shown" download;
  a malformed address shows the default view with a clean console;
* every range control at its minimum and its maximum draws with a clean console;
* saved images: the SVG holds the title, the source line and the address as text on white, also
  when the page is dark; the PNG has the same size in both themes and the figure's name;
* touch and hover: at 390x844 with touch, tapping an aid-by-year bar shows its value; on a
  laptop, hovering the FY2010 bar where the Kerry–Lugar–Berman event rule crosses it shows the
  bar's figure, not the rule's;
* figure pages: figures/<id>.html for every figure, passing the chapters' checks (no request
  off the server, clean console, no serious axe violation, fits 390 px, dark mode), and the
  All figures page links every one.

Needs ``_build/html`` (``./dev.sh build``) and /usr/bin/chromium, like the other site tests.
"""

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

SCREENSHOTS = Path(__file__).resolve().parent.parent / "_build" / "screenshots"
BOOK_FIGURES = sorted({fid[4:] for _, fid in FIGURES})   # ids without "fig-"
CHAPTER_OF = {fid[4:]: page for page, fid in FIGURES}

# Set every control of a figure to a value other than its default, as a reader would: a click
# on another radio button, a tick box toggled, another option chosen, a slider moved one step
# (up, or down at its maximum; a slider whose step would leave the range is moved to its other end).
SET_ALL_JS = """(fid) => {
  const figure = document.getElementById(fid);
  const seen = new Set();
  const changed = [];
  for (const el of figure.querySelectorAll('.vega-bindings input[name], .vega-bindings select[name]')) {
    if (seen.has(el.name)) continue;
    seen.add(el.name);
    if (el.type === 'radio') {
      const other = Array.from(figure.querySelectorAll(`.vega-bindings input[name="${el.name}"]`)).find((r) => !r.checked);
      if (!other) continue;
      other.click();
    } else if (el.type === 'checkbox') {
      // every box that is off goes on; of those that are on, the first goes off if another stays
      // on (all series off draws an empty chart: see test_every_range_control... and issue 24)
      const boxes = Array.from(figure.querySelectorAll('.vega-bindings input[type=checkbox]'));
      const on = boxes.filter((b) => b.checked && !changed.includes(b.name));
      if (el.checked && !(on[0] === el && boxes.filter((b) => b.checked).length > 1)) continue;
      el.click();
    } else if (el.tagName === 'SELECT') {
      el.selectedIndex = el.selectedIndex === 0 ? 1 : 0;
      el.dispatchEvent(new Event('change', { bubbles: true }));
      el.dispatchEvent(new Event('input', { bubbles: true }));
    } else if (el.type === 'range') {
      const step = Number(el.step) || 1, min = Number(el.min), max = Number(el.max), now = Number(el.value);
      el.value = String(now + step <= max ? now + step : now - step >= min ? now - step : min);
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }
    changed.push(el.name);
  }
  return changed;
}"""

STATE_JS = """(fid) => {
  const figure = document.getElementById(fid);
  const view = window.a2aViews[fid];
  const names = Array.from(new Set(Array.from(figure.querySelectorAll('.vega-bindings [name]')).map((e) => e.name)));
  return {
    form: Array.from(figure.querySelectorAll('.vega-bindings input, .vega-bindings select'))
      .map((e) => e.type === 'radio' || e.type === 'checkbox' ? e.checked : e.value),
    signals: Object.fromEntries(names.map((n) => [n, view.signal(n)])),
  };
}"""

TABLE_JS = """(fid) => {
  const figure = document.getElementById(fid);
  const table = figure.querySelector('.a2a-table-view table');
  const rows = Array.from(table.querySelectorAll('tr')).map((tr) => Array.from(tr.cells).map((c) => c.textContent));
  return { rows, caption: table.caption.textContent, shown: figure.querySelector('a.a2a-download-shown').href };
}"""


def open_table(page, fid):
    page.click(f"#{fid} button.a2a-tool-table")
    page.wait_for_selector(f"#{fid} .a2a-table-view table", state="visible")
    return page.evaluate(TABLE_JS, fid)


def csv_rows(data_url):
    assert data_url.startswith("data:text/csv;charset=utf-8,")
    text = urllib.parse.unquote(data_url.split(",", 1)[1])
    return list(csv.reader(io.StringIO(text)))


def same_cell(shown, saved):
    """A table cell and its CSV value: the same text, or the same number without its grouping."""
    if shown == saved:
        return True
    try:
        return abs(float(shown.replace(",", "")) - float(saved)) < 1e-6 * max(1.0, abs(float(saved)))
    except ValueError:
        return False


def check_table_equals_download(table, fid):
    saved = csv_rows(table["shown"])
    assert len(table["rows"]) == len(saved) > 1, f"{fid}: {len(table['rows'])} table rows, {len(saved)} CSV rows"
    for shown_row, saved_row in zip(table["rows"], saved):
        assert len(shown_row) == len(saved_row) and all(map(same_cell, shown_row, saved_row)), \
            f"{fid}: table row {shown_row} is not the CSV row {saved_row}"


DRAWN_JS = "id => ['true', 'error'].includes(document.getElementById(id)?.dataset.rendered)"


def settled(page, fid):
    """Drawn, and still drawn a moment later (a figure is laid out again if its box changes)."""
    page.wait_for_function(DRAWN_JS, arg=fid, timeout=20_000)
    page.wait_for_timeout(400)
    page.wait_for_function(DRAWN_JS, arg=fid, timeout=20_000)


def open_figure(browser, base_url, path, fid, **context):  # noqa: F811
    visit = Visit(browser, base_url, path, context.get("viewport"))
    visit.page.locator(f"#{fid}").scroll_into_view_if_needed()
    settled(visit.page, fid)
    assert visit.page.get_attribute(f"#{fid}", "data-rendered") == "true", f"{fid} was not drawn"
    return visit


# Known: the flows chart in % of GDP with US aid hidden logs "Infinite extent" warnings (an
# empty layer: a chapter-side fix, see the report on issue 24).
KNOWN_ROUND_TRIP_FAILURES = {"assets-flows"}


@pytest.mark.parametrize("name", [
    pytest.param(f, marks=pytest.mark.xfail(strict=True, reason="chapter-side: an empty layer logs warnings"))
    if f in KNOWN_ROUND_TRIP_FAILURES else f for f in BOOK_FIGURES])
def test_the_view_in_the_address_opens_again(browser, base_url, name):  # noqa: F811
    """Set every control off its default, take the address, open it fresh: the same view and numbers."""
    fid = f"fig-{name}"
    first = open_figure(browser, base_url, f"figures/{name}.html", fid)
    try:
        page = first.page
        default = page.evaluate(STATE_JS, fid)
        changed = page.evaluate(SET_ALL_JS, fid)
        assert changed, f"{fid} has no controls"
        page.wait_for_function("([fid, n]) => (new URLSearchParams(location.search).get(fid) || '').split(',').length >= n",
                               arg=[fid, 1], timeout=5_000)
        page.wait_for_timeout(300)
        state = page.evaluate(STATE_JS, fid)
        assert state != default, f"{fid}: operating the controls changed nothing"
        address = page.url
        assert urllib.parse.urlsplit(address).fragment == fid, "the fragment does not name the figure"
        table = open_table(page, fid)
        check_table_equals_download(table, fid)
        first.check_clean()
    finally:
        first.close()
    again = open_figure(browser, base_url, address[len(base_url):], fid)
    try:
        assert again.page.get_attribute(f"#{fid}", "data-restored") == "true"
        assert again.page.evaluate(STATE_JS, fid) == state, f"{fid}: {address} did not restore the view"
        table_again = open_table(again.page, fid)
        # the same rows (a series toggled on is drawn after the others: the order may differ)
        assert table_again["rows"][0] == table["rows"][0], f"{fid}: other columns after reopening"
        assert sorted(table_again["rows"]) == sorted(table["rows"]), f"{fid}: the numbers shown differ after reopening"
        check_table_equals_download(table_again, fid)
        again.check_clean()
    finally:
        again.close()


MALFORMED = ["{fid}=nonsense", "{fid}=basis:nope,show_events:maybe,first_year:99999,zz:1,:,,%E0%A4%A",
             "{fid}=%ZZ", "{fid}=first_year:,last_year:abc,day:-5,measure:<script>"]


@pytest.mark.parametrize("query", MALFORMED)
@pytest.mark.parametrize("name", ["aid-by-year", "aid-period-totals", "overview-timeline", "trade-tariff-steps"])
def test_a_malformed_address_shows_the_default_view(browser, base_url, name, query):  # noqa: F811
    fid = f"fig-{name}"
    plain = open_figure(browser, base_url, f"figures/{name}.html", fid)
    try:
        default = plain.page.evaluate(STATE_JS, fid)
    finally:
        plain.close()
    visit = open_figure(browser, base_url, f"figures/{name}.html?{query.format(fid=fid)}#{fid}", fid)
    try:
        assert visit.page.evaluate(STATE_JS, fid) == default
        visit.check_clean()
    finally:
        visit.close()


def test_two_figures_on_a_chapter_keep_their_own_state(browser, base_url):  # noqa: F811
    path = "chapters/aid_history.html"
    visit = open_figure(browser, base_url, path, "fig-aid-by-year")
    try:
        page = visit.page
        page.click("#fig-aid-by-year input[name=basis][value=current]")
        page.locator("#fig-aid-comparison").scroll_into_view_if_needed()
        page.wait_for_function("document.getElementById('fig-aid-comparison').dataset.rendered === 'true'")
        page.click("#fig-aid-comparison input[name=show_ISR]")
        page.wait_for_function("location.search.includes('fig-aid-comparison=')")
        address = page.url
        assert "fig-aid-by-year=basis:current" in address and "fig-aid-comparison=show_ISR:true" in address
        assert address.endswith("#fig-aid-comparison")
        visit.check_clean()
    finally:
        visit.close()
    again = Visit(browser, base_url, address[len(base_url):])
    try:
        page = again.page
        # the figure the fragment names is scrolled to and drawn with its state, without scrolling by hand
        page.wait_for_function("document.getElementById('fig-aid-comparison').dataset.rendered === 'true'", timeout=20_000)
        assert page.evaluate("window.a2aViews['fig-aid-comparison'].signal('show_ISR')") is True
        page.wait_for_timeout(300)
        top = page.eval_on_selector("#fig-aid-comparison", "e => e.getBoundingClientRect().top")
        assert -5 <= top < 300, f"the figure named in the address is not in view (top at {top} px)"
        page.locator("#fig-aid-by-year").scroll_into_view_if_needed()
        page.wait_for_function("document.getElementById('fig-aid-by-year').dataset.rendered === 'true'")
        assert page.evaluate("window.a2aViews['fig-aid-by-year'].signal('basis')") == "current"
        again.check_clean()
    finally:
        again.close()


def range_controls():
    from aid2assets.figures import stored_figures

    found = []

    def walk(node, out):
        if isinstance(node, dict):
            bind = node.get("bind")
            if isinstance(bind, dict) and bind.get("input") == "range" and isinstance(node.get("name"), str):
                out.append(node["name"])
            for v in node.values():
                walk(v, out)
        elif isinstance(node, list):
            for v in node:
                walk(v, out)
    for nb in sorted((Path(__file__).resolve().parent.parent / "chapters").glob("*.ipynb")):
        for fid, payload in stored_figures(nb).items():
            names = []
            walk(payload["spec"], names)
            found += [(fid, n) for n in dict.fromkeys(names)]
    return found


# Known: the overview's "To year" at 1948 draws NaN paths (a chapter-side fix, see issue 24).
KNOWN_EDGE_FAILURES = {"overview-timeline"}
RANGE_FIGURES = sorted({f for f, _ in range_controls()})


@pytest.mark.parametrize("name", [
    pytest.param(f, marks=pytest.mark.xfail(strict=True, reason="chapter-side: NaN paths at a slider's edge"))
    if f in KNOWN_EDGE_FAILURES else f for f in RANGE_FIGURES])
def test_every_range_control_draws_at_its_edges(browser, base_url, name):  # noqa: F811
    fid = f"fig-{name}"
    visit = open_figure(browser, base_url, f"figures/{name}.html", fid)
    try:
        page = visit.page
        sliders = page.eval_on_selector_all(f"#{fid} .vega-bindings input[type=range]", "els => els.map((e) => e.name)")
        assert sliders, f"{fid}: no slider"
        for param in sliders:
            control = page.locator(f"#{fid} .vega-bindings input[type=range][name='{param}']")
            start = control.input_value()
            for end in ("min", "max"):
                control.evaluate(f"e => {{ e.value = e.{end}; e.dispatchEvent(new Event('input', {{bubbles: true}})); }}")
                page.evaluate(f"async () => {{ await window.a2aViews['{fid}'].runAsync(); }}")
                page.wait_for_timeout(150)
                marks = page.eval_on_selector_all(f"#{fid} .a2a-chart svg path, #{fid} .a2a-chart svg line", "els => els.length")
                assert marks > 0, f"{fid}: nothing drawn with {param} at its {end}"
                bad = page.eval_on_selector_all(f"#{fid} .a2a-chart svg path",
                                                "els => els.filter(e => /NaN/.test(e.getAttribute('d') || '')).length")
                assert not bad, f"{fid}: {bad} paths with NaN with {param} at its {end}"
                visit.check_clean()  # at once, to name the slider and end that logged
            # back to where it was, so that each slider is tested with the others at their defaults
            control.evaluate("(e, v) => { e.value = v; e.dispatchEvent(new Event('input', {bubbles: true})); }", start)
        visit.check_clean()
    finally:
        visit.close()


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
