"""The minerals tables: schema, sources, statuses and known figures.

Expected values are the publishers' figures, each cited inline.
"""

import pandas as pd
import pytest

from aid2assets import load
from aid2assets.data import resource
from fixture_support import table_fixture


world = table_fixture("minerals_world")
reko = table_fixture("minerals_reko_diq", index="item")
assumptions = table_fixture("minerals_model_assumptions", index="parameter")


def value(world, commodity, edition, country, measure, year):
    rows = world[(world.commodity == commodity) & (world.edition == edition) & (world.country == country)
                 & (world.measure == measure) & (world.year == year)]
    assert len(rows) == 1, (commodity, edition, country, measure, year)
    return rows.iloc[0]


# --- schema and sources ---------------------------------------------------------------------

def test_units_are_explicit_in_the_schema():
    for name in ("minerals_world", "minerals_reko_diq", "minerals_model_assumptions"):
        res = resource(name)
        value_field = next(f for f in res["schema"]["fields"] if f["name"] == "value")
        assert "unit" in value_field, name
        assert any(f["name"] == "unit" and f["constraints"]["required"] for f in res["schema"]["fields"])
    units = next(f for f in resource("minerals_world")["schema"]["fields"] if f["name"] == "unit")
    assert set(units["constraints"]["enum"]) == {"t REO", "kt Cu", "t Au", "t Sb", "t Li", "t graphite"}


def test_one_unit_per_commodity(world):
    assert world.groupby("commodity")["unit"].nunique().eq(1).all()
    assert world.loc[world.commodity == "rare_earths", "unit"].iloc[0] == "t REO"
    assert world.loc[world.commodity == "copper_mine", "unit"].iloc[0] == "kt Cu"


def test_every_world_row_cites_a_known_usgs_edition(world):
    sources = set(load("sources").source_id)
    assert set(world.source_id) <= sources
    expected = {"MCS2023": "usgs-mcs2023-data-release", "MCS2024": "usgs-mcs2024-data-release",
                "MCS2025": "usgs-mcs2025-rare-earths", "MCS2026": "usgs-mcs2026-extraction"}
    assert (world.source_id == world.edition.map(expected)).all()
    assert (world.status == "VERIFIED").all()
    # MCS2025 was read only for rare earths; MCS2026 copper only for world reserves (the
    # extraction's copper production column holds refinery output and is not used).
    assert set(world.loc[world.edition == "MCS2025", "commodity"]) == {"rare_earths"}
    cu26 = world[(world.edition == "MCS2026") & world.commodity.str.startswith("copper")]
    assert list(cu26.measure) == ["reserves"] and cu26.value.iloc[0] == 980000


def test_empty_values_are_explained(world):
    empty = world[world.value.isna()]
    assert len(empty) > 0 and empty.note.str.len().gt(0).all()
    # a world total printed as a lower bound is not turned into a number
    w = value(world, "rare_earths", "MCS2026", "World total (rounded)", "reserves", 2026)
    assert pd.isna(w.value) and ">85,000,000" in w.note


def test_reserves_carry_the_edition_year(world):
    reserves = world[world.measure == "reserves"]
    assert (reserves.year == reserves.edition.str[3:].astype(int)).all()


def test_reko_rows_have_sources_and_basis(reko):
    assert reko.source.str.len().gt(10).all()
    assert set(reko.basis) <= {"100% project", "Barrick 50% share", "not applicable"}
    derived = reko[reko.status == "DERIVED"]
    assert len(derived) >= 4 and derived.note.str.startswith("DERIVED").all()


def test_model_assumptions_say_which_are_ours(assumptions):
    editorial = assumptions[assumptions.status == "EDITORIAL"]
    assert {"opex_per_lb", "capex_phase1_first_year", "valuation_year"} <= set(editorial.index)
    assert editorial.source.str.contains("Illustrative assumption").all()
    sliders = assumptions.dropna(subset=["minimum"])
    assert (sliders.minimum < sliders.value).all() and (sliders.value < sliders.maximum).all()


# --- known figures --------------------------------------------------------------------------

