"""The diplomacy chapter's stored figures: ids, controls, data, and words that match the data."""

import json
import re
from pathlib import Path

import nbformat
import pytest

from aid2assets import load
from aid2assets.explorers.diplomacy import categories
from fixture_support import figures_fixture
from spec_support import download_rows as rows, params, views

NOTEBOOK = Path(__file__).resolve().parent.parent / "chapters" / "diplomacy.ipynb"


@pytest.fixture(scope="module")
def nb():
    return nbformat.read(NOTEBOOK, as_version=4)


figs = figures_fixture(NOTEBOOK)


def test_the_figures_tested_here_are_stored(figs):
    assert {"diplomacy-imf", "diplomacy-leaders", "diplomacy-timeline", "diplomacy-visits"} <= set(figs)


def test_narrative_length_and_sections(nb):
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert len(re.findall(r"[A-Za-z][A-Za-z'’-]*", text)) >= 1500
    for heading in ("## Learning objectives", "## Sources and caveats", "## Contested dates", "## What 2026 brought"):
        assert heading in text


def test_every_control_is_a_keyboard_input(figs):
    for payload in figs.values():
        for p in params(payload["spec"]).values():
            if p["name"] == "narrow":   # set by the page for a phone-width column, not a control
                assert "bind" not in p
                continue
            assert p["bind"]["input"] in ("range", "checkbox", "radio", "select"), p["name"]
            assert "select" not in p, f"{p['name']} is a selection (mouse-only brush), not an input"


def test_timeline_controls_and_data(figs):
    fig = figs["diplomacy-timeline"]
    p = params(fig["spec"])
    assert (p["first_year"]["value"], p["last_year"]["value"]) == (1947, 2026)
    assert p["first_year"]["bind"]["input"] == p["last_year"]["bind"]["input"] == "range"
    assert p["first_year"]["bind"]["min"] < 1947 and p["last_year"]["bind"]["max"] > 2026   # room to move both ways
    assert [p[f"cat_{i}"]["bind"]["name"] for i in range(10)] == categories()   # one checkbox per category
    assert all(p[f"cat_{i}"]["value"] is True for i in range(10))
    assert p["leaders_mode"]["bind"]["options"] == ["none", "us", "pak_gov", "pak_mil"]
    data = rows(fig)
    assert len(data) == len(load("events"))
    assert all(r["source"] for r in data)
    contested = [r for r in data if r["contested"] == "True"]
    assert len(contested) == 18 and all(r["note"] for r in contested)


def test_timeline_leader_bands_mark_unconfirmed(figs):
    spec = figs["diplomacy-timeline"]["spec"]
    bands = next(d for d in spec["datasets"].values() if d and "lane" in d[0])
    assert {b["lane"] for b in bands} == {"us", "pak_gov", "pak_mil"}
    assert any(b["unconfirmed"] for b in bands) and all(b["label"].endswith("?") == b["unconfirmed"] for b in bands)
    mil = {b["name"]: (b["start"], b["end"]) for b in bands if b["lane"] == "pak_mil"}
    assert mil["Muhammad Zia-ul-Haq"] == ("1977-07-05", "1988-08-17")


def test_leaders_figure(figs):
    fig = figs["diplomacy-leaders"]
    p = params(fig["spec"])
    assert p["show_unconfirmed"]["bind"]["input"] == "checkbox" and p["colour_by"]["bind"]["options"] == ["power", "status"]
    data = rows(fig)
    assert len(data) == 71 and sum(r["unconfirmed"] == "True" for r in data) == 27
    assert "27 Pakistani terms" in fig["description"]


def test_visits_figure(figs):
    fig = figs["diplomacy-visits"]
    p = params(fig["spec"])
    assert p["visit_direction"]["bind"]["options"] == ["both", "Pakistan to US", "US to Pakistan"]
    assert p["visit_level"]["bind"]["options"] == ["all", "head of state or government", "secretary of state"]
    data = rows(fig)
    assert len(data) == 75
    per_decade = {}
    for r in data:
        per_decade[r["decade_label"]] = per_decade.get(r["decade_label"], 0) + 1
    assert max(per_decade, key=per_decade.get) == "2000s" and min(per_decade, key=per_decade.get) == "1970s"
    assert "peak in the 2000s" in fig["description"]


