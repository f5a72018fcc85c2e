"""Builds chapters/assets.ipynb from the cells below (a helper's authoring script, not shipped)."""
import re
import nbformat

cells = []


def md(text):
    text = text.strip("\n")
    text = re.sub(r"(?<!\\)\$", r"\\$", text)  # myst dollarmath is off: a dollar sign is written \$
    cells.append(nbformat.v4.new_markdown_cell(text))


def code(text, tags=None):
    c = nbformat.v4.new_code_cell(text.strip("\n"))
    if tags:
        c.metadata["tags"] = tags
    cells.append(c)


md("""
# The assets, measured: remittances, investment and energy

The book's question is whether the relationship between the United States and Pakistan has
moved from dependence on aid toward a partnership built on trade, minerals and energy. Earlier
chapters measured aid, trade and minerals. This one measures the rest of the "assets" side:
the money Pakistanis in the United States send home, the direct investment American
companies make in Pakistan, and the gas and oil Pakistan produces and imports. It sets these
flows beside aid and trade on one scale, so that the question can be answered with numbers.

The short answer the data give is not the one the speeches give. The biggest flow between
the two countries is trade: Pakistan's exports to the United States. The second is not aid
and not investment. It is the remittances of Pakistani workers and families in America, which
in each year from 2021 to 2024 were more than ten times the aid the United States disbursed.
American direct investment, the flow that conferences and memorandums promise, is the smallest
of all, measured in tens of millions of dollars a year.

## Learning objectives

By the end of this chapter you should be able to:

- tell a {term}`remittance <Remittance>` from {term}`foreign direct investment <Foreign direct investment>` and from aid, and
  direct investment from {term}`portfolio investment <Portfolio investment>`;
- read a balance-of-payments table: net against gross, inflow against outflow, and which
  {term}`fiscal year <Fiscal year>` a number belongs to;
- compare the flows between the United States and Pakistan year by year and say which is
  largest, and when the order changed;
- explain why remittances "from the USA" halve in State Bank of Pakistan data after June 2019,
  and why that is a change of method and not a collapse;
- describe Pakistan's gas position with {term}`proved reserves <Proved reserves>`, production
  and {term}`LNG` imports, and say what the data cannot tell you about oil.
""")

md("""
## How to read the numbers

**Remittances, investment and aid are different kinds of money.** A remittance is a private
transfer from a worker abroad to a household at home: it buys food, school fees and houses,
and it creates no debt and no claim on anything in Pakistan. Foreign direct investment is
money a foreign company puts into a business it controls (the usual threshold is a tenth of
the voting shares): a factory, a telecom network, a stake in a bank. It creates an asset that
the investor owns and from which it expects profits, which may later flow out again. Aid is
money a government or agency gives or lends on soft terms, for purposes it chooses. The three
are measured by different people: remittances and investment by Pakistan's central bank, the
State Bank of Pakistan (SBP), from reports by banks and companies; US aid by the US government from its own
accounts.

**Direct and portfolio investment.** Direct investment is a lasting stake with control.
Portfolio investment is the purchase of shares or bonds without control: a fund buying a few
Pakistani shares or government bonds. Portfolio money moves in and out quickly, and SBP
reports it separately. In the periods this chapter covers, US portfolio flows into Pakistan
were negative: US holders sold more than they bought.

**Net and gross.** SBP records direct investment *inflows* (new money in) and *outflows*
(money taken out: repatriated capital, repaid intercompany loans). Net FDI is inflow minus
outflow, so it can be small, or negative, even when a great deal of money moves. A country's
net figure can fall because investors took money out, not because no one put any in. In this
chapter "FDI" means net FDI unless the chart says inflow.

**Two fiscal years.** Pakistan's fiscal year runs from July to June and is named here by the
year it ends: FY2024 is July 2023 to June 2024. The US federal fiscal year runs from October
to September: US FY2024 is October 2023 to September 2024. Census trade figures and World Bank
series use calendar years. The three overlap but do not coincide, so this chapter never puts a
Pakistani fiscal year and a US fiscal year in one column without saying so. Where it sets them
side by side on one axis, it labels each flow with its basis and treats the comparison as
approximate: a three-month shift matters little for flows that change slowly, and a great
deal for one that jumps.

**Proved reserves and production.** {term}`Proved reserves <Proved reserves>` of gas or oil are the quantities
that geological and engineering data show, with reasonable certainty, can be recovered from
known fields under current economic and operating conditions. They are a stock, measured in
trillion cubic metres (Tcm) for gas. Production is a flow, in billion cubic metres (bcm) a
year. Dividing reserves by production gives the *reserves-to-production ratio*: how many years
current output could last if nothing new were found. Reserves rise with discoveries and
revisions and fall with production, so a falling ratio means output is not being replaced.

**A series break is not a collapse.** When a statistical agency changes how it counts, the
numbers before and after the change measure different things. From July 2019 SBP attributes
each remittance to the country of the *original remitter* rather than, as before, in a way
that evidently credited some money to the country it came through. Remittances "from the USA"
fell by almost half between FY2019 and FY2020, while total remittances rose. The fall is an
artefact of the new method, and nothing in the data says that Pakistanis in America sent less.
The charts below mark the break and never join the two sides into one trend.
""")

md("""
## The data behind this chapter

Four new tables feed the figures, read through the book's loader, which checks each against
its description in `data/datapackage.json`. They are rebuilt from the publishers' files by
`curation/curate_assets.py`:

- `assets_remittances_monthly`: SBP's monthly series of workers' remittances in total and from
  six corridors (the United States, the United Kingdom, Saudi Arabia, the United Arab
  Emirates, the other Gulf states and the EU), in two vintages: an export from SBP's EasyData
  portal refreshed in April 2025 (July 1972 to March 2025) and a republication of the same
  series from August 2026 (August 2021 to July 2026) {cite:p}`sbp-easydata-remittances-2025-04,sbp-remittances-dashboard-2026-08`;
- `assets_fdi_by_country`: SBP's table of foreign investment in Pakistan by country, direct and
  portfolio, for July–March of FY2025 and FY2026 and for March 2026 {cite:p}`sbp-fdi-by-country-2026-03`;
- `assets_wdi`: the World Bank's World Development Indicators for Pakistan, calendar years to
  2023 {cite:p}`wdi-pakistan-2025-01`;
- `assets_energy`: the Energy Institute's *Statistical Review of World Energy 2024* for gas
  reserves, production, consumption and LNG imports {cite:p}`ei-statistical-review-2024`,
  and the Finance Division's Economic Survey tables for crude oil by fiscal year
  {cite:p}`pak-finance-energy-2025`, plus two press reports of the first US crude cargoes
  {cite:p}`dawn-2025-10-29-us-crude,energyupdate-2025-11-us-crude`.

US aid and US imports come from tables the aid and trade chapters already use
(`aid_foreignassistance` and `trade_us_goods_annual`). The arithmetic (fiscal-year sums, the
choice between vintages, shares and ratios) lives in one module, `aid2assets/flows.py`, so that
this chapter, the overview and the claims check compute each number the same way.
""")

code("""
import altair as alt
import pandas as pd

from aid2assets import flows, load, theme
from aid2assets.figures import Figure, source_line

theme.enable()  # the book's fonts and colour-blind-safe colours
""")

code("""
remit = load("assets_remittances_monthly")     # SBP, monthly, two vintages
fdi = load("assets_fdi_by_country")            # SBP, Jul-Mar FY2025 and FY2026
wdi = load("assets_wdi")                       # World Bank, calendar years
energy = load("assets_energy")                 # Energy Institute and Finance Division
aid = load("aid_foreignassistance")            # ForeignAssistance.gov, US fiscal years
trade = load("trade_us_goods_annual")          # US Census, calendar years
sources = load("sources")

pd.DataFrame({
    "table": ["assets_remittances_monthly", "assets_fdi_by_country", "assets_wdi", "assets_energy"],
    "rows": [len(remit), len(fdi), len(wdi), len(energy)],
    "partial or provisional rows": [0, int(fdi["provisional"].sum()), 0, int(energy["partial"].sum())],
})
""")

