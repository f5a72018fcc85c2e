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

__all__ = ["on_phone", "phone_switch",
           "Toggles", "axis_title_below", "cases", "checkbox", "label_map", "legend_below",
           "phone_labels", "radio", "readout", "tooltips", "unit_label"]


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


# -- Labels, toggles and read-outs -------------------------------------------------------------
# Controls (a radio, a checkbox, a checkbox per series), the labels that follow them, tooltips,
# and text placed around the plot that moves under it on a phone. Expressions that Vega-Lite
# wants as text (filters, calculations, ``labelExpr``) are returned as ``str``; those that go
# into a mark or an encoding as a value are ``alt.expr``.

def radio(name: str, options: dict, label: str, value=None) -> alt.Parameter:
    """A param chosen with radio buttons: ``options`` maps each value to the words shown.

    The first option is chosen unless ``value`` says otherwise::

        measure = radio("measure", {"value_musd": "US$ million", "share": "Share"}, "Show: ")
    """
    keys = list(options)
    return alt.param(name=name, value=keys[0] if value is None else value, bind=alt.binding_radio(
        options=keys, labels=list(options.values()), name=label))


def checkbox(name: str, label: str, value: bool = True) -> alt.Parameter:
    """A true/false param with a checkbox, ticked unless ``value=False``::

        show_lng = checkbox("gas_lng", "Show LNG imports")   # then filter "gas_lng || ..."
    """
    return alt.param(name=name, value=value, bind=alt.binding_checkbox(name=label))


def _case_value(value) -> str:
    expr = getattr(value, "expr", None)   # an alt.expr (e.g. from on_phone) goes in brackets
    return f"({expr})" if isinstance(expr, str) else _js(value)


def cases(subject: str, mapping: dict, otherwise) -> str:
    """A Vega expression choosing by value: ``subject == key ? value : ... otherwise``.

    Keys and values are literals; a value (or ``otherwise``) given as an ``alt.expr``, such as
    ``on_phone(...)``, is used as an expression, in brackets::

        cases("rem_mode", {"share": "Share of the total"}, "US$ million a year")
        # "rem_mode == 'share' ? 'Share of the total' : 'US$ million a year'"
    """
    return "".join(f"{subject} == {_js(k)} ? {_case_value(v)} : " for k, v in mapping.items()) \
        + _case_value(otherwise)


def label_map(mapping: dict, field: str = "datum.label") -> str:
    """A ``labelExpr`` renaming some labels and keeping the rest::

        label_map({"United States": "US"})   # "datum.label == 'United States' ? 'US' : datum.label"
    """
    return "".join(f"{field} == {_js(k)} ? {_js(v)} : " for k, v in mapping.items()) + field


def phone_labels(mapping: dict, field: str = "datum.label") -> str:
    """A ``labelExpr`` that renames labels on a phone only (see :func:`label_map`)::

        alt.Legend(labelExpr=phone_labels({"United Kingdom": "UK"}))
        # "narrow ? (datum.label == 'United Kingdom' ? 'UK' : datum.label) : datum.label"
    """
    return f"narrow ? ({label_map(mapping, field)}) : {field}"


class Toggles:
    """A checkbox for each series of a chart, with the filter and the legend that follow them.

    ``labels`` maps each value of ``field`` to the words of its checkbox and legend entry;
    ``name`` makes each param's name from the value (``{key}``) or its position (``{i}``)::

        shown = Toggles("flow", {"us_aid": "US aid", "us_fdi": "US net FDI"}, name="show_{key}")
        chart.transform_filter(shown.filter).encode(color=alt.Color(
            "series:N", legend=alt.Legend(values=shown.ticked))).add_params(*shown.params)
    """

    def __init__(self, field: str, labels: dict, name: str = "show_{key}", value: bool = True):
        self.field, self.labels = field, dict(labels)
        self.names = {k: name.format(key=k, i=i) for i, k in enumerate(self.labels)}
        self.params = [checkbox(self.names[k], label, value) for k, label in self.labels.items()]

    @property
    def filter(self) -> str:
        """Keep the rows of ticked series: ``(datum.field == 'a' && show_a) || ...``."""
        return " || ".join(f"(datum.{self.field} == {_js(k)} && {n})" for k, n in self.names.items())

    @property
    def ticked_labels(self) -> str:
        """The labels of the ticked series, in order, as a Vega array expression."""
        parts = " + ".join(f"({n} ? '|{self.labels[k]}' : '')" for k, n in self.names.items())
        return f"split(substring({parts}, 1), '|')"

    @property
    def ticked(self) -> alt.ExprRef:
        """The ticked labels for a legend's ``values`` or a scale's ``domain``."""
        return alt.ExprRef(expr=self.ticked_labels)


def tooltips(*rows) -> list:
    """A tooltip list from short rows: ``"field:T"``, ``(field, title)`` or ``(field, title, format)``::

        tooltips(("year:Q", "Year", "d"), ("value_musd:Q", "US$ million", ",.1f"), "note:N")
    """
    out = []
    for row in rows:
        if isinstance(row, str):
            out.append(alt.Tooltip(row))
        elif len(row) == 2:
            out.append(alt.Tooltip(row[0], title=row[1]))
        else:
            out.append(alt.Tooltip(row[0], title=row[1], format=row[2]))
    return out


def unit_label(text: str) -> alt.Chart:
    """A layer writing the unit above the plot's left edge; ``text`` is a Vega expression, so
    the unit can follow a control (see :func:`cases`)::

        alt.layer(lines, unit_label(cases("measure", {"share": "Share"}, "US$ million")))
    """
    return alt.Chart().mark_text(align="left", baseline="bottom", x=0, y=-8, fontSize=12,
                                 fontWeight=600, color="#333", text=alt.expr(text))


def legend_below(**legend) -> alt.Legend:
    """A legend under the plot. On a phone the page moves it above the plot, where it keeps
    clear of a :func:`unit_label` (10 px more offset)::

        alt.Color("series:N", legend=legend_below(columns=1, labelLimit=300))
    """
    return alt.Legend(orient="bottom", offset=on_phone(28, 18), **legend)


def axis_title_below(chart: alt.Chart, text) -> alt.Chart:
    """A text layer set where an x axis's title goes, for a title that follows a control
    (give the axis ``title=None``); ``text`` is an encoding (a field or an ``alt.value``)::

        axis_title_below(alt.Chart(rows).transform_aggregate(unit="min(unit)"), "unit:N")
    """
    return chart.mark_text(fontSize=12, fontWeight=500, baseline="top").encode(
        x=alt.value(alt.expr("width / 2")), y=alt.value(alt.expr("height + 26")), text=text)


def readout(chart: alt.Chart, text, below: int, above="-8", x=0, **mark) -> alt.Chart:
    """A text layer above the plot that moves under it on a phone (where the legend takes the
    top): ``below`` px under the plot there; ``above`` is the desktop y (a Vega expression).
    ``text`` is an encoding; ``mark`` adds text properties::

        readout(base.transform_aggregate(n="count()").transform_calculate(text="datum.n + ' shown'"),
                "text:N", below=24, x="width", align="right", fontSize=12)
    """
    return chart.mark_text(baseline=on_phone("top", "bottom"), **mark).encode(
        x=alt.value(x), y=alt.value(on_phone(f"height + {below}", above, raw=True)), text=text)
