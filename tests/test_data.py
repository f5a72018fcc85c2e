"""Data invariants and known figures.

The expected values are the publishers' figures as recorded in the book's research notes
(USAID Greenbook rows, ForeignAssistance.gov rows, CRS table cells), each cited inline.
"""

import pandas as pd
import pytest

from aid2assets import load
from aid2assets.data import descriptor, table_names
from fixture_support import table_fixture


gb = table_fixture("aid_greenbook")
fa = table_fixture("aid_foreignassistance")
crs = table_fixture("aid_crs_pakistan")


def pak_total(gb, fy, column="obligations_current_usd", category=None, period="year"):
    rows = gb[(gb.country_iso3 == "PAK") & (gb.fiscal_year == fy) & (gb.period == period)]
    if category:
        rows = rows[rows.category == category]
    return int(rows[column].sum())


def test_every_table_loads_and_is_described():
    meta = descriptor()
    for name in table_names():
        frame = load(name)
        res = next(r for r in meta["resources"] if r["name"] == name)
        assert list(frame.columns) == [f["name"] for f in res["schema"]["fields"]]
        assert res.get("title") and res.get("description"), f"{name} needs a title and description"
        assert res.get("licenses"), f"{name} needs a licence"


def test_every_row_names_a_source_and_status():
    for name in table_names():
        frame = load(name)
        source_col = "source_id" if "source_id" in frame.columns else "source"
        assert frame[source_col].notna().all() and (frame[source_col].str.len() > 0).all(), name
        if "status" in frame.columns:
            assert frame["status"].isin(["VERIFIED", "DERIVED", "RECALLED", "EDITORIAL", "REPORTED", "CONTESTED"]).all(), name


def test_fields_with_money_state_their_unit():
    for res in descriptor()["resources"]:
        for field in res["schema"]["fields"]:
            if field["name"].endswith(("_usd", "_musd", "usd_millions")):
                assert "unit" in field, f"{res['name']}.{field['name']} has no unit"


# --- Known figures: USAID Greenbook (obligations) ---------------------------------------------

def test_fy1948_first_aid(gb):
    # Greenbook: FY1948 economic $100,000 current, $896,861 constant 2020.
    assert pak_total(gb, 1948, category="economic") == 100_000
    assert pak_total(gb, 1948, "obligations_constant_2020_usd", "economic") == 896_861


def test_fy1962_peak(gb):
    # Greenbook FY1962: total $498.3m current ($498,265,000 on the FA.gov row), $3.337bn constant 2020;
    # economic $403.4m, military $94.9m.
    assert pak_total(gb, 1962) == 498_265_000
    assert round(pak_total(gb, 1962, "obligations_constant_2020_usd") / 1e9, 3) == 3.337
    assert pak_total(gb, 1962, category="economic") == 403_400_000
    assert round(pak_total(gb, 1962, category="military") / 1e6, 1) == 94.9


def test_fy1962_is_constant_dollar_peak(gb):
    pak = gb[(gb.country_iso3 == "PAK") & (gb.period == "year")]
    by_year = pak.groupby("fiscal_year")["obligations_constant_2020_usd"].sum()
    assert by_year.idxmax() == 1962


def test_fy1956_military_peak(gb):
    # Greenbook: FY1956 military $166.8m current = $1.258bn constant 2020.
    assert round(pak_total(gb, 1956, category="military") / 1e6, 1) == 166.8
    assert round(pak_total(gb, 1956, "obligations_constant_2020_usd", "military") / 1e9, 3) == 1.258


def test_pressler_fall(gb):
    # Greenbook totals: $542.4m (FY1990) -> $101.3m (FY1991) -> $21.4m (FY1992); FA.gov row FY1991 101266220.
    assert round(pak_total(gb, 1990) / 1e6, 1) == 542.4
    assert pak_total(gb, 1991) == 101_266_220
    assert round(pak_total(gb, 1992) / 1e6, 1) == 21.4


