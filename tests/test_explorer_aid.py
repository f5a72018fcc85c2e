"""The aid explorer: its arithmetic, and its widgets' callbacks."""

import pytest

from aid2assets.explorers.aid import AidExplorer, annual_totals, period_summary
from fixture_support import table_fixture


gb = table_fixture("aid_greenbook")
countries = table_fixture("countries")


def test_period_summary_single_year(gb):
    s = period_summary(gb, ["PAK"], 1962, 1962, "current").iloc[0]
    assert round(s.total_musd, 3) == 498.265          # Greenbook FY1962 total
    assert round(s.economic_musd, 1) == 403.4
    assert s.years == 1


def test_period_summary_counts_transition_quarter(gb):
    with_tq = period_summary(gb, ["PAK"], 1976, 1976, "current").iloc[0].total_musd
    fy1976 = gb[(gb.country_iso3 == "PAK") & (gb.fiscal_year == 1976) & (gb.period == "year")]
    assert with_tq > fy1976.obligations_current_usd.sum() / 1e6


def test_period_summary_whole_span(gb):
    s = period_summary(gb, ["PAK", "IND"], 1946, 2020, "constant").set_index("country_iso3")
    assert round(s.loc["PAK", "total_musd"] / 1000, 3) == 69.152   # $69.152bn constant 2020
    assert round(s.loc["PAK", "military_share"], 3) == 0.233      # 23.3% military in constant $


def test_period_summary_rejects_bad_input(gb):
    with pytest.raises(ValueError, match="starts"):
        period_summary(gb, ["PAK"], 2000, 1990)
    with pytest.raises(ValueError, match="basis"):
        period_summary(gb, ["PAK"], 1990, 2000, "nominal")


def test_annual_totals(gb):
    a = annual_totals(gb, ["PAK"], 2009, 2011, "current")
    assert list(a.fiscal_year) == [2009, 2010, 2011]
    assert round(a.set_index("fiscal_year").loc[2010, "total_musd"], 1) == 2681.1


def test_widget_callbacks(gb, countries):
    ex = AidExplorer(gb, countries, draw_chart=False)
    assert "FY2002–FY2011" in ex.table.value
    ex.period.value = (1962, 1962)
    ex.countries.value = ("PAK",)
    ex.basis.value = "current"
    assert "FY1962–FY1962" in ex.table.value
    assert "<td>498.3</td>" in ex.table.value and "current US$" in ex.table.value
    ex.countries.value = ()
    assert "Choose at least one country" in ex.table.value


def test_widget_draws_chart(gb, countries):
    ex = AidExplorer(gb, countries, start=1982, end=1990, chosen=("PAK",))
    assert ex.chart.value.startswith("<svg")
    before = ex.chart.value
    ex.countries.value = ("PAK", "EGY")
    assert ex.chart.value != before and "Egypt" in ex.chart.value


def test_display_text_is_stable(gb, countries):
    bundle = AidExplorer(gb, countries, draw_chart=False)._repr_mimebundle_()
    assert bundle["text/plain"].startswith("Aid explorer")
    assert set(bundle) == {"text/plain"}  # no widget view (and its per-run id) outside a live front end


def _svg(markup):
    """Parse the chart's markup; return the root element and its <title> text."""
    import xml.etree.ElementTree as ET

    root = ET.fromstring(markup)
    ns = "{http://www.w3.org/2000/svg}"
    assert root.tag == ns + "svg" and root.get("role") == "img"
    assert root.find(ns + "desc").text.strip()
    return root, root.find(ns + "title").text


def test_chart_is_an_accessible_svg_that_follows_the_controls(gb, countries):
    ex = AidExplorer(gb, countries, start=2002, end=2011, chosen=("PAK",))
    root, title = _svg(ex.chart.value)
    assert title == "US aid obligations by fiscal year, FY2002–FY2011"
    assert "constant 2020 US$" in ex.chart.value          # units in the axis title
    assert ex.chart.value.count("<polyline") == 1
    before = ex.chart.value
    ex.period.value = (1982, 1990)
    assert _svg(ex.chart.value)[1] == "US aid obligations by fiscal year, FY1982–FY1990"
    after_period = ex.chart.value
    ex.basis.value = "current"
    assert ex.chart.value != after_period and "current US$" in ex.chart.value
    ex.countries.value = ("PAK", "EGY")
    assert ex.chart.value.count("<polyline") == 2 and "Egypt" in ex.chart.value
    assert ex.chart.value != before


def test_chart_is_deterministic(gb, countries):
    one = AidExplorer(gb, countries).chart.value
    assert one == AidExplorer(gb, countries).chart.value
