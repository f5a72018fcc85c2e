"""Every number in the teacher's guide's answers is recomputed from data/ or allowlisted with a reason.

The guide (``teachers_guide.md``) gives, for each chapter, "Answers in brief": one bullet per
exercise. This test reads those bullets, finds every number in them (digits, and the number words
one to twenty), and requires each one to be either

* **checked**: a row of ``CHECKS`` finds it by its context (a regular expression whose groups
  capture the number) and recomputes it from ``data/`` through ``aid2assets.load`` and the
  package's functions, the same computation as the chapter's solution, formatted as the guide
  rounds it; or
* **allowed**: a row of ``ALLOWED`` finds it and says why it needs no data (a year, period, day or
  input that the question itself names, a price base, a press figure the book has not stored, ...).

A number that is neither fails the test, so a new number written into the guide must be held too;
a check or allowlist row that no longer finds its words fails too, so none can go stale silently.

An answer's chapter is the chapter page its section links to (or its heading); its exercise is the
number in the exercise label of its bullet (``{ref}`diplomacy-ex-3```, ``{numref}`...```, whatever
role refers to it), or, with no label, its place in the list. MyST roles and plain "Exercise N",
"Figure N" and "Solution N" words are taken out before numbers are read, so numbering the
references does not disturb the checks.

Run ``python tests/test_teachers_guide_numbers.py`` for the inventory: every number with its status.
"""

from __future__ import annotations

import functools
import re
import shutil
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

import pandas as pd
import pytest

from aid2assets import flows, load
from aid2assets.claims import check_all, check_tariff, load_tables, lowest_spells
from aid2assets.explorers.minerals import Assumptions, npv
from aid2assets.tariffs import rate_on, rates_on, step_series
from aid2assets.paths import data_dir
from aid2assets.since_then import CUTOFF, aid_by_year, dated_facts

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "teachers_guide.md"

# ---------------------------------------------------------------------------------------------
# Reading the guide
# ---------------------------------------------------------------------------------------------

# The chapter page each section of the guide links to, and the prefix of its exercise labels.
CHAPTER_PREFIX = {"overview": "overview", "aid_history": "aid", "trade_tariffs": "trade", "minerals": "minerals",
                  "assets": "assets", "diplomacy": "diplomacy", "claims_check": "claims", "since_then": "since"}
CHAPTER_HEADING = {"from aid to assets": "overview", "aid history": "aid", "tariffs and trade": "trade",
                   "minerals": "minerals", "the assets": "assets", "diplomacy": "diplomacy", "claims check": "claims",
                   "since then": "since"}
ANSWERS_PER_CHAPTER = {"overview": 3, "aid": 5, "trade": 5, "minerals": 5, "assets": 5, "diplomacy": 5,
                       "claims": 3, "since": 4}

ROLE = re.compile(r"\{[a-z][a-z:-]*\}`[^`]*`")                     # {ref}`...`, {numref}`...`, {doc}`...`
PLAIN_REFERENCE = re.compile(r"\b(?:Exercise|Figure|Solution)s? \d+(?:\.\d+)*(?:(?:,| and) \d+(?:\.\d+)*)*")
LABEL = re.compile(r"\b([a-z]+)-ex-(\d+)\b")
DIGITS = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
NUMBER_WORD = re.compile(r"\b(?:" + "|".join(WORDS) + r"|half|twice|dozens?|hundreds?|thousands?)\b", re.I)


def answers(text: str) -> dict[str, str]:
    """{'diplomacy-3': the answer's words, one line, roles and plain references taken out}."""
    found: dict[str, str] = {}
    for section in re.split(r"(?m)^## ", text)[1:]:
        block = re.search(r"\*\*Answers in brief\.\*\*\s*\n((?:[ \t]*\n)*(?:- .*\n?(?:[ \t]+\S.*\n?)*)+)", section)
        if not block:
            continue
        doc = re.search(r"\{doc\}`chapters/(\w+)`", section)
        heading = section.splitlines()[0].lower()
        by_heading = [prefix for words, prefix in CHAPTER_HEADING.items() if words in heading]
        section_prefix = CHAPTER_PREFIX[doc.group(1)] if doc else by_heading[0] if by_heading else None
        for place, item in enumerate(re.split(r"(?m)^- ", block.group(1))[1:], start=1):
            line = " ".join(item.split())
            label = LABEL.search(line)   # the exercise's label, whatever role refers to it
            prefix = section_prefix or (label.group(1) if label else None)
            number = int(label.group(2)) if label else place
            assert prefix is not None, f"teachers_guide.md: cannot tell which chapter this answer is for: {line[:80]}"
            words = PLAIN_REFERENCE.sub("", ROLE.sub("", line))
            found[f"{prefix}-{number}"] = " ".join(words.split())
    return found


def number_spans(text: str) -> list[tuple[int, int]]:
    """Where the numbers are: digit runs (1,234.5 is one number) and number words."""
    spans = [m.span() for m in DIGITS.finditer(text)] + [m.span() for m in NUMBER_WORD.finditer(text)]
    return sorted(spans)


# ---------------------------------------------------------------------------------------------
# The data, computed as each chapter computes it (one cached bundle per data folder)
# ---------------------------------------------------------------------------------------------