def test_fy1995_low_point(gb):
    # Greenbook FY1995: total $17.12m current ($27.1m constant 2020); military $0.
    assert round(pak_total(gb, 1995) / 1e6, 2) == 17.12
    assert round(pak_total(gb, 1995, "obligations_constant_2020_usd") / 1e6, 1) == 27.1
    assert pak_total(gb, 1995, category="military") == 0


def test_fy2002_and_fy2010(gb):
    # Greenbook FY2002 total $831.5m; FY2010 total $2.681bn (economic $1.752bn, military $929m).
    assert round(pak_total(gb, 2002) / 1e6, 1) == 831.5
    assert round(pak_total(gb, 2010) / 1e9, 3) == 2.681
    assert round(pak_total(gb, 2010, category="economic") / 1e9, 3) == 1.752
    assert round(pak_total(gb, 2010, category="military") / 1e6) == 929


def test_fy2010_is_current_dollar_peak(gb):
    pak = gb[(gb.country_iso3 == "PAK") & (gb.period == "year")]
    assert pak.groupby("fiscal_year")["obligations_current_usd"].sum().idxmax() == 2010


def test_fy2018_suspension(gb):
    # Greenbook FY2018: military $1.03m, economic $422.6m, total $423.6m.
    assert round(pak_total(gb, 2018, category="military") / 1e6, 2) == 1.03
    assert round(pak_total(gb, 2018) / 1e6, 1) == 423.6


def test_cumulative_1948_2020(gb):
    # Greenbook FY1948-FY2020, all periods incl. 1976TQ: $29.854bn current, $69.152bn constant 2020;
    # economic $21.339bn, military $8.515bn current.
    pak = gb[gb.country_iso3 == "PAK"]
    assert round(pak.obligations_current_usd.sum() / 1e9, 3) == 29.854
    assert round(pak.obligations_constant_2020_usd.sum() / 1e9, 3) == 69.152
    by_cat = pak.groupby("category").obligations_current_usd.sum()
    assert round(by_cat["economic"] / 1e9, 3) == 21.339
    assert round(by_cat["military"] / 1e9, 3) == 8.515


def test_transition_quarter_kept(gb):
    tq = gb[(gb.country_iso3 == "PAK") & (gb.period == "transition quarter")]
    assert set(tq.category) == {"economic", "military"}
    # Greenbook row coded 1976.9: economic $64.4m current.
    assert int(tq[tq.category == "economic"].obligations_current_usd.sum()) == 64_400_000


def test_comparison_cumulative_totals(gb):
    # Greenbook FY1946-FY2020 cumulative totals, current $bn (research notes, section 6).
    expected = {"ISR": 138.85, "AFG": 120.15, "EGY": 83.47, "PAK": 29.85, "IND": 17.03, "BGD": 9.05}
    totals = gb.groupby("country_iso3").obligations_current_usd.sum() / 1e9
    for iso, value in expected.items():
        assert round(totals[iso], 2) == value, iso


def test_fy2010_ranking(gb):
    # FY2010: Afghanistan $10,873.6m, Israel $2,837.6m, Pakistan $2,681.1m.
    fy = gb[(gb.fiscal_year == 2010) & (gb.period == "year")].groupby("country_iso3").obligations_current_usd.sum()
    assert list(fy.sort_values(ascending=False).index[:3]) == ["AFG", "ISR", "PAK"]
    assert round(fy["AFG"] / 1e6, 1) == 10_873.6


def test_first_greenbook_year_matches_countries_table(gb):
    countries = load("countries").set_index("iso3")
    first = gb[gb.source_rows > 0].groupby("country_iso3").fiscal_year.min()
    for iso, fy in first.items():
        assert countries.loc[iso, "first_greenbook_fy"] == fy, iso


def test_greenbook_zero_rows_are_marked(gb):
    empty = gb[gb.source_rows == 0]
    assert (empty.obligations_current_usd == 0).all()
    assert (empty.obligations_constant_2020_usd == 0).all()


# --- ForeignAssistance.gov ---------------------------------------------------------------------

