"""The assets chapter's stored figures and text: ids, controls, data, and the numbers quoted."""

import json
import re
from pathlib import Path

import nbformat
import pytest

from aid2assets import flows as F
from aid2assets import load
from fixture_support import figures_fixture
from spec_support import download_rows as rows, nodes, params

NB = Path(__file__).resolve().parent.parent / "chapters" / "assets.ipynb"
FIGURES = ["assets-flows", "assets-remittances-by-source", "assets-fdi-by-country", "assets-national-flows",
           "assets-gas", "assets-lng-sources", "assets-crude"]


figs = figures_fixture(NB)


@pytest.fixture(scope="module")
def markdown():
    return [c.source for c in nbformat.read(NB, as_version=4).cells if c.cell_type == "markdown"]


def test_the_figures_tested_here_are_stored(figs):
    assert set(FIGURES) <= set(figs)


def test_flows_figure_has_a_measure_and_one_control_per_flow(figs):
    p = params(figs["assets-flows"]["spec"])
    assert p["flow_measure"]["bind"]["input"] == "radio"
    assert p["flow_measure"]["bind"]["options"] == ["value_musd", "share_of_gdp"]
    toggles = [n for n in p if n.startswith("show_")]
    assert sorted(toggles) == sorted(f"show_{f}" for f in F.FLOW_LABELS)
    assert all(p[t]["bind"]["input"] == "checkbox" for t in toggles)
    labels = {r["series"] for r in rows(figs["assets-flows"])}
    assert all(("FY" in label or "calendar" in label) for label in labels), "each flow states its year basis"


def test_remittances_figure_marks_the_break_and_switches_to_shares(figs):
    fig = figs["assets-remittances-by-source"]
    p = params(fig["spec"])
    assert p["rem_mode"]["bind"]["options"] == ["value_musd", "share"] and p["rem_break"]["bind"]["input"] == "checkbox"
    assert 2019.5 in [d.get("fiscal_year") for ds in fig["spec"]["datasets"].values() for d in ds]
    data = rows(fig)
    us = {int(r["fiscal_year"]): float(r["share"]) for r in data if r["corridor"] == "usa"}
    assert us[2020] < 0.6 * us[2019]
    assert {r["attribution"] for r in data if int(r["fiscal_year"]) >= 2020} == {"original remitter"}


def test_fdi_figure_highlights_the_us_for_each_period(figs):
    data = rows(figs["assets-fdi-by-country"])
    for period in ("jul_mar_fy2025", "jul_mar_fy2026"):
        us = [r for r in data if r["period"] == period and r["measure"] == "fdi_net" and r["country"] == "United States"]
        assert len(us) == 1 and us[0]["is_us"] == "True"
    assert round(float(us[0]["value_musd"]), 1) == 8.8


def test_gas_figure_leaves_out_the_2016_gap(figs):
    data = rows(figs["assets-gas"])
    assert not [r for r in data if r["year"] == "2016" and r["series_key"] == "production_bcm"]
    assert [r for r in data if r["series_key"] == "reserves_tcm"][-1]["year"] == "2020"


def test_crude_figure_shows_the_cargoes_as_press_reports(figs):
    data = rows(figs["assets-crude"])
    cargo = [r for r in data if r["series_key"] == "us_cargo"]
    assert len(cargo) == 1 and "press reports" in cargo[0]["series"] and float(cargo[0]["kbbl"]) == 2000
    assert {r["fiscal_year"] for r in data if r["partial"] == "True" and r["series_key"] != "us_cargo"} == {"2023", "2024"}


@pytest.mark.parametrize("fid", FIGURES)
def test_text_is_at_least_10px_and_the_chart_fits_a_phone(figs, fid):
    spec = figs[fid]["spec"]
    sizes = [n["fontSize"] for n in nodes(spec) if isinstance(n.get("fontSize"), (int, float))]
    assert all(s >= 10 for s in sizes)
    assert spec["width"] <= 280, "wider than a 390 px phone's text column allows (with axis labels)"


def test_descriptions_quote_the_data(figs):
    remit, fdi = load("assets_remittances_monthly"), load("assets_fdi_by_country")
    fdi25 = F.us_fdi_jul_mar(fdi).set_index("year")["value_musd"][2025]
    assert f"US${fdi25:.0f} million" in figs["assets-flows"]["description"]
    g = F.gas_balance(load("assets_energy")).set_index("year")
    assert f"{g.loc[2020, 'reserves_tcm']:.3f} Tcm in 2020" in figs["assets-gas"]["description"]
    assert "88%" in figs["assets-lng-sources"]["description"] or "87.6%" in figs["assets-lng-sources"]["description"]
    best = F.remittances_best_fy(remit).pivot_table(index="fiscal_year", columns="corridor", values="value_musd")
    assert f"US${best.loc[2026, 'total'] / 1000:.1f} billion in FY2026" in figs["assets-remittances-by-source"]["description"]


def test_chapter_text(markdown):
    words = sum(len(re.findall(r"[A-Za-z][\w'’-]*", m)) for m in markdown)
    assert words >= 2000
    text = "\n".join(markdown)
    for heading in ("## Learning objectives", "## How to read the numbers", "## Sources and caveats",
                    "## Exercises", "### Discussion questions"):
        assert heading in text
    assert not re.search(r"(?<!\\)\$", text), "a dollar sign in markdown must be written \\$"
    assert "No table of Pakistan's proved *oil* reserves was found" in text


def test_text_numbers_agree_with_the_data(markdown):
    text = "\n".join(markdown)
    fl = F.bilateral_flows(load("assets_remittances_monthly"), load("aid_foreignassistance"),
                           load("trade_us_goods_annual"), load("assets_fdi_by_country"))
    w = fl.pivot_table(index="year", columns="flow", values="value_musd")
    assert [y for y, _, _ in F.order_changes(fl)] == [2002, 2003, 2010, 2012] and "changed four times" in text
    assert 11 < w.loc[2023, "us_remittances"] / w.loc[2023, "us_aid"] < 12 and "more than eleven times" in text
    assert all(w.loc[y, "us_remittances"] > 10 * w.loc[y, "us_aid"] for y in range(2021, 2025))
    assert "each year from 2021 to 2024 were more than ten times" in text
    assert round(w.loc[2025, "us_fdi"], 1) == 20.3 and "US\\$20.3 million in July–March FY2025" in text


def test_legends_read_on_a_phone(figs):
    """Issue 13: legends list only the ticked flows, sit above the unit label on a phone (where
    embed.js moves them above the plot), and none runs off a phone's chart (short labels there);
    the bar charts of countries need no legend, their axis names every country."""
    flows = json.dumps(figs["assets-flows"]["spec"])
    assert "show_us_aid ? '|US aid" in flows and '"offset": {"expr": "narrow ? 28 : 18"}' in flows
    national = json.dumps(figs["assets-national-flows"]["spec"])
    assert "nat_0 ? '|FDI, net inflows'" in national
    remittances = json.dumps(figs["assets-remittances-by-source"]["spec"])
    assert "datum.label == 'United Arab Emirates' ? 'UAE'" in remittances
    for fid in ("assets-fdi-by-country", "assets-lng-sources"):
        assert figs[fid]["spec"]["encoding"]["color"]["legend"] is None and "blue" in figs[fid]["how_to"]
    for fid in ("assets-remittances-by-source", "assets-crude"):
        assert "(July–June, named by its end)" not in json.dumps(figs[fid]["spec"])   # an axis title a phone cut
