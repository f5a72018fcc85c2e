"""Explorers for readers running the notebooks in a live kernel, one module per chapter.

Each module keeps its calculations in plain, tested functions on DataFrames; the widget
class only wires controls to them. On the static site widgets are inert, so each chapter
says so (a "needs a live kernel" note) and points to a client-side figure that answers the
same question. A widget's output is an ``HTML`` widget whose value the callback replaces;
nothing is printed, so the displaying cell's stored output is the same on every run.
"""


class KernelExplorer:
    """Base for explorers: how one displays in a notebook.

    Subclasses provide ``widget`` (the assembled ipywidgets layout) and ``summary_text``
    (one line saying what the explorer does). The display bundle is the widget view, which
    nbval ignores because its model id is random, plus that fixed line as ``text/plain``,
    instead of ipywidgets' own repr, which would embed every table and chart it holds.
    """

    summary_text = "Explorer"

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = self.widget._repr_mimebundle_(include=include, exclude=exclude)
        bundle["text/plain"] = f"{self.summary_text}. It needs a live Python kernel (JupyterLab, Colab or Binder)."
        return bundle
