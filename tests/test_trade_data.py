"""Trade and tariff tables: invariants and known figures.

Expected values are the publishers' figures as recorded in the research notes
(shared/reference/tariffs_notes.md): Census country file (vintage of about 2025-04-04),
the Census 2024 HS10 file for Pakistan, FRED IMP5350 and the USITC HTS 2025.
"""

import pandas as pd
import pytest

from aid2assets import load
from fixture_support import table_fixture


annual = table_fixture("trade_us_goods_annual")


def pak(annual, year):
    return annual[(annual.country_iso3 == "PAK") & (annual.year == year)].iloc[0]


def test_2024_trade_with_pakistan(annual):
    # Census country.xlsx row "2024,5350,Pakistan ... IYR 5123.656 ... EYR 2135.147"
    r = pak(annual, 2024)
    assert round(r.us_exports_musd, 1) == 2135.1
    assert round(r.us_imports_musd, 1) == 5123.7
    assert round(r.us_exports_musd - r.us_imports_musd, 1) == -2988.5   # largest deficit in the series
    pk = annual[annual.country_iso3 == "PAK"]
    assert (pk.us_exports_musd - pk.us_imports_musd).idxmin() == r.name


def test_other_years_and_records(annual):
    # 1985: 1,041.7 / 273.9; record exports 2021 (3,617.2); record imports 2022 (5,994.3)
    assert (round(pak(annual, 1985).us_exports_musd, 1), round(pak(annual, 1985).us_imports_musd, 1)) == (1041.7, 273.9)
    pk = annual[annual.country_iso3 == "PAK"].set_index("year")
    assert pk.us_exports_musd.idxmax() == 2021 and round(pk.us_exports_musd.max(), 1) == 3617.2
    assert pk.us_imports_musd.idxmax() == 2022 and round(pk.us_imports_musd.max(), 1) == 5994.3


def test_surplus_years(annual):
    # The US had a surplus with Pakistan 1985-1992 and in 1996, a deficit every year since 1997.
    pk = annual[annual.country_iso3 == "PAK"].set_index("year")
    surplus = sorted(pk.index[pk.us_exports_musd > pk.us_imports_musd])
    assert surplus == list(range(1985, 1993)) + [1996]


def test_monthly_vintages():
    m = load("trade_us_pak_monthly")
    fred = m[m.vintage.str.startswith("FRED")].set_index("month").usd_millions
    census = m[m.vintage.str.startswith("Census")]
    assert round(fred["2025-08"], 1) == 487.4 and round(fred["2025-06"], 1) == 350.0
    assert round(fred[fred.index.str.startswith("2025")].sum(), 1) == 3543.6      # Jan-Aug 2025
    assert round(fred[fred.index.str.startswith("2024")].sum(), 1) == 5118.7      # later vintage of 2024
    jan_feb = census[census.month.isin(["2025-01", "2025-02"])].groupby("flow").usd_millions.sum()
    assert round(jan_feb["exports"], 1) == 538.1 and round(jan_feb["imports"], 1) == 831.5
    assert not ((census.flow == "exports") & (census.month > "2025-02")).any()


def test_hs2_totals():
    hs = load("trade_pak_imports_2024_hs2").set_index("hs2")
    # Census HS10 file: imports for consumption $5,107.5m, calculated duty $489.8m
    assert round(hs.imports_usd.sum() / 1e6, 1) == 5107.5
    assert round(hs.calculated_duty_usd.sum() / 1e6, 1) == 489.8
    assert hs.hs10_lines.sum() == 3073
    assert round(hs.loc["63", "imports_usd"] / 1e6, 1) == 1454.6
    assert round(hs.loc["61", "imports_usd"] / 1e6, 1) == 1190.7
    assert round(hs.loc["62", "imports_usd"] / 1e6, 1) == 999.7
    textiles = hs.loc[[f"{c}" for c in range(50, 64) if f"{c}" in hs.index]].imports_usd.sum()
    assert round(textiles / 1e6, 1) == 3919.6                                   # chapters 50-63, 76.7%
    assert round(100 * textiles / hs.imports_usd.sum(), 1) == 76.7
    apparel = hs.loc[["61", "62"]]
    assert round(100 * apparel.calculated_duty_usd.sum() / apparel.imports_usd.sum(), 1) == 15.4


def test_country_duty_matches_hs10():
    d = load("trade_country_duty_2024").set_index("country_iso3")
    hs = load("trade_pak_imports_2024_hs2")
    assert d.loc["PAK", "imports_consumption_2024_usd"] == hs.imports_usd.sum()
    assert round(d.loc["PAK", "applied_duty_2024_pct"], 2) == 9.59
    assert round(d.loc["IND", "applied_duty_2024_pct"], 2) == 2.40
    assert round(d.loc["BGD", "applied_duty_2024_pct"], 2) == 15.06


def test_mfn_rates():
    m = load("tariff_mfn_products").set_index("hts8")
    # USITC HTS 2025: 6109.10.00 16.5%, 6110.20.20 16.5%, 4203.29.40 12.6%, 9018.90.80 Free
    assert m.loc["61091000", "mfn_ad_valorem_pct"] == 16.5
    assert m.loc["61102020", "mfn_ad_valorem_pct"] == 16.5
    assert m.loc["42032940", "mfn_ad_valorem_pct"] == 12.6
    assert m.loc["90189080", "mfn_text_rate"] == "Free" and m.loc["90189080", "mfn_ad_valorem_pct"] == 0


def test_partners_cover_south_asia():
    p = load("trade_partners")
    assert set(p[p.south_asia].iso3) == {"PAK", "IND", "BGD", "LKA", "NPL", "AFG", "BTN", "MDV"}