md("""
## How large is each flow?

The first figure puts four flows on one axis for every year since 2001: US aid disbursed to
Pakistan (by US fiscal year), US imports of Pakistani goods (calendar year), remittances from
the United States (Pakistan's fiscal year) and US net direct investment (Pakistan's fiscal
year, July to March only, the only periods the SBP table holds). The cell below builds the
table and finds the largest flow in each year and the years the order changed.
""")

code("""
bilateral = flows.add_share_of_gdp(flows.bilateral_flows(remit, aid, trade, fdi), wdi)
wide = bilateral.pivot_table(index="year", columns="flow", values="value_musd")

changes = flows.order_changes(bilateral)
largest = flows.largest_by_year(bilateral)
print("Largest flow every year", largest["year"].min(), "to", largest["year"].max(), ":",
      ", ".join(sorted(set(largest["largest"]))))
for year, before, after in changes:
    print(f"{year}: order changes from {' > '.join(before)} to {' > '.join(after)}")

ratio_2023 = wide.loc[2023, "us_remittances"] / wide.loc[2023, "us_aid"]
print(f"FY2023: remittances from the US US${wide.loc[2023, 'us_remittances']:,.1f}m (Pakistan FY), "
      f"US aid disbursed US${wide.loc[2023, 'us_aid']:,.1f}m (US FY): {ratio_2023:.1f} times")
wide.loc[[2001, 2002, 2010, 2011, 2012, 2019, 2020, 2023, 2024, 2025, 2026]].round(1)
""")

md("""
US imports of Pakistani goods, mostly textiles and clothing, are the largest flow in every
year the four can be compared, from about US$2.2 billion in 2001 to between US$4.9 billion and
US$6.0 billion a year in 2021–2024. The order of the other two changed four times. Remittances from the United States
were larger than aid in 2001, when aid was small; aid overtook them in 2002, the first full
year of the post-9/11 partnership; remittances led again from 2003; aid led once more in 2010
and 2011, the first years of the Kerry-Lugar-Berman law of 2009 (which authorised up to US$1.5
billion a year in civilian aid), when both flows were about US$2 billion;
and remittances have led every year since 2012. By FY2023, remittances from the United States
(US$3.17 billion) were more than eleven times the aid disbursed in US FY2023. The dip in
remittances in FY2020 is the method change described above, not a real fall. US direct
investment, the last line, appears only for the two July–March periods the SBP table holds:
US$20 million and US$9 million.
""")

code("""
FLOWS = list(flows.FLOW_LABELS)
FLOW_COLORS = [theme.OKABE_ITO["blue"], theme.OKABE_ITO["orange"], theme.OKABE_ITO["green"],
               theme.OKABE_ITO["vermilion"]]
SHORT = {"us_aid": "US aid (US FY, Oct–Sep)", "us_imports": "US imports from Pakistan (calendar)",
         "us_remittances": "Remittances from US (PK FY, Jul–Jun)", "us_fdi": "US net FDI (PK FY, Jul–Mar)"}
fig1_data = bilateral.assign(series=bilateral["flow"].map(SHORT))[
    ["flow", "series", "label", "year", "basis", "value_musd", "share_of_gdp", "gdp_musd", "partial", "attribution"]]

flow_measure = alt.param(name="flow_measure", value="value_musd", bind=alt.binding_radio(
    options=["value_musd", "share_of_gdp"], labels=["Current US$ million", "% of Pakistan's GDP"], name="Measure: "))
flow_toggles = {f: alt.param(name=f"show_{f}", value=True, bind=alt.binding_checkbox(name=SHORT[f]))
                for f in FLOWS}
flow_visible = " || ".join(f"(datum.flow == '{f}' && show_{f})" for f in FLOWS)

flow_base = alt.Chart(fig1_data).transform_filter(flow_visible).transform_calculate(
    amount="datum[flow_measure]").transform_filter("isValid(datum.amount)")
flow_x = alt.X("year:Q", title="Year (each flow on its own fiscal basis)", axis=alt.Axis(format="d", tickCount=6),
               scale=alt.Scale(domain=[2001, 2026]))
flow_color = alt.Color("series:N", title=None, scale=alt.Scale(domain=[SHORT[f] for f in FLOWS], range=FLOW_COLORS),
                       legend=alt.Legend(orient="bottom", columns=1, labelLimit=330))
flow_tooltip = [alt.Tooltip("label:N", title="Flow"), alt.Tooltip("year:Q", title="Year", format="d"),
                alt.Tooltip("value_musd:Q", title="US$ million", format=",.1f"),
                alt.Tooltip("share_of_gdp:Q", title="% of GDP", format=".2f"),
                alt.Tooltip("partial:N", title="Part year"), alt.Tooltip("attribution:N", title="SBP attribution")]
flow_lines = flow_base.transform_filter("!datum.partial").mark_line(strokeWidth=2).encode(
    x=flow_x, y=alt.Y("amount:Q", title=None), color=flow_color,
    detail="attribution:N")   # no line joins the two sides of SBP's July 2019 break
flow_points = flow_base.mark_point(filled=True, size=30).encode(
    x=flow_x, y="amount:Q", color=flow_color, shape=alt.Shape("partial:N", legend=None,
    scale=alt.Scale(domain=[False, True], range=["circle", "triangle"])), tooltip=flow_tooltip)
flow_unit = alt.Chart().mark_text(
    align="left", baseline="bottom", x=0, y=-8, fontSize=12, fontWeight=600, color="#333",
    text=alt.expr("flow_measure == 'value_musd' ? 'Current US$ million' : '% of Pakistan GDP (World Bank, calendar year)'"))
break_rule = alt.Chart(pd.DataFrame({"year": [2019.5], "text": ["SBP method change, Jul 2019"]})).mark_rule(
    color="#555", strokeDash=[4, 3]).encode(x=alt.X("year:Q", scale=alt.Scale(domain=[2001, 2026])))
break_text = alt.Chart(pd.DataFrame({"year": [2019.5], "text": ["SBP method change"]})).mark_text(
    align="right", dx=-3, y=4, baseline="top", fontSize=10, color="#444").encode(
    x=alt.X("year:Q", scale=alt.Scale(domain=[2001, 2026])), text="text:N")

fig1 = alt.layer(flow_lines, flow_points, break_rule, break_text, flow_unit).add_params(
    flow_measure, *flow_toggles.values()).properties(width=330, height=260)
Figure(
    fig1, id="assets-flows",
    title="The flows between the US and Pakistan, 2001–2026",
    description=(f"Lines of four flows. US imports of Pakistani goods are the largest in every year; remittances "
                 f"from the US exceed US aid in every year since 2012 (FY2023: {ratio_2023:.0f} times); US net "
                 f"direct investment, known only for July–March of FY2025 and FY2026, is US$"
                 f"{wide.loc[2025, 'us_fdi']:.0f} million and US${wide.loc[2026, 'us_fdi']:.0f} million."),
    source=source_line(["fagov-country-2025-11", "census-country-trade-2025-04", "sbp-easydata-remittances-2025-04",
                        "sbp-remittances-dashboard-2026-08", "sbp-fdi-by-country-2026-03", "wdi-pakistan-2025-01"], sources),
    data=fig1_data, tables=["aid_foreignassistance", "trade_us_goods_annual", "assets_remittances_monthly",
                            "assets_fdi_by_country", "assets_wdi"],
    note=("Bases differ: aid by US fiscal year (Oct–Sep), imports by calendar year, remittances and FDI by Pakistan's "
          "fiscal year (Jul–Jun, named by its end). Triangles are part years: US FDI is July–March only, and the "
          "latest aid year was still being reported. Remittances from the US before and after July 2019 are "
          "counted differently (not joined). Shares use World Bank GDP of the year a flow's year ends in, so "
          "none is shown after 2023."),
    how_to="Switch the measure, or untick a flow to rescale the others.",
)
""")

md("""
As a share of Pakistan's economy every one of these flows is small: US imports of Pakistani
goods are about 1.5% of Pakistan's GDP, remittances from the United States about 1%, US aid
now under a tenth of one per cent. Switch the measure to see it. Untick US imports to see
aid and remittances at a readable scale.

## Where Pakistan's remittances come from

Remittances from the United States matter to the bilateral story, but they are a small part of
what Pakistan receives. In FY2025 Pakistan's workers abroad sent home about US$38 billion, and
more than half of it came from the Gulf: Saudi Arabia, the United Arab Emirates and the other
Gulf states. The United Kingdom sent more than the United States. Figure 2 shows every fiscal
year since FY1973, with the July 2019 change of method marked.
""")