def fa_value(fa, fy, kind="obligations", download="2025-11", iso="PAK"):
    row = fa[(fa.country_iso3 == iso) & (fa.fiscal_year == fy) & (fa.transaction_type == kind)
             & (fa.download == download) & (fa.period == "year")]
    assert len(row) == 1
    return int(row.current_usd.iloc[0])


def test_fagov_recent_years(fa):
    # FA.gov Nov-2025 download: obligations FY2020 200,445,526; FY2024 169,109,669; FY2025 (partial) 69,170,054.
    assert fa_value(fa, 2020) == 200_445_526
    assert fa_value(fa, 2024) == 169_109_669
    assert fa_value(fa, 2025) == 69_170_054
    assert fa_value(fa, 2012, "disbursements") < fa_value(fa, 2012)  # FY2012: $0.77bn paid vs $1.24bn committed


def test_fagov_revision_is_visible(fa):
    # FY2024 obligations: $136,588,260 in the Apr-2025 download, $169,109,669 in Nov-2025.
    assert fa_value(fa, 2024, download="2025-04") == 136_588_260


def test_fagov_constant_base_years(fa):
    bases = fa.groupby("download").constant_base_fy.unique()
    assert list(bases["2025-11"]) == [2024]
    assert list(bases["2025-04"]) == [2023]


def test_greenbook_and_fagov_agree_on_early_years(gb, fa):
    """Both publish the same obligations for the early decades (FY1962 and FY1991 quoted in the notes)."""
    for fy in (1962, 1988, 1991):
        assert pak_total(gb, fy) == fa_value(fa, fy)


# --- CRS -----------------------------------------------------------------------------------------

def crs_value(crs, period, item, table=None):
    rows = crs[(crs.period == period) & (crs.line_item == item)]
    if table:
        rows = rows[rows.table_date == pd.Timestamp(table)]
    assert len(rows) == 1, (period, item, table)
    return rows.usd_millions.iloc[0]


def test_crs_totals(crs):
    # 2019 table, FY2002-FY2018: security 8,284; economic 11,326; CSF 14,573; grand total 34,183.
    assert crs_value(crs, "FY2002–FY2018", "security-related total") == 8284
    assert crs_value(crs, "FY2002–FY2018", "economic-related total") == 11326
    assert crs_value(crs, "FY2002–FY2018", "CSF reimbursements") == 14573
    assert crs_value(crs, "FY2002–FY2018", "grand total") == 34183


def test_crs_yearly_figures_add_up(crs):
    yearly = crs[(crs.line_item == "CSF reimbursements") & crs.usd_millions.notna()
                 & ((crs.first_fy == crs.last_fy) | (crs.period == "FY2002–FY2007"))
                 & ~((crs.period == "FY2013") & (crs.table_date == pd.Timestamp("2014-03-06")))]
    assert yearly.usd_millions.sum() == 14573


def test_crs_fy2013_disagreement_is_kept(crs):
    assert crs_value(crs, "FY2013", "CSF reimbursements", "2014-03-06") == 353
    assert crs_value(crs, "FY2013", "CSF reimbursements", "2019-03-12") == 1438
    derived = crs[(crs.period == "FY2013") & (crs.line_item == "CSF reimbursements") & (crs.status == "DERIVED")]
    assert len(derived) == 1


def test_crs_missing_csf_is_empty_not_zero(crs):
    for fy in ("FY2017", "FY2018"):
        rows = crs[(crs.period == fy) & (crs.line_item == "CSF reimbursements")]
        assert rows.usd_millions.isna().all() and rows.note.str.len().gt(0).all()


# --- Events and eras -------------------------------------------------------------------------------

def test_events_shared_table():
    events = load("events")
    assert len(events) >= 100
    overlay = events[events.aid_overlay]
    assert 10 <= len(overlay) <= 18
    assert events.event_id.is_unique
    assert list(events.date) == sorted(events.date)


def test_eras_are_ordered_and_disjoint():
    eras = load("eras").sort_values("first_fy")
    assert (eras.first_fy <= eras.last_fy).all()
    assert (eras.first_fy.iloc[1:].to_numpy() > eras.last_fy.iloc[:-1].to_numpy()).all()
