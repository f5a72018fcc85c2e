"""Live figures in notebook front ends (JupyterLab 4, Notebook 7), offline.

A :class:`~aid2assets.figures.Figure` (or a plain Altair chart, through the book's renderer)
displayed in a kernel that a notebook front end drives adds the view of a
:class:`FigureView` widget to its output bundle. The widget is an anywidget whose ``_esm`` is
the site's own bundle (:mod:`aid2assets.bundle`: ``static/embed.js`` with Vega, Vega-Lite and
Vega-Embed from vl-convert), so the chart is drawn by the same code and library versions as
on the site, with the same title, controls, caption and data download, and nothing is fetched
from the network. anywidget sends the bundle to the front end over the kernel's comm when the
widget is created; it is not written into the notebook (the book stores no widget state).

When is a kernel "live"? The output bundle of a figure must be the same whoever runs it for
the stored notebooks to be checked by nbval, and nbval, nbconvert and MyST-NB run kernels
too, with no one to see a widget. So the widget view is added only when the kernel was
started for a notebook front end:

* ``A2A_LIVE_CHARTS=1`` (or ``0``) in the kernel's environment forces it on (or off);
* a kernel started by a Jupyter server (JupyterLab, Notebook 7) has ``JPY_SESSION_NAME``;
* Colab's kernel has ``google.colab`` loaded; VS Code's has ``VSCODE_PID`` or
  ``VSCODE_CWD`` (untested: see the README).

Without a widget manager (GitHub, an untrusted notebook) the front end shows the PNG that is
always in the same bundle.
"""

from __future__ import annotations

import functools
import os
import sys

__all__ = ["FigureView", "LIVE_ENV", "WIDGET_MIME", "live", "widget_view"]

LIVE_ENV = "A2A_LIVE_CHARTS"
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
_ON, _OFF = {"1", "true", "yes", "on"}, {"0", "false", "no", "off"}


def live() -> bool:
    """True when figures should be shown as live widgets (see the module's docstring)."""
    flag = os.environ.get(LIVE_ENV, "").strip().lower()
    if flag in _OFF:
        return False
    if not _in_kernel():
        return False
    if flag in _ON:
        return True
    return bool(os.environ.get("JPY_SESSION_NAME") or "google.colab" in sys.modules
                or os.environ.get("VSCODE_PID") or os.environ.get("VSCODE_CWD"))


def _in_kernel() -> bool:
    """True inside an IPython kernel (the only place a widget can be displayed)."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython else None
    return getattr(shell, "kernel", None) is not None


@functools.lru_cache(maxsize=1)
def _widget_class():
    import anywidget
    import traitlets

    from .bundle import CSS, bundle_text

    class FigureView(anywidget.AnyWidget):
        """One figure, drawn in the front end by ``render`` in static/embed.js."""

        _esm = traitlets.Unicode().tag(sync=True)
        _css = traitlets.Unicode().tag(sync=True)
        html = traitlets.Unicode().tag(sync=True)

        def __init__(self, html: str):
            super().__init__(_esm=bundle_text(), _css=CSS.read_text(encoding="utf-8"), html=html)

        def __repr__(self):  # anywidget's default repr is a memory address
            return "FigureView()"

    FigureView.__module__ = __name__
    return FigureView


def __getattr__(name):
    if name == "FigureView":  # built on first use: importing anywidget is not free
        return _widget_class()
    raise AttributeError(name)


def widget_view(html: str) -> dict:
    """The widget-view part of an output bundle: a new live chart drawing ``html``.

    ``html`` is a figure's markup (:func:`aid2assets.figures.figure_html`); the caller makes
    it, so that this module needs nothing from :mod:`aid2assets.figures` (which imports it).
    """
    view = _widget_class()(html)
    return {WIDGET_MIME: {"version_major": 2, "version_minor": 1, "model_id": view.model_id}}
