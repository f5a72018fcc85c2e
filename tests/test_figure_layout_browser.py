"""A chart is laid out again when its box changes width, keeping its controls' state (issue 13).

A reader turns a phone, or narrows a window: each drawn chart is laid out for its new width
(embed.js watches its box), and a chosen period survives. Measured with the same script as
test_site_themes_browser (figure_fit_support.FIT_JS).
"""

from __future__ import annotations

import pytest

from figure_fit_support import FIT_JS, draw_all
from test_site_browser import Visit, base_url, browser  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser


def test_charts_are_laid_out_again_when_the_window_narrows_and_keep_their_state(browser, base_url):  # noqa: F811
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
