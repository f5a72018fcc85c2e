"""The chart vocabulary's labels, toggles and read-outs (aid2assets/charts.py, section "Labels,
toggles and read-outs"): each function's spec fragment.

The chapters' stored specs must not change when a figure cell switches to these helpers
(benchmarks/compare_refactor.py), so the tests pin every expression to the character and every
property of the fragment, as the chapters wrote them by hand before.
"""

import altair as alt
import pandas as pd
import pytest

from aid2assets import charts


def param_dict(param) -> dict:
    return param.param.to_dict()


def layer_dict(chart) -> dict:
    """A one-layer chart's spec without Altair's top-level defaults (data, config, schema)."""
    spec = chart.to_dict()
    return {k: v for k, v in spec.items() if k in ("mark", "encoding", "transform")}


def test_radio_binds_options_to_their_labels_and_starts_on_the_first():
    assert param_dict(charts.radio("measure", {"value_musd": "US$ million", "share": "Share"}, "Show: ")) == {
        "name": "measure", "value": "value_musd",
        "bind": {"input": "radio", "options": ["value_musd", "share"], "labels": ["US$ million", "Share"],
                 "name": "Show: "}}
    assert param_dict(charts.radio("m", {"a": "A", "b": "B"}, "M: ", value="b"))["value"] == "b"


def test_checkbox_is_ticked_unless_told_otherwise():
    assert param_dict(charts.checkbox("gas_lng", "Show LNG imports")) == {
        "name": "gas_lng", "value": True, "bind": {"input": "checkbox", "name": "Show LNG imports"}}
    assert param_dict(charts.checkbox("shade", "Shade", value=False))["value"] is False


def test_cases_quotes_literals_and_brackets_expressions():
    assert charts.cases("rem_mode", {"share": "Share of the total"}, "US$ million a year") == (
        "rem_mode == 'share' ? 'Share of the total' : 'US$ million a year'")
    assert charts.cases("m", {"a": "A", "b": charts.on_phone("b", "B")}, charts.on_phone("c", "C")) == (
        "m == 'a' ? 'A' : m == 'b' ? (narrow ? 'b' : 'B') : (narrow ? 'c' : 'C')")
    assert charts.cases("n", {1: 2}, 0) == "n == 1 ? 2 : 0"
    assert charts.cases("m", {"it's": "x"}, "y") == "m == 'it\\'s' ? 'x' : 'y'"   # quotes escaped


def test_label_map_renames_some_labels_and_keeps_the_rest():
    assert charts.label_map({"United States": "US", "United Kingdom": "UK"}) == (
        "datum.label == 'United States' ? 'US' : datum.label == 'United Kingdom' ? 'UK' : datum.label")
    assert charts.label_map({}, "datum.value") == "datum.value"


def test_phone_labels_rename_on_a_phone_only():
    assert charts.phone_labels({"United States": "US"}) == (
        "narrow ? (datum.label == 'United States' ? 'US' : datum.label) : datum.label")


def test_toggles_make_a_checkbox_per_series_a_filter_and_the_ticked_labels():
    shown = charts.Toggles("flow", {"us_aid": "US aid", "us_fdi": "US net FDI"}, name="show_{key}")
    assert [param_dict(p) for p in shown.params] == [
        {"name": "show_us_aid", "value": True, "bind": {"input": "checkbox", "name": "US aid"}},
        {"name": "show_us_fdi", "value": True, "bind": {"input": "checkbox", "name": "US net FDI"}}]
    assert shown.filter == "(datum.flow == 'us_aid' && show_us_aid) || (datum.flow == 'us_fdi' && show_us_fdi)"
    assert shown.ticked_labels == (
        "split(substring((show_us_aid ? '|US aid' : '') + (show_us_fdi ? '|US net FDI' : ''), 1), '|')")
    assert shown.ticked.to_dict() == {"expr": shown.ticked_labels}


def test_toggles_quote_labels_and_refuse_the_separator():
    shown = charts.Toggles("who", {"pak": "Pakistan's share"}, name="t_{i}")
    assert shown.ticked_labels == "split(substring((t_0 ? '|Pakistan\\'s share' : ''), 1), '|')"
    with pytest.raises(ValueError, match="may not contain"):
        charts.Toggles("who", {"a": "A|B"}).ticked_labels


