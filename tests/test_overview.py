"""The opening chapter: its overview figure and the numbers its text quotes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from aid2assets import load
from aid2assets.figures import stored_figures
from aid2assets.fiscal import decimal_year
from aid2assets.markup import reader_text

NB = Path(__file__).resolve().parent.parent / "chapters" / "overview.ipynb"


@pytest.fixture(scope="module")
def figure():
    return stored_figures(NB)["overview-timeline"]


@pytest.fixture(scope="module")
def text():
    return reader_text("\n".join(c.source for c in nbformat.read(NB, as_version=4).cells if c.cell_type == "markdown"))


def pak_aid() -> pd.Series:
    """US aid obligations to Pakistan by fiscal year, US$ million: Greenbook, then FA.gov."""
    gb = load("aid_greenbook")
    gb = gb[(gb["country_iso3"] == "PAK") & (gb["period"] == "year") & (gb["fiscal_year"] >= 1948)]
    fa = load("aid_foreignassistance")
    fa = fa[(fa["country_iso3"] == "PAK") & (fa["transaction_type"] == "obligations") & (fa["download"] == "2025-11")
            & (fa["period"] == "year") & (fa["fiscal_year"] >= 2021)]
    return pd.concat([gb.groupby("fiscal_year")["obligations_current_usd"].sum(),
                      fa.set_index("fiscal_year")["current_usd"]]).astype(float) / 1e6


def pak_trade() -> pd.DataFrame:
    t = load("trade_us_goods_annual")
    return t[t["country_iso3"] == "PAK"].set_index("year")


def test_decimal_year():
    assert list(decimal_year(["1990-01-01", "1990-07-02", "2024-12-31"])) == [1990.0, 1990.4986, 2024.9973]


def test_text_numbers_agree_with_the_data(text):
    aid, trade = pak_aid(), pak_trade()
    assert aid.idxmax() == 2010 and round(aid.max() / 1000, 1) == 2.7
    assert "peaked in FY2010 at about\n$2.7 billion" in text
    assert round(aid[2024], 1) == 169.1 and "$169.1 million by FY2024" in text
    assert round(trade.loc[2024, "us_imports_musd"], 1) == 5123.7 and "$5,123.7 million of Pakistani goods" in text
    assert round(trade.loc[2024, "us_imports_musd"] / aid[2024]) == 30 and "some thirty times" in text
    assert round(trade.loc[2024, "us_imports_musd"] / trade.loc[1985, "us_imports_musd"]) == 19
    assert "almost nineteen times as large as in 1985" in text and "$273.9 million" in text
    imf = load("imf_programs")
    arrangements = imf[imf["is_arrangement"]]
    assert len(arrangements) == 25 and "25 arrangements" in text
    latest = arrangements.sort_values("approval_date").tail(2)
    assert list(latest["facility_code"]) == ["EFF", "RSF"]
    assert list(pd.to_datetime(latest["approval_date"]).dt.strftime("%Y-%m")) == ["2024-09", "2025-05"]
    # the solution to exercise 2 quotes the years when aid exceeded US imports
    both = trade.join(aid.rename("aid"), how="inner")
    assert list(both.index[both["us_imports_musd"] <= both["aid"]]) == [1985, 1986, 1987, 1988, 1989]
    assert "35 of the 40\nyears" in text


def test_remittances_and_investment_in_the_miniature(text, figure):
    """The assets side: remittances from the US (SBP, Pakistan fiscal years) and US net FDI (Jul-Mar)."""
    from aid2assets import flows

    best = flows.remittances_best_fy(load("assets_remittances_monthly")).query("corridor == 'usa'")
    rem = best.set_index("fiscal_year")["value_musd"]
    fdi = flows.us_fdi_jul_mar(load("assets_fdi_by_country")).set_index("year")["value_musd"]
    aid = pak_aid()
    assert f"${rem[2024]:,.1f} million of remittances" in text
    assert round(rem[2024] / aid[2024]) in (20, 21) and "about twenty times" in text
    assert f"net ${fdi[2025]:.1f} million in the nine months to March 2025" in text
    rows = pd.read_csv(pd.io.common.StringIO(figure["download"]["csv"])).set_index("year")
    assert rows.loc[2024, "us_remittances_musd"] == round(rem[2024], 1)
    assert rows.loc[2025, "us_fdi_musd"] == round(fdi[2025], 1) and pd.isna(rows.loc[2024, "us_fdi_musd"])
    assert "Remittances from the US" in figure["download"]["csv"] or "us_remittances_musd" in figure["download"]["csv"]


def test_description_agrees_with_the_data(figure):
    aid, trade = pak_aid(), pak_trade()
    d = figure["description"]
    assert f"Aid peaks in FY{aid.idxmax()} at ${aid.max() / 1000:,.1f} billion" in d
    assert f"${aid[2024]:,.1f} million in FY2024" in d
    assert f"${trade.loc[1985, 'us_imports_musd']:,.1f} million in 1985" in d
    assert f"${trade.loc[2024, 'us_imports_musd'] / 1000:,.1f} billion in 2024" in d
    assert f"{len(load('events'))} key events" in d


def test_download_is_the_yearly_table(figure):
    rows = pd.read_csv(pd.io.common.StringIO(figure["download"]["csv"]))
    assert list(rows.columns) == ["year", "aid_musd", "aid_source", "partial", "exports_musd", "imports_musd",
                                  "us_remittances_musd", "us_fdi_musd"]
    assert rows["year"].tolist() == list(range(1948, 2026))
    aid = pak_aid()
    assert (rows.set_index("year")["aid_musd"] - aid.round(1)).abs().max() < 0.051
    assert rows.set_index("year").loc[2025, "partial"]


def test_spec_has_a_brush_and_keyboard_sliders_that_drive_every_view(figure):
    spec = figure["spec"]
    params = {p["name"]: p for p in spec["params"]}
    assert params["start"]["bind"]["input"] == "range" and params["end"]["bind"]["input"] == "range"
    assert params["start"]["value"] == 1948 and params["end"]["value"] == 2025
    assert "brush.year" in params["lo"]["expr"] and "start" in params["lo"]["expr"]
    assert "brush.year" in params["hi"]["expr"] and "end" in params["hi"]["expr"]
    brush = [p for p in spec["params"] if p["name"] == "brush"]
    assert brush and brush[0]["select"]["type"] == "interval" and brush[0]["select"]["encodings"] == ["x"]
    views = spec["vconcat"]
    assert len(views) == 6
    # the summary and the IMF and event lanes keep only the period's rows; every detail
    # view is zoomed to the period
    for view in (views[1], views[4], views[5]):
        assert any("lo" in t.get("filter", "") and "hi" in t.get("filter", "") for t in view["transform"])
    for view in views[2:]:
        assert view["encoding"]["x"]["scale"]["domain"] == {"expr": "[lo, hi]"}
    fields = [v["encoding"]["x"]["field"] for v in views[2:]]
    assert fields == ["year", "year", "start", "when"]


def test_every_chart_in_the_notebook_renders_offline():
    """No output may load Vega from a CDN or carry Altair's random element ids."""
    nb = nbformat.read(NB, as_version=4)
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            html = "".join(out.get("data", {}).get("text/html", ""))
            assert "cdn.jsdelivr" not in html and not re.search(r"altair-viz-[0-9a-f]{32}", html)
