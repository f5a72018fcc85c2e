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
           "DOLLARS_2020", "DateSlider", "alternate_shades", "basis_amount", "basis_title", "by_basis",
           "dollar_basis", "era_bands", "event_label_row", "event_rules", "fiscal_year_x", "on_phone_field",
           "phone_title", "rule_labels", "select", "shorter_on_phone", "slider", "year_axis",
           "Toggles", "axis_title_below", "cases", "checkbox", "label_map", "legend_below",
           "phone_labels", "radio", "readout", "tooltips", "unit_label", "fits_in_band"]


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



# -- Core: the dollar basis, years on the x axis, event rules and era bands --------------------
# The phone switch and on_phone (above) are part of the core too.

#: The book's usual dollar bases: the Greenbook's constant 2020 dollars, or current dollars.
DOLLARS_2020 = {"constant": "Constant 2020 dollars", "current": "Current dollars"}


def dollar_basis(name: str = "basis", options: dict | None = None, label: str = "Dollars: ",
                 value=None) -> alt.Parameter:
    """The radio buttons choosing the dollar basis (constant 2020 dollars first, by default)::

        basis = dollar_basis()   # param "basis": 'constant' or 'current'
        dollars = dollar_basis("aid_dollars", {"current": "Current US$", "constant": "Constant US$"})
    """
    return radio(name, options or DOLLARS_2020, label, value)


def phone_title(text: str, *phone_lines: str, size=(13, 15), **title) -> alt.TitleParams:
    """A panel's title: ``text`` on one line, or the shorter ``phone_lines`` on a phone, where the
    font is smaller too (``size`` is the phone's and the desktop's font size)::

        alt.Chart(rows).properties(title=phone_title("US aid obligations by US fiscal year",
                                                     "US aid obligations", "by US fiscal year"))
    """
    lines = "[" + ", ".join(_js(line) for line in phone_lines) + "]"
    return alt.TitleParams(alt.expr(f"narrow ? {lines} : {_js(text)}"), fontSize=on_phone(*size), **title)


def slider(name: str, value, first, last, label: str, step=1) -> alt.Parameter:
    """A param set with a slider (a range input) from ``first`` to ``last``::

        first_year = slider("first_year", 2002, 1948, 2025, "First fiscal year: ")
    """
    return alt.param(name=name, value=value, bind=alt.binding_range(min=first, max=last, step=step, name=label))


def select(name: str, options: dict, label: str, value=None) -> alt.Parameter:
    """A param chosen from a drop-down list: ``options`` maps each value to the words shown;
    the first is chosen unless ``value`` says otherwise::

        peer = select("peer", {"IND": "India", "BGD": "Bangladesh"}, "Compare Pakistan with: ")
    """
    keys = list(options)
    return alt.param(name=name, value=keys[0] if value is None else value, bind=alt.binding_select(
        options=keys, labels=list(options.values()), name=label))


class DateSlider:
    """A slider of days counted from ``start`` (a range input can only show a number), with the
    date it stands for as Vega expressions, and the chart ``usermeta`` that asks the book's page
    to show the chosen day as a date beside the slider (static/embed.js)::

        day = DateSlider("day", "2025-01-01", value=221, last=LAST_DAY)
        rule = alt.Chart(one_row).transform_calculate(when=day.date).mark_rule()
        chart.add_params(day.param).properties(usermeta=day.usermeta)
    """

    def __init__(self, name: str, start: str, value: int, last: int, label: str = "Date: "):
        year, month, day = (int(part) for part in start.split("-"))
        self.name, self.start = name, start
        self.param = slider(name, value, 0, last, label)
        #: the chosen day as a UTC timestamp: "utc(2025, 0, 1 + day)"
        self.date = f"utc({year}, {month - 1}, {day} + {name})"
        #: the chosen day in words: "timeFormat(utc(2025, 0, 1 + day), '%-d %b %Y')"
        self.text = f"timeFormat({self.date}, '%-d %b %Y')"

    @property
    def usermeta(self) -> dict:
        return {"a2a": {"dateSliders": {self.name: self.start}}}

