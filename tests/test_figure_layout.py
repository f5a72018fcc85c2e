"""How a figure is laid out and captioned, checked without a browser (issue 13).

The browser tests (test_site_themes_browser, test_figure_layout_browser) measure the drawn
charts; these pin the parts they rely on: the narrow-layout threshold shared by embed.js and
the tests, the one-line source with its "Sources and notes" disclosure, and that no CSS rule
scales a chart down (which would shrink its text below 10 px and misplace a brush).
"""

from __future__ import annotations

import re
from pathlib import Path

from aid2assets.figures import figure_html, short_source
from figure_fit_support import NARROW_BELOW

STATIC = Path(__file__).resolve().parent.parent / "aid2assets" / "static"


def test_tests_and_embed_js_agree_on_the_narrow_threshold():
    found = re.search(r"^const NARROW = (\d+);", (STATIC / "embed.js").read_text(), re.M)
    assert found and int(found.group(1)) == NARROW_BELOW


def test_no_css_rule_scales_a_chart_to_fit():
    css = (STATIC / "figures.css").read_text()
    assert not re.search(r"svg[^{]*\{[^}]*max-width", css), "a chart's SVG is scaled by CSS"
    assert "height: auto" not in css


def test_short_source_names_each_publisher_once():
    assert short_source("USAID Data Services, Greenbook | Greenbook 2; US Census Bureau, Trade in Goods; "
                        "USAID Data Services, Another title") == "USAID Data Services; US Census Bureau"
    # a "; " inside a title is not a new publisher; a comma inside brackets is not the end of a name
    assert short_source("The White House, Order 1; extended by order 2; Congressional Research Service "
                        "(K. Alan Kronstadt, Susan B. Epstein), Direct aid") == (
        "The White House; Congressional Research Service (K. Alan Kronstadt, Susan B. Epstein)")


def _payload(source, note=""):
    return {"id": "x", "title": "T", "description": "D", "source": source, "note": note, "how_to": "",
            "tables": [], "download": {"filename": "x.csv", "csv": "a\n1\n"}, "spec": {"mark": "bar"}}


def test_long_sources_and_notes_fold_behind_a_disclosure_and_lose_nothing():
    source = "US Census Bureau, Trade in Goods by country (country.xlsx), all years"
    html = figure_html(_payload(source, note="Imports are general imports."))
    visible, folded = html.split('<details class="a2a-sources">')
    assert "<strong>Source:</strong> US Census Bureau.</p>" in visible
    assert "<summary>Sources and notes</summary>" in folded
    assert f"{source}." in folded and "Imports are general imports." in folded
    assert folded.index("</details>") < folded.index("a2a-download")  # the download stays in view


def test_a_short_source_without_a_note_is_shown_whole():
    html = figure_html(_payload("The sources named in each row of events.csv"))
    assert "<details" not in html
    assert "<strong>Source:</strong> The sources named in each row of events.csv.</p>" in html


def test_tests_and_embed_js_agree_on_the_smallest_plot():
    from figure_fit_support import MIN_PLOT

    found = re.search(r"^const MIN_PLOT = (\d+);", (STATIC / "embed.js").read_text(), re.M)
    assert found and int(found.group(1)) == MIN_PLOT