code("""
CORRIDORS = {"usa": "United States", "uk": "United Kingdom", "eu": "EU countries", "saudi_arabia": "Saudi Arabia",
             "uae": "United Arab Emirates", "other_gcc": "Other Gulf (GCC)", "rest": "All other countries"}
CORRIDOR_COLORS = [theme.OKABE_ITO["blue"], theme.OKABE_ITO["sky"], theme.OKABE_ITO["purple"],
                   theme.OKABE_ITO["green"], theme.OKABE_ITO["orange"], theme.OKABE_ITO["yellow"], "#bdbdbd"]

best = flows.remittances_best_fy(remit)
by_fy = best.pivot_table(index="fiscal_year", columns="corridor", values="value_musd")
by_fy["rest"] = by_fy["total"] - by_fy[[c for c in CORRIDORS if c != "rest"]].sum(axis=1)   # DERIVED
shares = by_fy.div(by_fy["total"], axis=0)
gulf = shares[["saudi_arabia", "uae", "other_gcc"]].sum(axis=1)
vintage_of = best[best["corridor"] == "total"].set_index("fiscal_year")["vintage"]

fig2_data = by_fy.drop(columns="total").reset_index().melt(id_vars="fiscal_year", var_name="corridor",
                                                           value_name="value_musd")
fig2_data["country"] = fig2_data["corridor"].map(CORRIDORS)
fig2_data["share"] = fig2_data["value_musd"] / fig2_data["fiscal_year"].map(by_fy["total"])
fig2_data["vintage"] = fig2_data["fiscal_year"].map(vintage_of)
fig2_data["status"] = fig2_data["corridor"].map(lambda c: "DERIVED" if c == "rest" else "VERIFIED")
fig2_data["attribution"] = fig2_data["fiscal_year"].map(lambda y: "original remitter" if y >= 2020 else "before July 2019")

print(f"FY2025 total US${by_fy.loc[2025, 'total']:,.0f}m; Gulf {gulf[2025]:.0%}, UK {shares.loc[2025, 'uk']:.1%}, "
      f"US {shares.loc[2025, 'usa']:.1%}, EU {shares.loc[2025, 'eu']:.1%}")
print(f"Across the break: US FY2019 US${by_fy.loc[2019, 'usa']:,.0f}m, FY2020 US${by_fy.loc[2020, 'usa']:,.0f}m; "
      f"total FY2019 US${by_fy.loc[2019, 'total']:,.0f}m, FY2020 US${by_fy.loc[2020, 'total']:,.0f}m")
shares.loc[[1975, 1990, 2001, 2010, 2019, 2020, 2025, 2026], list(CORRIDORS)].round(3)
""")

code("""
rem_mode = alt.param(name="rem_mode", value="value_musd", bind=alt.binding_radio(
    options=["value_musd", "share"], labels=["US$ million", "Share of the total"], name="Show: "))
rem_break = alt.param(name="rem_break", value=True, bind=alt.binding_checkbox(name="Mark the July 2019 method change"))
rem_years = alt.Scale(domain=[1972.5, 2026.5])
rem_bars = alt.Chart(fig2_data).transform_calculate(
    amount="datum[rem_mode]", order=f"indexof({list(CORRIDORS.values())}, datum.country)"
).mark_bar(width=4).encode(
    x=alt.X("fiscal_year:Q", title="Pakistan fiscal year (July–June, named by its end)", scale=rem_years,
            axis=alt.Axis(format="d", tickCount=6)),
    y=alt.Y("amount:Q", title=None, stack="zero"),
    color=alt.Color("country:N", title=None, scale=alt.Scale(domain=list(CORRIDORS.values()), range=CORRIDOR_COLORS),
                    legend=alt.Legend(orient="bottom", columns=2, labelLimit=160)),
    order=alt.Order("order:Q"),
    tooltip=[alt.Tooltip("fiscal_year:Q", title="Fiscal year", format="d"), alt.Tooltip("country:N", title="From"),
             alt.Tooltip("value_musd:Q", title="US$ million", format=",.1f"), alt.Tooltip("share:Q", title="Share", format=".1%"),
             alt.Tooltip("attribution:N", title="SBP attribution"), alt.Tooltip("vintage:N", title="Vintage"),
             alt.Tooltip("status:N", title="Status")])
rem_unit = alt.Chart().mark_text(align="left", baseline="bottom", x=0, y=-8, fontSize=12, fontWeight=600, color="#333",
                                 text=alt.expr("rem_mode == 'share' ? 'Share of all workers\\u2019 remittances' : 'US$ million a year'"))
break_df = pd.DataFrame({"fiscal_year": [2019.5], "text": ["From FY2020: by country of original remitter"]})
rem_rule = alt.Chart(break_df).transform_filter("rem_break").mark_rule(color="#222", strokeDash=[4, 3], strokeWidth=1.5).encode(
    x=alt.X("fiscal_year:Q", scale=rem_years))
rem_text = alt.Chart(break_df).transform_filter("rem_break").mark_text(
    align="right", dx=-4, y=6, baseline="top", fontSize=10, color="#222").encode(
    x=alt.X("fiscal_year:Q", scale=rem_years), text=alt.value("New method from FY2020 \\u2192"))
fig2 = alt.layer(rem_bars, rem_rule, rem_text, rem_unit).add_params(rem_mode, rem_break).properties(width=330, height=280)
Figure(
    fig2, id="assets-remittances-by-source",
    title="Workers' remittances to Pakistan by sending country, FY1973–FY2026",
    description=(f"Stacked bars by fiscal year. Remittances rose from about US${by_fy.loc[2001, 'total']/1000:.1f} billion "
                 f"in FY2001 to US${by_fy.loc[2026, 'total']/1000:.1f} billion in FY2026; the Gulf sent "
                 f"{gulf[2025]:.0%} in FY2025, the UK {shares.loc[2025, 'uk']:.0%} and the US {shares.loc[2025, 'usa']:.0%}. "
                 f"The US share halves at the July 2019 change of method while the total keeps rising."),
    source=source_line(["sbp-easydata-remittances-2025-04", "sbp-remittances-dashboard-2026-08"], sources),
    data=fig2_data, tables=["assets_remittances_monthly"],
    note=("Complete fiscal years only. FY1973–FY2022 from SBP's EasyData export of April 2025; FY2023–FY2026 from the "
          "August 2026 republication of the same series (the two agree to within US$1 million a year where they "
          "overlap). 'All other countries' is the total minus the six corridors (DERIVED). Country figures before and "
          "after July 2019 are not comparable: SBP then began attributing money to the country of the original remitter."),
    how_to="Switch to shares to see the break: the US share halves between FY2019 and FY2020 while the Gulf's rises.",
)
""")

md("""
Switch to shares. Before the break, the United States' share rose from about 13% in FY2001 to
20% in FY2010 and was 15% in FY2019. At the break it falls to about 7.5%, while the shares of
Saudi Arabia, the UAE and the EU jump. SBP's notice of the change lists the revisions country by
country; the pattern fits money that had been credited to a country it passed through (the
United States is home to large money-transfer companies) being credited instead to the country
where the sender lives, but that reading is ours, not SBP's. Since the break the US share has
stayed between about 7.5% and 12%. The
honest comparison is within each side of the break: before it, remittances from the United
States grew; after it, they grew from US$1.7 billion to about US$3.7 billion in FY2025.

**Two vintages.** SBP revises recent months. The book keeps both copies of the series where
they overlap (August 2021 to March 2025) and shows their difference rather than choosing
silently. For these months the revisions are tiny, as the cell below shows: the largest for
the United States is under a million dollars in a month.
""")

code("""
diff = flows.vintage_difference(remit)
(diff.groupby("corridor")["difference_musd"]
     .agg(months="count", total_revision="sum", largest_up="max", largest_down="min")
     .round(3))
""")

md("""
## Who invests in Pakistan

SBP publishes direct investment by country only for the current fiscal year to date and the
same months of the year before. The release of March 2026 therefore covers July–March of
FY2026 (provisional) and July–March of FY2025. Figure 3 ranks the sources. China, counted
with the companies it ultimately controls, supplied about half of Pakistan's net FDI in both
periods; Hong Kong, the UAE and Switzerland follow. The United States is far down the list.
""")

