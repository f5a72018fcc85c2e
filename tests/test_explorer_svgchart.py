"""The explorers' hand-built SVG line charts (aid2assets.explorers.svgchart)."""

import xml.etree.ElementTree as ET

import pytest

from aid2assets.explorers.svgchart import Series, describe_series, line_chart, nice_ticks

NS = "{http://www.w3.org/2000/svg}"


def test_nice_ticks():
    assert nice_ticks(0, 15_600) == [0, 5000, 10000, 15000, 20000]
    assert nice_ticks(-1.39, 4.59) == [-2, 0, 2, 4, 6]
    assert nice_ticks(2002, 2011, count=9) == list(range(2002, 2012))
    assert nice_ticks(5, 5)[0] < 5 < nice_ticks(5, 5)[-1]
    with pytest.raises(ValueError, match="finite"):
        nice_ticks(0, float("nan"))


def test_line_chart_structure_and_escaping():
    series = [Series("A & B", "#009E73", [2000, 2001, 2002], [1.0, -2.0, 3.0]),
              Series("C", "#E69F00", [2000, 2001], [0.5, 0.25])]
    svg = line_chart(series, title="Title <x>", description="What it shows.", x_title="Year",
                     y_title="US$ million")
    root = ET.fromstring(svg)              # well-formed XML, special characters escaped
    assert root.get("role") == "img"
    assert root.find(NS + "title").text == "Title <x>"
    assert root.find(NS + "desc").text == "What it shows."
    labelled = root.get("aria-labelledby").split()
    assert labelled == [root.find(NS + "title").get("id"), root.find(NS + "desc").get("id")]
    assert len(root.findall(f".//{NS}polyline")) == 2
    assert len(root.findall(f".//{NS}circle")) == 5
    texts = [t.text for t in root.iter(NS + "text")]
    assert "A & B" in texts and "US$ million" in texts and "−2" in texts and "2000" in texts
    assert svg == line_chart(series, title="Title <x>", description="What it shows.", x_title="Year",
                             y_title="US$ million")


def test_line_chart_without_data():
    root = ET.fromstring(line_chart([], title="Empty", description="Nothing.", x_title="x", y_title="y"))
    assert "No data" in "".join(root.itertext())


def test_describe_series():
    text = describe_series([Series("Pakistan", "#000", [2001, 2002, 2003], [1.0, 5.0, 2.0])], "US$ million")
    assert text == "Pakistan, 2001–2003: 1.0 to 2.0 US$ million; highest 5.0 in 2002, lowest 1.0 in 2001."
    assert describe_series([Series("X", "#000", [1962], [3.0])], "US$") == "X: 3.0 US$ in 1962."
