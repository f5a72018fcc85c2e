"""The built site in headless Chromium, with every request off the local server refused.

Fails on: a request to another host, any console message or page error, a figure that does
not render, and a bound control that does not change its chart when operated from the
keyboard or mouse. Needs ``_build/html`` (the README's test command builds it first) and
Debian's Chromium at /usr/bin/chromium.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

SITE = Path(__file__).resolve().parent.parent / "_build" / "html"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
REPO = Path(__file__).resolve().parent.parent


def _stored():
    from aid2assets.figures import stored_figures

    for nb_path in sorted((REPO / "chapters").glob("*.ipynb")):
        for fid, payload in stored_figures(nb_path).items():
            yield f"chapters/{nb_path.stem}.html", "fig-" + fid, payload


# (page, figure element id) for every figure stored in every chapter notebook, and the CSV
# each one offers for download.
ALL_FIGURES = [(page, fid) for page, fid, _ in _stored()]
# Book figures; "sketch-" figures are plain charts made in exercise solutions, which have
# no controls and sit folded inside solutions (test_sketches_render checks them).
FIGURES = [(page, fid) for page, fid in ALL_FIGURES if not fid.startswith("fig-sketch-")]
DOWNLOADS = {fid: payload["download"]["csv"] for _, fid, payload in _stored()}


def _toc_pages():
    from toc_support import toc, toc_files

    return [f + ".html" for f in [toc()["root"]] + toc_files()]


# Every page of the book (the root is built as intro.html), plus any figure page not in the
# table of contents.
PAGES = _toc_pages() + sorted({page for page, _ in FIGURES} - set(_toc_pages()))
# Informational lines the stock theme logs on every page (console.log, not errors). Anything
# else in the console (errors, warnings, other logs, uncaught exceptions) fails the test.
THEME_LOGS = ("log: [PST]: Changed to light mode using the light theme.",
              "log: [togglebutton]: Adding toggle buttons to ",
              # logged when the current page's sidebar link sits below mid-window (five or more entries)
              "log: [PST]: Scrolled sidebar using last active link...")


@pytest.fixture(scope="module")
def base_url():
    if not (SITE / "index.html").exists():
        pytest.fail(f"{SITE} is missing: build the book first (see README)")
    from aid2assets.serve import make_server

    server = make_server(SITE, quiet=True)  # the book's own server (gzip), as ./dev.sh serve
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium package (see README)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Visit:
    """One page in a fresh browser context, recording refused requests and console output."""

    def __init__(self, browser, base_url, path, viewport=None):
        self.base = base_url
        self.context = browser.new_context(viewport=viewport or {"width": 1280, "height": 900})
        self.refused, self.console = [], []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.console.append(f"pageerror: {e}"))
        self.page.on("response", lambda r: self.console.append(f"http {r.status}: {r.url}") if r.status >= 400 else None)
        self.page.goto(base_url + path, wait_until="load")

    def _route(self, route):
        url = route.request.url
        if url.startswith(self.base) or url.startswith("data:"):
            route.continue_()
        else:
            self.refused.append(url)
            route.abort()

    def check_clean(self):
        assert not self.refused, f"requests left the local server: {self.refused}"
        unexpected = [m for m in self.console if not m.startswith(THEME_LOGS)]
        assert not unexpected, f"console was not empty: {unexpected}"

    def wait_for_own_figures(self, unfold=False):
        """Scroll to each figure, as a reader would, and wait until it has been drawn (the site
        draws a chart only as it nears the viewport). Figures in closed solutions are drawn
        once opened: with ``unfold``, those solutions are opened first, so that every figure
        on the page is drawn; without it they stay closed and undrawn."""
        return bring_figures_into_view(self.page, unfold)

    def close(self):
        self.context.close()


def wait_for_figures(page, expected):
    page.wait_for_function(
        f"document.querySelectorAll('figure.a2a-figure[data-rendered=\"true\"]').length === {expected}",
        timeout=20_000)


def bring_figures_into_view(page, unfold=False):
    """Scroll each figure into view in turn and wait until it is drawn; return how many.

    Figures inside a closed solution are left alone unless ``unfold`` opens those solutions
    first. A figure that fails to draw fails the test at once, with its id.
    """
    if unfold:
        unfold_solutions(page)
        page.wait_for_function("!document.querySelector('.toggle-hidden figure.a2a-figure')", timeout=5_000)
    ids = page.eval_on_selector_all(
        "figure.a2a-figure", "els => els.filter(e => !e.closest('.toggle-hidden')).map(e => e.id)")
    for fid in ids:
        page.locator(f"#{fid}").scroll_into_view_if_needed()
        page.wait_for_function("id => ['true', 'error'].includes(document.getElementById(id).dataset.rendered)",
                               arg=fid, timeout=20_000)
        assert page.get_attribute(f"#{fid}", "data-rendered") == "true", f"{fid} could not be drawn"
    return len(ids)


def unfold_solutions(page):
    """Open every folded exercise solution that holds a figure, so that its controls can be operated."""
    page.eval_on_selector_all(
        ".admonition.toggle-hidden",
        "els => els.filter(e => e.querySelector('figure.a2a-figure'))"
        ".forEach(e => e.querySelector('button.toggle-button').click())")


def chart_markup(page, fid):
    return page.eval_on_selector(f"#{fid} .a2a-chart svg", "svg => svg.outerHTML")


def expect_change(page, fid, before, what):
    try:
        page.wait_for_function(
            "([fid, before]) => document.querySelector(`#${fid} .a2a-chart svg`).outerHTML !== before",
            arg=[fid, before], timeout=5_000)
    except Exception:
        pytest.fail(f"{fid}: operating {what} did not change the chart")


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_offline_with_clean_console(browser, base_url, path):
    visit = Visit(browser, base_url, path)
    try:
        drawn = visit.wait_for_own_figures(unfold=True)
        assert drawn == sum(1 for p, _ in ALL_FIGURES if p == path)
        visit.page.wait_for_timeout(300)
        visit.check_clean()
    finally:
        visit.close()


def serious_violations(page):
    """axe-core's serious and critical violations on the page, one line each.

    axe-core is bundled by axe-playwright-python and served from memory, not a CDN. Preload is
    off: axe would re-fetch stylesheets' @imports relative to the page (a 404 that the browser
    itself never makes); the checks run on the live, fully styled page anyway.
    """
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"resultTypes": ["violations"], "preload": False})
    return [f"{v['impact']} {v['id']}: {v['help']} ({len(v['nodes'])}x, e.g. {v['nodes'][0]['target']})"
            for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violations(browser, base_url, path):
    visit = Visit(browser, base_url, path)
    try:
        visit.wait_for_own_figures(unfold=True)
        serious = serious_violations(visit.page)
        assert not serious, "\n".join(serious)
        visit.check_clean()
    finally:
        visit.close()


# The figure and control tests run on a laptop and on a phone: every control must be reachable
# by Tab and operable at both widths (the charts are laid out differently at each).
FIGURE_VIEWPORTS = {"laptop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(scope="module", params=list(FIGURE_VIEWPORTS))
def pages(browser, base_url, request):
    """One open visit per chapter page and viewport, reused by the figure and control tests."""
    open_visits = {}

    def get(path):
        if path not in open_visits:
            visit = Visit(browser, base_url, path, FIGURE_VIEWPORTS[request.param])
            drawn = bring_figures_into_view(visit.page, unfold=True)
            assert drawn == sum(1 for p, _ in ALL_FIGURES if p == path)
            open_visits[path] = visit
        return open_visits[path]
    yield get
    for visit in open_visits.values():
        visit.check_clean()
        visit.close()


def test_every_chapter_has_figures():
    assert len(FIGURES) >= 4 and "chapters/aid_history.html" in PAGES


@pytest.mark.parametrize("path,fid", FIGURES)
def test_figure_renders_with_caption_and_download(pages, path, fid):
    page = pages(path).page
    assert page.eval_on_selector(f"#{fid}", "f => f.dataset.rendered") == "true"
    marks = page.eval_on_selector_all(f"#{fid} .a2a-chart svg .mark-rect path, #{fid} .a2a-chart svg .mark-line path, "
                                      f"#{fid} .a2a-chart svg .mark-rule line", "els => els.length")
    assert marks > 0, f"{fid} drew no marks"
    title = page.inner_text(f"#{fid} .a2a-title")
    number = page.inner_text(f"#{fid} .a2a-fignum")   # "Figure 3.2." (aid2assets/numbering.py)
    assert re.fullmatch(r"Figure \d+\.\d+\.", number) and title.startswith(number)
    title = title[len(number):].strip()
    label = page.eval_on_selector(f"#{fid} .a2a-chart [role='graphics-document']", "e => e.getAttribute('aria-label')")
    assert label.startswith(title) and len(label) > len(title) + 40, "the chart has no text alternative"
    assert page.inner_text(f"#{fid} .a2a-source").startswith("Source:")
    href = page.eval_on_selector(f"#{fid} a.a2a-download", "a => a.href")   # absolute URL
    response = page.request.get(href)
    assert response.status == 200, f"{fid}: download {href} returned {response.status}"
    assert response.text() == DOWNLOADS[fid], f"{fid}: the download is not the data shown"


def operate(page, control, kind, forward=True):
    """Change a control from the keyboard (the select list by choosing another option)."""
    if kind in ("radio", "checkbox"):
        control.focus()
        page.keyboard.press("Space")
    elif kind == "range":
        # Move down, unless the slider starts at its minimum (a "from" slider set to the
        # first year); then move up, and remember which way to go back.
        control.focus()
        if forward:
            raise_it = control.evaluate("e => Number(e.value) <= Number(e.min)")
            control.evaluate("(e, up) => { e.dataset.testRaised = up ? '1' : '' }", raise_it)
        else:
            raise_it = control.evaluate("e => e.dataset.testRaised === '1'")
        step = "ArrowRight" if raise_it else "ArrowLeft"
        back = "ArrowLeft" if raise_it else "ArrowRight"
        for _ in range(2):
            page.keyboard.press(step if forward else back)
    elif kind == "select":
        options = control.evaluate("s => Array.from(s.options).map(o => o.value)")
        control.select_option(options[1] if forward else options[0])
    else:
        pytest.fail(f"unexpected control type {kind}")


@pytest.mark.parametrize("path,fid", FIGURES)
def test_every_bound_control_changes_its_chart(pages, path, fid):
    """Each control, operated from the default state, changes the chart; then it is put back."""
    page = pages(path).page
    controls = page.query_selector_all(f"#{fid} .vega-bindings input, #{fid} .vega-bindings select")
    assert controls, f"{fid} has no controls"
    initial = form_state(page, fid)
    operated = 0
    for control in controls:
        kind = control.get_attribute("type") or control.evaluate("e => e.tagName.toLowerCase()")
        if kind == "radio" and control.is_checked():
            continue  # the current choice; the other options are operated
        label = control.evaluate("e => e.closest('.vega-bind').textContent.trim()")
        default = control.evaluate_handle("e => e.closest('.vega-bind').querySelector('input:checked, input, select')").as_element()
        before = chart_markup(page, fid)
        operate(page, control, kind)
        expect_change(page, fid, before, f"{kind} '{label}'")
        operated += 1
        # back to the default, so that the next control is tested from the same state
        if kind == "radio":
            default.focus()
            page.keyboard.press("Space")
        else:
            operate(page, control, kind, forward=False)
        assert form_state(page, fid) == initial, f"{fid}: could not put '{label}' back"
    assert operated >= 2


def form_state(page, fid):
    return page.eval_on_selector_all(
        f"#{fid} .vega-bindings input, #{fid} .vega-bindings select",
        "els => els.map(e => e.type === 'radio' || e.type === 'checkbox' ? e.checked : e.value)")


def test_period_totals_read_out(pages):
    """The period picker adds up the chosen years in the browser (FY2010 alone, current dollars)."""
    page = pages("chapters/aid_history.html").page
    view = "window.a2aViews['fig-aid-period-totals']"
    page.evaluate(f"async () => {{ const v = {view}; v.signal('first_year', 2010).signal('last_year', 2010)"
                  ".signal('basis', 'current'); await v.runAsync(); }")
    text = page.text_content("#fig-aid-period-totals .a2a-chart svg")
    assert "FY2010–FY2010" in text
    assert "Economic aid: $1,751.8 million" in text
    assert "Military aid: $929.2 million" in text


def test_data_page_lists_every_table_with_a_working_download(browser, base_url):
    from aid2assets.data import table_names

    visit = Visit(browser, base_url, "data.html")
    try:
        for name in table_names():
            assert visit.page.query_selector(f"#dataset-{name}"), f"{name} missing from the data page"
        links = visit.page.eval_on_selector_all("a.a2a-download", "els => els.map(e => e.href)")
        assert len(links) == len(table_names())
        for href in links:
            response = visit.page.request.get(href)
            assert response.status == 200 and response.body(), href
        visit.check_clean()
    finally:
        visit.close()


@pytest.mark.parametrize("path,fid", FIGURES)
def test_controls_are_reachable_with_tab(pages, path, fid):
    """From a figure's first control, Tab visits every control group of that figure in turn."""
    page = pages(path).page
    groups = page.eval_on_selector_all(f"#{fid} .vega-bindings .vega-bind", "els => els.length")
    page.focus(f"#{fid} .vega-bindings .vega-bind :is(input:checked, input:not([type=radio]), select)")
    visited = []
    for _ in range(groups):
        visited.append(page.evaluate(
            f"() => {{ const e = document.activeElement; const b = e.closest('#{fid} .vega-bind'); "
            f"return b ? Array.from(document.querySelectorAll('#{fid} .vega-bind')).indexOf(b) : -1; }}"))
        page.keyboard.press("Tab")
    assert visited == list(range(groups)), f"{fid}: Tab order visited groups {visited}"


