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
from aid2assets.build.markup import reader_text

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
    events = load("events")
    before_2026 = int((events["date"].str[:4].astype(int) < 2026).sum())
    assert f"{before_2026} key events to the end of 2025" in d


def test_download_is_the_yearly_table(figure):
    rows = pd.read_csv(pd.io.common.StringIO(figure["download"]["csv"]))
    assert list(rows.columns) == ["year", "aid_musd", "aid_source", "partial", "exports_musd", "imports_musd",
                                  "us_remittances_musd", "us_fdi_musd"]
    assert rows["year"].tolist() == list(range(1948, 2026))
    aid = pak_aid()
    assert (rows.set_index("year")["aid_musd"] - aid.round(1)).abs().max() < 0.051
    assert rows.set_index("year").loc[2025, "partial"]


def test_one_period_control_drawn_by_dragging_and_by_the_sliders(figure):
    """Issue 13: the brush and the fallback sliders disagreed. The period is now two point
    selections ("start", "end") bound to the two sliders and set by pressing and dragging on the
    strip, so the strip and the sliders always agree; the strip shades the period."""
    spec = figure["spec"]
    params = {p["name"]: p for p in spec["params"]}
    for name, value, events in [("start", 1948, "pointerdown"),
                                ("end", 2025, "pointerdown, [pointerdown, pointerup] > pointermove")]:
        p = params[name]
        assert p["select"]["type"] == "point" and p["select"]["fields"] == ["year"] and p["select"]["nearest"]
        assert p["select"]["on"] == events and p["bind"]["input"] == "range" and p["value"] == value
        assert (p["bind"]["min"], p["bind"]["max"]) == (1948, 2025)
    assert params["lo"]["expr"] == "min(start_year, end_year)"
    assert params["hi"]["expr"] == "max(start_year, end_year) + 1"
    assert not any(p.get("select", {}).get("type") == "interval" for p in spec["params"])
    views = spec["vconcat"]
    assert len(views) == 6
    aid_view, trade_view, imf_view, event_view, summary, strip = views
    # the strip, last and right above the sliders, shades the chosen period
    period = strip["layer"][0]
    assert period["mark"]["type"] == "rect" and {"x": "lo - 0.5", "x2": "hi - 0.5"} == {
        t["as"]: t["calculate"] for t in period["transform"]}
    # the summary and the IMF and event lanes keep only the period's rows; every detail
    # view is zoomed to the period
    for view in (summary, imf_view, event_view):
        assert any("lo" in t.get("filter", "") and "hi" in t.get("filter", "") for t in view["transform"])
    for view in (aid_view, trade_view, imf_view, event_view):
        assert view["encoding"]["x"]["scale"]["domain"] == {"expr": "[lo, hi]"}
    fields = [v["encoding"]["x"]["field"] for v in (aid_view, trade_view, imf_view, event_view)]
    assert fields == ["year", "year", "start", "slot"]


def test_busy_years_do_not_pile_up_their_event_dots(figure):
    """Issue 13: the 33 events of 2025 piled up at the right edge. Events are counted per
    category and slot of time (a year, a quarter or a month, by the period's length), one dot
    each, sized by the count."""
    event_view = figure["spec"]["vconcat"][3]
    aggregate = next(t for t in event_view["transform"] if "aggregate" in t)
    assert aggregate["groupby"] == ["category", "slot", "slot_years"]
    assert event_view["encoding"]["size"]["field"] == "events"


def test_trade_colours_are_the_trade_chapters(figure):
    """Issue 13: exports and imports swapped colours between the overview and the trade chapter."""
    from aid2assets.theme import COLORS
    from test_chapter_figures import figures

    def colours(spec, series):
        scale = spec["encoding"]["color"]["scale"]
        return {s: c for s, c in zip(scale["domain"], scale["range"]) if s in series}

    trade_view = figure["spec"]["vconcat"][1]
    assert colours(trade_view, {"US exports to Pakistan", "US imports from Pakistan"}) == {
        "US exports to Pakistan": COLORS["exports"], "US imports from Pakistan": COLORS["imports"]}
    chapter = figures("trade_tariffs.ipynb")["trade-by-year"]["spec"]
    lines = next(layer for row in chapter["vconcat"] for layer in row.get("layer", [])
                 if "color" in layer.get("encoding", {}))
    assert colours(lines, {"US exports to Pakistan", "US imports from Pakistan"}) == {
        "US exports to Pakistan": COLORS["exports"], "US imports from Pakistan": COLORS["imports"]}


def test_every_chart_in_the_notebook_renders_offline():
    """No output may load Vega from a CDN or carry Altair's random element ids."""
    nb = nbformat.read(NB, as_version=4)
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            html = "".join(out.get("data", {}).get("text/html", ""))
            assert "cdn.jsdelivr" not in html and not re.search(r"altair-viz-[0-9a-f]{32}", html)
