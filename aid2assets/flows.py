"""The flows between the United States and Pakistan, and Pakistan's energy balance, in numbers.

Pure functions over the book's tables (read with :func:`aid2assets.load`). The assets chapter,
its explorer, the overview and the claims check all call them, so that one figure has one
calculation. Every function says which year basis its result uses:

* ``pakistan_fy``: Pakistan's fiscal year, July-June, named by the year it ends (SBP);
* ``us_fy``: the US federal fiscal year, October-September (ForeignAssistance.gov);
* ``calendar``: January-December (Census trade, World Bank, Energy Institute).

No function lines these up silently: a table of several flows keeps each flow's basis in a
column, and a ratio of two flows names both bases.
"""

from __future__ import annotations

import pandas as pd

__all__ = [
    "FLOW_LABELS", "remittances_by_fy", "remittances_best_fy", "vintage_difference",
    "us_aid_by_fy", "us_imports_by_year", "bilateral_flows", "largest_by_year", "ranking_by_year", "order_changes",
    "add_share_of_gdp", "national_flows", "fdi_by_country", "gas_balance", "lng_by_source",
    "crude_balance", "select_flows",
]

FLOW_LABELS = {
    "us_aid": "US aid disbursed (US fiscal year, Oct-Sep)",
    "us_imports": "US imports of Pakistani goods (calendar year)",
    "us_remittances": "Remittances from the US (Pakistan fiscal year, Jul-Jun)",
    "us_fdi": "US direct investment, net (Pakistan fiscal year, Jul-Mar only)",
}
BASIS = {"us_aid": "us_fy", "us_imports": "calendar", "us_remittances": "pakistan_fy", "us_fdi": "pakistan_fy"}

LATER_VINTAGE = "dashboard-2026-08"


# -- Remittances ----------------------------------------------------------------------------------
def remittances_by_fy(remit: pd.DataFrame) -> pd.DataFrame:
    """Sum of monthly remittances by vintage, corridor and Pakistan fiscal year.

    ``months`` counts the months held; ``complete`` is True only for all twelve. ``attribution``
    is the SBP country-attribution method of the year (the break is in July 2019, the first
    month of FY2020, so no fiscal year mixes the two).
    """
    grouped = remit.groupby(["vintage", "corridor", "fiscal_year"], as_index=False).agg(
        value_musd=("value_musd", "sum"), months=("value_musd", "count"),
        attribution=("attribution", "first"))
    grouped["complete"] = grouped["months"] == 12
    grouped["basis"] = "pakistan_fy"
    return grouped


def remittances_best_fy(remit: pd.DataFrame, complete_only: bool = True) -> pd.DataFrame:
    """One value per corridor and fiscal year: the later vintage where it holds the whole year.

    The later (Aug 2026) vintage starts in August 2021, so FY2022 and earlier come from the
    April 2025 EasyData export; FY2023 onward from the later vintage when it has 12 months.
    """
    fy = remittances_by_fy(remit)
    if complete_only:
        fy = fy[fy["complete"]]
    fy = fy.assign(_rank=(fy["vintage"] != LATER_VINTAGE).astype(int))
    best = fy.sort_values(["corridor", "fiscal_year", "_rank"]).drop_duplicates(["corridor", "fiscal_year"])
    return best.drop(columns="_rank").reset_index(drop=True)


def vintage_difference(remit: pd.DataFrame, corridor: str | None = None) -> pd.DataFrame:
    """Months held by both vintages: each value and the difference (later minus earlier)."""
    wide = remit.pivot_table(index=["month", "fiscal_year", "corridor"], columns="vintage",
                             values="value_musd").dropna().reset_index()
    wide.columns.name = None
    wide = wide.rename(columns={"easydata-2025-04": "earlier_musd", LATER_VINTAGE: "later_musd"})
    wide["difference_musd"] = wide["later_musd"] - wide["earlier_musd"]
    if corridor is not None:
        wide = wide[wide["corridor"] == corridor]
    return wide.reset_index(drop=True)


# -- The other bilateral flows ---------------------------------------------------------------------
def us_aid_by_fy(aid: pd.DataFrame, download: str = "2025-11") -> pd.DataFrame:
    """US aid disbursed to Pakistan by US fiscal year, million current US$ (ForeignAssistance.gov)."""
    rows = aid[(aid["country_iso3"] == "PAK") & (aid["transaction_type"] == "disbursements")
               & (aid["download"] == download) & (aid["period"] == "year")]
    return pd.DataFrame({"year": rows["fiscal_year"].astype(int).values,
                         "value_musd": (rows["current_usd"] / 1e6).values, "basis": "us_fy"})


