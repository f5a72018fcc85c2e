"""A chart is laid out again when its box changes width, keeping its controls' state (issue 13).

A reader turns a phone, or narrows a window: each drawn chart is laid out for its new width
(embed.js watches its box), and a chosen period survives. Measured with the same script as
test_site_themes_browser (figure_fit_support.FIT_JS).
"""

from __future__ import annotations

import pytest

from figure_fit_support import FIT_JS, draw_all
from site_support import Visit

pytestmark = pytest.mark.browser


def test_charts_are_laid_out_again_when_the_window_narrows_and_keep_their_state(browser, base_url):
    visit = Visit(browser, base_url, "chapters/aid_history.html", {"width": 1366, "height": 900})
    page = visit.page
    fid = "fig-aid-period-totals"
    try:
        draw_all(page)
        wide = {f["id"]: f for f in page.evaluate(FIT_JS)}
        page.evaluate(f"async () => {{ const v = window.a2aViews['{fid}']; "
                      "v.signal('first_year', 2010).signal('last_year', 2010); await v.runAsync(); }")
        page.set_viewport_size({"width": 390, "height": 844})
        page.wait_for_function(
            "() => Array.from(document.querySelectorAll('figure.a2a-figure[data-rendered]')).every("
            "(f) => f.dataset.rendered === 'true' && Math.abs(Number(f.dataset.layoutWidth) - "
            "f.querySelector('.a2a-chart').getBoundingClientRect().width) < 4)", timeout=30_000)
        narrow = {f["id"]: f for f in page.evaluate(FIT_JS)}
        assert set(narrow) == set(wide)
        for f in narrow.values():
            assert f["box"] < 400 and f["drawn"] <= f["box"] and not f["scrolls"], f
            assert f["drawn"] < wide[f["id"]]["drawn"], f"{f['id']} was not laid out again"
        assert page.evaluate(f"window.a2aViews['{fid}'].signal('first_year')") == 2010
        assert "FY2010–FY2010" in page.text_content(f"#{fid} .a2a-chart svg")
        visit.check_clean()
    finally:
        visit.close()


@pytest.mark.parametrize("path,fid,param,shown", [
    ("chapters/trade_tariffs.html", "fig-trade-tariff-steps", "day", "10 Aug 2025"),
    ("chapters/trade_tariffs.html", "fig-trade-landed-cost", "day4", "10 Aug 2025"),
])
def test_day_sliders_read_as_dates(browser, base_url, path, fid, param, shown):
    """A slider over days shows the day as a date (not "221"), to sight and to screen readers,
    when moved from the keyboard and when the chart's state is set by a script."""
    visit = Visit(browser, base_url, path, {"width": 390, "height": 844})
    page = visit.page
    try:
        draw_all(page)
        slider = page.locator(f"#{fid} .vega-bindings input[type=range][name={param}]")
        text = lambda: slider.evaluate("e => [e.nextElementSibling.textContent, e.getAttribute('aria-valuetext')]")  # noqa: E731
        assert text() == [shown, shown]
        slider.focus()
        page.keyboard.press("ArrowRight")
        assert text() == ["11 Aug 2025"] * 2
        page.evaluate(f"async () => {{ await window.a2aViews['{fid}'].signal('{param}', 0).runAsync(); }}")
        assert text() == ["1 Jan 2025"] * 2
        visit.check_clean()
    finally:
        visit.close()