def test_reko_diq_resource_is_5_9_billion_tonnes(reko):
    # 2010 feasibility study: 3.0 Bt measured+indicated + 2.9 Bt inferred (World of Mining
    # Professionals 2022 vol. 8); "5.9 billion tonnes ... 0.41% copper" (The Northern Miner).
    assert reko.loc["resource_mi_ore", "value"] + reko.loc["resource_inf_ore", "value"] == 5900
    assert reko.loc["resource_total_ore", "value"] == 5900
    assert reko.loc["resource_total_ore", "unit"] == "Mt ore"
    grade = (3000 * 0.48 + 2900 * 0.35) / 5900
    assert round(grade, 2) == 0.42 and abs(grade - reko.loc["resource_total_cu_grade", "value"]) < 0.01
    assert reko.loc["resource_contained_cu", "value"] == pytest.approx(3000 * 0.0048 + 2900 * 0.0035)
    assert reko.loc["resource_contained_au", "value"] == pytest.approx(3000 * 0.26 + 2900 * 0.18)


def test_reko_diq_reserve_and_plan(reko):
    # Barrick's attributable (50%) reserve: 7.3 Mt Cu and 13 Moz Au; 100% = double (DERIVED)
    assert reko.loc["reserve_100_cu", "value"] == 2 * reko.loc["reserve_attrib_cu", "value"] == 14.6
    assert reko.loc["reserve_100_au", "value"] == 2 * reko.loc["reserve_attrib_au", "value"] == 26
    assert reko.loc["phase1_capex", "value"] == 5.57 and reko.loc["phase2_capex", "value"] == 3.26
    owners = ["own_barrick", "own_federal_soes", "own_balochistan_funded", "own_balochistan_free"]
    assert reko.loc[owners, "value"].sum() == 100


def test_china_rare_earths_latest_edition(world):
    # USGS MCS2026, rare earths: China 270,000 t REO (2025 estimate), reserves 44,000,000 t
    latest = world.loc[world.commodity == "rare_earths", "edition"].max()
    assert latest == "MCS2026"
    assert value(world, "rare_earths", latest, "China", "production", 2025).value == 270000
    assert value(world, "rare_earths", latest, "China", "reserves", 2026).value == 44_000_000
    # MCS2025: China 270,000 t in 2024 (estimate); MCS2024 data release: 240,000 t in 2023
    assert value(world, "rare_earths", "MCS2025", "China", "production", 2024).value == 270000
    assert value(world, "rare_earths", "MCS2024", "China", "production", 2023).value == 240000
    assert "quota" in value(world, "rare_earths", "MCS2024", "China", "production", 2023).note


def test_united_states_rare_earths(world):
    # MCS2026: 51,000 t REO in 2025, reserves 1,900,000 t; MCS2024 data release: 43,000 t in 2023
    assert value(world, "rare_earths", "MCS2026", "United States", "production", 2025).value == 51000
    assert value(world, "rare_earths", "MCS2026", "United States", "reserves", 2026).value == 1_900_000
    assert value(world, "rare_earths", "MCS2024", "United States", "production", 2023).value == 43000
    assert value(world, "rare_earths", "MCS2024", "United States", "reserves", 2024).value == 1_800_000


def test_world_totals_and_copper(world):
    # MCS2024: world rare earths 350,000 t (2023e); copper mine 22,000 kt, China refinery 12,000 kt
    assert value(world, "rare_earths", "MCS2024", "World total (rounded)", "production", 2023).value == 350000
    assert value(world, "copper_mine", "MCS2024", "World total (rounded)", "production", 2023).value == 22000
    assert value(world, "copper_refinery", "MCS2024", "China", "production", 2023).value == 12000
    assert value(world, "copper_mine", "MCS2024", "Chile", "reserves", 2024).value == 190000


def test_pakistan_antimony(world):
    # MCS2024: Pakistan 80 t (2023e), reserves 26,000 t; MCS2026: 260 t (2024)
    assert value(world, "antimony", "MCS2024", "Pakistan", "production", 2023).value == 80
    assert value(world, "antimony", "MCS2024", "Pakistan", "reserves", 2024).value == 26000
    assert value(world, "antimony", "MCS2026", "Pakistan", "production", 2024).value == 260


def test_withheld_and_lower_bound_values(world):
    us_li = value(world, "lithium", "MCS2024", "United States", "production", 2023)
    assert pd.isna(us_li.value) and "(W)" in us_li.note
    sb = value(world, "antimony", "MCS2024", "World total (rounded)", "reserves", 2024)
    assert pd.isna(sb.value) and ">2,000,000" in sb.note