def us_imports_by_year(trade: pd.DataFrame) -> pd.DataFrame:
    """US goods imports from Pakistan by calendar year, million current US$ (Census)."""
    rows = trade[trade["country_iso3"] == "PAK"]
    return pd.DataFrame({"year": rows["year"].astype(int).values,
                         "value_musd": rows["us_imports_musd"].astype(float).values, "basis": "calendar"})


def us_fdi_jul_mar(fdi: pd.DataFrame) -> pd.DataFrame:
    """US net direct investment in Pakistan, July-March of FY2025 and FY2026 (SBP)."""
    rows = fdi[(fdi["country"] == "United States") & (fdi["measure"] == "fdi_net")
               & fdi["period"].str.startswith("jul_mar")]
    return pd.DataFrame({"year": rows["period"].str[-4:].astype(int).values,
                         "value_musd": rows["value_musd"].astype(float).values, "basis": "pakistan_fy",
                         "provisional": rows["provisional"].values})


def bilateral_flows(remit, aid, trade, fdi, since: int = 2001) -> pd.DataFrame:
    """The four flows, long: flow, year, basis, value_musd, partial (a part year or provisional).

    Remittances from the US are the best complete fiscal year of each vintage; the aid of the
    latest US fiscal year in the download is marked partial when it is under half the year
    before (the download is a snapshot taken during the year).
    """
    rem = remittances_best_fy(remit)
    rem = rem[rem["corridor"] == "usa"]
    parts = [
        pd.DataFrame({"flow": "us_remittances", "year": rem["fiscal_year"].values, "basis": "pakistan_fy",
                      "value_musd": rem["value_musd"].values, "partial": False,
                      "attribution": rem["attribution"].values}),
    ]
    a = us_aid_by_fy(aid).sort_values("year")
    a["partial"] = False
    if len(a) > 1 and a["value_musd"].iloc[-1] < 0.5 * a["value_musd"].iloc[-2]:
        a.loc[a.index[-1], "partial"] = True
    parts.append(a.assign(flow="us_aid"))
    parts.append(us_imports_by_year(trade).assign(flow="us_imports", partial=False))
    f = us_fdi_jul_mar(fdi)
    parts.append(f.assign(flow="us_fdi", partial=True).drop(columns="provisional"))
    out = pd.concat(parts, ignore_index=True)
    out["attribution"] = out["attribution"].fillna("")
    out = out[out["year"] >= since]
    out["label"] = out["flow"].map(FLOW_LABELS)
    return out[["flow", "label", "year", "basis", "value_musd", "partial", "attribution"]].sort_values(
        ["flow", "year"]).reset_index(drop=True)


def add_share_of_gdp(flows: pd.DataFrame, wdi: pd.DataFrame) -> pd.DataFrame:
    """Add ``share_of_gdp`` (%): the flow over World Bank GDP of the calendar year in which the
    flow's year ends (an approximation for fiscal years); empty where GDP is not yet published."""
    gdp = wdi[wdi["indicator_code"] == "NY.GDP.MKTP.CD"].set_index("year")["value"] / 1e6
    out = flows.copy()
    out["gdp_musd"] = out["year"].map(gdp)
    out["share_of_gdp"] = 100 * out["value_musd"] / out["gdp_musd"]
    return out


def largest_by_year(flows: pd.DataFrame, flows_considered=("us_aid", "us_imports", "us_remittances")) -> pd.DataFrame:
    """For each year with every considered flow (full years only), the largest flow."""
    full = flows[flows["flow"].isin(flows_considered) & ~flows["partial"]]
    wide = full.pivot_table(index="year", columns="flow", values="value_musd").dropna()
    return pd.DataFrame({"year": wide.index, "largest": wide.idxmax(axis=1).values,
                         "value_musd": wide.max(axis=1).values}).reset_index(drop=True)


def ranking_by_year(flows: pd.DataFrame, flows_considered=("us_aid", "us_imports", "us_remittances")) -> pd.DataFrame:
    """For each year with every considered flow (full years only), the flows from largest down."""
    full = flows[flows["flow"].isin(flows_considered) & ~flows["partial"]]
    wide = full.pivot_table(index="year", columns="flow", values="value_musd").dropna()
    order = [tuple(row.sort_values(ascending=False).index) for _, row in wide.iterrows()]
    return pd.DataFrame({"year": wide.index, "order": order}).reset_index(drop=True)


