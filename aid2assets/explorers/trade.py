"""The trade chapter's what-if explorer: a tariff schedule applied to the 2024 import basket.

:class:`TradeExplorer` wires ipywidgets to :func:`aid2assets.tariffs.duty_bill` and
:func:`aid2assets.tariffs.chapter_bill`; the tariff arithmetic itself (rates by date, duty
bills) lives in :mod:`aid2assets.tariffs`.
"""

from __future__ import annotations

import html

import pandas as pd

from ..tariffs import chapter_bill, duty_bill, schedule_on
from . import KernelExplorer

__all__ = ["TradeExplorer"]


def _table_html(caption, head, rows) -> str:
    th = "".join(f"<th scope='col'>{html.escape(h)}</th>" for h in head)
    body = "".join("<tr><th scope='row'>" + html.escape(str(r[0])) + "</th>"
                   + "".join(f"<td>{html.escape(str(c))}</td>" for c in r[1:]) + "</tr>" for r in rows)
    return (f"<table class='a2a-explorer-table'><caption>{html.escape(caption)}</caption>"
            f"<thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>")


class TradeExplorer(KernelExplorer):
    """Choose a starting date and adjust each country's additional tariff; read the duty bills.

    >>> ex = TradeExplorer(rates, duty_2024, hs2, partners)   # doctest: +SKIP
    >>> ex.sliders["PAK"].value = 29; ex.country_table.value   # doctest: +SKIP
    """

    COUNTRIES = ("PAK", "IND", "BGD", "LKA", "VNM", "KHM", "IDN", "TUR", "EGY")
    DATES = ("2025-04-01", "2025-04-09", "2025-07-01", "2025-08-10", "2025-09-01", "2026-03-01", "2026-08-01")

    summary_text = "Tariff what-if explorer: a tariff schedule applied to the 2024 import basket"

    def __init__(self, rates: pd.DataFrame, duty_2024: pd.DataFrame, hs2: pd.DataFrame, partners: pd.DataFrame,
                 start="2025-09-01", top_chapters: int = 10):
        import ipywidgets as widgets

        self.rates, self.duty_2024, self.hs2 = rates, duty_2024, hs2
        self.names = dict(zip(partners["iso3"], partners["name"]))
        self.top = top_chapters
        style = {"description_width": "initial"}
        self.preset = widgets.Dropdown(options=[(pd.Timestamp(d).strftime("%d %b %Y"), d) for d in self.DATES],
                                       value=start, description="Start from the rates in force on", style=style)
        self.sliders = {iso: widgets.FloatSlider(value=0, min=0, max=60, step=0.5, description=self.names[iso],
                                                 continuous_update=False, style=style)
                        for iso in self.COUNTRIES}
        chapters = hs2.sort_values("imports_usd", ascending=False).head(top_chapters)
        self.exempt = widgets.SelectMultiple(options=[(f"{r.hs2} {r.label}", r.hs2) for r in chapters.itertuples()],
                                             value=(), rows=6, description="Exempt chapters (Pakistan)", style=style)
        self.country_table = widgets.HTML()
        self.chapter_table = widgets.HTML()
        self._loading = False
        self.preset.observe(self.load_preset, names="value")
        for control in (*self.sliders.values(), self.exempt):
            control.observe(self.update, names="value")
        self.load_preset()

    @property
    def schedule(self) -> dict[str, float]:
        return {iso: s.value for iso, s in self.sliders.items()}

    def load_preset(self, change=None):
        self._loading = True
        for iso, rate in schedule_on(self.rates, self.preset.value, self.COUNTRIES).items():
            self.sliders[iso].value = rate
        self._loading = False
        self.update()

    def update(self, change=None):
        if self._loading:
            return
        bill = duty_bill(self.duty_2024, self.schedule)
        self.country_table.value = _table_html(
            "Duty on each country's 2024 US import basket under this schedule (US$ million)",
            ["Country", "Imports 2024", "Duty paid in 2024", "Additional rate", "Additional duty", "All-in rate"],
            [(self.names[r.country_iso3], f"{r.imports_musd:,.0f}", f"{r.applied_duty_musd:,.0f}",
              f"{r.additional_rate_pct:g}%", f"{r.additional_duty_musd:,.0f}", f"{r.all_in_rate_pct:.1f}%")
             for r in bill.itertuples()])
        chapters = chapter_bill(self.hs2, self.sliders["PAK"].value, self.exempt.value).head(self.top)
        self.chapter_table.value = _table_html(
            "Pakistan: duty by HS chapter, ten largest chapters (US$ million)",
            ["HS chapter", "Imports 2024", "MFN duty", "Additional rate", "Additional duty", "All-in rate"],
            [(f"{r.hs2} {r.label}", f"{r.imports_musd:,.1f}", f"{r.mfn_duty_musd:,.1f}",
              f"{r.additional_rate_pct:g}%", f"{r.additional_duty_musd:,.1f}", f"{r.all_in_rate_pct:.1f}%")
             for r in chapters.itertuples()])

    @property
    def widget(self):
        import ipywidgets as widgets

        if not hasattr(self, "_widget"):
            sliders = widgets.VBox(list(self.sliders.values()))
            self._widget = widgets.VBox([self.preset, widgets.HBox([sliders, self.exempt]),
                                         self.country_table, self.chapter_table])
        return self._widget

