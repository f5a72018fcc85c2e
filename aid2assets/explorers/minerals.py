"""The minerals chapter's explorer: an illustrative cash-flow sketch of the Reko Diq mine.

This is an illustration for teaching, not a valuation. Every input comes from
``data/minerals_model_assumptions.csv`` (its source and status are there); the reader can
change any of them. The same formulas run in the browser in the chapter's Figure 4 (as Vega
expressions) and here in Python, where the explorer adds capital cost, operating cost,
royalties and the ownership split.

Formulas, for each calendar year *y* from the valuation year to the end of the mine:

* throughput ``rate(y)`` = 0 before the first production year, the Phase 1 rate until the
  Phase 2 year, then the Phase 2 rate (Mt of ore a year);
* ore milled ``ore(y) = clamp(ore_total - ore milled before y, 0, rate(y))``, so the mine
  stops when the reserve is used up (a higher throughput means a shorter life);
* copper ``cu_t = ore x 10^6 x grade_% / 100 x recovery``; ``cu_lb = cu_t x 2204.62262``;
* gold ``au_oz = ore x 10^6 x grade_g/t / 31.1034768 x recovery``;
* revenue = ``cu_lb x copper price + au_oz x gold price``;
* operating cost = ``cu_lb x opex per lb``;
* royalty to Balochistan, net smelter return royalty and export-zone surcharge to the
  federal government = revenue x their rates (the model applies all three to gross revenue);
* capital cost of each phase is spread evenly over its spending years;
* project cash flow = revenue - operating cost - royalties and surcharge - capital cost
  (before income tax, financing and working capital, none of which is modelled);
* present value = cash flow / (1 + r)^(y - valuation year), cash flows at year end;
* NPV = sum of present values. Owners' shares of the project cash flow are pro rata to
  ownership (the free-carried interest's terms are not modelled).

All money is in US$, constant (no inflation), at flat prices.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, fields, replace

import ipywidgets as widgets
import pandas as pd

from .. import theme
from . import KernelExplorer
from .svgchart import Series, describe_series, line_chart

LB_PER_TONNE = 2204.62262
GRAMS_PER_OZ = 31.1034768


@dataclass(frozen=True)
class Assumptions:
    """Model inputs. Names match the ``parameter`` column of minerals_model_assumptions."""

    copper_price: float          # US$ per lb
    gold_price: float            # US$ per troy oz
    phase1_throughput: float     # Mt ore per year
    phase2_throughput: float     # Mt ore per year
    first_production_year: int
    phase2_year: int
    ore_total: float             # Mt ore over the mine life
    cu_grade: float              # % Cu
    au_grade: float              # g/t Au
    cu_recovery: float           # fraction
    au_recovery: float           # fraction
    capex_phase1: float          # US$ billion
    capex_phase2: float          # US$ billion
    capex_phase1_first_year: int
    capex_phase1_last_year: int
    capex_phase2_first_year: int
    capex_phase2_last_year: int
    opex_per_lb: float           # US$ per lb Cu
    royalty_balochistan: float   # % of revenue
    nsr_pakistan: float          # % of revenue
    epz_surcharge: float         # % of revenue
    discount_rate: float         # % per year
    valuation_year: int
    share_barrick: float         # %
    share_federal: float         # %
    share_balochistan: float     # %

    @classmethod
    def from_table(cls, table: pd.DataFrame, **changes) -> "Assumptions":
        """Defaults from the assumptions table, with optional changes by keyword."""
        values = dict(zip(table["parameter"], table["value"]))
        kwargs = {}
        for f in fields(cls):
            if f.name not in values:
                raise KeyError(f"minerals_model_assumptions has no parameter {f.name!r}")
            v = float(values[f.name])
            kwargs[f.name] = int(v) if f.type == "int" else v
        return replace(cls(**kwargs), **changes)

    def check(self) -> None:
        if self.phase2_year < self.first_production_year:
            raise ValueError("Phase 2 cannot start before first production")
        if min(self.phase1_throughput, self.phase2_throughput) <= 0:
            raise ValueError("throughput must be positive")
        if self.discount_rate <= -100:
            raise ValueError("the discount rate must be above -100%")
        shares = (self.share_barrick, self.share_federal, self.share_balochistan)
        if min(shares) < 0:
            raise ValueError("ownership shares cannot be negative")
        total = sum(shares)
        if abs(total - 100) > 1e-9:
            raise ValueError(f"ownership shares must add up to 100%, not {total:g}%")


def ore_milled(a: Assumptions, year: int) -> float:
    """Mt of ore milled in ``year`` (closed form, the same expression as the browser chart)."""
    if year < a.first_production_year:
        return 0.0
    if year < a.phase2_year:
        rate = a.phase1_throughput
        before = a.phase1_throughput * (year - a.first_production_year)
    else:
        rate = a.phase2_throughput
        before = (a.phase1_throughput * (a.phase2_year - a.first_production_year)
                  + a.phase2_throughput * (year - a.phase2_year))
    return max(0.0, min(rate, a.ore_total - before))


def last_year(a: Assumptions) -> int:
    """The last year in which ore is milled."""
    year = a.first_production_year
    while ore_milled(a, year + 1) > 0:
        year += 1
    return year


def capex(a: Assumptions, year: int) -> float:
    """US$ billion of capital spent in ``year`` (each phase spread evenly)."""
    total = 0.0
    for cost, first, last in ((a.capex_phase1, a.capex_phase1_first_year, a.capex_phase1_last_year),
                              (a.capex_phase2, a.capex_phase2_first_year, a.capex_phase2_last_year)):
        if first <= year <= last:
            total += cost / (last - first + 1)
    return total


def cash_flows(a: Assumptions) -> pd.DataFrame:
    """One row per year: output, revenue, costs, payments and cash flow (US$ billion)."""
    a.check()
    rows = []
    for year in range(a.valuation_year, max(last_year(a), a.capex_phase2_last_year) + 1):
        ore = ore_milled(a, year)
        cu_t = ore * 1e6 * a.cu_grade / 100 * a.cu_recovery
        cu_lb = cu_t * LB_PER_TONNE
        au_oz = ore * 1e6 * a.au_grade / GRAMS_PER_OZ * a.au_recovery
        revenue_cu = cu_lb * a.copper_price / 1e9
        revenue_au = au_oz * a.gold_price / 1e9
        revenue = revenue_cu + revenue_au
        rows.append({
            "year": year, "ore_mt": ore, "copper_t": cu_t, "gold_oz": au_oz,
            "revenue_copper_busd": revenue_cu, "revenue_gold_busd": revenue_au, "revenue_busd": revenue,
            "opex_busd": cu_lb * a.opex_per_lb / 1e9,
            "royalty_balochistan_busd": revenue * a.royalty_balochistan / 100,
            "federal_levies_busd": revenue * (a.nsr_pakistan + a.epz_surcharge) / 100,
            "capex_busd": capex(a, year),
        })
    out = pd.DataFrame(rows)
    out["cash_flow_busd"] = (out["revenue_busd"] - out["opex_busd"] - out["royalty_balochistan_busd"]
                             - out["federal_levies_busd"] - out["capex_busd"])
    out["discount_factor"] = 1 / (1 + a.discount_rate / 100) ** (out["year"] - a.valuation_year)
    out["present_value_busd"] = out["cash_flow_busd"] * out["discount_factor"]
    return out


def npv(a: Assumptions) -> float:
    """Net present value of the project cash flow, US$ billion, at ``a.discount_rate``."""
    return float(cash_flows(a)["present_value_busd"].sum())


def who_receives(a: Assumptions) -> pd.DataFrame:
    """Present value (US$ billion) received by each party: royalties, levies and cash-flow shares.

    Balochistan gets the royalty and its equity share; the federal government gets the net
    smelter return royalty, the export-zone surcharge and the SOEs' equity share; Barrick its
    equity share. Income tax is not modelled, so the governments' take is understated.
    """
    cf = cash_flows(a)
    pv = lambda column: float((cf[column] * cf["discount_factor"]).sum())  # noqa: E731
    project = float(cf["present_value_busd"].sum())
    rows = [
        ("Balochistan", "royalty", pv("royalty_balochistan_busd")),
        ("Balochistan", "equity share", project * a.share_balochistan / 100),
        ("Federal government and SOEs", "royalty and surcharge", pv("federal_levies_busd")),
        ("Federal government and SOEs", "equity share", project * a.share_federal / 100),
        ("Barrick", "equity share", project * a.share_barrick / 100),
    ]
    return pd.DataFrame(rows, columns=["party", "stream", "present_value_busd"])


def summary_html(a: Assumptions) -> str:
    cf = cash_flows(a)
    shares = who_receives(a)
    totals = shares.groupby("party", sort=False)["present_value_busd"].sum()
    producing = cf[cf["ore_mt"] > 0]
    head = (f"<p><strong>Illustration, not a valuation.</strong> Pre-income-tax NPV at "
            f"{a.discount_rate:g}%: <strong>US${npv(a):,.1f} billion</strong>. Mine life "
            f"{int(producing['year'].min())}–{int(producing['year'].max())}; copper "
            f"{producing['copper_t'].sum() / 1e6:,.1f} Mt and gold {producing['gold_oz'].sum() / 1e6:,.1f} Moz "
            f"recovered; revenue US${cf['revenue_busd'].sum():,.0f} billion undiscounted.</p>")
    table = ["<table class='a2a-explorer-table'><caption>Who receives what: present value at "
             f"{a.discount_rate:g}%, US$ billion (before income tax)</caption><thead><tr>"
             "<th scope='col'>Party</th><th scope='col'>Stream</th><th scope='col'>US$ billion</th>"
             "</tr></thead><tbody>"]
    for r in shares.itertuples(index=False):
        table.append(f"<tr><th scope='row'>{html.escape(r.party)}</th><td>{html.escape(r.stream)}</td>"
                     f"<td>{r.present_value_busd:,.2f}</td></tr>")
    for party, value in totals.items():
        table.append(f"<tr><th scope='row'>{html.escape(party)}</th><td>total</td><td>{value:,.2f}</td></tr>")
    return head + "".join(table) + "</tbody></table>"



def cash_flow_svg(cf: pd.DataFrame) -> str:
    """The explorer's chart: revenue and project cash flow per year, as inline SVG."""
    years = cf["year"].tolist()
    series = [Series("Revenue", theme.OKABE_ITO["orange"], years, cf["revenue_busd"].tolist()),
              Series("Project cash flow", theme.OKABE_ITO["blue"], years, cf["cash_flow_busd"].tolist())]
    description = ("Line chart of the illustrative Reko Diq sketch's revenue and project cash flow "
                   "(before income tax) per year, US$ billion at constant prices. "
                   + describe_series(series, "US$ billion", value_format=",.2f"))
    return line_chart(series, title="Reko Diq sketch: revenue and project cash flow by year",
                      description=description, x_title="Year", y_title="US$ billion a year (constant prices)",
                      height=240)