def order_changes(flows: pd.DataFrame, **kwargs) -> list[tuple[int, tuple, tuple]]:
    """(year, previous order, new order) for each year the ranking of the flows changes."""
    ranks = ranking_by_year(flows, **kwargs)
    return [(int(y), a, b) for y, a, b in zip(ranks["year"].iloc[1:], ranks["order"].iloc[:-1], ranks["order"].iloc[1:])
            if a != b]


def select_flows(flows: pd.DataFrame, chosen, start: int, end: int, measure: str = "musd") -> pd.DataFrame:
    """The explorer's query: chosen flows between two years, as US$ million or % of GDP."""
    rows = flows[flows["flow"].isin(list(chosen)) & flows["year"].between(start, end)]
    column = "value_musd" if measure == "musd" else "share_of_gdp"
    table = rows.pivot_table(index="year", columns="flow", values=column)
    return table.reindex(columns=[f for f in FLOW_LABELS if f in chosen])


# -- National flows (World Bank) ------------------------------------------------------------------
NATIONAL = {"BX.KLT.DINV.CD.WD": "FDI, net inflows", "BX.TRF.PWKR.CD.DT": "Personal remittances received",
            "DT.ODA.ODAT.CD": "Net official development assistance received"}


def national_flows(wdi: pd.DataFrame) -> pd.DataFrame:
    """Pakistan's FDI, remittances and net ODA by calendar year, US$ billion and % of GDP."""
    gdp = wdi[wdi["indicator_code"] == "NY.GDP.MKTP.CD"].set_index("year")["value"]
    rows = wdi[wdi["indicator_code"].isin(NATIONAL)].copy()
    rows["flow"] = rows["indicator_code"].map(NATIONAL)
    rows["usd_bn"] = rows["value"] / 1e9
    rows["share_of_gdp"] = 100 * rows["value"] / rows["year"].map(gdp)
    return rows[["flow", "indicator_code", "year", "usd_bn", "share_of_gdp"]].reset_index(drop=True)


# -- FDI by country -----------------------------------------------------------------------------
def fdi_by_country(fdi: pd.DataFrame, period: str, measure: str = "fdi_net") -> pd.DataFrame:
    """Countries ranked by the measure in one period, with each one's share of the total."""
    rows = fdi[(fdi["period"] == period) & (fdi["measure"] == measure)]
    total = rows.loc[rows["country"] == "Foreign private investment (total)", "value_musd"].iloc[0]
    countries = rows[~rows["country"].str.contains(r"\(total\)|Total foreign", regex=True)].copy()
    countries["share"] = countries["value_musd"] / total
    return countries.sort_values("value_musd", ascending=False)[["country", "value_musd", "share"]].reset_index(drop=True)


# -- Energy -------------------------------------------------------------------------------------------
def _series(energy, name, partner="all"):
    """One series by year; values the table marks SUSPECT (a gap printed as a number) are left out."""
    rows = energy[(energy["series"] == name) & (energy["partner"] == partner)]
    rows = rows[~rows["note"].fillna("").str.startswith("SUSPECT")]
    return rows.set_index("year")["value"]


def gas_balance(energy: pd.DataFrame) -> pd.DataFrame:
    """Calendar years (EI): gas production, consumption and LNG imports (bcm), LNG share of use."""
    out = pd.DataFrame({"production_bcm": _series(energy, "gas_production"),
                        "consumption_bcm": _series(energy, "gas_consumption"),
                        "lng_bcm": _series(energy, "lng_imports"),
                        "reserves_tcm": _series(energy, "gas_proved_reserves")})
    out["lng_share_of_use"] = out["lng_bcm"] / out["consumption_bcm"]
    out["reserves_to_production_years"] = 1000 * out["reserves_tcm"] / out["production_bcm"]
    out.index.name = "year"
    return out.reset_index()


def lng_by_source(energy: pd.DataFrame) -> pd.DataFrame:
    """Pakistan's LNG imports in 2023 by exporting country (bcm), with shares; zero rows dropped."""
    rows = energy[energy["series"] == "lng_imports_by_source"]
    total = rows.loc[rows["partner"] == "all", "value"].iloc[0]
    by = rows[(rows["partner"] != "all") & (rows["value"] > 0)][["partner", "value"]].rename(columns={"value": "bcm"})
    by["share"] = by["bcm"] / total
    return by.sort_values("bcm", ascending=False).reset_index(drop=True)


