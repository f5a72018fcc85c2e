"""The overview figure's brush, driven with a real mouse in headless Chromium.

The generic browser tests operate every bound control from the keyboard; this test drags
across the overview strip with the mouse and checks that the two sliders, the linked views and
the summary follow, and that a slider then moves the period shaded on the strip.
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

from aid2assets.figures import stored_figures

pytestmark = pytest.mark.browser
FIG = "#fig-overview-timeline"
NB = Path(__file__).resolve().parent.parent / "chapters" / "overview.ipynb"


def year_to_x(box, year, first=1948, last=2026):
    return box["x"] + box["width"] * (year - first) / (last - first)


def summary(page):
    return page.eval_on_selector(f"{FIG} svg g.concat_4_group", "g => g.textContent")


def sliders(page):
    return page.eval_on_selector_all(f"{FIG} .vega-bindings input[type=range]", "els => els.map(e => Number(e.value))")


def test_dragging_across_the_strip_sets_the_sliders_and_the_linked_views(visit):
    visit = visit("chapters/overview.html")
    page = visit.page
    visit.wait_for_own_figures(unfold=True)
    assert summary(page).startswith("1948-2025: aid $30.6 bn")
    assert sliders(page) == [1948, 2025]
    strip = page.locator(f"{FIG} svg g.concat_5_group path.background").first
    strip.scroll_into_view_if_needed()
    box = strip.bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(year_to_x(box, 1980.2), y)
    page.mouse.down()
    page.mouse.move(year_to_x(box, 1986), y, steps=4)
    page.mouse.move(year_to_x(box, 1992.2), y, steps=4)
    page.mouse.up()
    page.wait_for_function(f"!document.querySelector('{FIG} svg g.concat_4_group').textContent.startsWith('1948')")
    # the nearest years are picked, and the sliders show them
    assert sliders(page) == [1980, 1992]
    view = "window.a2aViews['fig-overview-timeline']"
    assert page.evaluate(f"[{view}.signal('lo'), {view}.signal('hi')]") == [1980, 1993]
    # the summary line adds up exactly the chosen years of the figure's own data
    rows = pd.read_csv(io.StringIO(stored_figures(NB)["overview-timeline"]["download"]["csv"]))
    period = rows[(rows["year"] >= 1980) & (rows["year"] <= 1992)]
    expected = f"1980-1992: aid ${period['aid_musd'].sum() / 1000:,.1f} bn"
    assert summary(page).startswith(expected)
    # the detail views now span only the chosen years
    ticks = page.eval_on_selector_all(f"{FIG} svg g.concat_0_group g.role-axis-label text",
                                      "els => els.map(e => e.textContent)")
    years = [int(t) for t in ticks if t.isdigit() and int(t) > 1900]  # x labels, not the y axis
    assert years and min(years) >= 1980 and max(years) <= 1993, ticks
    # a slider moved with the keyboard moves the period (and the shaded band) in turn
    page.focus(f"{FIG} .vega-bindings input[type=range] >> nth=0")
    page.keyboard.press("ArrowLeft")
    page.wait_for_function(f"{view}.signal('lo') === 1979")
    assert sliders(page) == [1979, 1992] and summary(page).startswith("1979-1992")
    visit.check_clean()
