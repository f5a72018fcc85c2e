"""The figure HTML and the Vega bundle the site serves."""

import json
import re
import urllib.parse

import altair as alt
import pandas as pd
import pytest

from aid2assets.figures import MIME_TYPE, Figure
from aid2assets.build.site import FigureMimeRenderer, figure_html

PAYLOAD_TEXT = '<script>alert("x")</script>'


def make_figure(**kw):
    df = pd.DataFrame({"year": [2000, 2001], "value": [1.5, 2.5], "label": [PAYLOAD_TEXT, "ok"]})
    chart = alt.Chart(df).mark_bar().encode(x="year:O", y="value:Q", tooltip=["label:N"])
    args = dict(id="test-fig", title="A <b>title</b>", description="Rises & falls",
                source=PAYLOAD_TEXT, data=df, tables=["aid_greenbook"], note="Note </script>")
    args.update(kw)
    return Figure(chart, **args)


def test_text_from_data_is_escaped():
    html = figure_html(make_figure().payload())
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html            # source line, escaped
    assert "A &lt;b&gt;title&lt;/b&gt;" in html
    assert html.count("</script>") == 1               # only the spec container closes a script


def test_spec_json_round_trips():
    fig = make_figure()
    html = figure_html(fig.payload())
    inner = re.search(r'<script type="application/json" class="a2a-spec">(.*?)</script>', html).group(1)
    assert json.loads(inner) == json.loads(json.dumps(fig.spec()))


def test_download_link_holds_the_exact_data():
    fig = make_figure()
    html = figure_html(fig.payload())
    href = re.search(r'href="data:text/csv;charset=utf-8,([^"]*)"', html).group(1)
    csv_text = urllib.parse.unquote(href.replace("&amp;", "&"))
    assert csv_text == fig.data.to_csv(index=False, lineterminator="\n")


def test_figure_id_is_stable_and_spec_carries_text_alternative():
    a, b = make_figure().payload(), make_figure().payload()
    assert a == b
    assert a["spec"]["description"].startswith("A <b>title</b>. Rises & falls")


def test_bad_figures_are_refused():
    with pytest.raises(ValueError):
        make_figure(id="has space")
    with pytest.raises(ValueError):
        make_figure(source=" ")


def test_mime_bundle_parts():
    bundle = make_figure()._repr_mimebundle_()
    assert set(bundle) == {MIME_TYPE, "image/png", "text/plain"}
    assert bundle["text/plain"] == "Figure: A <b>title</b>"


def test_plugin_claims_its_mime_type_on_html_builders():
    assert ("html", MIME_TYPE, 1) in FigureMimeRenderer.mime_priority_overrides


def test_vega_bundle_has_no_remote_loads():
    from aid2assets.build.site import _bundle_text
    text = _bundle_text()
    assert "a2aViews" in text and "window.a2aDrawFigure" in text   # what loader.js calls
    # no import from a URL, no script injection from a CDN
    assert not re.search(r"""(import\s*\(?\s*["']https?:|cdn\.jsdelivr|unpkg\.com)""", text)