class Data:
    """The tables of one data folder and the chapters' derived tables, built on first use."""

    def __init__(self, root: Path | None = None):
        self.root = root

    @functools.cache
    def table(self, name: str) -> pd.DataFrame:
        return load(name, self.root)

    # -- overview -------------------------------------------------------------------------------
    @functools.cached_property
    def overview_by_year(self) -> pd.DataFrame:
        greenbook, fagov, trade = self.table("aid_greenbook"), self.table("aid_foreignassistance"), \
            self.table("trade_us_goods_annual")
        gb = greenbook[(greenbook["country_iso3"] == "PAK") & (greenbook["period"] == "year")]
        gb = gb.groupby("fiscal_year", as_index=False)["obligations_current_usd"].sum()
        gb = gb[gb["fiscal_year"] >= 1948]
        fa = fagov[(fagov["country_iso3"] == "PAK") & (fagov["transaction_type"] == "obligations")
                   & (fagov["download"] == "2025-11") & (fagov["period"] == "year") & (fagov["fiscal_year"] >= 2021)]
        aid = pd.concat([pd.DataFrame({"year": gb["fiscal_year"], "aid_musd": gb["obligations_current_usd"] / 1e6}),
                         pd.DataFrame({"year": fa["fiscal_year"], "aid_musd": fa["current_usd"] / 1e6})])
        aid["year"] = aid["year"].astype(int)
        aid["aid_musd"] = aid["aid_musd"].round(1)
        goods = trade[trade["country_iso3"] == "PAK"].rename(
            columns={"us_exports_musd": "exports_musd", "us_imports_musd": "imports_musd"})
        goods = goods.assign(year=goods["year"].astype(int))[["year", "exports_musd", "imports_musd"]]
        return pd.DataFrame({"year": range(1948, 2026)}).merge(aid, on="year", how="left").merge(
            goods, on="year", how="left")

    # -- aid history ----------------------------------------------------------------------------
    @functools.cached_property
    def aid_recent(self) -> pd.DataFrame:
        """FY2021 on: ForeignAssistance.gov totals, constant dollars put on the Greenbook's 2020 base."""
        fagov = self.table("aid_foreignassistance")
        fa = fagov[(fagov["country_iso3"] == "PAK") & (fagov["transaction_type"] == "obligations")
                   & (fagov["download"] == "2025-11") & (fagov["period"] == "year")]
        fy2020 = fa[fa["fiscal_year"] == 2020].iloc[0]
        to_2020 = fy2020["current_usd"] / fy2020["constant_usd"]
        recent = fa[fa["fiscal_year"] >= 2021]
        return pd.DataFrame({"fiscal_year": recent["fiscal_year"].astype(int), "current_musd": recent["current_usd"] / 1e6,
                             "constant_musd": recent["constant_usd"] * to_2020 / 1e6})

    @functools.cached_property
    def aid_annual(self) -> pd.DataFrame:
        """Economic + military (Greenbook) and unsplit totals (FA.gov) per fiscal year, both bases."""
        greenbook = self.table("aid_greenbook")
        pak = greenbook[(greenbook["country_iso3"] == "PAK") & (greenbook["period"] == "year")]
        split = pd.DataFrame({"fiscal_year": pak["fiscal_year"].astype(int), "category": pak["category"],
                              "current_musd": pak["obligations_current_usd"] / 1e6,
                              "constant_musd": pak["obligations_constant_2020_usd"] / 1e6})
        recent = self.aid_recent.assign(category="unsplit")
        rows = pd.concat([split, recent], ignore_index=True)
        rows[["current_musd", "constant_musd"]] = rows[["current_musd", "constant_musd"]].round(3)
        return rows

    @functools.cache
    def aid_period(self, first: int, last: int, category: str) -> float:
        rows = self.aid_annual
        return rows[rows["fiscal_year"].between(first, last) & (rows["category"] == category)]["current_musd"].sum()

    @functools.cache
    def greenbook_bn(self, iso3: str, first: int, last: int, column="obligations_constant_2020_usd") -> float:
        gb = self.table("aid_greenbook")
        rows = gb[(gb["country_iso3"] == iso3) & (gb["period"] == "year") & gb["fiscal_year"].between(first, last)]
        return round(rows[column].sum() / 1e9, 2)

    @functools.cache
    def fagov_more_paid(self, iso3: str) -> list[int]:
        fagov = self.table("aid_foreignassistance")
        rows = fagov[(fagov["country_iso3"] == iso3) & (fagov["download"] == "2025-11") & (fagov["period"] == "year")
                     & fagov["fiscal_year"].between(2015, 2024)]
        wide = rows.pivot_table(index="fiscal_year", columns="transaction_type", values="current_usd")
        return [int(y) for y in wide.index[wide["disbursements"] > wide["obligations"]]]

    @functools.cached_property
    def pak_by_decade(self) -> pd.DataFrame:
        gb = self.table("aid_greenbook")
        rows = gb[(gb["country_iso3"] == "PAK") & (gb["period"] == "year") & gb["fiscal_year"].between(1950, 2019)]
        rows = rows.assign(decade=(rows["fiscal_year"] // 10 * 10).astype(int))
        return rows.groupby("decade")[["obligations_current_usd", "obligations_constant_2020_usd"]].sum().div(1e9).round(3)

    # -- trade ----------------------------------------------------------------------------------
    @functools.cache
    def trade_partner(self, iso3: str) -> pd.DataFrame:
        annual = self.table("trade_us_goods_annual")
        one = annual[annual["country_iso3"] == iso3]
        return one.assign(year=one["year"].astype(int), balance_musd=one["us_exports_musd"] - one["us_imports_musd"])

    @functools.cache
    def imports_index_2024(self, iso3: str) -> float:
        one = self.trade_partner(iso3).set_index("year")["us_imports_musd"]
        return round(100 * one[2024] / one[2000], 1)

    @functools.cache
    def duty_on_100(self, product_id: str, iso3: str, when: str) -> float:
        mfn = self.table("tariff_mfn_products").set_index("product_id")
        return round(float(mfn.loc[product_id, "mfn_ad_valorem_pct"]) + rate_on(self.table("tariff_rates_by_date"), iso3, when), 2)

    @functools.cache
    def instruments_on(self, iso3: str, day: pd.Timestamp) -> str:
        steps = step_series(self.table("tariff_rates_by_date"), [iso3], start="2025-01-01", end="2026-08-31")
        return steps.loc[(steps["start"] <= day) & (steps["end"] >= day), "instruments"].item()

    # -- minerals -------------------------------------------------------------------------------
    @functools.cached_property
    def minerals_world(self) -> pd.DataFrame:
        world = self.table("minerals_world")
        return world.assign(tonnes=world["value"] * world["unit"].map(lambda u: 1000 if u.startswith("kt") else 1))

    @functools.cached_property
    def minerals_latest(self) -> pd.DataFrame:
        """Per commodity and measure: the latest edition that gives country figures, its latest year."""
        world = self.minerals_world
        rows = world.dropna(subset=["tonnes"])
        rows = rows[~rows["country"].isin(MINERAL_TOTALS)]
        edition = rows.groupby(["commodity", "measure"])["edition"].max().reset_index()
        latest = world.merge(edition, on=["commodity", "measure", "edition"])
        return latest[latest["year"] == latest.groupby(["commodity", "measure"])["year"].transform("max")]

    @functools.cache
    def leader(self, commodity: str, measure: str) -> pd.Series:
        """The leading country's row in the latest edition, with its share of the world total."""
        rows = self.minerals_latest[(self.minerals_latest["commodity"] == commodity)
                                    & (self.minerals_latest["measure"] == measure)]
        world = rows.loc[rows["country"] == "World total (rounded)", "tonnes"].item()
        top = rows[~rows["country"].isin(MINERAL_TOTALS)].sort_values("tonnes", ascending=False).iloc[0]
        return pd.concat([top, pd.Series({"share": top["tonnes"] / world})])

    @functools.cached_property
    def top3(self) -> pd.DataFrame:
        """Top-three producers' share of world output, by commodity and year (latest edition per year)."""
        world = self.minerals_world
        producers = world[(world["measure"] == "production") & world["tonnes"].notna()]
        producers = producers[producers["edition"] == producers.groupby(["commodity", "year"])["edition"].transform("max")]
        records = []
        for (commodity, year), group in producers.groupby(["commodity", "year"]):
            total = group.loc[group["country"] == "World total (rounded)", "tonnes"]
            ranked = group[~group["country"].isin(MINERAL_TOTALS)].sort_values("tonnes", ascending=False)
            if total.empty or len(ranked) < 3:
                continue
            records.append({"commodity": commodity, "year": int(year), "share": ranked["tonnes"].head(3).sum() / total.iloc[0]})
        return pd.DataFrame(records)

    @functools.cache
    def mcs_production(self, commodity: str, year: int, country: str) -> dict[str, float]:
        world = self.minerals_world
        rows = world[(world["commodity"] == commodity) & (world["measure"] == "production") & (world["year"] == year)
                     & (world["country"] == country) & world["tonnes"].notna()]
        return dict(zip(rows["edition"], rows["tonnes"]))

    @functools.cached_property
    def china_shares(self) -> pd.DataFrame:
        latest = self.minerals_latest
        china = latest[latest["country"] == "China"][["commodity", "measure", "tonnes"]]
        world = latest[latest["country"] == "World total (rounded)"][["commodity", "measure", "tonnes"]]
        both = china.merge(world, on=["commodity", "measure"], suffixes=("_china", "_world"))
        both["share"] = (both["tonnes_china"] / both["tonnes_world"]).round(3)
        return both.dropna(subset=["share"]).sort_values("share", ascending=False)

    @functools.cached_property
    def sketch(self) -> Assumptions:
        return Assumptions.from_table(self.table("minerals_model_assumptions"))

    # -- assets ---------------------------------------------------------------------------------
    @functools.cached_property
    def bilateral(self) -> pd.DataFrame:
        t = self.table
        return flows.add_share_of_gdp(flows.bilateral_flows(t("assets_remittances_monthly"), t("aid_foreignassistance"),
                                                            t("trade_us_goods_annual"), t("assets_fdi_by_country")),
                                      t("assets_wdi"))

    @functools.cached_property
    def remittances_by_fy(self) -> pd.DataFrame:
        best = flows.remittances_best_fy(self.table("assets_remittances_monthly"))
        return best.pivot_table(index="fiscal_year", columns="corridor", values="value_musd")

    @functools.cache
    def us_portfolio(self, period: str) -> float:
        fdi = self.table("assets_fdi_by_country")
        return fdi[(fdi["country"] == "United States") & (fdi["measure"] == "fpi_net")
                   & (fdi["period"] == period)]["value_musd"].item()

    @functools.cached_property
    def gas_rp(self) -> pd.Series:
        gas = flows.gas_balance(self.table("assets_energy"))
        return gas.dropna(subset=["reserves_to_production_years"]).set_index("year")["reserves_to_production_years"]

    @functools.cached_property
    def remittances_to_oda(self) -> pd.Series:
        wide = flows.national_flows(self.table("assets_wdi")).pivot_table(index="year", columns="flow", values="usd_bn").dropna()
        return wide["Personal remittances received"] / wide["Net official development assistance received"]

    # -- diplomacy ------------------------------------------------------------------------------
    @functools.cached_property
    def timeline(self) -> pd.DataFrame:
        events = self.table("events")
        return events.assign(year=events["date"].str.slice(0, 4).astype(int))

    @functools.cache
    def category_counts(self, first: int, last: int) -> pd.Series:
        return self.timeline[self.timeline["year"].between(first, last)]["category"].value_counts()

    @functools.cache
    def category_rank(self, first: int, last: int, category: str) -> tuple[int, int]:
        """(count, rank) of a category in a window; tied categories share a rank (1, 1, 3, ...)."""
        counts = self.category_counts(first, last)
        count = int(counts.get(category, 0))
        return count, 1 + int((counts > count).sum())

    @functools.cached_property
    def trips(self) -> pd.DataFrame:
        visits = self.table("visits")
        return visits.assign(decade=visits["start_date"].dt.year // 10 * 10)

    @functools.cached_property
    def largest_imf(self) -> pd.Series:
        imf = self.table("imf_programs")
        return imf.loc[imf["agreed_sdr_m"].idxmax()]

    @functools.cached_property
    def events_per_decade(self) -> pd.Series:
        return self.timeline.groupby(self.timeline["year"] // 10 * 10).size()

    # -- claims ---------------------------------------------------------------------------------
    @functools.cached_property
    def claims(self) -> dict:
        return check_all(load_tables(self.root))

    @functools.cached_property
    def no_penalty(self):
        tables = load_tables(self.root)
        rates = tables["tariff_rates_by_date"]
        return check_tariff(rates[rates["instrument"] != "IEEPA Russia-oil penalty"], tables["trade_partners"])

    @functools.cache
    def both_applied(self, iso3: str, own: float, other_iso3: str, other: float) -> list[pd.Timestamp]:
        """The days (5 Apr 2025 to 31 Aug 2026) on which both countries had the given rates."""
        rates = self.table("tariff_rates_by_date")
        return [d for d in pd.date_range("2025-04-05", "2026-08-31")
                if rate_on(rates, iso3, d) == own and rate_on(rates, other_iso3, d) == other]

    # -- since then -----------------------------------------------------------------------------
    @functools.cache
    def facts(self, after=CUTOFF) -> pd.DataFrame:
        t = self.table
        return dated_facts(t("events"), t("tariff_announced_rates"), t("minerals_reko_diq"), t("trade_partners"),
                           t("sources"), after=after)

    @functools.cached_property
    def since_days(self) -> pd.DataFrame:
        """Pakistan against each competitor, every day from the cut-off to 31 August 2026."""
        rates = self.table("tariff_rates_by_date")
        days = pd.date_range(CUTOFF, "2026-08-31")
        pak = [rate_on(rates, "PAK", d) for d in days]
        out = {}
        for iso in ["IND", "BGD", "LKA", "VNM", "KHM", "IDN", "TUR", "EGY"]:
            other = [rate_on(rates, iso, d) for d in days]
            out[iso] = {"lower": sum(p < o for p, o in zip(pak, other)), "same": sum(p == o for p, o in zip(pak, other)),
                        "higher": sum(p > o for p, o in zip(pak, other))}
        return pd.DataFrame(out).T

    @functools.cached_property
    def pipeline(self) -> pd.DataFrame:
        aid = aid_by_year(self.table("aid_foreignassistance"), first_fy=2016)
        return aid.assign(gap_musd=aid["disbursements_current_musd"] - aid["obligations_current_musd"])


MINERAL_TOTALS = ("World total (rounded)", "Other countries")


# ---------------------------------------------------------------------------------------------
# How the guide writes numbers
# ---------------------------------------------------------------------------------------------

def one_dp(v): return f"{v:,.1f}"          # 3,337.3
def two_dp(v): return f"{v:,.2f}"          # 34.22, 25.70
def whole(v): return f"{v:,.0f}"           # 818, 350,000
def pct(v): return f"{v:.0%}"[:-1]         # a share 0.44 written "44" (the % sign follows in the guide)
def pct1(v): return f"{v:.1%}"[:-1]        # 0.152 written "15.2"
def text(v): return str(v)
def month(v): return pd.Timestamp(v).strftime("%B %Y")               # November 1980
def day(v): return f"{pd.Timestamp(v).day} {pd.Timestamp(v):%B %Y}"  # 1 September 2025
def word(v): return WORDS[int(v) - 1]                                  # 5 written "five"
def year(v): return f"{v:.0f}"                                         # 2032.6 written "2033"
def year_list(years): return ", ".join(map(str, years[:-1])) + f" and {years[-1]}"             # 2002, 2010 and 2011
def fy_list(years): return ", ".join(f"FY{y}" for y in years[:-1]) + f" and FY{years[-1]}"     # FY2015 and FY2016


def years_text(years, prefix="") -> str:
    """[1985, ..., 1992, 1996] -> '1985–1992 and 1996' (runs of consecutive years joined by a dash)."""
    years, runs = sorted(int(y) for y in years), []
    for y in years:
        if runs and y == runs[-1][1] + 1:
            runs[-1][1] = y
        else:
            runs.append([y, y])
    parts = [f"{prefix}{a}" if a == b else f"{prefix}{a}–{prefix}{b}" for a, b in runs]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def only(values):
    """The one value all the given values share (None, so the check fails, if they differ)."""
    values = set(values)
    return values.pop() if len(values) == 1 else None


# ---------------------------------------------------------------------------------------------
# The checks: where the number is in the guide -> how it is computed -> how the guide writes it
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Check:
    answer: str                           # "diplomacy-3": the chapter's exercise 3
    pattern: str                          # finds the number(s) by their words; one group per number
    value: Callable[[Data], object]       # the computation; a tuple when the pattern has several groups
    fmt: Callable | tuple = text          # how the guide writes it (its rounding is the tolerance); one per group

    def expected(self, d: Data) -> list[str]:
        values = self.value(d)
        values = values if isinstance(values, tuple) else (values,)
        fmts = self.fmt if isinstance(self.fmt, tuple) else (self.fmt,) * len(values)
        return ["(no value: the data do not support this statement)" if v is None else f(v)
                for f, v in zip(fmts, values)] + ["(a value too many or too few)"] * abs(len(fmts) - len(values))


@dataclass(frozen=True)
class Allowed:
    answer: str
    pattern: str                          # the numbers allowed are the groups (or the whole match)
    reason: str


# The computations, one per statement of the guide, each as the chapter's solution makes it.

# From aid to assets
def overview_1980_1992_peak(d: Data):
    period = d.overview_by_year[d.overview_by_year["year"].between(1980, 1992)]
    top = period.loc[period["aid_musd"].idxmax()]
    return int(top["year"]), top["aid_musd"]


def overview_imf_1980_1992(d: Data, *codes: str) -> list[pd.Timestamp]:
    """Approval dates of the arrangements of the given kinds running at some time in 1980-1992."""
    imf = d.table("imf_programs")
    running = imf[imf["is_arrangement"] & imf["facility_code"].isin(codes)
                  & (imf["approval_date"] < pd.Timestamp("1993-01-01")) & (imf["end_date"] >= "1980")]
    return running["approval_date"].tolist()


def overview_compared(d: Data, column: str) -> pd.DataFrame:
    """The years 1985-2024 with both aid and the trade column, and which was larger."""
    both = d.overview_by_year.dropna(subset=["aid_musd", column])
    return both.assign(trade_larger=both[column] > both["aid_musd"])


def overview_lowest_ratio(d: Data):
    both = overview_compared(d, "imports_musd")
    ratio = (both["imports_musd"] / both["aid_musd"]).round(2)
    return int(both.loc[ratio.idxmin(), "year"]), ratio.min()


# Aid history
def aid_peak(d: Data, basis: str):
    """(fiscal year, US$ million) of the tallest bar in a dollar basis ('constant_musd' or 'current_musd')."""
    totals = d.aid_annual.groupby("fiscal_year")[["constant_musd", "current_musd"]].sum()
    return int(totals[basis].idxmax()), totals[basis].max()


def aid_year(d: Data, year: int, basis: str) -> float:
    return d.aid_annual.groupby("fiscal_year")[basis].sum()[year]


def aid_split(d: Data, first: int, last: int):
    """Economic and military obligations (current US$ million) over a period, and the military share."""
    economic, military = d.aid_period(first, last, "economic"), d.aid_period(first, last, "military")
    return economic, military, military / (economic + military)


def aid_pakistan_more_paid(d: Data):
    """(first, last, the one year not) for 'every year from FY2016 to FY2024 (not in FY2015)'."""
    years = d.fagov_more_paid("PAK")
    missing = sorted(set(range(2015, 2025)) - set(years))
    continuous = years == list(range(years[0], years[-1] + 1))
    return (years[0], years[-1], missing[0]) if continuous and len(missing) == 1 else (None, None, None)


def aid_largest_decade(d: Data, column: str):
    return int(d.pak_by_decade[column].idxmax()), d.pak_by_decade[column].max()


# Tariffs and trade
def trade_largest_deficit(d: Data):
    pak = d.trade_partner("PAK")
    worst = pak.loc[pak["balance_musd"].idxmin()]
    return int(worst["year"]), -worst["balance_musd"], worst["us_exports_musd"], worst["us_imports_musd"]


def trade_last_surplus(d: Data, iso3: str):
    """The last year of a US surplus with a partner (None: no surplus in the table's years)."""
    surplus = d.trade_partner(iso3).query("balance_musd > 0")["year"]
    return int(surplus.max()) if len(surplus) else None


def trade_no_surplus_years(d: Data):
    """(first, last) year of the table, when neither India nor Sri Lanka ever gave a US surplus."""
    years = d.table("trade_us_goods_annual")["year"].astype(int)
    never = trade_last_surplus(d, "IND") is None and trade_last_surplus(d, "LKA") is None
    return (years.min(), years.max()) if never else (None, None)


def on_day(number: int) -> pd.Timestamp:
    """The trade chapter's day slider: day 0 is 1 January 2025."""
    return pd.Timestamp("2025-01-01") + pd.Timedelta(days=number)


def trade_rates_on_day(d: Data, number: int) -> dict:
    return rates_on(d.table("tariff_rates_by_date"), on_day(number), ["PAK", "IND", "BGD", "LKA"])


def trade_bedlinen_mfn(d: Data) -> float:
    return d.table("tariff_mfn_products").set_index("product_id").loc["bedlinen", "mfn_ad_valorem_pct"]


# Minerals
def minerals_graphite_leader(d: Data, measure: str):
    top = d.leader("graphite", measure)
    return top["country"], top["share"], top["tonnes"] / 1e6


def minerals_graphite_year_edition(d: Data):
    top = d.leader("graphite", "production")
    return int(top["year"]), int(top["edition"].removeprefix("MCS"))


def minerals_lithium_top3(d: Data):
    lithium = d.top3[d.top3["commodity"] == "lithium"].set_index("year")["share"]
    return lithium[2021], lithium[2025]


def minerals_most_concentrated_2025(d: Data):
    top = d.top3[d.top3["year"] == 2025].sort_values("share").iloc[-1]
    return top["commodity"].replace("_", " "), top["share"]


def minerals_rare_earth_world_2023(d: Data):
    """(tonnes, edition year) for each edition that gives the 2023 world total, oldest first."""
    by_edition = sorted(d.mcs_production("rare_earths", 2023, "World total (rounded)").items())
    return tuple(x for edition, tonnes in by_edition for x in (tonnes, int(edition.removeprefix("MCS"))))


def minerals_pakistan_antimony_2023(d: Data):
    """(the one edition that gives it, Pakistan's tonnes, the world total in that edition)."""
    pakistan = d.mcs_production("antimony", 2023, "Pakistan")
    if len(pakistan) != 1:
        return None, None, None
    (edition, tonnes), = pakistan.items()
    return int(edition.removeprefix("MCS")), tonnes, d.mcs_production("antimony", 2023, "World total (rounded)")[edition]


def minerals_npv(d: Data, **change) -> float:
    """The sketch's pre-income-tax NPV (US$ billion) with some inputs changed."""
    return round(npv(replace(d.sketch, **change)), 1)


def minerals_china_shares(d: Data, measure: str) -> pd.Series:
    """China's share of each world total in the latest editions, largest first."""
    shares = d.china_shares
    return shares[shares["measure"] == measure].set_index("commodity")["share"]


def minerals_china_production_range(d: Data):
    shares = minerals_china_shares(d, "production")
    lowest = shares.iloc[-1] if shares.index[-1] == "copper_mine" else None   # "down to ... (mined copper)"
    return shares.iloc[0], shares.index[0], shares.iloc[1], shares.index[1].replace("_", " "), lowest


def minerals_china_reserves_range(d: Data):
    shares = minerals_china_shares(d, "reserves")
    return shares.iloc[0], shares.index[0], shares.iloc[-1], shares.index[-1].removesuffix("_mine")


# The assets
def assets_aid_above_remittances(d: Data) -> list[int]:
    wide = d.bilateral.pivot_table(index="year", columns="flow", values="value_musd").dropna(
        subset=["us_aid", "us_remittances"])
    return [int(y) for y in wide.index[wide["us_aid"] > wide["us_remittances"]]]


def assets_us_remittances_share_of_gdp(d: Data, year: int) -> float:
    rows = d.bilateral
    return rows[(rows["flow"] == "us_remittances") & (rows["year"] == year)]["share_of_gdp"].item()


def assets_us_share(d: Data, fiscal_year: int) -> float:
    return d.remittances_by_fy.loc[fiscal_year, "usa"] / d.remittances_by_fy.loc[fiscal_year, "total"]


def assets_largest_gross_fdi(d: Data):
    top = flows.fdi_by_country(d.table("assets_fdi_by_country"), "jul_mar_fy2026", measure="fdi_inflow").iloc[0]
    return top["country"], top["value_musd"]


GUIDE_NAMES = {"China": "China", "United Kingdom": "the UK", "Hongkong": "Hong Kong", "U.A.E": "the UAE",
               "Switzerland": "Switzerland"}   # SBP's spelling -> the guide's


def assets_next_four_gross_fdi(d: Data) -> str:
    ranked = flows.fdi_by_country(d.table("assets_fdi_by_country"), "jul_mar_fy2026", measure="fdi_inflow")
    names = [GUIDE_NAMES.get(country, country) for country in ranked["country"].iloc[1:5]]
    return ", ".join(names[:-1]) + " and " + names[-1]


def assets_remittances_above_aid(d: Data):
    """(first year above, the one year below after it, the answer: the year after the last year below)."""
    ratio = d.remittances_to_oda
    above, below = ratio.index[ratio > 1], ratio.index[ratio <= 1]
    return int(above.min()), only(int(y) for y in below if y > above.min()), int(below.max()) + 1


# Diplomacy
def diplomacy_busiest_decade(d: Data):
    trips = d.trips
    decade = int(trips.groupby("decade").size().idxmax())
    in_decade = trips[trips["decade"] == decade]["direction"]
    return decade, int((in_decade == "Pakistan to US").sum()), int((in_decade == "US to Pakistan").sum())


def diplomacy_secretaries(d: Data):
    per_decade = d.trips[d.trips["level"] == "secretary of state"].groupby("decade").size()
    return int(per_decade.idxmax()), int(per_decade.max())


def diplomacy_largest_imf(d: Data):
    r = d.largest_imf
    kind = "stand-by arrangement" if r["facility_code"] == "SBA" else r["facility"]
    return kind, r["approval_date"], r["agreed_sdr_m"], r["drawn_sdr_m"], r["drawn_sdr_m"] / r["agreed_sdr_m"]


def diplomacy_count_if_ranked(d: Data, first: int, last: int, category: str, place: int):
    """A category's count of events in a window, if it ranks where the guide says (ties share a place)."""
    count, rank = d.category_rank(first, last, category)
    return count if rank == place else None


def diplomacy_decades(d: Data):
    per = d.events_per_decade
    return len(d.timeline), int(per.idxmax()), int(per.max()), int(per.idxmin()), int(per.min())


# Claims check
def claims_afghanistan_and_pakistan(d: Data):
    """Over the spell when Pakistan's rate was the lowest of the big four: Afghanistan's and Pakistan's rates,
    then the first and last day on which both of those rates applied."""
    rates = d.table("tariff_rates_by_date")
    (first, last), = lowest_spells(rates, "PAK", ["PAK", "IND", "BGD", "LKA"], "2025-04-05", "2026-08-31")
    spell = pd.date_range(first, last)
    afg, pak = only(rate_on(rates, "AFG", day) for day in spell), only(rate_on(rates, "PAK", day) for day in spell)
    both = d.both_applied("PAK", pak, "AFG", afg)
    return afg, pak, both[0], both[-1]


def claims_days_lowest_with_afghanistan(d: Data) -> int:
    spells = lowest_spells(d.table("tariff_rates_by_date"), "PAK", ["PAK", "IND", "BGD", "LKA", "AFG"],
                           "2025-04-05", "2026-08-31")
    return sum((b - a).days + 1 for a, b in spells)


# Since then
def since_trade_facts(d: Data) -> pd.DataFrame:
    facts = d.facts()
    return facts[facts["category"] == "trade/investment"]


def since_trade_statuses(d: Data):
    status = since_trade_facts(d)["status"]
    return int((status == "REPORTED").sum()), int((status == "CONTESTED").sum())


def since_from(d: Data, after: str):
    """(facts from a day on, how many are trade/investment, how many are from before the cut-off)."""
    facts = d.facts(after=after)
    return len(facts), int((facts["category"] == "trade/investment").sum()), int((facts["day"] < CUTOFF).sum())


def since_days(d: Data, countries, how: str):
    """Days after the cut-off on which Pakistan paid 'lower', the 'same' or 'higher' (one figure for them all)."""
    return only(int(d.since_days.loc[iso, how]) for iso in countries)


def since_pipeline_years(d: Data):
    """(first, last) fiscal year, when disbursements exceeded obligations in every year of the table."""
    gap = d.pipeline
    above = gap.loc[gap["gap_musd"] > 0, "fiscal_year"].astype(int).tolist()
    every = above == gap["fiscal_year"].astype(int).tolist()
    return (above[0], above[-1]) if every else (None, None)


def since_widest_gap(d: Data):
    widest = d.pipeline.loc[d.pipeline["gap_musd"].idxmax()]
    return int(widest["fiscal_year"]), widest["gap_musd"]


SOUTH_ASIA_3 = ("IND", "BGD", "LKA")

CHECKS: list[Check] = [
    # ---- From aid to assets ----------------------------------------------------------------
    Check("overview-1", r"the tallest aid bar is FY(\d{4}), US\$([\d,.]+) million \(current dollars\)",
          overview_1980_1992_peak, (text, one_dp)),
    Check("overview-1", r"Extended Fund Facilities of (\w+ \d{4}) and (\w+ \d{4})",
          lambda d: tuple(overview_imf_1980_1992(d, "EFF")), month),
    Check("overview-1", r"Stand-By Arrangement and Structural Adjustment Facility of (\w+ \d{4})",
          lambda d: only(overview_imf_1980_1992(d, "SBA", "SAF")), month),
    Check("overview-2", r"exceeded US aid obligations in (\d+) of the (\d+) years",
          lambda d: (lambda c: (int(c["trade_larger"].sum()), len(c)))(overview_compared(d, "imports_musd"))),
    Check("overview-2", r"\(aid was larger in ([\d–]+)\)",
          lambda d: overview_compared(d, "imports_musd").query("not trade_larger")["year"], years_text),
    Check("overview-2", r"exceeded aid in (\d+) of the (\d+),",
          lambda d: (lambda c: (int(c["trade_larger"].sum()), len(c)))(overview_compared(d, "exports_musd"))),
    Check("overview-2", r"the exceptions being (\d{4} and \d{4})",
          lambda d: overview_compared(d, "exports_musd").query("not trade_larger")["year"], years_text),
    Check("overview-3", r"relative to aid in (\d{4}), when US imports were ([\d.]+) times", overview_lowest_ratio,
          (text, two_dp)),

    # ---- Aid history -------------------------------------------------------------------------
    Check("aid-1", r"constant 2020 dollars is FY(\d{4}) \(US\$([\d,.]+) million\)",
          lambda d: aid_peak(d, "constant_musd"), (text, one_dp)),
    Check("aid-1", r"in current dollars FY(\d{4}) \(US\$([\d,.]+) million\)",
          lambda d: aid_peak(d, "current_musd"), (text, one_dp)),
    Check("aid-1", r"FY1962 was US\$([\d,.]+) million in current dollars", lambda d: aid_year(d, 1962, "current_musd"), one_dp),
    Check("aid-1", r"FY2010 US\$([\d,.]+) million in constant dollars", lambda d: aid_year(d, 2010, "constant_musd"), one_dp),
    Check("aid-2", r"FY1983–FY1990, current dollars: US\$([\d,.]+) million economic, US\$([\d,.]+) million military, "
                   r"(\d+)% military", lambda d: aid_split(d, 1983, 1990), (one_dp, one_dp, pct)),
    Check("aid-2", r"FY2002–FY2011: US\$([\d,.]+) million and US\$([\d,.]+) million, (\d+)% military",
          lambda d: aid_split(d, 2002, 2011), (one_dp, one_dp, pct)),
    Check("aid-3", r"FY1955–FY1965: India US\$([\d.]+) billion, Pakistan US\$([\d.]+) billion, Egypt US\$([\d.]+) billion",
          lambda d: tuple(d.greenbook_bn(iso, 1955, 1965) for iso in ("IND", "PAK", "EGY")), two_dp),
    Check("aid-3", r"FY2002–FY2011: Egypt US\$([\d.]+) billion, Pakistan US\$([\d.]+) billion, India US\$([\d.]+) billion",
          lambda d: tuple(d.greenbook_bn(iso, 2002, 2011) for iso in ("EGY", "PAK", "IND")), two_dp),
    Check("aid-4", r"every year from FY(\d{4}) to FY(\d{4}) \(not in FY(\d{4})\)", aid_pakistan_more_paid),
    Check("aid-4", r"for Bangladesh only in (FY[\dFY, and]+\d)", lambda d: d.fagov_more_paid("BGD"), fy_list),
    Check("aid-5", r"the (\d{4})s in constant 2020 dollars \(US\$([\d.]+) billion\)",
          lambda d: aid_largest_decade(d, "obligations_constant_2020_usd"), (text, one_dp)),
    Check("aid-5", r"the (\d{4})s in current dollars \(US\$([\d.]+) billion\)",
          lambda d: aid_largest_decade(d, "obligations_current_usd"), (text, one_dp)),

    # ---- Tariffs and trade -------------------------------------------------------------------
    Check("trade-1", r"US surpluses in ([\d–]+ and \d{4});",
          lambda d: d.trade_partner("PAK").query("balance_musd > 0")["year"], years_text),
    Check("trade-1", r"largest US deficit was in (\d{4}), US\$([\d,.]+) million \(exports US\$([\d,.]+) million, "
                     r"imports US\$([\d,.]+) million\)", trade_largest_deficit, (text, one_dp, one_dp, one_dp)),
    Check("trade-2", r"on day 243 \((\d+ \w+ \d{4})\)", lambda d: on_day(243), day),
    Check("trade-2", r"Pakistan (\d+)%, India (\d+)%, Bangladesh (\d+)%, Sri Lanka (\d+)%",
          lambda d: tuple(trade_rates_on_day(d, 243)[iso] for iso in ("PAK", "IND", "BGD", "LKA")), whole),
    Check("trade-2", r"On day 420 \((\d+ \w+ \d{4})\)", lambda d: on_day(420), day),
    Check("trade-2", r"all four (\d+)%", lambda d: only(trade_rates_on_day(d, 420).values()), whole),
    Check("trade-2", r"under Section (\d+)", lambda d: d.instruments_on("PAK", on_day(420)).removeprefix("Section ")),
    Check("trade-3", r"India −US\$([\d,.]+) million, Bangladesh −US\$([\d,.]+) million, Pakistan −US\$([\d,.]+) million, "
                     r"Sri Lanka −US\$([\d,.]+) million",
          lambda d: tuple(-d.trade_partner(iso).set_index("year").loc[2024, "balance_musd"]
                          for iso in ("IND", "BGD", "PAK", "LKA")), one_dp),
    Check("trade-3", r"Last US surplus: Pakistan (\d{4}), Bangladesh (\d{4}),",
          lambda d: (trade_last_surplus(d, "PAK"), trade_last_surplus(d, "BGD"))),
    Check("trade-3", r"India and Sri Lanka none in (\d{4})–(\d{4})", trade_no_surplus_years),
    Check("trade-4", r"\(MFN ([\d.]+)%\)", trade_bedlinen_mfn),
    Check("trade-4", r"Pakistan US\$([\d.]+), India US\$([\d.]+), Bangladesh US\$([\d.]+) of duty",
          lambda d: tuple(d.duty_on_100("bedlinen", iso, "2025-09-01") for iso in ("PAK", "IND", "BGD")), two_dp),
    Check("trade-4", r"US\$([\d.]+) for all three",
          lambda d: only(d.duty_on_100("bedlinen", iso, "2026-03-01") for iso in ("PAK", "IND", "BGD")), two_dp),
    Check("trade-5", r"India (\d+), Bangladesh (\d+), Pakistan (\d+) and Sri Lanka (\d+)",
          lambda d: tuple(d.imports_index_2024(iso) for iso in ("IND", "BGD", "PAK", "LKA")), whole),

    # ---- Minerals ----------------------------------------------------------------------------
    Check("minerals-1", r"natural graphite, (\d{4}) production \((\d{4}) edition\)", minerals_graphite_year_edition),
    Check("minerals-1", r"(\w+) leads with (\d+)% of world output \(([\d.]+) million tonnes\)",
          lambda d: minerals_graphite_leader(d, "production"), (text, pct, one_dp)),
    Check("minerals-1", r"Reserves: (\w+) still leads, with (\d+)% \(([\d,]+) million tonnes\)",
          lambda d: minerals_graphite_leader(d, "reserves"), (text, pct, whole)),
    Check("minerals-2", r"held (\d+)% of world output in 2021 and (\d+)% in 2025", minerals_lithium_top3, pct),
    Check("minerals-2", r"the highest top-three share in 2025 is ([a-z ]+), (\d+)%", minerals_most_concentrated_2025,
          (text, pct)),
    Check("minerals-3", r"2023 is ([\d,]+) tonnes in the (\d{4}) edition and ([\d,]+) in the (\d{4}) edition",
          minerals_rare_earth_world_2023, (whole, text, whole, text)),
    Check("minerals-3", r"Only the (\d{4}) edition gives Pakistan's 2023 antimony output: (\d+) tonnes, "
                        r"of a world total of ([\d,]+)", minerals_pakistan_antimony_2023, (text, whole, whole)),
    Check("minerals-4", r"NPV is US\$([\d.]+) billion with the study's prices", minerals_npv, one_dp),
    Check("minerals-4", r"the study's prices at (\d+)%", lambda d: d.sketch.discount_rate, whole),
    Check("minerals-4", r"US\$([\d.]+) billion with copper at", lambda d: minerals_npv(d, copper_price=5.0), one_dp),
    Check("minerals-4", r"US\$([\d.]+) billion at 12%", lambda d: minerals_npv(d, discount_rate=12.0), one_dp),
    Check("minerals-4", r"US\$([\d.]+) billion with both changes",
          lambda d: minerals_npv(d, copper_price=5.0, discount_rate=12.0), one_dp),
    Check("minerals-5", r"production ranges from (\d+)% \((\w+)\) and (\d+)% \(([a-z ]+)\) down to (\d+)% \(mined copper\)",
          minerals_china_production_range, (pct, text, pct, text, pct)),
    Check("minerals-5", r"of reserves, from (\d+)% \((\w+)\) down to (\d+)% \((\w+)\)", minerals_china_reserves_range,
          (pct, text, pct, text)),

    # ---- The assets --------------------------------------------------------------------------
    Check("assets-1", r"only in (\d{4}, \d{4} and \d{4});", assets_aid_above_remittances, year_list),
    Check("assets-1", r"about ([\d.]+)% of Pakistan's 2023 GDP", lambda d: assets_us_remittances_share_of_gdp(d, 2023),
          one_dp),
    Check("assets-2", r"the US share was ([\d.]+)% in FY2019 and ([\d.]+)% in FY2020",
          lambda d: (assets_us_share(d, 2019), assets_us_share(d, 2020)), pct1),
    Check("assets-2", r"from about US\$([\d.]+) billion to US\$([\d.]+) billion",
          lambda d: tuple(d.remittances_by_fy.loc[[2019, 2020], "total"] / 1e3), one_dp),
    Check("assets-3", r"(\w+) leads gross inflows in July–March FY2026 \(about US\$([\d,]+) million\)",
          assets_largest_gross_fdi, (text, whole)),
    Check("assets-3", r"\), then (.+?); US net portfolio", assets_next_four_gross_fdi),
    Check("assets-3", r"about −US\$(\d+) million \(FY2025\) and −US\$(\d+) million \(FY2026\)",
          lambda d: (-d.us_portfolio("jul_mar_fy2025"), -d.us_portfolio("jul_mar_fy2026")), whole),
    Check("assets-4", r"highest in (\d{4}) \(about (\d+) years\)",
          lambda d: (int(d.gas_rp.idxmax()), d.gas_rp.max()), (text, whole)),
    Check("assets-4", r"would last about ([\d.]+) years, to about (\d{4})",
          lambda d: (d.gas_rp[2020], 2020 + d.gas_rp[2020]), (one_dp, year)),
    Check("assets-5", r"every year since (\d{4}) except (\d{4}), so the answer is (\d{4})", assets_remittances_above_aid),

    # ---- Diplomacy ---------------------------------------------------------------------------
    Check("diplomacy-1", r"the (\d{4})s have the tallest bar: (\d+) visits by Pakistani leaders to the United States "
                         r"and (\d+) trips by US presidents or secretaries of state to Pakistan", diplomacy_busiest_decade),
    Check("diplomacy-1", r"most in the (\d{4})s \((\d+) trips\)", diplomacy_secretaries),
    Check("diplomacy-2", r"the (stand-by arrangement) of (\w+ \d{4}): SDR ([\d,.]+) million agreed, "
                         r"SDR ([\d,.]+) million drawn \((\d+)%\)", diplomacy_largest_imf, (text, month, one_dp, one_dp, pct)),
    Check("diplomacy-3", r"2001–2011 is led by \*aid\* \((\d+) events\)",
          lambda d: diplomacy_count_if_ranked(d, 2001, 2011, "aid", 1)),
    Check("diplomacy-3", r"and \*counter-terrorism\* \((\d+)\)",
          lambda d: diplomacy_count_if_ranked(d, 2001, 2011, "counter-terrorism", 2)),
    Check("diplomacy-3", r"2025 jointly by \*aid\* and \*minerals/energy\* \((\d+) each\)",
          lambda d: only([diplomacy_count_if_ranked(d, 2025, 2025, "aid", 1),
                          diplomacy_count_if_ranked(d, 2025, 2025, "minerals/energy", 1)])),
    Check("diplomacy-3", r"then \*trade/investment\* \((\d+)\)",
          lambda d: diplomacy_count_if_ranked(d, 2025, 2025, "trade/investment", 3)),
    Check("diplomacy-3", r"The book records (\d+) events in 2025 and (\d+) in 1947–1969",
          lambda d: (int(d.category_counts(2025, 2025).sum()), int(d.category_counts(1947, 1969).sum()))),
    Check("diplomacy-5", r"of the (\d+) events, the (\d{4})s hold the most \((\d+)\) and the (\d{4})s the fewest \((\d+)\)",
          diplomacy_decades),

    # ---- Claims check ------------------------------------------------------------------------
    Check("claims-1", r"^: (one) claim is unverifiable",
          lambda d: sum(c.verdict == "unverifiable" for c in d.claims.values()), word),
    Check("claims-2", r"leaves (no) day at all", claims_days_lowest_with_afghanistan,
          lambda days: "no" if days == 0 else str(days)),
    Check("claims-2", r"Afghanistan's (\d+)% was below Pakistan's (\d+)% for as long as both rates applied "
                      r"\((\d+ \w+ \d{4}) to (\d+ \w+ \d{4})\)", claims_afghanistan_and_pakistan, (whole, whole, day, day)),
    Check("claims-3", r"India's highest rate is (\d+)%", lambda d: d.no_penalty.figures["india_peak_pct"], whole),
    Check("claims-3", r"for the same (\d+) days", lambda d: d.no_penalty.figures["lowest_of_big_four_days"]),

    # ---- Since then --------------------------------------------------------------------------
    Check("since-1", r"(\d+) facts are left", lambda d: len(since_trade_facts(d))),
    Check("since-1", r"plan \((\d+ \w+ \d{4})\)", lambda d: since_trade_facts(d)["day"].min(), day),
    Check("since-1", r"(\w+) are marked reported and (\w+) contested", since_trade_statuses, word),
    Check("since-2", r"from 1 January 2026, (\d+) facts remain, (\d+) of them about trade",
          lambda d: since_from(d, "2026-01-01")[:2]),
    Check("since-2", r"from 1 August 2025, (\d+), (\w+) of them from before the book's cut-off",
          lambda d: since_from(d, "2025-08-01")[::2], (text, word)),
    Check("since-3", r"from (\d+ \w+ \d{4}) to 31 August 2026", lambda d: CUTOFF, day),
    Check("since-3", r"less than India, Bangladesh and Sri Lanka on (\d+) days and the same on (\d+);",
          lambda d: (since_days(d, SOUTH_ASIA_3, "lower"), since_days(d, SOUTH_ASIA_3, "same"))),
    Check("since-3", r"less than Vietnam on (\d+) days", lambda d: since_days(d, ["VNM"], "lower")),
    Check("since-3", r"the (same) as Cambodia and Indonesia throughout",
          lambda d: "same" if since_days(d, ["KHM", "IDN"], "lower") == since_days(d, ["KHM", "IDN"], "higher") == 0
          else None),
    Check("since-3", r"more than Turkey and Egypt on (\d+) days", lambda d: since_days(d, ["TUR", "EGY"], "higher")),
    Check("since-4", r"every fiscal year from FY(\d{4}) to FY(\d{4})", since_pipeline_years),
    Check("since-4", r"widest in FY(\d{4}) \(US\$([\d,.]+) million\)", since_widest_gap, (text, one_dp)),
]

QUESTION = "named by the question itself (the period, day, country group or input the exercise asks about)"
ALLOWED: list[Allowed] = [
    Allowed("overview-1", r"in FY(1980)–FY(1992)", QUESTION),
    Allowed("overview-2", r"the 40 years (1985)–(2024)", QUESTION),
    Allowed("aid-1", r"constant (2020) dollars", "the price year of the Greenbook's constant dollars (a unit, not a value)"),
    Allowed("aid-1", r"(FY1962) was US\$", "the constant-dollar peak year, checked earlier in the same answer"),
    Allowed("aid-1", r"; (FY2010) US\$", "the current-dollar peak year, checked earlier in the same answer"),
    Allowed("aid-2", r"(FY1983)–(FY1990), current", QUESTION),
    Allowed("aid-2", r"(FY2002)–(FY2011): US", QUESTION),
    Allowed("aid-3", r"constant (2020) dollars", "the price year of the Greenbook's constant dollars (a unit, not a value)"),
    Allowed("aid-3", r"(FY1955)–(FY1965):", QUESTION),
    Allowed("aid-3", r"(FY2002)–(FY2011):", QUESTION),
    Allowed("aid-5", r"constant (2020) dollars", "the price year of the Greenbook's constant dollars (a unit, not a value)"),
    Allowed("trade-2", r"on (day 243)", QUESTION),
    Allowed("trade-2", r"On (day 420)", QUESTION),
    Allowed("trade-2", r"all (four) \d+%", "the four countries the question ticks (Pakistan, India, Bangladesh, Sri Lanka)"),
    Allowed("trade-3", r"(2024) US balances", QUESTION),
    Allowed("trade-4", r"US\$(100) of cotton", QUESTION + ": the $100 shipment"),
    Allowed("trade-4", r"on (1 September 2025):", QUESTION),
    Allowed("trade-4", r"on (1 March 2026) US", QUESTION),
    Allowed("trade-4", r"all (three)", "the three countries the question names (Pakistan, India, Bangladesh)"),
    Allowed("trade-5", r"with (2000) = (100), (2024) imports", QUESTION + ": the index base and the last year"),
    Allowed("minerals-2", r"lithium's top (three)", "the measure the question names, 'Top three producers'"),
    Allowed("minerals-2", r"world output in (2021) and \d+% in (2025)", QUESTION),
    Allowed("minerals-2", r"the highest top-(three) share in (2025)", QUESTION),
    Allowed("minerals-3", r"total for (2023) is", QUESTION),
    Allowed("minerals-3", r"Pakistan's (2023) antimony", QUESTION),
    Allowed("minerals-4", r"copper at US\$(5\.00)", QUESTION + ": a copper price of $5.00 a pound"),
    Allowed("minerals-4", r"billion at (12)%", QUESTION + ": a discount rate of 12%"),
    Allowed("assets-1", r"Pakistan's (2023) GDP", QUESTION),
    Allowed("assets-2", r"in (FY2019) and [\d.]+% in (FY2020)", QUESTION),
    Allowed("assets-2", r"change of method in (July 2019)",
            "the date SBP changed how it attributes remittances (the chapter's source notes; a date, not a count)"),
    Allowed("assets-3", r"July–March (FY2026)", QUESTION),
    Allowed("assets-3", r"million \((FY2025)\) and −US\$\d+ million \((FY2026)\)", QUESTION),
    Allowed("assets-4", r"at the (2020) rate the (2020) reserves", QUESTION),
    Allowed("diplomacy-3", r"(2001)–(2011) is led", QUESTION),
    Allowed("diplomacy-3", r"; (2025) jointly", QUESTION),
    Allowed("diplomacy-3", r"events in (2025) and \d+ in (1947)–(1969)", QUESTION),
    Allowed("diplomacy-4", r"(24 December 1979):", QUESTION),
    Allowed("diplomacy-4", r"(11 September 2001):", QUESTION),
    Allowed("diplomacy-4", r"(2 May 2011):", QUESTION),
    Allowed("claims-1", r"official figure of (243) million barrels",
            "a press-reported figure the book has not stored in data/ (the claims chapter says so); "
            "test_press_oil_figure_is_the_chapters holds it to the chapter's words"),
    Allowed("claims-2", r"the (four) large exporters", "the group the question starts from (Pakistan, India, Bangladesh, Sri Lanka)"),
    Allowed("claims-3", r"lowest of the (four)", "the group of the claim (Pakistan, India, Bangladesh, Sri Lanka)"),
    Allowed("since-2", r"from (1 January 2026),", QUESTION),
    Allowed("since-2", r"from (1 August 2025),", QUESTION),
    Allowed("since-3", r"to (31 August 2026),", QUESTION),
    Allowed("since-3", r"until (24 February 2026), so on (20)–(23) February",
            "dates of events (the Supreme Court's ruling of 20 February, Section 122 from 24 February), "
            "test_customs_dates_are_the_tables holds them to events.csv and tariff_rates_by_date"),
]


# ---------------------------------------------------------------------------------------------
# The audit
# ---------------------------------------------------------------------------------------------

def _one_match(pattern: str, words: str, what: str):
    found = list(re.finditer(pattern, words))
    if len(found) != 1:
        return None, f"{what} /{pattern}/ matches {len(found)} times (expected once) in: {words}"
    return found[0], None


def run_check(check: Check, words: str, d: Data) -> tuple[list[str], list[tuple]]:
    """(problems, the spans it covers) of one check on its answer's words."""
    match, problem = _one_match(check.pattern, words, f"{check.answer}: check")
    if problem:
        return [problem], []
    try:
        expected = check.expected(d)
    except Exception as exc:   # a computation that fails on the data is a failed check
        expected = [f"(computation failed: {exc!r})"] * len(match.groups())
    if len(expected) != len(match.groups()):
        return [f"{check.answer}: /{check.pattern}/ has {len(match.groups())} groups, "
                f"its computation {len(expected)} values"], []
    problems = [f"{check.answer}: the guide says {match.group(i)!r} where the data give {want!r} (/{check.pattern}/)"
                for i, want in enumerate(expected, start=1) if match.group(i) != want]
    return problems, [(*match.span(i), "checked", want) for i, want in enumerate(expected, start=1)]


def audit(guide_text: str, d: Data) -> tuple[list[str], list[dict]]:
    """(problems, inventory): every number of every answer, with how it is held."""
    found = answers(guide_text)
    problems, covered = [], {key: [] for key in found}   # covered: (start, end, how)
    for key, count in ANSWERS_PER_CHAPTER.items():
        missing = [f"{key}-{n}" for n in range(1, count + 1) if f"{key}-{n}" not in found]
        if missing:
            problems.append(f"teachers_guide.md: no answer found for {', '.join(missing)}")
    for check in CHECKS:
        if check.answer not in found:
            problems.append(f"{check.answer}: no such answer in the guide (check /{check.pattern}/)")
            continue
        check_problems, spans = run_check(check, found[check.answer], d)
        problems += check_problems
        covered[check.answer] += spans
    for allowed in ALLOWED:
        if allowed.answer not in found:
            problems.append(f"{allowed.answer}: no such answer in the guide (allowed /{allowed.pattern}/)")
            continue
        match, problem = _one_match(allowed.pattern, found[allowed.answer], f"{allowed.answer}: allowlist entry")
        if problem:
            problems.append(problem)
            continue
        spans = [match.span(i) for i in range(1, len(match.groups()) + 1)] or [match.span()]
        covered[allowed.answer] += [(a, b, "allowed", allowed.reason) for a, b in spans]
    inventory = []
    for key, words in found.items():
        for start, end in number_spans(words):
            how = [(kind, note) for a, b, kind, note in covered[key] if a <= start and end <= b]
            kind, note = how[0] if how else ("NEITHER", "")
            inventory.append({"answer": key, "number": words[start:end], "how": kind, "note": note,
                              "context": words[max(0, start - 30):end + 30]})
            if not how:
                problems.append(f"{key}: {words[start:end]!r} is neither checked against data/ nor allowlisted "
                                f"(…{words[max(0, start - 40):end + 40]}…)")
    return problems, inventory


# ---------------------------------------------------------------------------------------------
# Tests
# ---------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def data():
    return Data()


@pytest.fixture(scope="module")
def guide_text():
    return GUIDE.read_text(encoding="utf-8")


def test_every_number_in_the_answers_is_checked_or_allowlisted(guide_text, data):
    problems, inventory = audit(guide_text, data)
    assert not problems, "\n".join(problems)
    assert len(inventory) > 150 and sum(row["how"] == "checked" for row in inventory) > 120


def test_each_answer_is_found(guide_text):
    found = answers(guide_text)
    assert sorted(found) == sorted(f"{k}-{n}" for k, c in ANSWERS_PER_CHAPTER.items() for n in range(1, c + 1))
    assert all("-sol-" not in words and "{" not in words for words in found.values())


@pytest.mark.parametrize("lead", [
    "{ref}`diplomacy-ex-3`:", "{numref}`diplomacy-ex-3`:", "{numref}`Exercise %s <diplomacy-ex-3>`:",
    "{ref}`Exercise 6.3 <diplomacy-ex-3>`:", "{numref}`dipl-ex-3`:", "Exercise 26:", "Exercise 6.3:",
])
def test_answers_are_found_whatever_form_the_reference_takes(guide_text, lead):
    """The references to exercises will become numbered cross-references: the answers stay found."""
    changed = guide_text.replace("{ref}`diplomacy-ex-3`:", lead).replace(
        "{ref}`Full solution <diplomacy-sol-3>`", "{numref}`Solution %s <diplomacy-sol-3>`").replace(
        "{ref}`Full solution <overview-sol-1>`", "Solution 1.1")
    assert changed != guide_text
    assert answers(changed) == answers(guide_text)


@pytest.mark.parametrize("old, new", [
    ("(9 each)", "(8 each)"),                       # the fact-check's finding #1, the other way round
    ("then *trade/investment* (7)", "then *trade/investment* (9)"),
    ("US$726.6 million", "US$726.5 million"),
    ("Pakistan 236", "Pakistan 263"),
    ("142 days and the same on 193", "142 days and the same on 139"),
    ("six are marked", "five are marked"),
    ("(about 51 years)", "(about 15 years)"),
])
def test_a_changed_number_fails(guide_text, data, old, new):
    assert guide_text.count(old) == 1
    problems, _ = audit(guide_text.replace(old, new), data)
    assert problems


def test_a_new_unheld_number_fails(guide_text, data):
    changed = guide_text.replace("the 2000s have the tallest bar:", "the 2000s have the tallest bar, 28 visits in all:")
    problems, _ = audit(changed, data)
    assert any("'28' is neither checked" in p for p in problems)


def test_a_changed_event_changes_the_2025_counts(tmp_path, guide_text):
    """Moving one 2025 minerals/energy event to 2024 breaks the tie the guide states (finding #1)."""
    copy = tmp_path / "data"
    shutil.copytree(data_dir(), copy)
    events = (copy / "events.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    row = next(i for i, line in enumerate(events) if line.startswith("2025-") and ",minerals/energy," in line)
    events[row] = events[row].replace("2025-", "2024-", 2)
    (copy / "events.csv").write_text("".join(events), encoding="utf-8")
    words, changed, unchanged = answers(guide_text)["diplomacy-3"], Data(copy), Data()
    for check in [c for c in CHECKS if c.answer == "diplomacy-3"]:
        assert not run_check(check, words, unchanged)[0]
    problems = [p for c in CHECKS if c.answer == "diplomacy-3" for p in run_check(c, words, changed)[0]]
    assert any("each" in p for p in problems) and any("says '33' where the data give '32'" in p for p in problems), problems


def test_press_oil_figure_is_the_chapters(guide_text):
    """The one number not in data/: the guide repeats the claims chapter's press-reported figure."""
    chapter = (ROOT / "chapters" / "claims_check.ipynb").read_text(encoding="utf-8")
    assert "243 million barrels" in chapter and "243 million barrels" in answers(guide_text)["claims-1"]


def test_customs_dates_are_the_tables(data):
    """since-3: the IEEPA duties were annulled on 20 February 2026 and Section 122 began on 24 February."""
    events = data.table("events").set_index("event_id")
    assert events.loc["2026-02-20-ieepa-tariffs-struck-down", "date"] == "2026-02-20"
    rates = data.table("tariff_rates_by_date")
    section_122 = rates[(rates["country_iso3"] == "PAK") & rates["instrument"].str.startswith("Section 122")]
    assert section_122["effective_date"].min() == pd.Timestamp("2026-02-24")


if __name__ == "__main__":   # the inventory: python tests/test_teachers_guide_numbers.py
    problems, inventory = audit(GUIDE.read_text(encoding="utf-8"), Data())
    for row in inventory:
        print(f"{row['answer']:<12} {row['number']:>10}  {row['how']:<8} {row['note'][:70]}")
    counts = pd.Series([row["how"] for row in inventory]).value_counts().to_dict()
    print(f"\n{len(inventory)} numbers: {counts}")
    print("\n".join(problems) or "no problems")
    sys.exit(1 if problems else 0)
