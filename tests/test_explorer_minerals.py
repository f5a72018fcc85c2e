"""The Reko Diq cash-flow model: arithmetic against a hand-computed case, the published
volumes, the widgets, and agreement between the Python model and the browser chart."""

import re
from dataclasses import replace
from pathlib import Path

import nbformat
import pytest

from aid2assets.explorers.minerals import (Assumptions, MineralsExplorer, cash_flows, last_year, npv,
                                           ore_milled, who_receives)
from aid2assets.figures import MIME_TYPE
from fixture_support import table_fixture

CHAPTER = Path(__file__).resolve().parent.parent / "chapters" / "minerals.ipynb"


table = table_fixture("minerals_model_assumptions")


@pytest.fixture(scope="module")
def defaults(table):
    return Assumptions.from_table(table)


@pytest.fixture
def toy(defaults):
    """A small mine whose cash flows can be worked out by hand."""
    return replace(
        defaults, copper_price=2.0, gold_price=1000.0, phase1_throughput=10.0, phase2_throughput=20.0,
        first_production_year=2026, phase2_year=2027, ore_total=35.0, cu_grade=1.0, au_grade=1.0,
        cu_recovery=1.0, au_recovery=1.0, capex_phase1=1.0, capex_phase2=0.0,
        capex_phase1_first_year=2025, capex_phase1_last_year=2025, capex_phase2_first_year=2025,
        capex_phase2_last_year=2025, opex_per_lb=1.0, royalty_balochistan=5.0, nsr_pakistan=1.0,
        epz_surcharge=0.0, discount_rate=10.0, valuation_year=2025,
        share_barrick=50.0, share_federal=25.0, share_balochistan=25.0)


def test_hand_computed_case(toy):
    # Ore: 10 Mt in 2026 (Phase 1), 20 Mt in 2027, the last 5 Mt in 2028; 35 Mt in all.
    assert [ore_milled(toy, y) for y in range(2025, 2030)] == [0, 10, 20, 5, 0]
    assert last_year(toy) == 2028
    # Per Mt of ore at 1% Cu and 1 g/t Au, full recovery:
    #   copper 10,000 t = 22,046,226.2 lb -> revenue at $2/lb = $0.0440924524 bn
    #   gold 1e6 g / 31.1034768 = 32,150.7466 oz -> revenue at $1,000 = $0.0321507466 bn
    #   operating cost at $1/lb = $0.0220462262 bn; royalties 5% + 1% of revenue
    revenue = 0.0440924524 + 0.0321507466
    per_mt = revenue - 0.0220462262 - 0.06 * revenue           # = 0.0496223811 bn per Mt
    assert per_mt == pytest.approx(0.0496223811, abs=1e-9)
    cf = cash_flows(toy).set_index("year")
    assert cf.loc[2025, "cash_flow_busd"] == pytest.approx(-1.0)
    assert cf.loc[2027, "cash_flow_busd"] == pytest.approx(20 * per_mt)
    expected = -1.0 + per_mt * (10 / 1.1 + 20 / 1.1**2 + 5 / 1.1**3)
    assert npv(toy) == pytest.approx(expected, abs=1e-9)
    assert round(npv(toy), 4) == 0.4577
    shares = who_receives(toy).groupby("party")["present_value_busd"].sum()
    royalty = 0.05 * revenue * (10 / 1.1 + 20 / 1.1**2 + 5 / 1.1**3)
    assert shares["Balochistan"] == pytest.approx(royalty + 0.25 * expected)
    assert shares["Barrick"] == pytest.approx(0.5 * expected)


def test_zero_discount_rate_is_the_plain_sum(toy):
    flat = replace(toy, discount_rate=0.0)
    assert npv(flat) == pytest.approx(cash_flows(flat)["cash_flow_busd"].sum())


