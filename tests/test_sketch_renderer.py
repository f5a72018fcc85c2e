"""Plain Altair charts (not wrapped in a Figure) render through the book's offline figure type."""

from __future__ import annotations

import altair as alt
import pandas as pd

from aid2assets import theme
from aid2assets.figures import MIME_TYPE, SKETCH_SOURCE, sketch_payload


def chart(title=None):
    data = pd.DataFrame({"year": [2020, 2021, 2022], "value": [1.5, 2.0, 0.5]})
    c = alt.Chart(data).mark_line().encode(x="year:Q", y="value:Q")
    return c.properties(title=title) if title else c


def test_theme_enables_the_offline_renderer():
    theme.enable()
    assert alt.renderers.active == "aid2assets"
    bundle = chart("A test")._repr_mimebundle_()
    bundle = bundle[0] if isinstance(bundle, tuple) else bundle
    assert MIME_TYPE in bundle and "image/png" in bundle
    assert "text/html" not in bundle  # Altair's HTML output loads Vega from a CDN
    assert bundle["text/plain"] == "Chart: A test"


def test_payload_is_deterministic_and_carries_the_data():
    theme.enable()
    a, b = sketch_payload(chart("Same").to_dict()), sketch_payload(chart("Same").to_dict())
    assert a == b and a["id"].startswith("sketch-") and len(a["id"]) == len("sketch-") + 12
    assert sketch_payload(chart("Other").to_dict())["id"] != a["id"]
    assert a["download"]["csv"].splitlines() == ["year,value", "2020,1.5", "2021,2.0", "2022,0.5"]
    assert a["source"] == SKETCH_SOURCE and a["title"] == "Same"
    assert a["spec"]["description"].startswith("Same. ")


def test_untitled_chart_gets_a_generic_title():
    theme.enable()
    p = sketch_payload(chart().to_dict())
    assert p["title"] == "A chart made in this notebook"
    layered = sketch_payload(alt.layer(chart(), chart().mark_point()).properties(title={"text": "Layered"}).to_dict())
    assert layered["title"] == "Layered"