def by_basis(constant: str, current: str, basis: str = "basis") -> str:
    """A Vega expression that is ``constant`` in constant dollars and ``current`` otherwise
    (both are expressions)::

        by_basis("datum.constant_musd", "datum.current_musd")
        # "basis == 'constant' ? datum.constant_musd : datum.current_musd"
    """
    return f"{basis} == 'constant' ? {constant} : {current}"


def basis_amount(constant_field: str, current_field: str, basis: str = "basis") -> str:
    """The amount in the chosen basis, from a row's two columns, for ``transform_calculate``::

        chart.transform_calculate(amount=basis_amount("constant_musd", "current_musd"))
    """
    return by_basis(f"datum.{constant_field}", f"datum.{current_field}", basis)


def basis_title(constant: str, current: str, basis: str = "basis", **title) -> alt.TitleParams:
    """A title above the plot's left edge naming the unit of the chosen basis::

        chart.properties(title=basis_title("Constant 2020 US$ million", "Current US$ million"))
    """
    style = {"anchor": "start", "fontSize": 12, "fontWeight": 600, "offset": 6, **title}
    return alt.TitleParams(alt.expr(by_basis(_js(constant), _js(current), basis)), **style)


def year_axis(**axis) -> alt.Axis:
    """An axis of years written as years (1985, not 1,985)::

        alt.X("year:Q", axis=year_axis(tickCount=10))
    """
    return alt.Axis(format="d", **axis)


def fiscal_year_x(field: str = "fiscal_year", title: str | None = "US fiscal year", scale=None,
                  **axis) -> alt.X:
    """The x channel of a chart by US fiscal year: a quantitative field, years written as years::

        fiscal_year_x(scale=alt.Scale(domain=[1947, 2026]), tickCount=16)
    """
    extra = {} if scale is None else {"scale": scale}
    return alt.X(f"{field}:Q", title=title, axis=year_axis(**axis), **extra)


def event_rules(chart, x, dash=(5, 3), unconfirmed: str | None = None, color: str = "#333",
                **mark) -> alt.Chart:
    """A vertical rule at each row's date or year. ``chart`` is a table or an ``alt.Chart`` (with
    its filters). Rules are dashed; with ``unconfirmed`` (a Vega test) they are solid and only
    the rows that pass the test are dashed::

        event_rules(cutoff_rows, "day:T", strokeWidth=1.5)
        event_rules(alt.Chart(events), x, dash=(4, 3), unconfirmed="datum.unconfirmed")
    """
    chart = chart if isinstance(chart, alt.Chart) else alt.Chart(chart)
    if unconfirmed is None:
        return chart.mark_rule(color=color, strokeDash=list(dash), **mark).encode(x=x)
    return chart.mark_rule(color=color, **mark).encode(
        x=x, strokeDash=alt.condition(unconfirmed, alt.value(list(dash)), alt.value([1, 0])))


def rule_labels(chart, x, text="label:N", y=4, **mark) -> alt.Chart:
    """Bold labels starting just right of :func:`event_rules` at ``y`` px from the top::

        rule_labels(alt.Chart(marks).transform_calculate(shown=on_phone_field("short", "label")),
                    "date:T", text="shown:N")
    """
    chart = chart if isinstance(chart, alt.Chart) else alt.Chart(chart)
    style = {"align": "left", "baseline": "top", "dx": 4, "y": y, "fontSize": 11, "fontWeight": 600, **mark}
    return chart.mark_text(**style).encode(x=x, text=text)



def event_label_row(chart, x, height: int, width: int, text="label:N",
                    phone_test: str = "datum.narrow_label") -> alt.LayerChart:
    """A row above a plot with each event's label written upwards over a short tick, to stack
    above :func:`event_rules` (``alt.vconcat(row, plot, spacing=0)``). On a phone only the rows
    that pass ``phone_test`` keep their label, so that labels do not overlap::

        event_label_row(alt.Chart(label_rows), alt.X("fiscal_year:Q", axis=None), height=118, width=600)
    """
    chart = chart if isinstance(chart, alt.Chart) else alt.Chart(chart)
    labels = chart.transform_filter(f"!narrow || {phone_test}").mark_text(
        angle=270, align="left", baseline="middle", fontSize=10, color="#222", y=height - 6).encode(x=x, text=text)
    ticks = chart.mark_rule(color="#333", y=height - 3, y2=height).encode(x=x)
    return alt.layer(labels, ticks).properties(width=width, height=height)


