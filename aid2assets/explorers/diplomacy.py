"""The diplomacy chapter's explorer: pick a period and event categories; read the events,
their counts by category, and US aid, US goods trade and IMF money for the same years."""

from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd

from .. import data
from . import KernelExplorer

LAST_GREENBOOK_FY = 2020  # the Greenbook ends here; ForeignAssistance.gov totals follow


def categories(events: pd.DataFrame | None = None) -> list[str]:
    """The controlled vocabulary of event categories, in the order of the schema."""
    for f in data.resource("events")["schema"]["fields"]:
        if f["name"] == "category":
            return list(f["constraints"]["enum"])
    raise KeyError("events.category has no enum")  # pragma: no cover


def _check_period(start: int, end: int):
    if start > end:
        raise ValueError(f"the period starts ({start}) after it ends ({end})")


def events_in_period(events: pd.DataFrame, start: int, end: int, chosen=None) -> pd.DataFrame:
    """Events dated in calendar years ``start``-``end`` whose category is in ``chosen``.

    ``chosen`` of None means every category; unknown categories raise ValueError. Rows keep
    the table's order (by date).
    """
    _check_period(start, end)
    vocabulary = categories()
    chosen = vocabulary if chosen is None else list(chosen)
    unknown = sorted(set(chosen) - set(vocabulary))
    if unknown:
        raise ValueError(f"unknown categories {unknown}; known: {vocabulary}")
    year = events["date"].str.slice(0, 4).astype(int)
    keep = year.between(start, end) & events["category"].isin(chosen)
    columns = ["date", "category", "title", "status", "source"]
    return events.loc[keep, columns].reset_index(drop=True)


def counts_by_category(selected: pd.DataFrame, chosen=None) -> pd.DataFrame:
    """How many of the selected events fall in each chosen category (zeros included)."""
    vocabulary = categories()
    chosen = vocabulary if chosen is None else [c for c in vocabulary if c in set(chosen)]
    counts = selected["category"].value_counts()
    return pd.DataFrame({"category": chosen, "events": [int(counts.get(c, 0)) for c in chosen]})


def aid_totals(greenbook: pd.DataFrame, fagov: pd.DataFrame, start: int, end: int) -> pd.DataFrame:
    """US aid obligations to Pakistan in fiscal years ``start``-``end``, current US$ million.

    FY1946-FY2020 come from the Greenbook, split into economic and military (the 1976
    transition quarter is counted when 1976 is in the period); FY2021 onwards from
    ForeignAssistance.gov's November 2025 download, which has no split. One row per source
    that covers part of the period, then a total row.
    """
    _check_period(start, end)
    rows = []
    gb = greenbook[(greenbook["country_iso3"] == "PAK") & greenbook["fiscal_year"].between(start, min(end, LAST_GREENBOOK_FY))]
    if start <= LAST_GREENBOOK_FY:
        by_cat = gb.groupby("category")["obligations_current_usd"].sum() / 1e6
        economic, military = float(by_cat.get("economic", 0.0)), float(by_cat.get("military", 0.0))
        rows.append({"source": "USAID Greenbook", "first_fy": start, "last_fy": min(end, LAST_GREENBOOK_FY),
                     "economic_musd": economic, "military_musd": military, "total_musd": economic + military})
    if end > LAST_GREENBOOK_FY:
        first = max(start, LAST_GREENBOOK_FY + 1)
        fa = fagov[(fagov["country_iso3"] == "PAK") & (fagov["transaction_type"] == "obligations")
                   & (fagov["download"] == "2025-11") & (fagov["period"] == "year")
                   & fagov["fiscal_year"].between(first, end)]
        rows.append({"source": "ForeignAssistance.gov (Nov 2025)", "first_fy": first, "last_fy": end,
                     "economic_musd": float("nan"), "military_musd": float("nan"),
                     "total_musd": float(fa["current_usd"].sum()) / 1e6})
    out = pd.DataFrame(rows)
    total = {"source": "Total", "first_fy": start, "last_fy": end,
             "economic_musd": out["economic_musd"].sum(min_count=len(out)),
             "military_musd": out["military_musd"].sum(min_count=len(out)),
             "total_musd": out["total_musd"].sum()}
    return pd.concat([out, pd.DataFrame([total])], ignore_index=True)


def trade_totals(trade: pd.DataFrame, start: int, end: int) -> pd.DataFrame:
    """US goods exports to and imports from Pakistan in calendar years ``start``-``end``.

    US$ million, current, from the Census annual series (1985-2024); one row with the years
    actually covered (empty when the period lies outside them) and the balance, exports minus
    imports.
    """
    _check_period(start, end)
    rows = trade[(trade["country_iso3"] == "PAK") & trade["year"].between(start, end)]
    if rows.empty:
        return pd.DataFrame(columns=["first_year", "last_year", "exports_musd", "imports_musd", "balance_musd"])
    exports, imports = float(rows["us_exports_musd"].sum()), float(rows["us_imports_musd"].sum())
    return pd.DataFrame([{"first_year": int(rows["year"].min()), "last_year": int(rows["year"].max()),
                          "exports_musd": exports, "imports_musd": imports, "balance_musd": exports - imports}])


def imf_in_period(imf: pd.DataFrame, start: int, end: int) -> pd.DataFrame:
    """IMF arrangements (and the 2020 emergency purchase) approved in years ``start``-``end``."""
    _check_period(start, end)
    year = imf["approval_date"].dt.year
    cols = ["approval_date", "facility_code", "agreed_sdr_m", "agreed_usd_m", "drawn_sdr_m", "is_arrangement"]
    return imf.loc[year.between(start, end), cols].reset_index(drop=True)