code("""
PERIODS = {"jul_mar_fy2025": "July–March FY2025", "jul_mar_fy2026": "July–March FY2026 (provisional)"}
MEASURES = {"fdi_net": "Net FDI", "fdi_inflow": "FDI inflow (gross)", "fpi_net": "Net portfolio investment"}
ranked = {p: flows.fdi_by_country(fdi, p) for p in PERIODS}
for p, table in ranked.items():
    us = table.set_index("country").loc["United States"]
    rank = table.index[table["country"] == "United States"][0] + 1
    print(f"{PERIODS[p]}: US net FDI US${us['value_musd']:.1f}m, {us['share']:.2%} of the total, rank {rank} of {len(table)}; "
          f"China {table.iloc[0]['share']:.0%}")
us_rows = fdi[fdi["country"] == "United States"].pivot_table(index="period", columns="measure", values="value_musd")
us_rows.round(1)
""")

code("""
fig3_rows = fdi[fdi["period"].isin(PERIODS) & fdi["measure"].isin(MEASURES)
                & ~fdi["country"].str.contains("total", case=False) & (fdi["country"] != "Others")].copy()
fig3_rows["rank"] = fig3_rows.groupby(["period", "measure"])["value_musd"].rank(ascending=False, method="first")
top = fig3_rows[(fig3_rows["rank"] <= 12) | (fig3_rows["country"] == "United States")]
fig3_data = top.assign(period_label=top["period"].map(PERIODS), measure_label=top["measure"].map(MEASURES),
                       is_us=top["country"] == "United States")[
    ["period", "period_label", "measure", "measure_label", "country", "value_musd", "rank", "is_us", "provisional"]]

fdi_period = alt.param(name="fdi_period", value="jul_mar_fy2025", bind=alt.binding_radio(
    options=list(PERIODS), labels=list(PERIODS.values()), name="Period: "))
fdi_measure = alt.param(name="fdi_measure", value="fdi_net", bind=alt.binding_radio(
    options=list(MEASURES), labels=list(MEASURES.values()), name="Measure: "))
fig3 = alt.Chart(fig3_data).transform_filter("datum.period == fdi_period && datum.measure == fdi_measure").mark_bar().encode(
    y=alt.Y("country:N", title=None, sort=alt.EncodingSortField("value_musd", order="descending")),
    x=alt.X("value_musd:Q", title="US$ million"),
    color=alt.Color("is_us:N", title=None, scale=alt.Scale(domain=[True, False], range=[theme.OKABE_ITO["blue"], "#9a9a9a"]),
                    legend=alt.Legend(orient="bottom", labelExpr="datum.value ? 'United States' : 'Other countries'")),
    tooltip=[alt.Tooltip("country:N", title="Country"), alt.Tooltip("period_label:N", title="Period"),
             alt.Tooltip("measure_label:N", title="Measure"), alt.Tooltip("value_musd:Q", title="US$ million", format=",.1f"),
             alt.Tooltip("rank:Q", title="Rank", format="d"), alt.Tooltip("provisional:N", title="Provisional")],
).add_params(fdi_period, fdi_measure).properties(width=260, height=300)
us25 = ranked["jul_mar_fy2025"].set_index("country").loc["United States"]
Figure(
    fig3, id="assets-fdi-by-country",
    title="Foreign investment in Pakistan by country, July–March FY2025 and FY2026",
    description=(f"Bars for the twelve largest sources and the United States. China supplied "
                 f"{ranked['jul_mar_fy2025'].iloc[0]['share']:.0%} of net FDI in July–March FY2025; the US "
                 f"US${us25['value_musd']:.1f} million, {us25['share']:.1%}. US net portfolio investment was negative "
                 f"in both periods."),
    source=source_line(["sbp-fdi-by-country-2026-03"], sources),
    data=fig3_data, tables=["assets_fdi_by_country"],
    note=("SBP counts FDI by the ultimate controlling parent's country. Net FDI = inflow minus outflow. Portfolio "
          "investment is shown separately and is not FDI. FY2026 figures are provisional. SBP's 'Others' (IFIs and "
          "unlisted countries) is left out of the ranking."),
    how_to="Switch to the gross inflow: US companies brought in about US$75–80 million, but took much of it out again.",
)
""")

md("""
The United States' net direct investment was US$20.3 million in July–March FY2025 and
US$8.8 million in July–March FY2026, about 1.1% and 0.65% of Pakistan's net FDI. The gross
inflow was larger, about US$79 million and US$75 million, but US companies took most of it out
again. Portfolio flows ran the other way: US investors sold a net US$112 million of Pakistani
securities in July–March FY2025 and US$257 million in July–March FY2026. Set against
remittances from the United States over the same nine months of FY2025 (US$2.82 billion), US
net FDI was about a hundred-and-fortieth as large.

### The long view: investment, remittances and aid since 1970

For the long run we turn to the World Bank, which records Pakistan's net FDI inflows, personal
remittances and net official development assistance (ODA) from all countries, by calendar
year. Figure 4 shows them in billions of current dollars or as a share of GDP.
""")

code("""
national = flows.national_flows(wdi)
nat_wide = national.pivot_table(index="year", columns="flow", values="usd_bn")
nat_share = national.pivot_table(index="year", columns="flow", values="share_of_gdp")
rem_fdi_2023 = nat_wide.loc[2023, "Personal remittances received"] / nat_wide.loc[2023, "FDI, net inflows"]
print(f"2023: remittances US${nat_wide.loc[2023, 'Personal remittances received']:.2f}bn, FDI US${nat_wide.loc[2023, 'FDI, net inflows']:.2f}bn "
      f"({rem_fdi_2023:.0f} times); net ODA 2022 US${nat_wide.loc[2022, 'Net official development assistance received']:.2f}bn")
print("Peak FDI:", int(nat_wide["FDI, net inflows"].idxmax()), f"US${nat_wide['FDI, net inflows'].max():.2f}bn, "
      f"{nat_share.loc[nat_wide['FDI, net inflows'].idxmax(), 'FDI, net inflows']:.1f}% of GDP")
nat_wide.loc[[1976, 1983, 1990, 2001, 2007, 2010, 2015, 2020, 2022, 2023]].round(2)
""")

code("""
NAT = {"FDI, net inflows": theme.OKABE_ITO["vermilion"], "Personal remittances received": theme.OKABE_ITO["green"],
       "Net official development assistance received": theme.OKABE_ITO["blue"]}
NAT_SHORT = {"FDI, net inflows": "FDI, net inflows", "Personal remittances received": "Remittances",
             "Net official development assistance received": "Net ODA (aid)"}
fig4_data = national.assign(series=national["flow"].map(NAT_SHORT))
nat_measure = alt.param(name="nat_measure", value="usd_bn", bind=alt.binding_radio(
    options=["usd_bn", "share_of_gdp"], labels=["Current US$ billion", "% of GDP"], name="Measure: "))
nat_toggles = {k: alt.param(name=f"nat_{i}", value=True, bind=alt.binding_checkbox(name=NAT_SHORT[k]))
               for i, k in enumerate(NAT)}
nat_visible = " || ".join(f"(datum.flow == '{k}' && nat_{i})" for i, k in enumerate(NAT))
nat_lines = alt.Chart(fig4_data).transform_filter(nat_visible).transform_calculate(amount="datum[nat_measure]").mark_line(
    strokeWidth=2, point=alt.OverlayMarkDef(size=12)).encode(
    x=alt.X("year:Q", title="Calendar year", axis=alt.Axis(format="d", tickCount=6), scale=alt.Scale(domain=[1960, 2023])),
    y=alt.Y("amount:Q", title=None),
    color=alt.Color("series:N", title=None, scale=alt.Scale(domain=list(NAT_SHORT.values()), range=list(NAT.values())),
                    legend=alt.Legend(orient="bottom", columns=3, labelLimit=120)),
    tooltip=[alt.Tooltip("flow:N", title="Flow"), alt.Tooltip("year:Q", title="Year", format="d"),
             alt.Tooltip("usd_bn:Q", title="US$ billion", format=",.2f"), alt.Tooltip("share_of_gdp:Q", title="% of GDP", format=".2f")])
nat_unit = alt.Chart().mark_text(align="left", baseline="bottom", x=0, y=-8, fontSize=12, fontWeight=600, color="#333",
                                 text=alt.expr("nat_measure == 'usd_bn' ? 'Current US$ billion' : '% of Pakistan GDP'"))
fig4 = alt.layer(nat_lines, nat_unit).add_params(nat_measure, *nat_toggles.values()).properties(width=330, height=260)
Figure(
    fig4, id="assets-national-flows",
    title="Pakistan's FDI, remittances and aid from all countries, 1960–2023",
    description=(f"Three lines. Remittances overtook aid in 1977 and have dwarfed both aid and FDI since the "
                 f"2000s: in 2023 remittances were US${nat_wide.loc[2023, 'Personal remittances received']:.1f} billion, "
                 f"{rem_fdi_2023:.0f} times FDI net inflows of US${nat_wide.loc[2023, 'FDI, net inflows']:.1f} billion. "
                 f"FDI peaked in {int(nat_wide['FDI, net inflows'].idxmax())}."),
    source=source_line(["wdi-pakistan-2025-01"], sources),
    data=fig4_data, tables=["assets_wdi"],
    note=("World Bank series, calendar years: FDI net inflows (BoP), personal remittances received, net ODA received "
          "(to 2022 in this vintage). From all countries, not only the United States."),
    how_to="Switch to % of GDP, then untick remittances to compare FDI with aid.",
)
""")

