"""The chart vocabulary's core (aid2assets/charts.py, section "Core"): each function's spec fragment.

The chapters' figures rely on these fragments being exactly what the chapters wrote by hand
before (benchmarks/compare_refactor.py compares the stored specs), so the tests pin the text of
every expression and every property, not only its shape.
"""

import re

import altair as alt
import pandas as pd
import pytest

from aid2assets import charts

ROWS = pd.DataFrame({"day": ["2025-10-01"], "label": ["Cut-off"], "short": ["Cut"]})


def param_dict(param) -> dict:
    return param.param.to_dict()


def test_phone_switch_is_the_narrow_param_false_as_drawn():
    assert param_dict(charts.phone_switch()) == {"name": "narrow", "value": False}


def test_on_phone_quotes_literals_and_keeps_raw_expressions():
    assert charts.on_phone(2.5, 6).to_dict() == {"expr": "narrow ? 2.5 : 6"}
    assert charts.on_phone("left", "right").to_dict() == {"expr": "narrow ? 'left' : 'right'"}
    assert charts.on_phone("height + 50", "0", raw=True).to_dict() == {"expr": "narrow ? height + 50 : 0"}
    with pytest.raises(TypeError):
        charts.on_phone(None, 1)


def test_dollar_basis_is_a_radio_with_constant_2020_dollars_first():
    assert param_dict(charts.dollar_basis()) == {
        "name": "basis", "value": "constant",
        "bind": {"input": "radio", "options": ["constant", "current"],
                 "labels": ["Constant 2020 dollars", "Current dollars"], "name": "Dollars: "}}
    other = param_dict(charts.dollar_basis("aid_dollars", {"current": "Current US$", "constant": "Constant US$"}))
    assert other["name"] == "aid_dollars" and other["value"] == "current"
    assert other["bind"]["options"] == ["current", "constant"]


def test_basis_expressions_pick_the_column_of_the_chosen_basis():
    assert charts.by_basis("1", "2") == "basis == 'constant' ? 1 : 2"
    assert charts.basis_amount("constant_musd", "current_musd") == (
        "basis == 'constant' ? datum.constant_musd : datum.current_musd")
    assert charts.basis_amount("a", "b", basis="dollars") == "dollars == 'constant' ? datum.a : datum.b"


def test_basis_title_names_the_unit_of_the_chosen_basis():
    title = charts.basis_title("Constant 2020 US$ million", "Current US$ million").to_dict()
    assert title == {"text": {"expr": "basis == 'constant' ? 'Constant 2020 US$ million' : 'Current US$ million'"},
                     "anchor": "start", "fontSize": 12, "fontWeight": 600, "offset": 6}
    assert charts.basis_title("a", "b", fontSize=14).to_dict()["fontSize"] == 14


def test_year_axes_write_years_without_thousands_separators():
    assert charts.year_axis().to_dict() == {"format": "d"}
    assert charts.year_axis(tickCount=10).to_dict() == {"format": "d", "tickCount": 10}
    x = charts.fiscal_year_x(scale=alt.Scale(domain=[1947, 2026]), tickCount=16).to_dict()
    assert x == {"field": "fiscal_year", "type": "quantitative", "title": "US fiscal year",
                 "axis": {"format": "d", "tickCount": 16}, "scale": {"domain": [1947, 2026]}}
    assert "scale" not in charts.fiscal_year_x("start", title=None).to_dict()
    assert charts.fiscal_year_x("start").to_dict()["field"] == "start"


def test_event_rules_are_dashed_or_dashed_only_where_unconfirmed():
    plain = charts.event_rules(ROWS, "day:T", strokeWidth=1.5).to_dict()
    assert plain["mark"] == {"type": "rule", "color": "#333", "strokeDash": [5, 3], "strokeWidth": 1.5}
    assert plain["encoding"] == {"x": {"field": "day", "type": "temporal"}}
    marked = charts.event_rules(alt.Chart(ROWS).transform_filter("true"), "day:T", dash=(4, 3),
                                unconfirmed="datum.unconfirmed").to_dict()
    assert marked["mark"] == {"type": "rule", "color": "#333"}
    assert marked["transform"] == [{"filter": "true"}]
    assert marked["encoding"]["strokeDash"] == {"condition": {"test": "datum.unconfirmed", "value": [4, 3]},
                                                "value": [1, 0]}