def shorter_on_phone(cut, field: str = "datum.label") -> str:
    """A ``labelExpr`` that cuts words out of labels on a phone: ``cut`` is the text to remove,
    or a compiled regular expression (``re.compile(...)``) for several::

        shorter_on_phone(" published")   # "narrow ? replace(datum.label, ' published', '') : datum.label"
    """
    what = f"/{cut.pattern}/" if hasattr(cut, "pattern") else _js(cut)
    return f"narrow ? replace({field}, {what}, '') : {field}"

def on_phone_field(phone: str, desktop: str) -> str:
    """A ``transform_calculate`` expression: one column of the row on a phone, another elsewhere::

        on_phone_field("short", "label")   # "narrow ? datum.short : datum.label"
    """
    return f"narrow ? datum.{phone} : datum.{desktop}"


def era_bands(chart, x, x2: str = "end:Q", fill: str = "shade:N", **encoding) -> alt.Chart:
    """Shaded bands from each era's start to its end, behind a chart's marks; ``fill`` is a column
    of colours (drawn as they are, no legend). ``chart`` is a table or an ``alt.Chart``::

        eras = eras.assign(start=..., end=..., shade=["#dcdcdc", "#f2f2f2", ...])
        era_bands(alt.Chart(eras).transform_filter(show_eras), alt.X("start:Q", axis=None))
    """
    chart = chart if isinstance(chart, alt.Chart) else alt.Chart(chart)
    return chart.mark_rect().encode(x=x, x2=x2, fill=alt.Fill(fill, scale=None), **encoding)


def alternate_shades(n: int, light: str = "#f2f2f2", dark: str = "#dcdcdc") -> list[str]:
    """Colours for ``n`` bands in a row, alternating light and dark (light first)."""
    return [dark if i % 2 else light for i in range(n)]


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

    def __init__(self, field: str, labels: dict, name: str = "show_{key}", value=True):
        # value: True or False for every box, or the keys whose boxes are ticked at first
        self.field, self.labels = field, dict(labels)
        self.names = {k: name.format(key=k, i=i) for i, k in enumerate(self.labels)}
        ticked = (lambda k: value) if isinstance(value, bool) else (lambda k: k in value)
        self.params = [checkbox(self.names[k], label, ticked(k)) for k, label in self.labels.items()]

    @property
    def filter(self) -> str:
        """Keep the rows of ticked series: ``(datum.field == 'a' && show_a) || ...``."""
        return " || ".join(f"(datum.{self.field} == {_js(k)} && {n})" for k, n in self.names.items())

    @property
    def ticked_labels(self) -> str:
        """The labels of the ticked series, in order, as a Vega array expression (a label may not
        contain ``|``, which joins them)."""
        if any("|" in label for label in self.labels.values()):
            raise ValueError(f"a toggle's label may not contain '|': {list(self.labels.values())}")
        parts = " + ".join(f"({n} ? {_js('|' + self.labels[k])} : '')" for k, n in self.names.items())
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


def fits_in_band(extent: str, span: str, label: str = "datum.label", letter=6, pad=6) -> str:
    """A filter keeping a band's name only where it fits at the chart's width: the band covers
    ``extent`` of the x domain's ``span`` (both Vega expressions), and a name takes about
    ``letter`` px a character plus ``pad``::

        fits_in_band("datum.years", "82", "datum.short", letter=5.5, pad=4)
        # "datum.years * width / 82 >= length(datum.short) * 5.5 + 4"
    """
    return f"{extent} * width / {span} >= length({label}) * {letter} + {pad}"