md("""
The World Bank series tell the same story at national scale. Net ODA was the largest of the
three in the 1960s and early 1970s; remittances overtook it in 1977, as Pakistani workers went
to the Gulf, and have been larger in every year since except 2001. They sagged from the
mid-1980s to 2000, and since 2002 they have grown almost without pause, to about US$31 billion in 2021 and US$26.6 billion in 2023, about 8% of GDP. FDI has
never been more than a few per cent of GDP: it peaked in 2007, at about US$5.6 billion, and was about
US$2 billion in 2023, some thirteen times smaller than remittances.

## Energy: gas running down, LNG and crude filling the gap

Energy is the other asset the new partnership talks about: American LNG and crude for
Pakistan, American companies for Pakistan's fields. The data show a country whose own gas is
running down. Pakistan's proved gas reserves, as the Energy Institute recorded them, peaked in
2005 and had fallen by about two fifths by 2020, the last year it published reserves.
Production peaked in 2012, at about 36.6 bcm, and by 2023 had fallen by about a quarter. Since 2015 Pakistan has
imported LNG to fill the gap, about a quarter of its gas use, almost all of it from Qatar.
""")

code("""
gas = flows.gas_balance(energy)
g = gas.set_index("year")
print(f"Reserves: {g.loc[2005, 'reserves_tcm']:.3f} Tcm (2005) -> {g.loc[2020, 'reserves_tcm']:.3f} Tcm (2020), "
      f"{g.loc[2020, 'reserves_tcm'] / g.loc[2005, 'reserves_tcm'] - 1:.0%}; R/P {g.loc[2020, 'reserves_to_production_years']:.1f} years")
print(f"Production: {g.loc[2010, 'production_bcm']:.2f} bcm (2010) -> {g.loc[2023, 'production_bcm']:.2f} bcm (2023), "
      f"{g.loc[2023, 'production_bcm'] / g.loc[2010, 'production_bcm'] - 1:.0%}")
print(f"LNG 2023: {g.loc[2023, 'lng_bcm']:.2f} bcm, {g.loc[2023, 'lng_share_of_use']:.1%} of consumption")
lng = flows.lng_by_source(energy)
lng.round(3)
""")

code("""
GAS_SERIES = {"production_bcm": "Domestic production", "lng_bcm": "LNG imports", "consumption_bcm": "Consumption",
              "reserves_tcm": "Proved reserves"}
fig5_data = gas.melt(id_vars="year", value_vars=list(GAS_SERIES), var_name="series_key", value_name="value").dropna()
fig5_data = fig5_data[fig5_data["year"] >= 1970]
fig5_data["series"] = fig5_data["series_key"].map(GAS_SERIES)
fig5_data["unit"] = fig5_data["series_key"].map(lambda k: "Tcm" if k == "reserves_tcm" else "bcm")
fig5_data["view"] = fig5_data["series_key"].map(lambda k: "reserves" if k == "reserves_tcm" else "supply")
gas_view = alt.param(name="gas_view", value="supply", bind=alt.binding_radio(
    options=["supply", "reserves"], labels=["Supply and use (bcm a year)", "Proved reserves (Tcm)"], name="Show: "))
gas_lng = alt.param(name="gas_lng", value=True, bind=alt.binding_checkbox(name="Include LNG imports"))
gas_x = alt.X("year:Q", title="Calendar year", axis=alt.Axis(format="d", tickCount=6), scale=alt.Scale(domain=[1970, 2023]))
gas_color = alt.Color("series:N", title=None, legend=alt.Legend(orient="bottom", columns=2),
                      scale=alt.Scale(domain=list(GAS_SERIES.values()), range=[theme.OKABE_ITO["green"], theme.OKABE_ITO["orange"],
                                                                               "#333333", theme.OKABE_ITO["blue"]]))
gas_tip = [alt.Tooltip("series:N", title="Series"), alt.Tooltip("year:Q", title="Year", format="d"),
           alt.Tooltip("value:Q", title="Value", format=",.3f"), alt.Tooltip("unit:N", title="Unit")]
gas_area = alt.Chart(fig5_data).transform_filter(
    "gas_view == 'supply' && (datum.series_key == 'production_bcm' || (datum.series_key == 'lng_bcm' && gas_lng))"
).transform_calculate(order="datum.series_key == 'production_bcm' ? 0 : 1").mark_area(opacity=0.85).encode(
    x=gas_x, y=alt.Y("value:Q", title=None, stack="zero"), color=gas_color, order=alt.Order("order:Q"), tooltip=gas_tip)
gas_use = alt.Chart(fig5_data).transform_filter("gas_view == 'supply' && datum.series_key == 'consumption_bcm'").mark_line(
    strokeWidth=2, strokeDash=[5, 3]).encode(x=gas_x, y="value:Q", color=gas_color, tooltip=gas_tip)
gas_res = alt.Chart(fig5_data).transform_filter("gas_view == 'reserves' && datum.series_key == 'reserves_tcm'").mark_line(
    strokeWidth=2, point=True).encode(x=gas_x, y="value:Q", color=gas_color, tooltip=gas_tip)
gas_unit = alt.Chart().mark_text(align="left", baseline="bottom", x=0, y=-8, fontSize=12, fontWeight=600, color="#333",
                                 text=alt.expr("gas_view == 'supply' ? 'Billion cubic metres a year' : 'Trillion cubic metres (EI stopped in 2020)'"))
fig5 = alt.layer(gas_area, gas_use, gas_res, gas_unit).add_params(gas_view, gas_lng).properties(width=330, height=260)
Figure(
    fig5, id="assets-gas",
    title="Pakistan's natural gas: production, LNG imports, consumption and reserves",
    description=(f"Areas of domestic production and LNG imports under a dashed consumption line, or a line of proved "
                 f"reserves. Reserves fell from {g.loc[2005, 'reserves_tcm']:.3f} Tcm in 2005 to {g.loc[2020, 'reserves_tcm']:.3f} "
                 f"Tcm in 2020; production fell from {g.loc[2010, 'production_bcm']:.1f} bcm in 2010 to "
                 f"{g.loc[2023, 'production_bcm']:.1f} bcm in 2023; LNG covered {g.loc[2023, 'lng_share_of_use']:.0%} of use in 2023."),
    source=source_line(["ei-statistical-review-2024"], sources),
    data=fig5_data, tables=["assets_energy"],
    note=("Energy Institute, calendar years. The EI workbook prints 0 for Pakistan's 2016 production (a gap, not a real "
          "zero), so 2016 is left out. EI published reserves only to 2020 and gives no oil reserves for Pakistan."),
    how_to="Untick LNG to see the gap between what Pakistan produces and what it uses; switch to reserves to see the stock.",
)
""")