def test_text_from_data_cannot_inject_script(browser, base_url, tmp_path):
    """A `<script>`/onerror payload in data text (titles, notes, tooltip fields) stays text.

    The page is made with the book's own figure HTML and bundle, served from the built site.
    """
    import altair as alt
    import pandas as pd

    from aid2assets.figures import Figure
    from aid2assets.site import figure_html

    payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'
    data = pd.DataFrame({"year": [2000, 2001], "value": [1.0, 2.0], "note": [payload, "plain"]})
    chart = alt.Chart(data).mark_bar().encode(x="year:O", y="value:Q", tooltip=["note:N"]).add_params(
        alt.param(name="k", value=1, bind=alt.binding_range(min=0, max=2, step=1, name="k ")))
    fig = Figure(chart, id="xss", title=payload, description=payload, source=payload, note=payload, data=data)
    page_html = ("<!doctype html><html><head><meta charset='utf-8'><title>x</title>"
                 "<script defer src='_static/a2a/loader.js'></script></head><body>"
                 + figure_html(fig.payload(), "data/") + "</body></html>")
    target = SITE / "_xss_check.html"
    target.write_text(page_html, encoding="utf-8")
    try:
        visit = Visit(browser, base_url, "_xss_check.html")
        wait_for_figures(visit.page, 1)
        visit.page.hover("#fig-xss .a2a-chart svg .mark-rect path")
        visit.page.wait_for_timeout(300)
        assert visit.page.evaluate("window.__pwned") is None
        assert payload in visit.page.inner_text("#fig-xss .a2a-title")   # shown as text
        assert visit.page.query_selector("#fig-xss img[src='x']") is None
        visit.page.wait_for_selector("#vg-tooltip-element", state="attached")
        assert visit.page.query_selector("#vg-tooltip-element img") is None
        visit.check_clean()
        visit.close()
    finally:
        target.unlink()


def test_sketches_render(pages):
    """Plain charts in solutions are drawn by the book's own bundle too (folded until opened)."""
    sketches = [(path, fid) for path, fid in ALL_FIGURES if fid.startswith("fig-sketch-")]
    assert sketches, "no exercise chart found: the test would check nothing"
    for path, fid in sketches:
        page = pages(path).page
        assert page.get_attribute(f"#{fid}", "data-rendered") == "true", fid
        assert page.eval_on_selector(f"#{fid} .a2a-chart svg", "svg => svg.querySelectorAll('path, text').length") > 10
