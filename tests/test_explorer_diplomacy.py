"""The diplomacy explorer: its selections and totals, and its widgets' callbacks."""

import math

import pytest

from aid2assets import load
from aid2assets.explorers.diplomacy import (DiplomacyExplorer, aid_totals, categories, counts_by_category,
                                            events_in_period, imf_in_period, trade_totals)


@pytest.fixture(scope="module")
def tables():
    return load("events"), load("aid_greenbook"), load("aid_foreignassistance"), load("imf_programs")


def test_categories_are_the_schema_vocabulary():
    assert categories()[:2] == ["aid", "sanctions"] and len(categories()) == 10


def test_events_in_period_filters_years_and_categories(tables):
    events = tables[0]
    everything = events_in_period(events, 1900, 2100)
    assert len(everything) == len(events)
    sanctions_90s = events_in_period(events, 1990, 1999, ["sanctions"])
    assert list(sanctions_90s.date) == ["1990-10-01", "1995-10-24", "1998-05-30", "1999-10-12"]
    one_day = events_in_period(events, 1947, 1947)
    assert list(one_day.title.str.contains("recognizes")) == [True]


def test_events_in_period_rejects_bad_input(tables):
    with pytest.raises(ValueError, match="starts"):
        events_in_period(tables[0], 2000, 1990)
    with pytest.raises(ValueError, match="unknown categories"):
        events_in_period(tables[0], 1990, 2000, ["gossip"])


def test_counts_include_zero_categories(tables):
    selected = events_in_period(tables[0], 1947, 1953, ["aid", "nuclear", "visit/summit"])
    counts = counts_by_category(selected, ["nuclear", "aid", "visit/summit"]).set_index("category").events
    assert counts.to_dict() == {"aid": 1, "visit/summit": 2, "nuclear": 0}   # schema order kept


def test_aid_totals_greenbook_only(tables):
    _, gb, fa, _ = tables
    t = aid_totals(gb, fa, 1962, 1962).set_index("source")
    assert round(t.loc["Total", "total_musd"], 3) == 498.265          # Greenbook FY1962
    assert round(t.loc["USAID Greenbook", "economic_musd"], 1) == 403.4


def test_aid_totals_join_the_two_sources(tables):
    _, gb, fa, _ = tables
    t = aid_totals(gb, fa, 2019, 2025).set_index("source")
    assert list(t.index) == ["USAID Greenbook", "ForeignAssistance.gov (Nov 2025)", "Total"]
    assert (t.loc["USAID Greenbook", "first_fy"], t.loc["USAID Greenbook", "last_fy"]) == (2019, 2020)
    assert t.loc["ForeignAssistance.gov (Nov 2025)", "first_fy"] == 2021
    assert math.isclose(t.loc["Total", "total_musd"],
                        t.loc["USAID Greenbook", "total_musd"] + t.loc["ForeignAssistance.gov (Nov 2025)", "total_musd"])
    assert math.isnan(t.loc["Total", "economic_musd"])   # no split after FY2020
    recent = aid_totals(gb, fa, 2022, 2023)
    assert list(recent.source) == ["ForeignAssistance.gov (Nov 2025)", "Total"]


def test_imf_in_period(tables):
    imf = tables[3]
    recent = imf_in_period(imf, 2019, 2025)
    assert list(recent.facility_code) == ["EFF", "RFI", "SBA", "EFF", "RSF"]
    assert int(recent.is_arrangement.sum()) == 4


def test_trade_totals():
    trade = load("trade_us_goods_annual")
    t = trade_totals(trade, 1980, 1985).iloc[0]          # Census: 1985 exports 1,041.7, imports 273.9
    assert (t.first_year, t.last_year) == (1985, 1985)
    assert (t.exports_musd, t.imports_musd) == (1041.7, 273.9) and round(t.balance_musd, 1) == 767.8
    assert trade_totals(trade, 1950, 1960).empty


def test_widget_shows_trade_when_given(tables):
    ex = DiplomacyExplorer(*tables, start=1985, end=1985, trade=load("trade_us_goods_annual"))
    assert "US goods trade with Pakistan, 1985–1985" in ex.report.value and "1,041.7" in ex.report.value
    ex.period.value = (1950, 1960)
    assert "no annual figures" in ex.report.value


def test_widget_callbacks(tables):
    ex = DiplomacyExplorer(*tables)
    assert "1979–1990" in ex.report.value and "Zia" in ex.report.value
    ex.period.value = (1998, 1998)
    ex.categories.value = ("nuclear", "sanctions")
    assert "1998–1998: 2 events in 2 categories" in ex.report.value
    assert "FY1998–FY1998" in ex.report.value
    ex.categories.value = ()
    assert "Choose at least one category" in ex.report.value


def test_display_text_is_stable(tables):
    bundle = DiplomacyExplorer(*tables)._repr_mimebundle_()
    assert bundle["text/plain"].startswith("Diplomacy explorer")
    assert set(bundle) == {"text/plain"}  # no widget view (and its per-run id) outside a live front end