def test_rule_labels_sit_right_of_the_rule_in_bold():
    spec = charts.rule_labels(ROWS, "day:T", y=charts.on_phone(-48, -14)).to_dict()
    assert spec["mark"] == {"type": "text", "align": "left", "baseline": "top", "dx": 4,
                            "y": {"expr": "narrow ? -48 : -14"}, "fontSize": 11, "fontWeight": 600}
    assert spec["encoding"]["text"] == {"field": "label", "type": "nominal"}


def test_on_phone_field_picks_a_column():
    assert charts.on_phone_field("short", "label") == "narrow ? datum.short : datum.label"


def test_event_label_row_keeps_only_phone_labels_on_a_phone():
    row = charts.event_label_row(ROWS, alt.X("day:T", axis=None), height=118, width=600).to_dict()
    labels, ticks = row["layer"]
    assert (row["height"], row["width"]) == (118, 600)
    assert labels["transform"] == [{"filter": "!narrow || datum.narrow_label"}]
    assert labels["mark"]["angle"] == 270 and labels["mark"]["y"] == 112
    assert ticks["mark"] == {"type": "rule", "color": "#333", "y": 115, "y2": 118}
    assert "transform" not in ticks


def test_shorter_on_phone_cuts_text_or_a_pattern():
    assert charts.shorter_on_phone(" published") == (
        "narrow ? replace(datum.label, ' published', '') : datum.label")
    assert charts.shorter_on_phone(re.compile(" [(]PK[)]|, PK")) == (
        "narrow ? replace(datum.label, / [(]PK[)]|, PK/, '') : datum.label")
    assert charts.shorter_on_phone("it's") == "narrow ? replace(datum.label, 'it\\'s', '') : datum.label"


def test_era_bands_fill_with_the_rows_own_colours():
    eras = pd.DataFrame({"start": [1947.5], "end": [1958.5], "shade": charts.alternate_shades(1)})
    spec = charts.era_bands(eras, alt.X("start:Q", axis=None), tooltip=[alt.Tooltip("start:Q")]).to_dict()
    assert spec["mark"] == {"type": "rect"}
    assert spec["encoding"]["fill"] == {"field": "shade", "type": "nominal", "scale": None}
    assert spec["encoding"]["x2"] == {"field": "end"} and "tooltip" in spec["encoding"]
    assert charts.alternate_shades(3) == ["#f2f2f2", "#dcdcdc", "#f2f2f2"]


def test_slider_is_a_range_input():
    assert param_dict(charts.slider("day", 221, 0, 400, "Date: ")) == {
        "name": "day", "value": 221, "bind": {"input": "range", "min": 0, "max": 400, "step": 1, "name": "Date: "}}
    assert param_dict(charts.slider("t", 40, 0, 400, "T: ", step=10))["bind"]["step"] == 10


def test_phone_title_gives_shorter_lines_and_a_smaller_font_on_a_phone():
    title = charts.phone_title("Pakistan’s IMF arrangements", "Pakistan’s IMF", "arrangements").to_dict()
    assert title == {"text": {"expr": "narrow ? ['Pakistan’s IMF', 'arrangements'] : 'Pakistan’s IMF arrangements'"},
                     "fontSize": {"expr": "narrow ? 13 : 15"}}


def test_toggles_can_tick_some_boxes_only_at_first():
    shown = charts.Toggles("iso", {"PAK": "Pakistan", "IND": "India"}, value={"PAK"})
    assert [param_dict(p)["value"] for p in shown.params] == [True, False]
    assert [param_dict(p)["value"] for p in charts.Toggles("iso", {"A": "a"}, value=False).params] == [False]


def test_select_is_a_drop_down_list_with_the_first_option_chosen():
    assert param_dict(charts.select("peer", {"IND": "India", "BGD": "Bangladesh"}, "Compare with: ")) == {
        "name": "peer", "value": "IND",
        "bind": {"input": "select", "options": ["IND", "BGD"], "labels": ["India", "Bangladesh"],
                 "name": "Compare with: "}}
    assert param_dict(charts.select("p", {"a": "A", "b": "B"}, "P: ", value="b"))["value"] == "b"


def test_date_slider_counts_days_from_its_start_and_asks_the_page_to_show_the_date():
    day = charts.DateSlider("since_day", "2025-03-15", value=10, last=500)
    assert param_dict(day.param) == {"name": "since_day", "value": 10, "bind": {
        "input": "range", "min": 0, "max": 500, "step": 1, "name": "Date: "}}
    assert day.date == "utc(2025, 2, 15 + since_day)"   # Vega months count from 0
    assert day.text == "timeFormat(utc(2025, 2, 15 + since_day), '%-d %b %Y')"
    assert day.usermeta == {"a2a": {"dateSliders": {"since_day": "2025-03-15"}}}
