"""The assets explorer and the flows arithmetic it calls (aid2assets.flows)."""

import pandas as pd
import pytest

from aid2assets import flows as F
from aid2assets import load
from aid2assets.explorers.assets import FlowsExplorer, flows_html, flows_svg


@pytest.fixture(scope="module")
def bilateral():
    return F.add_share_of_gdp(F.bilateral_flows(load("assets_remittances_monthly"), load("aid_foreignassistance"),
                                                load("trade_us_goods_annual"), load("assets_fdi_by_country")),
                              load("assets_wdi"))


def tiny_remit(values, vintage="easydata-2025-04", corridor="usa"):
    months = [f"2019-{m:02d}" for m in range(7, 13)] + [f"2020-{m:02d}" for m in range(1, 7)]
    return pd.DataFrame({"vintage": vintage, "month": months[:len(values)], "fiscal_year": 2020,
                         "corridor": corridor, "value_musd": values, "attribution": "original_remitter"})


def test_fiscal_year_sum_and_completeness():
    fy = F.remittances_by_fy(tiny_remit([1.0] * 12))
    assert fy["value_musd"].iloc[0] == 12 and bool(fy["complete"].iloc[0])
    assert not F.remittances_by_fy(tiny_remit([1.0] * 9))["complete"].iloc[0]
    assert F.remittances_best_fy(tiny_remit([1.0] * 9)).empty


def test_later_vintage_preferred_when_complete():
    both = pd.concat([tiny_remit([1.0] * 12), tiny_remit([2.0] * 12, vintage="dashboard-2026-08")])
    best = F.remittances_best_fy(both)
    assert len(best) == 1 and best["value_musd"].iloc[0] == 24 and best["vintage"].iloc[0] == "dashboard-2026-08"


def test_vintage_difference_is_later_minus_earlier():
    both = pd.concat([tiny_remit([1.0] * 3), tiny_remit([1.5, 1.0, 0.5], vintage="dashboard-2026-08")])
    d = F.vintage_difference(both)
    assert d["difference_musd"].tolist() == [0.5, 0.0, -0.5]


def test_order_changes_follow_the_table():
    flows = pd.DataFrame({"flow": ["us_aid", "us_remittances"] * 3, "year": [1, 1, 2, 2, 3, 3],
                          "value_musd": [5, 1, 1, 5, 1, 5], "partial": False})
    assert F.order_changes(flows, flows_considered=("us_aid", "us_remittances")) == [
        (2, ("us_aid", "us_remittances"), ("us_remittances", "us_aid"))]


def test_partial_years_are_not_ranked(bilateral):
    ranked = F.ranking_by_year(bilateral)
    assert bilateral[(bilateral["flow"] == "us_aid") & bilateral["partial"]]["year"].tolist() == [2025]
    assert 2025 not in ranked["year"].tolist()


def test_share_of_gdp(bilateral):
    row = bilateral[(bilateral["flow"] == "us_remittances") & (bilateral["year"] == 2023)].iloc[0]
    assert row["share_of_gdp"] == pytest.approx(100 * row["value_musd"] / row["gdp_musd"])
    assert bilateral[bilateral["year"] > 2023]["share_of_gdp"].isna().all()


def test_select_flows(bilateral):
    t = F.select_flows(bilateral, ["us_remittances", "us_aid"], 2010, 2011)
    assert list(t.columns) == ["us_aid", "us_remittances"] and list(t.index) == [2010, 2011]
    assert round(t.loc[2010, "us_remittances"], 1) == 1771.1


def test_html_and_svg(bilateral):
    t = F.select_flows(bilateral, ["us_fdi", "us_aid"], 2024, 2026)
    text = flows_html(t, "musd", 2024, 2026)
    assert "<td>20.3</td>" in text and "<td>–</td>" in text
    svg = flows_svg(t, "musd", 2024, 2026)
    assert svg.startswith("<svg") and "US net FDI" in svg and svg == flows_svg(t, "musd", 2024, 2026)


def test_widget_callbacks(bilateral):
    ex = FlowsExplorer(bilateral, draw_chart=False)
    assert "2001–2026" in ex.table.value
    ex.years.value = (2010, 2011)
    ex.chosen.value = ("us_remittances",)
    assert "<td>1,771.1</td>" in ex.table.value and "2010–2011" in ex.table.value
    ex.measure.value = "share"
    assert "% of Pakistan" in ex.table.value and "<td>1,771.1</td>" not in ex.table.value
    ex.chosen.value = ()
    assert "Choose at least one flow" in ex.table.value


def test_widget_draws_a_chart(bilateral):
    ex = FlowsExplorer(bilateral)
    assert ex.chart.value.startswith("<svg")
    before = ex.chart.value
    ex.measure.value = "share"
    assert ex.chart.value != before


def test_headline_findings_are_computed():
    lines = F.headline_findings()
    assert len(lines) == 3 and "11.4 times" in lines[0] and "US$20.3m" in lines[1] and "87.6%" in lines[2]
