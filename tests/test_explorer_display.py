"""An explorer shows its widget only in a live notebook front end (issue 12: no per-run ids).

In JupyterLab, Notebook 7, VS Code or Colab (``aid2assets.notebook.live``) an explorer's
display bundle holds the ipywidgets view; in the book's own runs it holds one fixed line, so
a stored notebook carries no widget model id, which would change on every run.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from aid2assets import notebook
from aid2assets.explorers import KernelExplorer

CHAPTERS = Path(__file__).resolve().parent.parent / "chapters"


class _Stub(KernelExplorer):
    summary_text = "Stub explorer"

    def __init__(self):
        import ipywidgets

        self.widget = ipywidgets.HTML("x")


@pytest.mark.parametrize("live", [True, False])
def test_the_widget_view_only_in_a_live_front_end(monkeypatch, live):
    monkeypatch.setattr(notebook, "live", lambda: live)
    bundle = _Stub()._repr_mimebundle_()
    assert bundle["text/plain"] == "Stub explorer. It needs a live Python kernel (JupyterLab, Colab or Binder)."
    assert ("application/vnd.jupyter.widget-view+json" in bundle) is live


@pytest.mark.parametrize("path", sorted(CHAPTERS.glob("*.ipynb")), ids=lambda p: p.stem)
def test_stored_notebooks_hold_no_widget_view(path):
    outputs = [out for cell in json.loads(path.read_text())["cells"] for out in cell.get("outputs", [])]
    held = [out for out in outputs if "application/vnd.jupyter.widget-view+json" in out.get("data", {})]
    assert not held, f"{path.name}: {len(held)} stored widget view(s) with a per-run model id"
