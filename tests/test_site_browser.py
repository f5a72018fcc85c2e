"""The built site in headless Chromium, with every request off the local server refused.

Fails on: a request to another host, any console message or page error, a figure that does
not render, and a bound control that does not change its chart when operated from the
keyboard or mouse. Needs ``_build/html`` (the README's test command builds it first) and
Debian's Chromium at /usr/bin/chromium.
"""

from __future__ import annotations

import re

import pytest

from site_support import (ALL_FIGURES, DOWNLOADS, FIGURES, PAGES, SITE, Visit, bring_figures_into_view, chart_markup,
                          expect_change, form_state, operate, serious_violations, wait_for_figures)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_offline_with_clean_console(visit, path):
    visit = visit(path)
    drawn = visit.wait_for_own_figures(unfold=True)
    assert drawn == sum(1 for p, _ in ALL_FIGURES if p == path)
    visit.page.wait_for_timeout(300)
    visit.check_clean()




@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violations(visit, path):
    visit = visit(path)
    visit.wait_for_own_figures(unfold=True)
    serious = serious_violations(visit.page)
    assert not serious, "\n".join(serious)
    visit.check_clean()


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


def test_data_page_lists_every_table_with_a_working_download(visit):
    from aid2assets.data import table_names

    visit = visit("data.html")
    for name in table_names():
        assert visit.page.query_selector(f"#dataset-{name}"), f"{name} missing from the data page"
    links = visit.page.eval_on_selector_all("a.a2a-download", "els => els.map(e => e.href)")
    assert len(links) == len(table_names())
    for href in links:
        response = visit.page.request.get(href)
        assert response.status == 200 and response.body(), href
    visit.check_clean()


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
    from aid2assets.build.site import figure_html

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
