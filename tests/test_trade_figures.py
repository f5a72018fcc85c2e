"""The trade chapter's stored figures: ids, controls and the data behind them."""

import csv
import io
import json

import pytest

from test_chapter_figures import fields, figures, params


@pytest.fixture(scope="module")
def trade():
    return figures("trade_tariffs.ipynb")


def rows(fig):
    return list(csv.DictReader(io.StringIO(fig["download"]["csv"])))


def test_chapter_has_its_four_figures(trade):
    assert sorted(f for f in trade if "-sol-" not in f) == ["trade-by-year", "trade-landed-cost", "trade-pak-exports-hs", "trade-tariff-steps"]


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
