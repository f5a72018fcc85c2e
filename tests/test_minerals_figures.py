"""The minerals chapter's figures as stored in the notebook: ids, controls and data."""

import json
from pathlib import Path

import pytest

from fixture_support import figures_fixture
from spec_support import download_rows as rows, params, views

CHAPTER = Path(__file__).resolve().parent.parent / "chapters" / "minerals.ipynb"


figs = figures_fixture(CHAPTER)


def test_the_figures_tested_here_are_stored(figs):
    assert {"minerals-by-country", "minerals-concentration", "minerals-reko-diq-cash-flow",
            "minerals-reko-diq-perspective"} <= set(figs)


def test_by_country_controls(figs):
    p = params(figs["minerals-by-country"]["spec"])
    assert p["commodity"]["bind"]["input"] == "select"
    assert p["commodity"]["bind"]["options"][0] == p["commodity"]["value"] == "rare_earths"
    assert p["measure"]["bind"]["options"] == ["production", "reserves"]
    data = rows(figs["minerals-by-country"])
    china = [r for r in data if r["commodity"] == "rare_earths" and r["measure"] == "production"
             and r["country"] == "China"]
    assert len(china) == 1 and float(china[0]["value"]) == 270000 and china[0]["edition"] == "MCS2026"
    assert round(float(china[0]["share_of_world"]), 2) == 0.69     # 270,000 / 390,000
    assert "China: 69% of the world total" in json.dumps(figs["minerals-by-country"]["spec"])


def test_concentration(figs):
    p = params(figs["minerals-concentration"]["spec"])
    assert p["top"]["bind"]["options"] == ["top1", "top3"] and p["top"]["value"] == "top1"
    assert p["refined"]["bind"]["input"] == "checkbox" and p["refined"]["value"] is True
    data = {(r["commodity"], r["year"], r["measure"]): r for r in rows(figs["minerals-concentration"])}
    ree = data[("rare_earths", "2025", "top1")]
    assert ree["countries"] == "China" and round(float(ree["share"]), 3) == round(270000 / 390000, 3)
    assert data[("copper_refinery", "2023", "top1")]["countries"] == "China"
    assert data[("copper_mine", "2023", "top1")]["countries"] == "Chile"


def test_perspective_units(figs):
    fig = figs["minerals-reko-diq-perspective"]
    p = params(fig["spec"])
    assert p["metal"]["bind"]["options"] == ["copper", "gold"]
    assert p["units"]["bind"]["options"] == ["metric", "market"]
    data = {(r["name"], r["metal"]): r for r in rows(fig)}
    assert float(data[("Reko Diq: reserve (100%)", "copper")]["tonnes"]) == 14.6e6
    assert float(data[("Reko Diq: reserve (100%)", "gold")]["tonnes"]) == pytest.approx(26e6 * 31.1034768e-6, abs=0.1)
    assert data[("Reko Diq: reserve (100%)", "copper")]["status"] == "DERIVED"


def test_cash_flow_is_labelled_an_illustration(figs):
    fig = figs["minerals-reko-diq-cash-flow"]
    assert "not a valuation" in fig["title"] and "not a valuation" in fig["note"].lower()
    p = params(fig["spec"])
    assert set(p) == {"copper_price", "gold_price", "phase2_throughput", "discount_rate", "narrow"}
    for name in set(p) - {"narrow"}:
        bind = p[name]["bind"]
        assert bind["input"] == "range" and bind["min"] < p[name]["value"] < bind["max"]
    assert (p["copper_price"]["value"], p["gold_price"]["value"]) == (4.03, 2045.0)
    assert "EDITORIAL" in json.dumps(fig["download"])


def test_by_country_reads_on_a_phone(figs):
    """Issue 13: no legend entry without a bar, ticks in a unit (not '0k'), a short axis title,
    and a China note that keeps the chart's height on a phone whatever the commodity."""
    spec = figs["minerals-by-country"]["spec"]
    bars = next(v for v in views(spec) if v.get("mark", {}).get("type") == "bar")
    assert bars["encoding"]["color"]["legend"] is None        # the axis names every country
    x = bars["encoding"]["x"]
    assert x["field"] == "amount" and "s" not in x["axis"]["format"] and x["title"] is None
    units = {r["amount_unit"] for r in rows(figs["minerals-by-country"])}
    assert units == {"Tonnes", "Thousand tonnes", "Million tonnes"}
    assert "narrow" in params(spec) and spec["autosize"]["resize"] is True
    notes = next(d for d in spec["datasets"].values() if d and "narrow_text" in d[0])
    assert len({n["narrow_text"].count("\n") for n in notes}) == 1
    assert all(len(line) <= 30 for n in notes for line in n["narrow_text"].split("\n"))


def test_concentration_lines_are_named_not_yellow(figs):
    """Issue 13: no pale yellow line on white, and each line named beside it, not in a far legend."""
    spec = figs["minerals-concentration"]["spec"]
    line = next(v for v in views(spec) if v.get("mark", {}).get("type") == "line")
    colour = line["encoding"]["color"]
    assert colour["legend"] is None
    assert "#F0E442" not in colour["scale"]["range"] and len(set(colour["scale"]["range"])) == 7
    names = next(v for v in views(spec) if v.get("mark", {}).get("type") == "text")
    ends = spec["datasets"][names["data"]["name"]]
    for measure in ("top1", "top3"):
        ys = sorted(e["label_y"] for e in ends if e["measure"] == measure)
        assert len(ys) == 7 and min(b - a for a, b in zip(ys, ys[1:])) >= 0.05 - 1e-9


def test_perspective_leaves_room_for_its_labels(figs):
    """Issue 13: the longest bar's label inside the chart, short Reko Diq names on a phone, no
    legend to run off a phone's screen, and a source line that starts with publishers."""
    from aid2assets.figures import short_source

    fig = figs["minerals-reko-diq-perspective"]
    bars = next(v for v in views(fig["spec"]) if v.get("mark", {}).get("type") == "bar")
    assert "narrow ? 1.6" in bars["encoding"]["x"]["scale"]["domainMax"]["expr"]
    assert bars["encoding"]["color"]["legend"] is None and bars["encoding"]["y"]["field"] == "shown_name"
    short = {r["short_name"] for r in rows(fig) if r["kind"] == "Reko Diq"}
    assert short == {"Reko Diq: resource", "Reko Diq: reserve", "Reko Diq: to recover"}
    assert short_source(fig["source"]).startswith("World of Mining Professionals") and "…" not in short_source(fig["source"])


def test_cash_flow_bars_and_read_out_fit_a_phone(figs):
    """Issue 13: bars as wide as a year at any width (no pixel width), no yellow on white, the
    read-out in short lines on a phone rather than one line wider than the chart."""
    from aid2assets.figures import short_source

    fig = figs["minerals-reko-diq-cash-flow"]
    all_views = list(views(fig["spec"]))
    bars = next(v for v in all_views if v.get("mark", {}).get("type") == "bar")
    assert "width" not in bars["mark"] and bars["encoding"]["x2"]["field"] == "year_end"
    assert "#F0E442" not in bars["encoding"]["color"]["scale"]["range"]
    text = next(v for v in all_views if v.get("mark", {}).get("type") == "text")
    assert "narrow ?" in json.dumps(text["transform"]) and text["encoding"]["x"]["value"] == 0
    assert short_source(fig["source"]) == "The press (Dawn, Mining Momentum, Nukta, Dow Jones); Business Recorder"