def _fmt(value) -> str:
    return "–" if pd.isna(value) else f"{value:,.1f}"


def report_html(events: pd.DataFrame, greenbook: pd.DataFrame, fagov: pd.DataFrame, imf: pd.DataFrame,
                start: int, end: int, chosen, trade: pd.DataFrame | None = None) -> str:
    """The explorer's read-out: counts, aid, IMF and the list of events, as accessible HTML."""
    chosen = list(chosen)
    selected = events_in_period(events, start, end, chosen)
    counts = counts_by_category(selected, chosen)
    parts = [f"<h4>{start}–{end}: {len(selected)} events in {len(chosen)} categories</h4>",
             "<table class='a2a-explorer-table'><caption>Events by category</caption><thead><tr>"
             "<th scope='col'>Category</th><th scope='col'>Events</th></tr></thead><tbody>"]
    parts += [f"<tr><th scope='row'>{html.escape(r.category)}</th><td>{r.events}</td></tr>"
              for r in counts.itertuples(index=False)]
    parts.append("</tbody></table>")
    aid = aid_totals(greenbook, fagov, start, end)
    parts.append(f"<table class='a2a-explorer-table'><caption>US aid obligations to Pakistan, FY{start}–FY{end}, "
                 "current US$ million</caption><thead><tr><th scope='col'>Source</th><th scope='col'>Years</th>"
                 "<th scope='col'>Economic</th><th scope='col'>Military</th><th scope='col'>Total</th></tr></thead><tbody>")
    for r in aid.itertuples(index=False):
        parts.append(f"<tr><th scope='row'>{html.escape(r.source)}</th><td>FY{r.first_fy}–FY{r.last_fy}</td>"
                     f"<td>{_fmt(r.economic_musd)}</td><td>{_fmt(r.military_musd)}</td><td>{_fmt(r.total_musd)}</td></tr>")
    parts.append("</tbody></table>")
    if trade is not None:
        goods = trade_totals(trade, start, end)
        if goods.empty:
            parts.append("<p>US goods trade with Pakistan: no annual figures for these years (the series runs 1985–2024).</p>")
        else:
            g = goods.iloc[0]
            parts.append(f"<p>US goods trade with Pakistan, {int(g.first_year)}–{int(g.last_year)} (US Census, current US$ million): "
                         f"exports {_fmt(g.exports_musd)}, imports {_fmt(g.imports_musd)}, "
                         f"balance {_fmt(g.balance_musd)}.</p>")
    programmes = imf_in_period(imf, start, end)
    parts.append(f"<p>IMF: {int(programmes['is_arrangement'].sum())} arrangements approved in {start}–{end}, "
                 f"SDR {programmes['agreed_sdr_m'].sum():,.1f} million agreed, "
                 f"SDR {programmes['drawn_sdr_m'].sum():,.1f} million drawn (where known).</p>")
    parts.append("<table class='a2a-explorer-table'><caption>The events</caption><thead><tr>"
                 "<th scope='col'>Date</th><th scope='col'>Category</th><th scope='col'>Event</th>"
                 "<th scope='col'>Status</th><th scope='col'>Source</th></tr></thead><tbody>")
    for r in selected.itertuples(index=False):
        parts.append(f"<tr><td>{html.escape(r.date)}</td><td>{html.escape(r.category)}</td>"
                     f"<td>{html.escape(r.title)}</td><td>{html.escape(r.status)}</td>"
                     f"<td>{html.escape(r.source)}</td></tr>")
    parts.append("</tbody></table>")
    return "".join(parts)


class DiplomacyExplorer(KernelExplorer):
    """Choose a period and categories; read events, counts, aid totals and IMF programmes.

    >>> ex = DiplomacyExplorer(events, greenbook, fagov, imf)     # doctest: +SKIP
    >>> ex.period.value = (1979, 1990); ex.report.value            # doctest: +SKIP
    """

    summary_text = "Diplomacy explorer: period and event categories"

    def __init__(self, events: pd.DataFrame, greenbook: pd.DataFrame, fagov: pd.DataFrame, imf: pd.DataFrame,
                 start: int = 1979, end: int = 1990, chosen=None, trade: pd.DataFrame | None = None):
        self.events, self.greenbook, self.fagov, self.imf, self.trade = events, greenbook, fagov, imf, trade
        years = events["date"].str.slice(0, 4).astype(int)
        self.period = widgets.IntRangeSlider(value=(start, end), min=int(years.min()), max=int(years.max()),
                                             step=1, description="Years", continuous_update=False,
                                             layout=widgets.Layout(width="520px"),
                                             style={"description_width": "initial"})
        vocabulary = categories()
        self.categories = widgets.SelectMultiple(options=vocabulary, value=tuple(chosen or vocabulary),
                                                 rows=len(vocabulary), description="Categories",
                                                 style={"description_width": "initial"})
        self.report = widgets.HTML()
        for control in (self.period, self.categories):
            control.observe(self.update, names="value")
        self.update()

    def update(self, change=None):
        start, end = self.period.value
        chosen = list(self.categories.value)
        if not chosen:
            self.report.value = "<p>Choose at least one category.</p>"
            return
        self.report.value = report_html(self.events, self.greenbook, self.fagov, self.imf, start, end, chosen,
                                        self.trade)

    @property
    def widget(self) -> widgets.Widget:
        if not hasattr(self, "_widget"):
            self._widget = widgets.VBox([self.period, self.categories, self.report])
        return self._widget