def crude_balance(energy: pd.DataFrame) -> pd.DataFrame:
    """Pakistan fiscal years (Finance Division): crude extracted and imported (thousand barrels),
    and the domestic share of crude supply; ``partial`` marks the July-March columns."""
    rows = energy[energy["series"].isin(["crude_extraction", "crude_imports"])]
    wide = rows.pivot_table(index="year", columns="series", values="value")
    partial = rows.groupby("year")["partial"].any()
    out = pd.DataFrame({"extraction_kbbl": wide["crude_extraction"], "imports_kbbl": wide["crude_imports"],
                        "partial": partial})
    out["domestic_share"] = out["extraction_kbbl"] / (out["extraction_kbbl"] + out["imports_kbbl"])
    out.index.name = "fiscal_year"
    return out.reset_index()


# -- The chapter's three headline findings, printed: python -m aid2assets.flows ----------------------
def headline_findings() -> list[str]:
    """The assets chapter's three largest findings, recomputed from the book's tables."""
    from .data import load

    remit, aid, trade, fdi, energy = (load(t) for t in ["assets_remittances_monthly", "aid_foreignassistance",
                                                         "trade_us_goods_annual", "assets_fdi_by_country", "assets_energy"])
    flows = bilateral_flows(remit, aid, trade, fdi)
    w = flows.pivot_table(index="year", columns="flow", values="value_musd")
    us25 = fdi_by_country(fdi, "jul_mar_fy2025").set_index("country")
    us26 = fdi_by_country(fdi, "jul_mar_fy2026").set_index("country")
    jul_mar = remit[(remit["vintage"] == "easydata-2025-04") & (remit["corridor"] == "usa")
                    & (remit["fiscal_year"] == 2025)]["value_musd"].sum()
    g = gas_balance(energy).set_index("year")
    lng = lng_by_source(energy).set_index("partner")
    crude = crude_balance(energy).set_index("fiscal_year")
    return [
        f"Remittances from the US (Pakistan FY2023, Jul-Jun) US${w.loc[2023, 'us_remittances']:,.1f}m against US aid "
        f"disbursed (US FY2023, Oct-Sep) US${w.loc[2023, 'us_aid']:,.1f}m: {w.loc[2023, 'us_remittances'] / w.loc[2023, 'us_aid']:.1f} "
        f"times. US imports of Pakistani goods are the largest flow every year 2001-2024; the order of aid and "
        f"remittances changed in {', '.join(str(y) for y, _, _ in order_changes(flows))}.",
        f"US net FDI in Pakistan: US${us25.loc['United States', 'value_musd']:.1f}m in Jul-Mar FY2025 "
        f"({us25.loc['United States', 'share']:.2%} of the total; China {us25.loc['China', 'share']:.1%}) and "
        f"US${us26.loc['United States', 'value_musd']:.1f}m in Jul-Mar FY2026 ({us26.loc['United States', 'share']:.2%}, provisional), "
        f"against a promised US$500m; remittances from the US in Jul-Mar FY2025 were US${jul_mar:,.1f}m, "
        f"{jul_mar / us25.loc['United States', 'value_musd']:.0f} times US net FDI.",
        f"Gas: proved reserves {g.loc[2005, 'reserves_tcm']:.3f} Tcm (2005) to {g.loc[2020, 'reserves_tcm']:.3f} Tcm (2020), "
        f"{g.loc[2020, 'reserves_tcm'] / g.loc[2005, 'reserves_tcm'] - 1:.0%}; production {g['production_bcm'].max():.1f} bcm "
        f"({int(g['production_bcm'].idxmax())}) to {g.loc[2023, 'production_bcm']:.1f} bcm (2023); LNG "
        f"{g.loc[2023, 'lng_share_of_use']:.1%} of 2023 use, {lng.loc['Qatar', 'share']:.1%} of it from Qatar and "
        f"{lng.loc['United States', 'bcm']:.3f} bcm ({lng.loc['United States', 'share']:.1%}) from the US; domestic crude "
        f"{crude.loc[2022, 'domestic_share']:.1%} of crude supply in FY2022. No oil-reserves table was found.",
    ]


if __name__ == "__main__":
    for n, line in enumerate(headline_findings(), start=1):
        print(f"{n}. {line}")
