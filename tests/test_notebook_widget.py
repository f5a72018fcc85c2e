"""Live figures in notebook front ends (aid2assets.notebook): the widget view appears only in
kernels that a front end drives, and never changes what stored notebooks hold."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

from aid2assets import notebook
from aid2assets.bundle import bundle_text
from aid2assets.figures import MIME_TYPE

REPO = Path(__file__).resolve().parent.parent
CHAPTERS = sorted((REPO / "chapters").glob("*.ipynb"))

CELL = """
import altair as alt, pandas as pd
from aid2assets import theme
from aid2assets.figures import Figure
theme.enable()
data = pd.DataFrame({"year": [2020, 2021], "value": [1.0, 2.0]})
k = alt.param(name="k", value=1, bind=alt.binding_range(min=0, max=2, step=1, name="k "))
chart = alt.Chart(data).mark_bar().encode(x="year:O", y="value:Q").add_params(k)
Figure(chart, id="test-live", title="A test", description="Two bars.", source="the test", data=data)
"""


def run(env, monkeypatch):
    from nbclient import NotebookClient

    for key in ("A2A_LIVE_CHARTS", "JPY_SESSION_NAME", "VSCODE_PID", "VSCODE_CWD"):
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(CELL),
                                         nbformat.v4.new_code_cell("alt.Chart(data).mark_line().encode(x='year:Q', y='value:Q')")])
    NotebookClient(nb, timeout=120, kernel_name="python3", store_widget_state=False).execute()
    return nb


def test_live_only_in_a_kernel(monkeypatch):
    monkeypatch.setenv("JPY_SESSION_NAME", "x.ipynb")
    assert notebook.live() is False   # pytest is not a kernel
    monkeypatch.setenv("A2A_LIVE_CHARTS", "1")
    assert notebook.live() is False


@pytest.mark.parametrize("env,live", [
    ({}, False),                                             # nbval, nbconvert, MyST-NB
    ({"JPY_SESSION_NAME": "chapters/x.ipynb"}, True),        # a kernel JupyterLab started
    ({"JPY_SESSION_NAME": "x.ipynb", "A2A_LIVE_CHARTS": "0"}, False),   # ./dev.sh execute
    ({"A2A_LIVE_CHARTS": "1"}, True),
], ids=["plain", "jupyter-server", "forced-off", "forced-on"])
@pytest.mark.notebooks
def test_outputs_with_and_without_a_front_end(env, live, monkeypatch):
    nb = run(env, monkeypatch)
    for cell, text in zip(nb.cells, ("Figure: A test", "Chart: A chart made in this notebook")):
        (out,) = cell.outputs
        keys = {MIME_TYPE, "image/png", "text/plain"} | ({notebook.WIDGET_MIME} if live else set())
        assert set(out["data"]) == keys
        assert out["data"]["text/plain"] == text   # stable: no memory address, no model id
    assert "widgets" not in nb.metadata            # no widget state, and so no bundle, in the file
    text = json.dumps(nb)
    assert "__default" not in text and len(text) < 400_000   # the 0.9 MB bundle went over the comm only


def test_the_widget_draws_the_sites_markup_with_the_sites_bundle():
    from aid2assets.figures import figure_html

    payload = {"id": "x", "title": "T", "description": "D", "source": "S", "note": "", "how_to": "",
               "tables": ["events"], "download": {"filename": "x.csv", "csv": "a\n1\n"}, "spec": {"mark": "bar"}}
    view = notebook._widget_class()(figure_html(payload, data_prefix=None))
    assert view._esm == bundle_text()
    assert "export{__default as default}" in view._esm   # anywidget's entry point
    assert 'class="a2a-figure"' in view.html and "data:text/csv" in view.html and "<code>data/events.csv</code>" in view.html
    assert repr(view) == "FigureView()"
    view.close()


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_stored_chapters_hold_no_live_chart(chapter):
    nb = nbformat.read(chapter, as_version=4)
    assert "widgets" not in nb.metadata
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if MIME_TYPE in data:
                assert notebook.WIDGET_MIME not in data, f"cell {i}: a figure stored with a widget view"
            assert " at 0x" not in str(data.get("text/plain", "")), f"cell {i}: a memory address in text/plain"
