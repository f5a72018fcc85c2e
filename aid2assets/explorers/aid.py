"""The aid chapter's explorer: pick a period, countries and a dollar basis."""

from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd

from .. import theme
from . import KernelExplorer
from .svgchart import Series, describe_series, line_chart

BASES = {
    "constant": ("obligations_constant_2020_usd", "constant 2020 US$"),
    "current": ("obligations_current_usd", "current US$"),
}


def period_summary(greenbook: pd.DataFrame, countries: list[str], start: int, end: int,
                   basis: str = "constant") -> pd.DataFrame:
    """Economic, military and total obligations for each country over FY``start``-FY``end``.

    Amounts are in US$ million. The 1976 transition quarter is counted when 1976 lies in the
    period. Countries are returned in the order given.
    """
    if basis not in BASES:
        raise ValueError(f"basis must be one of {sorted(BASES)}, got {basis!r}")
    if start > end:
        raise ValueError(f"the period starts (FY{start}) after it ends (FY{end})")
    column, _ = BASES[basis]
    rows = greenbook[greenbook["country_iso3"].isin(countries)
                     & greenbook["fiscal_year"].between(start, end)]
    wide = (rows.pivot_table(index="country_iso3", columns="category", values=column, aggfunc="sum")
                .reindex(index=list(countries), columns=["economic", "military"]).fillna(0))
    out = pd.DataFrame({
        "country_iso3": wide.index,
        "economic_musd": wide["economic"].to_numpy() / 1e6,
        "military_musd": wide["military"].to_numpy() / 1e6,
    })
    out["total_musd"] = out["economic_musd"] + out["military_musd"]
    out["military_share"] = (out["military_musd"] / out["total_musd"]).where(out["total_musd"] != 0)
    out["years"] = end - start + 1
    out["average_per_year_musd"] = out["total_musd"] / out["years"]
    return out.reset_index(drop=True)


def annual_totals(greenbook: pd.DataFrame, countries: list[str], start: int, end: int,
                  basis: str = "constant") -> pd.DataFrame:
    """Total obligations per country and full fiscal year (US$ million), for charting."""
    column, _ = BASES[basis]
    rows = greenbook[greenbook["country_iso3"].isin(countries)
                     & greenbook["fiscal_year"].between(start, end)
                     & (greenbook["period"] == "year")]
    out = (rows.groupby(["country_iso3", "fiscal_year"], as_index=False)[column].sum()
               .rename(columns={column: "total_musd"}))
    out["total_musd"] = out["total_musd"] / 1e6
    out["fiscal_year"] = out["fiscal_year"].astype(int)
    return out


def summary_html(summary: pd.DataFrame, names: dict[str, str], basis: str, start: int, end: int) -> str:
    """An accessible HTML table of a period summary."""
    unit = BASES[basis][1]
    head = ("<table class='a2a-explorer-table'><caption>US aid obligations, FY{0}–FY{1}, "
            "US$ million ({2}); USAID Greenbook</caption><thead><tr><th scope='col'>Country</th>"
            "<th scope='col'>Economic</th><th scope='col'>Military</th><th scope='col'>Total</th>"
            "<th scope='col'>Per year</th><th scope='col'>Military share</th></tr></thead><tbody>"
            ).format(start, end, html.escape(unit))
    body = []
    for r in summary.itertuples(index=False):
        share = "–" if pd.isna(r.military_share) else f"{r.military_share:.0%}"
        body.append(
            f"<tr><th scope='row'>{html.escape(names.get(r.country_iso3, r.country_iso3))}</th>"
            f"<td>{r.economic_musd:,.1f}</td><td>{r.military_musd:,.1f}</td><td>{r.total_musd:,.1f}</td>"
            f"<td>{r.average_per_year_musd:,.1f}</td><td>{share}</td></tr>")
    return head + "".join(body) + "</tbody></table>"



def annual_svg(annual: pd.DataFrame, names: dict[str, str], basis: str, start: int, end: int) -> str:
    """The explorer's chart: total obligations per year, one line per country, as inline SVG."""
    unit = BASES[basis][1]
    present = set(annual["country_iso3"])
    series = []
    for iso3 in names:   # the book's country order
        if iso3 not in present:
            continue
        rows = annual[annual["country_iso3"] == iso3].sort_values("fiscal_year")
        series.append(Series(names[iso3], theme.COLORS.get(iso3, theme.OKABE_ITO["grey"]),
                             rows["fiscal_year"].tolist(), rows["total_musd"].tolist()))
    fy = lambda v: f"FY{v:.0f}"  # noqa: E731
    title = f"US aid obligations by fiscal year, FY{start}–FY{end}"
    description = (f"Line chart of total US aid obligations (economic and military) per full fiscal year, "
                   f"US$ million ({unit}), USAID Greenbook. "
                   + describe_series(series, "US$ million", x_format=fy))
    return line_chart(series, title=title, description=description, x_title="US fiscal year",
                      y_title=f"Obligations, US$ million ({unit})")


class AidExplorer(KernelExplorer):
    """Pick a period, countries and a dollar basis; read a table and a chart.

    >>> ex = AidExplorer(greenbook, countries)   # doctest: +SKIP
    >>> ex.period.value = (1982, 1990); ex.table.value   # doctest: +SKIP
    """

    summary_text = "Aid explorer: period, countries and dollar basis"

    def __init__(self, greenbook: pd.DataFrame, countries: pd.DataFrame,
                 start: int = 2002, end: int = 2011, chosen=("PAK", "EGY", "AFG"), basis="constant",
                 draw_chart: bool = True):
        self.greenbook = greenbook
        self.names = dict(zip(countries["iso3"], countries["name"]))
        first, last = int(greenbook["fiscal_year"].min()), int(greenbook["fiscal_year"].max())
        self.draw_chart = draw_chart
        self.period = widgets.IntRangeSlider(value=(start, end), min=first, max=last, step=1,
                                             description="Fiscal years", continuous_update=False,
                                             layout=widgets.Layout(width="520px"),
                                             style={"description_width": "initial"})
        self.countries = widgets.SelectMultiple(options=[(n, c) for c, n in self.names.items()],
                                                value=tuple(chosen), rows=6, description="Countries",
                                                style={"description_width": "initial"})
        self.basis = widgets.ToggleButtons(options=[("Constant 2020 $", "constant"), ("Current $", "current")],
                                           value=basis, description="Dollars",
                                           style={"description_width": "initial"})
        self.table = widgets.HTML()
        self.chart = widgets.HTML()
        for control in (self.period, self.countries, self.basis):
            control.observe(self.update, names="value")
        self.update()

    @property
    def summary(self) -> pd.DataFrame:
        start, end = self.period.value
        return period_summary(self.greenbook, list(self.countries.value), start, end, self.basis.value)

    def update(self, change=None):
        start, end = self.period.value
        chosen = list(self.countries.value)
        if not chosen:
            self.table.value = "<p>Choose at least one country.</p>"
            self.chart.value = ""
            return
        self.table.value = summary_html(self.summary, self.names, self.basis.value, start, end)
        if self.draw_chart:
            # Hand-built SVG (svgchart), not vl-convert: ~1 ms instead of ~80 ms an update.
            annual = annual_totals(self.greenbook, chosen, start, end, self.basis.value)
            self.chart.value = annual_svg(annual, self.names, self.basis.value, start, end)

    @property
    def widget(self) -> widgets.Widget:
        if not hasattr(self, "_widget"):
            controls = widgets.VBox([self.period, widgets.HBox([self.countries, self.basis])])
            self._widget = widgets.VBox([controls, self.table, self.chart])
        return self._widget

