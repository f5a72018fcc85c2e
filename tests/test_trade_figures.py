"""The trade chapter's stored figures: ids, controls and the data behind them."""

import json
from pathlib import Path

import pytest

from fixture_support import figures_fixture
from spec_support import download_rows as rows, fields, nodes, params


CHAPTERS = Path(__file__).resolve().parent.parent / "chapters"
trade = figures_fixture(CHAPTERS / "trade_tariffs.ipynb")


def test_the_figures_tested_here_are_stored(trade):
    assert {"trade-by-year", "trade-landed-cost", "trade-pak-exports-hs", "trade-tariff-steps"} <= set(trade)


def test_trade_by_year(trade):
    fig = trade["trade-by-year"]
    p = params(fig["spec"])
    assert p["show"]["bind"]["input"] == "radio" and p["show"]["bind"]["options"] == ["all", "exports", "imports", "balance"]
    for name in ("first_year", "last_year"):
        assert p[name]["bind"]["input"] == "range" and (p[name]["bind"]["min"], p[name]["bind"]["max"]) == (1985, 2024)
    y2024 = next(r for r in rows(fig) if r["year"] == "2024")
    assert round(float(y2024["balance_musd"]), 1) == -2988.5


def test_tariff_steps(trade):
    fig = trade["trade-tariff-steps"]
    p = params(fig["spec"])
    assert p["day"]["bind"]["input"] == "range" and p["day"]["bind"]["min"] == 0 and p["day"]["value"] == 221
    assert all(p[f"show_{iso}"]["bind"]["input"] == "checkbox" for iso in ("PAK", "IND", "BGD", "LKA", "AFG", "NPL"))
    pak = [(r["start"], r["end"], float(r["rate_pct"])) for r in rows(fig) if r["country_iso3"] == "PAK"]
    assert ("2025-04-09", "2025-04-09", 29.0) in pak and ("2025-08-07", "2026-02-19", 19.0) in pak
    assert "datum.start_day <= day && day <= datum.end_day" in json.dumps(fig["spec"])


def test_exports_by_chapter(trade):
    fig = trade["trade-pak-exports-hs"]
    p = params(fig["spec"])
    assert p["threshold"]["bind"]["input"] == "range" and p["measure3"]["bind"]["input"] == "radio"
    assert round(sum(float(r["imports_musd"]) for r in rows(fig)), 1) == 5107.5


def test_landed_cost(trade):
    fig = trade["trade-landed-cost"]
    p = params(fig["spec"])
    assert p["product"]["bind"]["input"] == "select" and p["product"]["value"] == p["product"]["bind"]["options"][0]
    assert p["home"]["bind"]["input"] == "select" and p["home"]["value"] == "PAK"
    assert p["day4"]["bind"]["input"] == "range"
    text = json.dumps(fig["spec"])
    assert "product == 'tshirt' ? 16.5" in text
    assert {"usd", "component", "country"} <= fields(fig["spec"])


def test_trade_by_year_sliders_span_the_title_years(trade):
    """Issue 13: the title says 1985–2024 but the first-year slider started at 1990."""
    fig = trade["trade-by-year"]
    first, last = (int(y) for y in fig["title"].rsplit(", ", 1)[1].split("–"))
    p = params(fig["spec"])
    assert (p["first_year"]["value"], p["first_year"]["bind"]["min"]) == (first, first)
    assert (p["last_year"]["value"], p["last_year"]["bind"]["max"]) == (last, last)


def _colour_legends(spec):
    return [node["encoding"]["color"]["legend"] for node in nodes(spec)
            if (node.get("encoding") or {}).get("color", {}).get("legend")]


def test_legends_list_only_the_series_and_countries_shown(trade):
    """Issue 13: the legends listed all three series, or every country, whatever was chosen.
    The tariff chart's key is its read-out, which lists the ticked countries only."""
    by_year = _colour_legends(trade["trade-by-year"]["spec"])
    assert len(by_year) == 1 and "show == 'all'" in by_year[0]["values"]["expr"]
    spec = trade["trade-tariff-steps"]["spec"]
    assert _colour_legends(spec) == []
    readout = json.dumps(spec["vconcat"][1])
    for iso in ["PAK", "IND", "BGD", "LKA", "AFG", "NPL", "VNM", "KHM"]:
        assert f"(datum.country_iso3 == '{iso}' && show_{iso})" in readout


def test_tariff_lines_never_hide_one_another(trade):
    """Issue 13: Bangladesh's line was hidden under Sri Lanka's (both at 20%). Each country is
    drawn on top of the one before it and thinner, so coinciding lines show as bands."""
    spec = trade["trade-tariff-steps"]["spec"]
    points = next(d for d in spec["datasets"].values() if d and "draw_order" in d[0])
    width = {}
    for row in points:
        width.setdefault(row["country_iso3"], (row["draw_order"], row["width"]))
    ordered = sorted(width.values())
    assert all(a[1] > b[1] for a, b in zip(ordered, ordered[1:]))
    assert [row["draw_order"] for row in points] == sorted(row["draw_order"] for row in points)
    # Sri Lanka, drawn over Bangladesh, is dashed: Bangladesh shows through where both are at 20%
    dashed = {row["country_iso3"]: row["dashed"] for row in points}
    assert dashed["LKA"] and not dashed["BGD"]


def test_day_sliders_read_as_dates(trade):
    """Issue 13: a range input shows its number (221); these charts ask the page to show the
    slider's day as a date (embed.js, usermeta dateSliders), and write the date in the chart."""
    for fid, name in [("trade-tariff-steps", "day"), ("trade-landed-cost", "day4")]:
        spec = trade[fid]["spec"]
        assert params(spec)[name]["bind"]["name"] == "Date: "
        assert spec["usermeta"]["a2a"]["dateSliders"] == {name: "2025-01-01"}
        # the day counts from 1 Jan 2025, as the origin says
        assert "timeFormat(utc(2025, 0, 1 + " + name + ")" in json.dumps(spec)