def test_imf_figure(figs):
    fig = figs["diplomacy-imf"]
    p = params(fig["spec"])
    assert p["imf_measure"]["bind"]["options"] == ["agreed_sdr_m", "drawn_sdr_m", "agreed_usd_m"]
    assert p["shade_imf"]["bind"]["input"] == "checkbox"
    data = rows(fig)
    assert len(data) == 26
    eff = next(r for r in data if r["arrangement_id"] == "2024-09-25-eff")
    assert (float(eff["agreed_sdr_m"]), float(eff["agreed_usd_m"])) == (5320, 7000)
    assert "Nov 2008 SBA" in fig["description"] and "7,236" in fig["description"]
    aid = next(d for d in fig["spec"]["datasets"].values() if d and "fy_start" in d[0])
    by_fy = {r["fiscal_year"]: r for r in aid}
    assert round(by_fy[2010]["aid_musd"], 1) == 2681.1           # Greenbook FY2010, current US$
    assert by_fy[1976]["fy_start"] == "1975-07-01" and by_fy[1977]["fy_start"] == "1976-10-01"
    assert by_fy[2025]["partial"] is True


def test_timeline_rows_follow_the_ticked_categories(figs):
    """Issue 13: an unticked category leaves no empty row; the count read-out is placed by the
    chart's width, not at a pixel that is off a phone's chart."""
    spec = figs["diplomacy-timeline"]["spec"]
    dots = next(v for v in views(spec) if v.get("mark", {}).get("type") == "point")
    domain = dots["encoding"]["y"]["scale"]["domain"]["expr"]
    assert all(f"cat_{i} ? '|{c}'" in domain for i, c in enumerate(categories()))
    rules = next(v for v in views(spec) if v.get("mark", {}).get("type") == "rule")
    assert any("cat_0" in json.dumps(t) for t in rules["transform"])
    readout = [v for v in views(spec) if v.get("mark", {}).get("type") == "text" and "n" in json.dumps(v.get("transform", []))]
    assert all("x" not in v["mark"] for v in readout)
    assert "narrow" in params(spec)


def test_leaders_legend_and_names(figs):
    """Issue 13: the legend lists only the colour scheme chosen; names sit under the bars in the
    text colour (no white on pale bars), one per person's run of terms, and only where they fit."""
    spec = figs["diplomacy-leaders"]["spec"]
    bars = next(v for v in views(spec) if v.get("mark", {}).get("type") == "bar" and "color" in v.get("encoding", {}))
    values = bars["encoding"]["color"]["legend"]["values"]["expr"]
    assert "['US president', 'Civilian', 'Military ruler']" in values
    assert "['Start date confirmed', 'Start date unconfirmed']" in values
    names = next(v for v in views(spec) if v.get("mark", {}).get("type") == "text")
    assert names["mark"]["color"] != "white" and "limit" not in names["mark"]
    assert any("width" in t.get("filter", "") for t in names["transform"])
    spans = spec["datasets"][names["data"]["name"]]
    assert sum(s["name"] == "Muhammad Zia-ul-Haq" for s in spans) == 2     # one per office
    assert {s["short"] for s in spans if s["name"].endswith("Khan")} >= {"Muhammad Ayub Khan", "Imran Khan"}


def test_imf_figure_fits_a_phone(figs):
    """Issue 13: text in pixels (amount labels, legend, read-out) laid out for a narrow box."""
    from aid2assets.figures import short_source

    fig = figs["diplomacy-imf"]
    spec = fig["spec"]
    assert "narrow" in params(spec)
    texts = [v for v in views(spec) if v.get("mark", {}).get("type") == "text"]
    assert all(v["mark"].get("fontSize", 10) >= 10 for v in texts)
    amounts = next(v for v in texts if "encoding" in v)
    assert {"filter": "!narrow"} in amounts["transform"]
    bars = next(v for v in views(spec) if v.get("mark", {}).get("type") == "bar")
    assert bars["encoding"]["y"]["axis"]["labelFontSize"] >= 10
    assert "narrow" in bars["encoding"]["color"]["legend"]["labelExpr"]
    assert "…" not in short_source(fig["source"])
