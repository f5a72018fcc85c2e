"""The book's chart vocabulary: small pieces of chart craft that several chapters share.

A chapter's figure cell should read as the data work and the encoding; what every chart of
the book does the same way (the phone switch, the dollar-basis control, the fiscal-year axis,
event rules and era bands) is written once here, named for what it does. Each function is
generic or used by at least two chapters; none draws one chapter's chart, and none computes
the table a figure plots (that stays in the chapter, in the open).

The phone switch. The book's pages and notebook front ends set a chart's param ``narrow`` to
true when its box is narrower than 560 px (static/embed.js, "Fitting the column"). A chart
that declares it can thin, shorten or move its own labels::

    narrow = phone_switch()
    chart.mark_bar(width=on_phone(2.5, 6)).add_params(narrow)
"""

from __future__ import annotations

import altair as alt

__all__ = ["on_phone", "phone_switch"]


def phone_switch() -> alt.Parameter:
    """The ``narrow`` param: false as drawn, set to true by the page on a phone."""
    return alt.param(name="narrow", value=False)


def _js(value) -> str:
    """A Python value as a Vega expression literal (numbers as Python writes them)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"
    raise TypeError(f"not a literal for a Vega expression: {value!r}")


def on_phone(phone, desktop, raw: bool = False):
    """A value that is ``phone`` on a phone and ``desktop`` elsewhere, as an ``alt.expr``.

    Literals (numbers, strings) are quoted for Vega; with ``raw=True`` both are taken as
    expressions already (``on_phone("replace(datum.label, ' x', '')", "datum.label", raw=True)``).
    """
    a, b = (phone, desktop) if raw else (_js(phone), _js(desktop))
    return alt.expr(f"narrow ? {a} : {b}")