md("""
The reserves-to-production ratio fell from about 21 years in 2005 to about 13 in 2020: at the
2020 rate of output, the gas known in 2020 would last into the early 2030s unless new
discoveries are made. That is the sense in which Pakistan's gas is "running down". It is not a
forecast: discoveries and revisions add to reserves every year, and the Energy Institute's
table has stopped.

Where does the LNG come from? In 2023 Qatar supplied 87.6% of Pakistan's 10.1 bcm;
Nigeria, Indonesia, Oman and Egypt supplied smaller amounts. The United States supplied
0.084 bcm, 0.8% of the total.
""")

code("""
lng_mode = alt.param(name="lng_mode", value="bcm", bind=alt.binding_radio(
    options=["bcm", "share"], labels=["bcm", "Share of LNG imports"], name="Show: "))
lng_small = alt.param(name="lng_small", value=True, bind=alt.binding_checkbox(name="Include suppliers under 1%"))
fig6_data = lng.assign(is_us=lng["partner"] == "United States", year=2023)
fig6 = alt.Chart(fig6_data).transform_filter("lng_small || datum.share >= 0.01").transform_calculate(
    amount="datum[lng_mode]").mark_bar().encode(
    y=alt.Y("partner:N", title=None, sort=alt.EncodingSortField("bcm", order="descending")),
    x=alt.X("amount:Q", title="bcm, or share of imports (as chosen)"),
    color=alt.Color("is_us:N", title=None, scale=alt.Scale(domain=[True, False], range=[theme.OKABE_ITO["blue"], theme.OKABE_ITO["orange"]]),
                    legend=alt.Legend(orient="bottom", labelExpr="datum.value ? 'United States' : 'Other exporters'")),
    tooltip=[alt.Tooltip("partner:N", title="Exporter"), alt.Tooltip("bcm:Q", title="bcm", format=".3f"),
             alt.Tooltip("share:Q", title="Share", format=".1%")],
).add_params(lng_mode, lng_small).properties(width=260, height=200)
Figure(
    fig6, id="assets-lng-sources",
    title="Where Pakistan's LNG came from in 2023",
    description=(f"Bars by exporting country. Qatar {lng.iloc[0]['share']:.1%} of {lng['bcm'].sum():.1f} bcm; the United States "
                 f"{lng.set_index('partner').loc['United States', 'bcm']:.3f} bcm "
                 f"({lng.set_index('partner').loc['United States', 'share']:.1%})."),
    source=source_line(["ei-statistical-review-2024"], sources),
    data=fig6_data, tables=["assets_energy"],
    note="Energy Institute LNG trade matrix, 2023, Pakistan as importer; exporters with no shipments left out.",
    how_to="Untick the small suppliers: the US drops out.",
)
""")

md("""
### Crude oil: mostly imported, and now a few American cargoes

Pakistan refines more crude than it produces. The Finance Division's tables give local
extraction and imports of crude in thousands of barrels by fiscal year. In FY2022, the last
full year in the table, domestic crude was about 24% of the total; the last two columns,
FY2023 and FY2024, appear to cover July–March only and are drawn paler. On 29 October 2025
the first cargo of American crude, about a million barrels of West Texas Intermediate bought by
the refiner Cnergyico from the trader Vitol, arrived at Cnergyico's offshore mooring in
Balochistan, as Dawn reported {cite:p}`dawn-2025-10-29-us-crude`; a second arrived in
November {cite:p}`energyupdate-2025-11-us-crude`. These are press reports, not customs
statistics: no official figure for US crude exports to Pakistan was found. Two million barrels
is about 2% of a year of Pakistan's crude imports in FY2022.
""")

code("""
crude = flows.crude_balance(energy)
cargoes = energy[energy["series"] == "us_crude_cargo"][["partner", "value", "unit", "note", "source_id"]]
print(f"FY2022: domestic {crude.set_index('fiscal_year').loc[2022, 'domestic_share']:.1%} of crude supply; "
      f"two US cargoes = {cargoes['value'].sum() / crude.set_index('fiscal_year').loc[2022, 'imports_kbbl']:.1%} of FY2022 imports")
cargoes
""")

code("""
fig7_data = crude.melt(id_vars=["fiscal_year", "partial", "domestic_share"], value_vars=["extraction_kbbl", "imports_kbbl"],
                       var_name="series_key", value_name="kbbl")
fig7_data["series"] = fig7_data["series_key"].map({"extraction_kbbl": "Domestic extraction", "imports_kbbl": "Crude imports"})
fig7_data["share"] = fig7_data["kbbl"] / fig7_data.groupby("fiscal_year")["kbbl"].transform("sum")
cargo_rows = pd.DataFrame({"fiscal_year": 2026, "partial": True, "domestic_share": float("nan"), "series_key": "us_cargo",
                           "kbbl": cargoes["value"].sum(), "series": "US cargoes, Oct–Nov 2025 (press reports)",
                           "share": float("nan")}, index=[0])
fig7_data = pd.concat([fig7_data, cargo_rows], ignore_index=True)
CRUDE_SERIES = ["Domestic extraction", "Crude imports", "US cargoes, Oct–Nov 2025 (press reports)"]
crude_mode = alt.param(name="crude_mode", value="kbbl", bind=alt.binding_radio(
    options=["kbbl", "share"], labels=["Thousand barrels", "Share of crude supply"], name="Show: "))
crude_partial = alt.param(name="crude_partial", value=True, bind=alt.binding_checkbox(name="Include July–March years (FY2023–24)"))
crude_cargo = alt.param(name="crude_cargo", value=True, bind=alt.binding_checkbox(name="Show the US cargoes (press reports)"))
crude_x = alt.X("fiscal_year:Q", title="Pakistan fiscal year (July–June, named by its end)", axis=alt.Axis(format="d", tickCount=6),
                scale=alt.Scale(domain=[1971.5, 2026.5]))
crude_bars = alt.Chart(fig7_data).transform_filter(
    "(datum.series_key != 'us_cargo' || (crude_cargo && crude_mode == 'kbbl')) && (crude_partial || !datum.partial || datum.series_key == 'us_cargo')"
).transform_calculate(amount="datum[crude_mode]", order=f"indexof({CRUDE_SERIES}, datum.series)").mark_bar(width=4).encode(
    x=crude_x, y=alt.Y("amount:Q", title=None, stack="zero"),
    color=alt.Color("series:N", title=None, legend=alt.Legend(orient="bottom", columns=1, labelLimit=330),
                    scale=alt.Scale(domain=CRUDE_SERIES, range=[theme.OKABE_ITO["green"], theme.OKABE_ITO["orange"], theme.OKABE_ITO["blue"]])),
    order=alt.Order("order:Q"), opacity=alt.condition("datum.partial && datum.series_key != 'us_cargo'", alt.value(0.45), alt.value(1)),
    tooltip=[alt.Tooltip("fiscal_year:Q", title="Fiscal year", format="d"), alt.Tooltip("series:N", title="Series"),
             alt.Tooltip("kbbl:Q", title="Thousand barrels", format=",.0f"), alt.Tooltip("share:Q", title="Share", format=".1%"),
             alt.Tooltip("partial:N", title="Part year")])
crude_unit = alt.Chart().mark_text(align="left", baseline="bottom", x=0, y=-8, fontSize=12, fontWeight=600, color="#333",
                                   text=alt.expr("crude_mode == 'kbbl' ? 'Thousand barrels a year' : 'Share of crude supply'"))
fig7 = alt.layer(crude_bars, crude_unit).add_params(crude_mode, crude_partial, crude_cargo).properties(width=330, height=260)
c22 = crude.set_index("fiscal_year").loc[2022]
Figure(
    fig7, id="assets-crude",
    title="Crude oil: Pakistan's own extraction against imports, FY1972–FY2024, and the first US cargoes",
    description=(f"Stacked bars by fiscal year. Imports have exceeded domestic extraction in almost every year; in FY2022 "
                 f"domestic crude was {c22['domestic_share']:.0%} of {(c22['extraction_kbbl'] + c22['imports_kbbl']) / 1000:.0f} "
                 f"million barrels. The two US cargoes of October–November 2025, about a million barrels each, are press reports."),
    source=source_line(["pak-finance-energy-2025", "dawn-2025-10-29-us-crude", "energyupdate-2025-11-us-crude"], sources),
    data=fig7_data, tables=["assets_energy"],
    note=("Finance Division, Pakistan Economic Survey tables. FY2023 and FY2024 (pale) appear to be July–March only. The "
          "FY2026 bar is two press-reported US cargoes, not an annual total; no official statistic of US crude exports "
          "to Pakistan was found."),
    how_to="Switch to shares to see how little of Pakistan's crude is its own.",
)
""")