def test_toggles_can_name_params_by_position_and_start_unticked():
    shown = charts.Toggles("category", {"aid": "aid", "nuclear": "nuclear"}, name="cat_{i}", value=False)
    assert [p.name for p in shown.params] == ["cat_0", "cat_1"]
    assert all(param_dict(p)["value"] is False for p in shown.params)
    assert shown.filter == "(datum.category == 'aid' && cat_0) || (datum.category == 'nuclear' && cat_1)"


def test_tooltips_from_short_rows():
    rows = charts.tooltips("note:N", ("country:N", "Country"), ("year:Q", "Year", "d"))
    assert [t.to_dict() for t in rows] == [
        {"field": "note", "type": "nominal"},
        {"field": "country", "type": "nominal", "title": "Country"},
        {"field": "year", "type": "quantitative", "title": "Year", "format": "d"}]


def test_unit_label_sits_above_the_plots_left_edge_and_follows_an_expression():
    spec = layer_dict(charts.unit_label("m == 'a' ? 'Tonnes' : 'Share'"))
    assert spec["mark"] == {"type": "text", "align": "left", "baseline": "bottom", "x": 0, "y": -8, "fontSize": 12,
                            "fontWeight": 600, "color": "#333", "text": {"expr": "m == 'a' ? 'Tonnes' : 'Share'"}}


def test_legend_below_moves_clear_of_the_unit_label_on_a_phone():
    assert charts.legend_below(columns=1, labelLimit=300).to_dict() == {
        "orient": "bottom", "offset": {"expr": "narrow ? 28 : 18"}, "columns": 1, "labelLimit": 300}


def test_axis_title_below_takes_the_place_of_the_x_axis_title():
    spec = layer_dict(charts.axis_title_below(alt.Chart(pd.DataFrame({"unit": ["Tonnes"]})), "unit:N"))
    assert spec["mark"] == {"type": "text", "fontSize": 12, "fontWeight": 500, "baseline": "top"}
    assert spec["encoding"] == {"x": {"value": {"expr": "width / 2"}}, "y": {"value": {"expr": "height + 26"}},
                                "text": {"field": "unit", "type": "nominal"}}


def test_readout_is_above_the_plot_and_under_it_on_a_phone():
    spec = layer_dict(charts.readout(alt.Chart(pd.DataFrame({"text": ["3 shown"]})), "text:N", below=24,
                                     x="width", align="right", fontSize=12))
    assert spec["mark"] == {"type": "text", "baseline": {"expr": "narrow ? 'top' : 'bottom'"}, "align": "right",
                            "fontSize": 12}
    assert spec["encoding"] == {"x": {"value": "width"}, "y": {"value": {"expr": "narrow ? height + 24 : -8"}},
                                "text": {"field": "text", "type": "nominal"}}
    low = layer_dict(charts.readout(alt.Chart(), "t:N", below=48, above="height - 8"))
    assert low["encoding"]["y"] == {"value": {"expr": "narrow ? height + 48 : height - 8"}}
    assert low["encoding"]["x"] == {"value": 0}


def test_fits_in_band_compares_the_band_width_with_the_name():
    assert charts.fits_in_band("datum.years", "82", "datum.short", letter=5.5, pad=4) == (
        "datum.years * width / 82 >= length(datum.short) * 5.5 + 4")
    assert charts.fits_in_band("(datum.e - datum.s)", "(hi - lo)") == (
        "(datum.e - datum.s) * width / (hi - lo) >= length(datum.label) * 6 + 6")


@pytest.mark.parametrize("name", ["radio", "checkbox", "cases", "label_map", "phone_labels", "Toggles", "tooltips",
                                  "unit_label", "legend_below", "axis_title_below", "readout", "fits_in_band"])
def test_each_helper_is_exported_and_documented_with_an_example(name):
    helper = getattr(charts, name)
    assert name in charts.__all__
    assert helper.__doc__ and "::" in helper.__doc__, f"{name} needs a docstring with a short example"
