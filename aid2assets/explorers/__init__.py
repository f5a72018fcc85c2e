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
    (one line saying what the explorer does). In a notebook front end with a live kernel
    (:func:`aid2assets.notebook.live`, as for live charts) the display bundle is the widget
    view plus that fixed line as ``text/plain``, instead of ipywidgets' own repr, which would
    embed every table and chart it holds. In the book's own runs (``./dev.sh execute``,
    nbval, the site's build) it is the line alone: a widget view carries a model id that
    changes on every run, which a stored notebook must not hold.
    """

    summary_text = "Explorer"

    def _repr_mimebundle_(self, include=None, exclude=None):
        from ..notebook import live

        text = f"{self.summary_text}. It needs a live Python kernel (JupyterLab, Colab or Binder)."
        if not live():
            return {"text/plain": text}
        bundle = self.widget._repr_mimebundle_(include=include, exclude=exclude)
        bundle["text/plain"] = text
        return bundle