md("""
**What the data cannot say.** No table of Pakistan's proved *oil* reserves was found for this
book. The Energy Institute does not list Pakistan separately for oil (it sits in "Other Asia
Pacific"), and no copy of a table from the US Energy Information Administration, the *Oil &
Gas Journal* or Pakistan's Petroleum Division could be obtained. So this chapter cannot test a
claim that Pakistan has "massive oil reserves" against a reserves figure. What it can show is
the flow: in FY2019–FY2022 Pakistan extracted about 27–32 million barrels of crude a year and
imported roughly twice to three times as much, and its refineries depend on imports. A country sitting on large *proved*
reserves would not normally look like that, but an undiscovered or unproved resource would not
show up in these numbers either. The claims check returns to this.

(assets-answers)=
## The four questions, answered

The cell below gathers the chapter's answers in one table, computed from the tables above.
""")

code("""
us_fdi_share = {p: ranked[p].set_index("country").loc["United States", "share"] for p in PERIODS}
rem_jul_mar_25 = remit[(remit["vintage"] == "easydata-2025-04") & (remit["corridor"] == "usa")
                       & (remit["fiscal_year"] == 2025)]["value_musd"].sum()
answers = pd.DataFrame([
    ("Largest flow since 2001", "US imports of Pakistani goods, every year 2001–2024",
     f"US${wide.loc[2024, 'us_imports']:,.0f}m in 2024"),
    ("When the order changed", "; ".join(f"{y}: {a[1]} > {a[2]} became {b[1]} > {b[2]}" for y, a, b in changes),
     "aid overtook remittances in 2002 and 2010–11"),
    ("Remittances from the US vs US aid, FY2023", f"{ratio_2023:.1f} times", "Pakistan FY vs US FY"),
    ("Gulf share of remittances, FY2025", f"{gulf[2025]:.0%}", f"US {shares.loc[2025, 'usa']:.1%}, UK {shares.loc[2025, 'uk']:.1%}"),
    ("US share of Pakistan's net FDI", f"{us_fdi_share['jul_mar_fy2025']:.1%} (Jul–Mar FY2025)",
     f"{us_fdi_share['jul_mar_fy2026']:.2%} (Jul–Mar FY2026, provisional)"),
    ("Remittances from the US vs US net FDI, Jul–Mar FY2025", f"{rem_jul_mar_25 / wide.loc[2025, 'us_fdi']:.0f} times",
     f"US${rem_jul_mar_25:,.1f}m vs US${wide.loc[2025, 'us_fdi']:.1f}m"),
    ("Gas reserves 2005–2020", f"{g.loc[2020, 'reserves_tcm'] / g.loc[2005, 'reserves_tcm'] - 1:.0%}", "Energy Institute"),
    ("LNG share of gas use, 2023; US share of LNG", f"{g.loc[2023, 'lng_share_of_use']:.1%}",
     f"US {lng.set_index('partner').loc['United States', 'share']:.1%}"),
    ("Domestic share of crude supply, FY2022", f"{c22['domestic_share']:.1%}", "Finance Division"),
], columns=["question", "answer", "detail"])
with pd.option_context("display.max_colwidth", None):
    display(answers)
""")

md("""
So the relationship, measured, looks less like a move "from aid to assets" than like a move
from aid to *people*. The flow that grew while aid shrank is not American investment in
Pakistan but Pakistani earnings in America: trade in goods Pakistan makes and money that its
emigrants send. US direct investment is tiny and, over the periods recorded, was barely
positive once outflows are counted; US portfolio investors were selling. In energy, the United
States is a new and marginal supplier of crude and LNG to a country whose own gas is running
down. None of this says the promises of 2025 cannot come true. It says how far they would have
to go: to match remittances from the United States, American direct investment would have to
grow more than a hundredfold.
""")

md("""
## Exercises

The exercises go from reading the figures above to changing the chapter's code and extending it.
Level 1 needs only the published page; levels 2 and 3 need the notebook (download it with the
button at the top of the page, or open it in JupyterLab). Every exercise has a worked solution,
folded away: try first, then open it.
""")

md("""
```{exercise-start} Level 1 · Reading a figure: the largest flow
:label: assets-ex-1
```
""")
md("""
In the figure *The flows between the US and Pakistan*, untick "US imports from Pakistan".

1. In which years was US aid larger than remittances from the United States?
2. Switch the measure to "% of Pakistan's GDP". About what share of GDP were remittances from the
   United States in 2023?
""")
md("""
```{exercise-end}
```
""")
md("""
```{solution-start} assets-ex-1
:label: assets-sol-1
:class: dropdown
```
""")
code("""
assets_ex1 = bilateral.pivot_table(index="year", columns="flow", values="value_musd").dropna(subset=["us_aid", "us_remittances"])
print("Aid above remittances in:", list(assets_ex1.index[assets_ex1["us_aid"] > assets_ex1["us_remittances"]]))
assets_ex1_share = bilateral[(bilateral["flow"] == "us_remittances") & (bilateral["year"] == 2023)]["share_of_gdp"].iloc[0]
print(f"Remittances from the US in FY2023: {assets_ex1_share:.2f}% of 2023 GDP")
""")
md("""
Aid exceeded remittances only in 2002, 2010 and 2011, the peaks of two aid surges. Remittances
from the United States are about 1% of Pakistan's GDP; every US flow is small against the whole
economy.
""")
md("""
```{solution-end}
```
""")

md("""
```{exercise-start} Level 1 · Reading a figure: the break
:label: assets-ex-2
```
""")
md("""
In *Workers' remittances to Pakistan by sending country*, switch to "Share of the total".

1. What was the US share in FY2019 and in FY2020? What happened to the total between those years?
2. Why would it be wrong to say that "remittances from America collapsed in 2019–20"?
""")
md("""
```{exercise-end}
```
""")
md("""
```{solution-start} assets-ex-2
:label: assets-sol-2
:class: dropdown
```
""")
code("""
assets_ex2 = by_fy.loc[[2019, 2020], ["usa", "total"]].assign(us_share=lambda d: d["usa"] / d["total"])
assets_ex2.round(3)
""")
md("""
The US share falls from about 15% to about 7.5% while the total rises by about US$1.4 billion.
SBP changed how it attributes remittances in July 2019, to the country of the original
remitter; the two sides of the break measure different things, so the drop is a change of
method, not a change in what Pakistanis in America sent.
""")
md("""
```{solution-end}
```
""")

md("""
```{exercise-start} Level 2 · Changing a query: the investors
:label: assets-ex-3
```
""")
md("""
The cell below lists the five largest sources of net FDI in July–March FY2025. Change it to answer:

1. Which five countries had the largest *gross* FDI inflow in July–March FY2026?
2. What was the US *net portfolio* investment in each period, and what does its sign mean?
""")
code("""
flows.fdi_by_country(fdi, "jul_mar_fy2025", measure="fdi_net").head(5)
""")
md("""
```{exercise-end}
```
""")
md("""
```{solution-start} assets-ex-3
:label: assets-sol-3
:class: dropdown
```
""")
code("""
print(flows.fdi_by_country(fdi, "jul_mar_fy2026", measure="fdi_inflow").head(5).round(1).to_string(index=False))
assets_ex3 = fdi[(fdi["country"] == "United States") & (fdi["measure"] == "fpi_net")][["period", "value_musd"]]
assets_ex3.round(1)
""")
md("""
China leads gross inflows as it leads net FDI. US net portfolio investment was negative in both
periods (about −US$112 million and −US$257 million): US investors sold more Pakistani shares
and bonds than they bought. Portfolio flows are not direct investment, and they swamp it.
""")
md("""
```{solution-end}
```
""")