class MineralsExplorer(KernelExplorer):
    """Sliders for every key input; a read-out of NPV and who receives what, and a chart."""

    KNOBS = ["copper_price", "gold_price", "phase2_throughput", "discount_rate", "capex_phase1",
             "capex_phase2", "opex_per_lb", "royalty_balochistan", "nsr_pakistan", "share_barrick",
             "share_federal"]

    summary_text = "Reko Diq cash-flow explorer (an illustration, not a valuation)"

    def __init__(self, table: pd.DataFrame, draw_chart: bool = True):
        self.table = table.set_index("parameter")
        self.defaults = Assumptions.from_table(table)
        self.draw_chart = draw_chart
        self.sliders = {}
        for name in self.KNOBS:
            row = self.table.loc[name]
            self.sliders[name] = widgets.FloatSlider(
                value=float(row["value"]), min=float(row["minimum"]), max=float(row["maximum"]),
                step=float(row["step"]), description=f"{row['label']} ({row['unit']})",
                continuous_update=False, style={"description_width": "initial"},
                layout=widgets.Layout(width="520px"))
            self.sliders[name].observe(self.update, names="value")
        self.balochistan = widgets.HTML()
        self.readout = widgets.HTML()
        self.chart = widgets.HTML()
        self.update()

    @property
    def assumptions(self) -> Assumptions:
        changes = {name: s.value for name, s in self.sliders.items()}
        changes["share_balochistan"] = 100 - changes["share_barrick"] - changes["share_federal"]
        return replace(self.defaults, **changes)

    def update(self, change=None):
        a = self.assumptions
        self.balochistan.value = f"<p>Balochistan's share (the remainder): {a.share_balochistan:g}%</p>"
        try:
            a.check()
        except ValueError as exc:
            self.readout.value = f"<p>{html.escape(str(exc))}: lower Barrick's or the SOEs' share.</p>"
            self.chart.value = ""
            return
        self.readout.value = summary_html(a)
        if self.draw_chart:
            # Hand-built SVG (svgchart), not vl-convert: ~1 ms instead of ~70 ms an update.
            self.chart.value = cash_flow_svg(cash_flows(a))

    @property
    def widget(self) -> widgets.Widget:
        if not hasattr(self, "_widget"):
            self._widget = widgets.VBox([*self.sliders.values(), self.balochistan, self.readout, self.chart])
        return self._widget

