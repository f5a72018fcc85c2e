"""The overview figure's brush, driven with a real mouse in headless Chromium.

The generic browser tests operate every bound control from the keyboard; a brush has no
keyboard binding (the figure's sliders are its keyboard alternative), so this test drags
across the overview strip and checks that the linked views and the summary follow.
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
from test_site_browser import Visit, base_url, browser  # noqa: F401  (fixtures)

from aid2assets.figures import stored_figures

pytestmark = pytest.mark.browser
FIG = "#fig-overview-timeline"
NB = Path(__file__).resolve().parent.parent / "chapters" / "overview.ipynb"


def year_to_x(box, year, first=1948, last=2026):
    return box["x"] + box["width"] * (year - first) / (last - first)


def summary(page):
    return page.eval_on_selector(f"{FIG} svg g.concat_1_group", "g => g.textContent")


def test_brushing_the_strip_updates_the_linked_views(browser, base_url):
    visit = Visit(browser, base_url, "chapters/overview.html")
    try:
        page = visit.page
        visit.wait_for_own_figures(unfold=True)
        assert summary(page).startswith("1948-2025: aid $30.6 bn")
        strip = page.locator(f"{FIG} svg g.role-scope").first.locator("path.background").first
        strip.scroll_into_view_if_needed()
        box = strip.bounding_box()
        y = box["y"] + box["height"] / 2
        page.mouse.move(year_to_x(box, 1980.2), y)
        page.mouse.down()
        page.mouse.move(year_to_x(box, 1986), y, steps=4)
        page.mouse.move(year_to_x(box, 1992.8), y, steps=4)
        page.mouse.up()
        page.wait_for_function(f"!document.querySelector('{FIG} svg g.concat_1_group').textContent.startsWith('1948')")
        brushed = page.evaluate("window.a2aViews['fig-overview-timeline'].signal('brush')")
        assert 1979.5 < brushed["year"][0] < 1981 and 1992 < brushed["year"][1] < 1993.5
        # the summary line adds up exactly the brushed years of the figure's own data
        rows = pd.read_csv(io.StringIO(stored_figures(NB)["overview-timeline"]["download"]["csv"]))
        lo, hi = brushed["year"]
        period = rows[(rows["year"] >= lo) & (rows["year"] < hi)]
        expected = f"{int(period['year'].min())}-{int(period['year'].max())}: aid ${period['aid_musd'].sum() / 1000:,.1f} bn"
        assert summary(page).startswith(expected)
        # the detail views now span only the brushed years
        ticks = page.eval_on_selector_all(f"{FIG} svg g.concat_2_group g.role-axis-label text",
                                          "els => els.map(e => e.textContent)")
        years = [int(t) for t in ticks if t.isdigit() and int(t) > 1900]  # x labels, not the y axis
        assert years and min(years) >= 1980 and max(years) <= 1993, ticks
        visit.check_clean()
    finally:
        visit.close()
