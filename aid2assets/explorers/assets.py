"""The assets chapter's explorer: pick flows, years and a measure; read a table and a chart.

The arithmetic is in :mod:`aid2assets.flows` (``bilateral_flows``, ``add_share_of_gdp`` and
``select_flows``); this module only turns its results into HTML and wires the widgets.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd

from .. import theme
from ..flows import FLOW_LABELS, select_flows
from . import KernelExplorer
from .svgchart import Series, describe_series, line_chart

MEASURES = {"musd": "current US$ million", "share": "% of Pakistan's GDP"}
COLORS = {"us_aid": theme.OKABE_ITO["blue"], "us_imports": theme.OKABE_ITO["orange"],
          "us_remittances": theme.OKABE_ITO["green"], "us_fdi": theme.OKABE_ITO["vermilion"]}
SHORT = {"us_aid": "US aid", "us_imports": "US imports", "us_remittances": "Remittances from US",
         "us_fdi": "US net FDI"}


def flows_html(table: pd.DataFrame, measure: str, start: int, end: int) -> str:
    """An accessible HTML table of :func:`aid2assets.flows.select_flows`; empty cells as '–'."""
    fmt = "{:,.1f}" if measure == "musd" else "{:.2f}"
    head = (f"<table class='a2a-explorer-table'><caption>Flows between the US and Pakistan, {start}–{end}, "
            f"{html.escape(MEASURES[measure])}. Each flow on its own year basis.</caption><thead><tr>"
            "<th scope='col'>Year</th>"
            + "".join(f"<th scope='col'>{html.escape(FLOW_LABELS[f])}</th>" for f in table.columns)
            + "</tr></thead><tbody>")
    rows = []
    for year, r in table.iterrows():
        cells = "".join(f"<td>{'–' if pd.isna(v) else fmt.format(v)}</td>" for v in r)
        rows.append(f"<tr><th scope='row'>{int(year)}</th>{cells}</tr>")
    return head + "".join(rows) + "</tbody></table>"


def flows_svg(table: pd.DataFrame, measure: str, start: int, end: int) -> str:
    """The explorer's chart: one line per chosen flow, as inline SVG."""
    series = []
    for flow in table.columns:
        col = table[flow].dropna()
        if len(col):
            series.append(Series(SHORT[flow], COLORS[flow], [int(y) for y in col.index], col.tolist()))
    unit = MEASURES[measure]
    title = f"Flows between the US and Pakistan, {start}–{end}"
    description = f"Line chart, {unit}. " + describe_series(series, unit)
    return line_chart(series, title=title, description=description, x_title="Year (each flow on its own basis)",
                      y_title=unit[0].upper() + unit[1:])


class FlowsExplorer(KernelExplorer):
    """Pick flows, a range of years and a measure.

    ``flows`` is the table made by ``add_share_of_gdp(bilateral_flows(...), wdi)``.
    """

    summary_text = "Flows explorer: US aid, imports, remittances and FDI by year"

    def __init__(self, flows: pd.DataFrame, start: int = 2001, end: int | None = None,
                 chosen=("us_aid", "us_remittances", "us_fdi"), measure: str = "musd", draw_chart: bool = True):
        self.flows = flows
        first, last = int(flows["year"].min()), int(flows["year"].max())
        self.draw_chart = draw_chart
        self.years = widgets.IntRangeSlider(value=(start, end or last), min=first, max=last, step=1,
                                            description="Years", continuous_update=False,
                                            layout=widgets.Layout(width="520px"),
                                            style={"description_width": "initial"})
        self.chosen = widgets.SelectMultiple(options=[(FLOW_LABELS[f], f) for f in FLOW_LABELS],
                                             value=tuple(chosen), rows=4, description="Flows",
                                             layout=widgets.Layout(width="520px"),
                                             style={"description_width": "initial"})
        self.measure = widgets.ToggleButtons(options=[("US$ million", "musd"), ("% of GDP", "share")],
                                             value=measure, description="Measure",
                                             style={"description_width": "initial"})
        self.table = widgets.HTML()
        self.chart = widgets.HTML()
        for control in (self.years, self.chosen, self.measure):
            control.observe(self.update, names="value")
        self.update()

    @property
    def result(self) -> pd.DataFrame:
        start, end = self.years.value
        return select_flows(self.flows, self.chosen.value, start, end, self.measure.value)

    def update(self, change=None):
        start, end = self.years.value
        if not self.chosen.value:
            self.table.value = "<p>Choose at least one flow.</p>"
            self.chart.value = ""
            return
        table = self.result
        self.table.value = flows_html(table, self.measure.value, start, end)
        if self.draw_chart:
            self.chart.value = flows_svg(table, self.measure.value, start, end)

    @property
    def widget(self) -> widgets.Widget:
        if not hasattr(self, "_widget"):
            self._widget = widgets.VBox([self.years, self.chosen, self.measure, self.table, self.chart])
        return self._widget