def test_defaults_reproduce_the_published_volumes(defaults):
    cf = cash_flows(defaults)
    producing = cf[cf.ore_mt > 0]
    assert producing.year.min() == 2028 and producing.year.max() == 2064   # 37 years
    assert len(producing) == 37
    assert producing.ore_mt.sum() == pytest.approx(3000)
    assert producing.copper_t.sum() / 1e6 == pytest.approx(13.1, abs=0.01)    # feasibility study
    assert producing.gold_oz.sum() / 1e6 == pytest.approx(17.9, abs=0.01)
    assert cf.capex_busd.sum() == pytest.approx(5.57 + 3.26)


def test_bad_inputs_fail_loudly(defaults):
    with pytest.raises(ValueError, match="add up to 100"):
        cash_flows(replace(defaults, share_barrick=60))
    with pytest.raises(ValueError, match="negative"):
        cash_flows(replace(defaults, share_barrick=80, share_federal=25, share_balochistan=-5))
    with pytest.raises(ValueError, match="throughput"):
        cash_flows(replace(defaults, phase2_throughput=0))


def test_widget_callbacks(table, defaults):
    ex = MineralsExplorer(table, draw_chart=False)
    assert f"US${npv(defaults):,.1f} billion" in ex.readout.value
    assert "not a valuation" in ex.readout.value
    ex.sliders["copper_price"].value = 5.0
    assert f"US${npv(replace(defaults, copper_price=5.0)):,.1f} billion" in ex.readout.value
    ex.sliders["share_barrick"].value = 80
    assert "lower Barrick" in ex.readout.value
    ex.sliders["share_barrick"].value = 40
    assert ex.assumptions.share_balochistan == 35
    assert "Balochistan" in ex.readout.value
    assert "live Python kernel" in ex._repr_mimebundle_()["text/plain"]


def test_widget_draws_a_chart(table):
    ex = MineralsExplorer(table, draw_chart=True)
    assert ex.chart.value.startswith("<svg")


# --- the browser chart computes the same NPV as the Python model -------------------------------

def cash_flow_spec():
    nb = nbformat.read(CHAPTER, as_version=4)
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            payload = out.get("data", {}).get(MIME_TYPE)
            if payload and payload["id"] == "minerals-reko-diq-cash-flow":
                return payload["spec"]
    raise AssertionError("figure minerals-reko-diq-cash-flow not found in the chapter")


def browser_npv(spec, **values):
    import vl_convert as vlc

    from aid2assets import theme
    for p in spec["params"]:
        if p["name"] in values:
            p["value"] = values[p["name"]]
    svg = vlc.vegalite_to_svg(spec, vl_version=theme.VEGA_LITE_VERSION)
    found = re.search(r"Pre-income-tax NPV at [\d.]+%: US\$(-?[\d,.]+) billion", svg)
    assert found, "the NPV read-out is missing from the chart"
    return float(found.group(1).replace(",", ""))


@pytest.mark.parametrize("changes", [
    {},
    {"copper_price": 5.5},
    {"gold_price": 3500.0, "discount_rate": 12.0},
    {"phase2_throughput": 60.0},
    {"phase2_throughput": 135.0, "copper_price": 3.0},
])
def test_browser_chart_matches_python_model(defaults, changes):
    assert browser_npv(cash_flow_spec(), **changes) == round(npv(replace(defaults, **changes)), 1)


def test_chart_is_an_accessible_svg_that_follows_the_controls(table):
    import xml.etree.ElementTree as ET

    ns = "{http://www.w3.org/2000/svg}"
    ex = MineralsExplorer(table, draw_chart=True)
    root = ET.fromstring(ex.chart.value)
    assert root.get("role") == "img"
    assert root.find(ns + "title").text == "Reko Diq sketch: revenue and project cash flow by year"
    assert "Revenue" in root.find(ns + "desc").text
    assert "US$ billion" in ex.chart.value and ex.chart.value.count("<polyline") == 2
    before = ex.chart.value
    ex.sliders["copper_price"].value = 5.0
    assert ex.chart.value != before
    ex.sliders["share_barrick"].value = 80      # shares over 100%: no chart, a message instead
    assert ex.chart.value == ""