md("""
```{exercise-start} Level 2 · Changing a query: reserves to production
:label: assets-ex-4
```
""")
md("""
The reserves-to-production ratio in `gas` is reserves (converted to bcm) divided by that year's
production. Change the cell to answer:

1. In which year between 1980 and 2020 was the ratio highest, and what was it?
2. If production had stayed at its 2020 level, in about which year would the reserves known in
   2020 run out?
""")
code("""
gas[["year", "reserves_tcm", "production_bcm", "reserves_to_production_years"]].dropna().tail(5).round(2)
""")
md("""
```{exercise-end}
```
""")
md("""
```{solution-start} assets-ex-4
:label: assets-sol-4
:class: dropdown
```
""")
code("""
assets_ex4 = gas.dropna(subset=["reserves_to_production_years"]).set_index("year")["reserves_to_production_years"]
print(f"Highest: {int(assets_ex4.idxmax())}, {assets_ex4.max():.1f} years")
print(f"2020: {assets_ex4[2020]:.1f} years -> about {2020 + assets_ex4[2020]:.0f}")
""")
md("""
The ratio has fallen for most of the period since its peak, because production rose faster
than reserves were replaced. At the 2020 rate the 2020 reserves would last until about 2033, but
the ratio is not a forecast: new discoveries and revisions change reserves each year.
""")
md("""
```{solution-end}
```
""")

md("""
```{exercise-start} Level 3 · Extending the analysis: remittances against aid, all countries
:label: assets-ex-5
```
""")
md("""
Extend the analysis: with the World Bank table `national`, compute for every year the ratio of
personal remittances to net ODA received by Pakistan, and find the first year after which
remittances were larger than aid in every later year. Draw the ratio as a line with a log scale.
The starter cell makes the wide table.
""")
code("""
national.pivot_table(index="year", columns="flow", values="usd_bn").dropna().head()
""")
md("""
```{exercise-end}
```
""")
md("""
```{solution-start} assets-ex-5
:label: assets-sol-5
:class: dropdown
```
""")
code("""
assets_ex5 = national.pivot_table(index="year", columns="flow", values="usd_bn").dropna()
assets_ex5["ratio"] = assets_ex5["Personal remittances received"] / assets_ex5["Net official development assistance received"]
below = assets_ex5.index[assets_ex5["ratio"] <= 1]
print("Remittances above aid in every year from", int(below.max()) + 1 if len(below) else int(assets_ex5.index.min()))
assets_ex5_line = alt.param(name="ex5_line", value=1, bind=alt.binding_range(min=1, max=20, step=1,
                                                                          name="Reference line at ratio: "))
assets_ex5_points = alt.param(name="ex5_points", value=False, bind=alt.binding_checkbox(name="Show a point per year"))
assets_ex5_chart = alt.layer(
    alt.Chart(assets_ex5.reset_index()[["year", "ratio"]]).mark_line(color=theme.OKABE_ITO["green"], strokeWidth=2).encode(
        x=alt.X("year:Q", title="Calendar year", axis=alt.Axis(format="d")),
        y=alt.Y("ratio:Q", scale=alt.Scale(type="log"), title="Remittances ÷ net ODA (log scale)")),
    alt.Chart(assets_ex5.reset_index()[["year", "ratio"]]).transform_filter("ex5_points").mark_point(
        color=theme.OKABE_ITO["green"], filled=True, size=20).encode(
        x="year:Q", y="ratio:Q", tooltip=[alt.Tooltip("year:Q", format="d"), alt.Tooltip("ratio:Q", format=".2f")]),
    alt.Chart(pd.DataFrame({"k": [0]})).transform_calculate(at="ex5_line").mark_rule(color="#333", strokeDash=[4, 3]).encode(
        y=alt.Y("at:Q", scale=alt.Scale(type="log"))),
).add_params(assets_ex5_line, assets_ex5_points).properties(width=330, height=220)
Figure(
    assets_ex5_chart, id="assets-sol-remittances-to-aid",
    title="Pakistan: personal remittances received as a multiple of net ODA, 1976–2022",
    description=(f"A line of the ratio on a log scale. It passes 1 in 1977, dips below it in 2001 and reaches "
                 f"{assets_ex5['ratio'].max():.0f} in {int(assets_ex5['ratio'].idxmax())}."),
    source=source_line(["wdi-pakistan-2025-01"], sources),
    data=assets_ex5.reset_index()[["year", "ratio"]], tables=["assets_wdi"],
    how_to="Move the reference line to 10: since when have remittances been ten times aid?",
)
""")
md("""
Remittances have exceeded aid in every year since 1977 except 2001, so the answer is 2002; by
the 2020s they were more than ten times net ODA. A log scale shows ratios evenly: a doubling
looks the same wherever it happens.
""")
md("""
```{solution-end}
```
""")

md("""
### Discussion questions

1. Remittances from the United States are more than ten times US aid. Should a government count
   its diaspora's remittances as part of a "partnership"? What can a government do, and not do,
   to increase them?
2. The SBP method change moved money from the US column to the Gulf columns. Which column was
   "right" before 2019? What would you need to know to decide?
3. A memorandum promises US$500 million of investment. Figure 3 shows US net FDI of about
   US$20 million in nine months. What would you watch in the next SBP releases to see whether
   the promise is being kept?
4. Pakistan imports most of its crude and a quarter of its gas. Does buying American crude and
   LNG make the relationship more like a partnership, or simply make Pakistan a customer?
""")

md("""
## Explorer: pick the flows and the years
""")
md("""
```{admonition} This explorer needs a live Python kernel
:class: note
The widgets below run Python each time you move them, so they work only when this chapter is
opened as a notebook (JupyterLab, Colab or Binder); on the published site they are not shown.
The first figure above offers the same choices in your browser.
```
""")
code("""
from aid2assets.explorers.assets import FlowsExplorer

explorer = FlowsExplorer(bilateral)
explorer
""", tags=["remove-output"])
md("""
Running the notebook yourself? Tick the flows you want, pick a range of years and a measure
(US$ million or % of GDP), and the explorer draws the lines and prints the table beneath them,
with the fiscal-year basis of each flow in its name. The arithmetic is in
`aid2assets/flows.py`.

## Sources and caveats

Remittances come from the State Bank of Pakistan's EasyData dataset "Country-wise Workers'
Remittances" {cite:p}`sbp-easydata-remittances-2025-04`, read in a CSV export refreshed in
April 2025, and from an August 2026 republication of the same series by an independent
dashboard {cite:p}`sbp-remittances-dashboard-2026-08`. Foreign investment by country is SBP's
Netinflow table of March 2026 {cite:p}`sbp-fdi-by-country-2026-03`. National series come from
the World Bank's World Development Indicators {cite:p}`wdi-pakistan-2025-01`; energy from the
Energy Institute's *Statistical Review of World Energy 2024* {cite:p}`ei-statistical-review-2024`
and the Finance Division's Economic Survey tables {cite:p}`pak-finance-energy-2025`. US aid and
trade are the ForeignAssistance.gov and Census tables of the aid and trade chapters
{cite:p}`fagov-country-2025-11,census-country-trade-2025-04`. Copies were read from public
repositories; `data/sources.csv` names each file and commit.

Main caveats:

- **The July 2019 break.** Country figures for remittances before and after July 2019 measure
  different things. The charts mark the break; no trend is drawn across it.
- **Fiscal years differ.** Aid is by US fiscal year, trade by calendar year, remittances and
  SBP investment by Pakistan's fiscal year. Ratios between them are approximate.
- **Part years and provisional figures.** SBP's FDI by country is July–March only, and FY2026
  is provisional. The Finance Division's last two columns appear to be July–March. The latest
  aid year in the ForeignAssistance.gov download was still being reported. The World Bank
  vintage ends in 2023 (aid in 2022).
- **Net investment hides gross flows.** A small net figure can hide large flows in both
  directions. Portfolio flows are not FDI.
- **Third-party copies.** The SBP, World Bank and Energy Institute files were read in copies
  kept by other projects; the checksums are in the source notes. The Energy Institute workbook
  prints a zero for Pakistan's 2016 gas output, which the book treats as a gap.
- **No oil reserves.** No reserves table for Pakistan's oil was found; the chapter says so
  instead of filling the gap.
- **The US cargoes are press reports.** The volumes of the October and November 2025 crude
  cargoes are as reported by the press, not from customs or EIA statistics.
""")

nb = nbformat.v4.new_notebook()
nb.cells = cells
nb.metadata = {"kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
               "language_info": {"name": "python"}}
nbformat.write(nb, "chapters/assets.ipynb")
print(len(cells), "cells")
