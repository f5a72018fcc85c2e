"""The three claims re-checked with the assets data: the USSM "$500 million" against US FDI
recorded by SBP, the investment conference, and "massive oil reserves" against the energy data.

Their verdicts, figures and reasons are written by aid2assets.claims from the tables; the
stored row in data/claims.csv must equal what the code gives, and a changed table changes it.
"""

import pandas as pd
import pytest

from aid2assets.claims import check_conference, check_oil, check_ussm, format_figures, load_tables
from fixture_support import table_fixture

CLAIMS = ["ussm", "oil", "conference"]


@pytest.fixture(scope="module")
def tables():
    return load_tables()


stored = table_fixture("claims", index="claim_id")


def run(claim_id, t):
    if claim_id == "ussm":
        return check_ussm(t["events"], t["claims_evidence"], t["assets_fdi_by_country"])
    if claim_id == "oil":
        return check_oil(t["events"], t["claims_evidence"], t["assets_energy"])
    return check_conference(t["events"], t["assets_fdi_by_country"])


@pytest.mark.parametrize("claim_id", CLAIMS)
def test_stored_reason_verdict_and_figures_are_the_computed_ones(tables, stored, claim_id):
    check = run(claim_id, tables)
    row = stored.loc[claim_id]
    assert check.verdict == row["verdict"]
    assert format_figures(check.figures) == row["figures"]
    assert check.reason == row["reason"], f"{claim_id}: the stored reason is not the one the data give"


def test_ussm_sets_the_promise_against_us_fdi(tables):
    f = run("ussm", tables).figures
    assert f["planned_first_phase_usd_m"] == 500
    assert f["investment_recorded_usd_m"] == 8.8 and f["us_net_fdi_jul_mar_fy2025_usd_m"] == 20.3


def with_us_fdi(fdi, value):
    changed = fdi.copy()
    row = (changed["country"] == "United States") & (changed["measure"] == "fdi_net") & (changed["period"] == "jul_mar_fy2026")
    changed.loc[row, "value_musd"] = value
    return changed


def test_a_changed_fdi_table_changes_the_ussm_verdict(tables, stored):
    t = dict(tables, assets_fdi_by_country=with_us_fdi(tables["assets_fdi_by_country"], 612.0))
    changed = run("ussm", t)
    assert changed.verdict == "supported" != stored.loc["ussm", "verdict"]
    assert "$612.0 million" in changed.reason


def test_a_changed_fdi_table_changes_the_conference_reason(tables, stored):
    t = dict(tables, assets_fdi_by_country=with_us_fdi(tables["assets_fdi_by_country"], 45.0))
    changed = run("conference", t)
    assert changed.reason != stored.loc["conference", "reason"] and "up from $20.3 million" in changed.reason


def test_an_oil_reserves_series_would_change_the_oil_verdict(tables, stored):
    energy = tables["assets_energy"]
    extra = energy.iloc[[0]].assign(series="oil_proved_reserves", value=0.5, unit="bcm")
    t = dict(tables, assets_energy=pd.concat([energy, extra], ignore_index=True))
    changed = run("oil", t)
    assert stored.loc["oil", "verdict"] == "unverifiable" and changed.verdict == "partly supported"


def test_a_changed_crude_table_changes_the_oil_reason(tables, stored):
    energy = tables["assets_energy"].copy()
    row = (energy["series"] == "crude_extraction") & (energy["year"] == 2022)
    energy.loc[row, "value"] = energy.loc[row, "value"] * 3
    changed = run("oil", dict(tables, assets_energy=energy))
    assert changed.figures["domestic_share_of_crude_pct"] > 40
    assert changed.reason != stored.loc["oil", "reason"]
