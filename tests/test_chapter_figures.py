"""The figures stored in the chapter notebooks: fields, params and bindings of each spec.

These read the outputs saved in the notebooks, which nbval (strict) proves equal to a fresh
run, so they test exactly what the site publishes.
"""

import csv
import io
import json
from pathlib import Path

import nbformat
import pytest

from aid2assets import load
from aid2assets.figures import MIME_TYPE, stored_figures
from spec_support import fields, nodes, params

CHAPTERS = Path(__file__).resolve().parent.parent / "chapters"


def figures(notebook):
    return stored_figures(CHAPTERS / notebook)


@pytest.fixture(scope="module")
def aid():
    return figures("aid_history.ipynb")


def test_the_figures_tested_here_are_stored(aid):
    """The figures named below are in the chapter (others may be added without changing this file)."""
    assert {"aid-by-year", "aid-comparison", "aid-period-totals", "crs-breakdown"} <= set(aid)


ALL_FIGURES = [(nb.name, fid) for nb in sorted(CHAPTERS.glob("*.ipynb")) for fid in figures(nb.name)]


def test_figure_ids_are_unique_across_the_book():
    ids = [fid for _, fid in ALL_FIGURES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("notebook,fid", ALL_FIGURES)
def test_every_figure_is_complete(notebook, fid):
    fig = figures(notebook)[fid]
    assert fig["title"] and fig["description"] and fig["source"]
    assert fig["spec"]["description"].startswith(fig["title"])
    rows = list(csv.DictReader(io.StringIO(fig["download"]["csv"])))
    assert rows, "the download is empty"
    assert fig["download"]["filename"] == f"{fid}.csv"
    if fid.startswith("sketch-"):  # a plain chart from an exercise solution: no controls
        assert fig["source"] and not params(fig["spec"])
        return
    bound = [p for p in params(fig["spec"]).values() if "bind" in p]
    assert bound, "a figure without a control"
    for p in params(fig["spec"]).values():
        if "select" in p or "expr" in p or p["name"] == "narrow":
            continue  # a selection (brushed or clicked on the chart), a derived value, or the page's width flag
        assert "bind" in p and p["bind"].get("name"), f"{p['name']} has no labelled control"


def test_aid_by_year_spec(aid):
    spec = aid["aid-by-year"]["spec"]
    p = params(spec)
    assert p["basis"]["bind"]["input"] == "radio" and p["basis"]["bind"]["options"] == ["constant", "current"]
    assert p["show_events"]["bind"]["input"] == "checkbox" and p["show_events"]["value"] is True
    assert p["show_eras"]["bind"]["input"] == "checkbox"
    assert {"fiscal_year", "amount", "series"} <= fields(spec)
    text = json.dumps(spec)
    assert "basis == 'constant' ? datum.constant_musd : datum.current_musd" in text
    overlay = load("events").query("aid_overlay")
    name, event_rows = next((n, d) for n, d in spec["datasets"].items() if d and "event_id" in d[0])
    assert sorted(r["event_id"] for r in event_rows) == sorted(overlay.event_id)
    assert {"name": name} in [n["data"] for n in nodes(spec) if isinstance(n.get("data"), dict)], "the chart does not draw the events it carries"


def test_aid_by_year_download_matches_data(aid):
    rows = list(csv.DictReader(io.StringIO(aid["aid-by-year"]["download"]["csv"])))
    fy2010 = [r for r in rows if r["fiscal_year"] == "2010"]
    assert round(sum(float(r["current_musd"]) for r in fy2010), 1) == 2681.1
    fy2025 = [r for r in rows if r["fiscal_year"] == "2025"]
    assert len(fy2025) == 1 and fy2025[0]["partial"] == "True"
    assert round(float(fy2025[0]["current_musd"]), 1) == 69.2


def test_period_picker_spec(aid):
    p = params(aid["aid-period-totals"]["spec"])
    assert (p["first_year"]["value"], p["last_year"]["value"]) == (2002, 2011)
    for name in ("first_year", "last_year"):
        assert p[name]["bind"]["input"] == "range"
        assert (p[name]["bind"]["min"], p[name]["bind"]["max"], p[name]["bind"]["step"]) == (1948, 2025, 1)


def test_comparison_spec(aid):
    spec = aid["aid-comparison"]["spec"]
    p = params(spec)
    assert p["measure"]["bind"]["input"] == "select" and len(p["measure"]["bind"]["options"]) == 4
    for iso in ("PAK", "EGY", "ISR", "AFG", "IND", "BGD"):
        assert p[f"show_{iso}"]["bind"]["input"] == "checkbox"
    assert p["show_PAK"]["value"] is True
    assert {"fiscal_year", "value_musd", "country"} <= fields(spec)


def test_crs_spec(aid):
    spec = aid["crs-breakdown"]["spec"]
    p = params(spec)
    assert p["include_csf"]["bind"]["input"] == "checkbox"
    assert p["csf_2013"]["bind"]["options"] == ["2019-03-12", "2014-03-06"]
    rows = list(csv.DictReader(io.StringIO(aid["crs-breakdown"]["download"]["csv"])))
    labels = {r["label"] for r in rows}
    assert "FY2002–07 (average)" in labels and "FY2018" in labels


# --- The words under each figure agree with its data ---------------------------------------------

def download(payload):
    return list(csv.DictReader(io.StringIO(payload["download"]["csv"])))


def test_aid_by_year_peaks_match_description(aid):
    """Figure 1 and the text say: FY1962 is the peak in constant dollars, FY2010 in current."""
    totals = {}
    for r in download(aid["aid-by-year"]):
        t = totals.setdefault(int(r["fiscal_year"]), [0.0, 0.0])
        t[0] += float(r["current_musd"])
        t[1] += float(r["constant_musd"])
    assert max(totals, key=lambda y: totals[y][0]) == 2010
    assert max(totals, key=lambda y: totals[y][1]) == 1962
    assert all(totals[y][0] < 200 for y in range(2021, 2026))   # "under $200 million a year"
    assert "FY2010" in aid["aid-by-year"]["description"]


def test_crs_largest_stream_matches_description(aid):
    rows = [r for r in download(aid["crs-breakdown"])
            if not (r["label"] == "FY2013" and r["table"] == "2014-03-06") and r["per_year_musd"]]
    largest = {}
    for r in rows:
        best = largest.get(r["label"])
        if best is None or float(r["per_year_musd"]) > best[1]:
            largest[r["label"]] = (r["component"].split()[0], float(r["per_year_musd"]))
    csf = {k for k, v in largest.items() if v[0] == "Coalition"}
    assert csf == {"FY2002–07 (average)", "FY2008", "FY2013", "FY2014", "FY2015", "FY2016"}
    # FY2017-FY2018 have no CSF amount, so only FY2009-FY2012 are compared for the aid streams
    aid_years = {k: v[0] for k, v in largest.items() if k in ("FY2009", "FY2010", "FY2011", "FY2012")}
    assert {k for k, v in aid_years.items() if v == "Economic-related"} == {"FY2009", "FY2010", "FY2012"}
    assert {k for k, v in aid_years.items() if v == "Security-related"} == {"FY2011"}
    fy2018 = sum(float(r["per_year_musd"]) for r in rows if r["label"] == "FY2018")
    assert fy2018 == 107


def test_comparison_description(aid):
    """Figure 3 says: Pakistan's constant-dollar peak came in the early 1960s, above Egypt and
    Israel that year; from the mid-1970s Israel and Egypt got far more; after 2001 Afghanistan."""
    rows = download(aid["aid-comparison"])
    value = {(r["country_iso3"], int(r["fiscal_year"])): float(r["total_constant"]) for r in rows}

    def mean(iso, first, last):
        years = [value.get((iso, y), 0.0) for y in range(first, last + 1)]
        return sum(years) / len(years)
    pak_years = {y: v for (iso, y), v in value.items() if iso == "PAK"}
    peak = max(pak_years, key=pak_years.get)
    assert 1960 <= peak <= 1964
    assert value[("PAK", peak)] > max(value[("EGY", peak)], value[("ISR", peak)])
    for iso in ("ISR", "EGY"):
        assert mean(iso, 1976, 2020) > 2 * mean("PAK", 1976, 2020)
    assert mean("AFG", 2002, 2020) > 2 * mean("PAK", 2002, 2020)


@pytest.mark.parametrize("notebook,fid", ALL_FIGURES)
def test_every_figure_has_a_static_image_for_notebooks_and_print(notebook, fid):
    """JupyterLab, VS Code and Colab do not know the book's mime type; they show this PNG."""
    import base64
    import struct

    nb = nbformat.read(CHAPTERS / notebook, as_version=4)
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if data.get(MIME_TYPE, {}).get("id") == fid:
                png = base64.b64decode(data["image/png"])
                assert png[:8] == b"\x89PNG\r\n\x1a\n"
                width, height = struct.unpack(">II", png[16:24])
                assert width >= 400 and height >= 200
                return
    pytest.fail(f"{fid} not found")
