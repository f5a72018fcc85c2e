"""The assets tables: invariants, and known figures recomputed from the data (aid2assets.flows).

The research notes' numbers (shared/reference/assets_notes.md) are used here as checks only.
"""

import pandas as pd
import pytest

from aid2assets import flows as F
from aid2assets import load


@pytest.fixture(scope="module")
def t():
    names = ["assets_remittances_monthly", "assets_fdi_by_country", "assets_wdi", "assets_energy",
             "aid_foreignassistance", "trade_us_goods_annual"]
    return {n: load(n) for n in names}


@pytest.fixture(scope="module")
def flows(t):
    return F.add_share_of_gdp(F.bilateral_flows(t["assets_remittances_monthly"], t["aid_foreignassistance"],
                                                t["trade_us_goods_annual"], t["assets_fdi_by_country"]),
                              t["assets_wdi"])


# -- invariants -------------------------------------------------------------------------------------
def test_both_vintages_overlap_and_cover_their_spans(t):
    r = t["assets_remittances_monthly"]
    span = r.groupby("vintage")["month"].agg(["min", "max"])
    assert tuple(span.loc["easydata-2025-04"]) == ("1972-07", "2025-03")
    assert tuple(span.loc["dashboard-2026-08"]) == ("2021-08", "2026-07")
    overlap = F.vintage_difference(r)
    assert overlap["month"].min() == "2021-08" and overlap["month"].max() == "2025-03"
    assert len(overlap) == 44 * 7


def test_every_month_has_every_corridor(t):
    r = t["assets_remittances_monthly"]
    assert (r.groupby(["vintage", "month"])["corridor"].nunique() == 7).all()


def test_the_break_is_july_2019(t):
    r = t["assets_remittances_monthly"]
    usa = r[r["corridor"] == "usa"]
    assert set(usa.loc[usa["month"] < "2019-07", "attribution"]) == {"before_july_2019"}
    assert set(usa.loc[usa["month"] >= "2019-07", "attribution"]) == {"original_remitter"}


def test_corridors_do_not_exceed_the_total(t):
    r = t["assets_remittances_monthly"]
    wide = r.pivot_table(index=["vintage", "month"], columns="corridor", values="value_musd")
    parts = wide.drop(columns="total").sum(axis=1)
    assert (parts <= wide["total"] + 0.01).all()


def test_fdi_net_is_inflow_minus_outflow(t):
    f = t["assets_fdi_by_country"].pivot_table(index=["period", "country"], columns="measure", values="value_musd")
    f = f.dropna(subset=["fdi_inflow", "fdi_outflow", "fdi_net"])
    assert ((f["fdi_inflow"] - f["fdi_outflow"] - f["fdi_net"]).abs() < 1e-6).all()
    both = f.dropna(subset=["fpi_net"])
    assert ((both["fdi_net"] + both["fpi_net"] - both["total_net"]).abs() < 1e-6).all()


def test_fdi_countries_add_up_to_sbp_private_total(t):
    f = t["assets_fdi_by_country"]
    for period in ["jul_mar_fy2025", "jul_mar_fy2026", "2026-03"]:
        rows = f[(f["period"] == period) & (f["measure"] == "fdi_net")]
        countries = rows[~rows["country"].str.contains("total", case=False)]
        total = rows.loc[rows["country"] == "Foreign private investment (total)", "value_musd"].iloc[0]
        assert countries["value_musd"].sum() == pytest.approx(total, abs=1e-6)


def test_provisional_periods_are_flagged(t):
    f = t["assets_fdi_by_country"]
    assert f.groupby("period")["provisional"].first().to_dict() == {
        "2026-03": True, "jul_mar_fy2026": True, "jul_mar_fy2025": False}


def test_partial_finance_division_years_are_flagged(t):
    e = t["assets_energy"]
    fd = e[e["basis"] == "pakistan_fy"]
    assert set(fd.loc[fd["partial"], "year"]) == {2023, 2024}
    assert not e.loc[e["basis"] == "calendar", "partial"].any()


def test_lng_by_source_adds_up(t):
    e = t["assets_energy"]
    rows = e[e["series"] == "lng_imports_by_source"]
    total = rows.loc[rows["partner"] == "all", "value"].iloc[0]
    assert rows.loc[rows["partner"] != "all", "value"].sum() == pytest.approx(total, rel=1e-9)
    lng = e[(e["series"] == "lng_imports") & (e["year"] == 2023)]["value"].iloc[0]
    assert total == pytest.approx(lng, rel=1e-9)


def test_no_oil_reserves_series(t):
    """The data hold no oil-reserves figure for Pakistan: the chapter and claims check say so."""
    assert not t["assets_energy"]["series"].str.contains("oil_.*reserves").any()


def test_us_crude_cargoes_are_press_reports(t):
    e = t["assets_energy"]
    cargoes = e[e["series"] == "us_crude_cargo"]
    assert len(cargoes) == 2 and cargoes["note"].str.startswith("press report").all()
    assert (cargoes["status"] == "REPORTED").all()   # one press report each: shown as reported


# -- known figures (checks from the research notes, recomputed) --------------------------------------
def test_us_remittances_fy2023_and_break(t):
    fy = F.remittances_best_fy(t["assets_remittances_monthly"]).set_index(["corridor", "fiscal_year"])["value_musd"]
    assert round(fy["usa", 2023], 1) == 3167.8
    assert round(fy["usa", 2019], 0) == 3309 and round(fy["usa", 2020], 0) == 1743
    assert fy["total", 2020] > fy["total", 2019]  # the total rises while the US line halves


def test_us_remittances_against_aid(flows):
    w = flows.pivot_table(index="year", columns="flow", values="value_musd")
    assert round(w.loc[2010, "us_remittances"], 1) == 1771.1
    assert round(w.loc[2011, "us_aid"], 1) == 2120.3
    assert 10 < w.loc[2023, "us_remittances"] / w.loc[2023, "us_aid"] < 14


def test_us_fdi_jul_mar(t):
    f = F.us_fdi_jul_mar(t["assets_fdi_by_country"]).set_index("year")["value_musd"]
    assert round(f[2025], 1) == 20.3 and round(f[2026], 1) == 8.8
    share = F.fdi_by_country(t["assets_fdi_by_country"], "jul_mar_fy2025").set_index("country")["share"]
    assert round(100 * share["United States"], 1) == 1.1
    share26 = F.fdi_by_country(t["assets_fdi_by_country"], "jul_mar_fy2026").set_index("country")["share"]
    assert round(100 * share26["United States"], 2) == 0.65


def test_gas_figures(t):
    g = F.gas_balance(t["assets_energy"]).set_index("year")
    assert round(g.loc[2005, "reserves_tcm"], 3) == 0.677 and round(g.loc[2020, "reserves_tcm"], 3) == 0.385
    assert round(g.loc[2010, "production_bcm"], 1) == 35.3 and round(g.loc[2023, "production_bcm"], 1) == 27.8
    assert round(100 * g.loc[2023, "lng_share_of_use"]) == 27
    lng = F.lng_by_source(t["assets_energy"]).set_index("partner")
    assert round(100 * lng.loc["Qatar", "share"], 1) == 87.6
    assert round(lng.loc["United States", "bcm"], 3) == 0.084


def test_crude_fy2022_about_a_quarter_domestic(t):
    c = F.crude_balance(t["assets_energy"]).set_index("fiscal_year")
    assert 0.2 < c.loc[2022, "domestic_share"] < 0.3 and not c.loc[2022, "partial"]


def test_national_remittances_dwarf_fdi_2023(t):
    n = F.national_flows(t["assets_wdi"]).pivot_table(index="year", columns="flow", values="usd_bn")
    assert round(n.loc[2023, "Personal remittances received"], 2) == 26.56
    assert round(n.loc[2023, "FDI, net inflows"], 2) == 2.05


def test_imports_are_the_largest_flow_and_aid_overtook_remittances_twice(flows):
    big = F.largest_by_year(flows)
    assert set(big["largest"]) == {"us_imports"}
    changes = [year for year, _, _ in F.order_changes(flows)]
    assert changes == [2002, 2003, 2010, 2012]


def test_the_2016_gas_gap_is_noted_and_left_out(t):
    e = t["assets_energy"]
    row = e[(e["series"] == "gas_production") & (e["year"] == 2016)].iloc[0]
    assert row["value"] == 0 and row["note"].startswith("SUSPECT")
    g = F.gas_balance(e).set_index("year")
    assert pd.isna(g.loc[2016, "production_bcm"]) and g.loc[2017, "production_bcm"] > 30
