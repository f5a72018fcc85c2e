"""Every number in the teacher's guide's answers is recomputed from data/ or allowlisted with a reason.

The guide (``teachers_guide.md``) gives, for each chapter, "Answers in brief": one bullet per
exercise. This test reads those bullets, finds every number in them (digits, and the number words
one to twenty), and requires each one to be either

* **checked**: a row of ``CHECKS`` finds it by its context (a regular expression whose groups
  capture the number) and recomputes it from ``data/`` through ``aid2assets.load`` and the
  package's functions, the same computation as the chapter's solution, formatted as the guide
  rounds it; or
* **allowed**: a row of ``ALLOWED`` finds it and says why it needs no data (a year, period or input
  that the question itself names, a price base, a legal section, ...).

A number that is neither fails the test, so a new number written into the guide must be held too.

An answer is found by the exercise label in its bullet (``{ref}`diplomacy-ex-3```, or
``{numref}`...``` once the references become numbered), or, failing a label, by its place in its
chapter's list; MyST roles and plain "Exercise N" / "Figure N" words are taken out before numbers
are read, so converting the references does not disturb the checks.

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
from aid2assets.explorers.trade import rate_on, rates_on, step_series
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
ANSWERS_PER_CHAPTER = {"overview": 3, "aid": 5, "trade": 5, "minerals": 5, "assets": 5, "diplomacy": 5,
                       "claims": 3, "since": 4}

ROLE = re.compile(r"\{[a-z][a-z:-]*\}`[^`]*`")                     # {ref}`...`, {numref}`...`, {doc}`...`
PLAIN_REFERENCE = re.compile(r"\b(?:Exercise|Figure)s? \d+(?:\.\d+)*(?:(?:,| and) \d+(?:\.\d+)*)*")
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
        section_prefix = CHAPTER_PREFIX[doc.group(1)] if doc else None
        for place, item in enumerate(re.split(r"(?m)^- ", block.group(1))[1:], start=1):
            line = " ".join(item.split())
            label = LABEL.search(line)
            prefix, number = (label.group(1), int(label.group(2))) if label else (section_prefix, place)
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


def when_ranked(value, ok: bool):
    return value if ok else None


# ---------------------------------------------------------------------------------------------
# The checks: where the number is in the guide -> how it is computed -> how the guide writes it
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Check:
    answer: str                           # "diplomacy-3": the chapter's exercise 3
    pattern: str                          # finds the number(s) by their words; one group per number
    value: Callable[[Data], object]       # the computation; a tuple when the pattern has several groups
    fmt: Callable[[object], str] = text   # how the guide writes it (its rounding is the tolerance)

    def expected(self, d: Data) -> list[str]:
        values = self.value(d)
        values = values if isinstance(values, tuple) else (values,)
        return ["(no value: the data do not support this statement)" if v is None else self.fmt(v) for v in values]


@dataclass(frozen=True)
class Allowed:
    answer: str
    pattern: str                          # the numbers allowed are the groups (or the whole match)
    reason: str


ob = lambda d: d.overview_by_year                                                       # noqa: E731
ob_both = lambda d, col: ob(d).dropna(subset=["aid_musd", col])                         # noqa: E731
ob_1980s = lambda d: ob(d)[ob(d)["year"].between(1980, 1992)]                           # noqa: E731
imf_in_1980_1992 = lambda d, code: [r.approval_date for r in d.table("imf_programs").itertuples()  # noqa: E731
                                    if r.is_arrangement and r.facility_code == code
                                    and r.approval_date < pd.Timestamp("1993-01-01") and r.end_date >= "1980"]
aid_totals = lambda d: d.aid_annual.groupby("fiscal_year")[["constant_musd", "current_musd"]].sum()  # noqa: E731
mil_share = lambda d, a, b: d.aid_period(a, b, "military") / (d.aid_period(a, b, "military")     # noqa: E731
                                                                + d.aid_period(a, b, "economic"))
balance_2024 = lambda d, iso: -d.trade_partner(iso).set_index("year").loc[2024, "balance_musd"]  # noqa: E731
last_surplus = lambda d, iso: d.trade_partner(iso).query("balance_musd > 0")["year"].max()      # noqa: E731
day_number = lambda n: pd.Timestamp("2025-01-01") + pd.Timedelta(days=n)                # noqa: E731
rates_day = lambda d, n: rates_on(d.table("tariff_rates_by_date"), day_number(n), ["PAK", "IND", "BGD", "LKA"])  # noqa: E731
graphite = lambda d, m: d.leader("graphite", m)                                          # noqa: E731
lithium_top3 = lambda d, y: d.top3.query("commodity == 'lithium' and year == @y")["share"].item()  # noqa: E731
china = lambda d, measure: d.china_shares[d.china_shares["measure"] == measure].set_index("commodity")["share"]  # noqa: E731
sketch_npv = lambda d, **change: round(npv(replace(d.sketch, **change)), 1)              # noqa: E731
assets_wide = lambda d: d.bilateral.pivot_table(index="year", columns="flow", values="value_musd").dropna(  # noqa: E731
    subset=["us_aid", "us_remittances"])
us_share = lambda d, fy: d.remittances_by_fy.loc[fy, "usa"] / d.remittances_by_fy.loc[fy, "total"]  # noqa: E731
oda_below = lambda d: [int(y) for y in d.remittances_to_oda.index[d.remittances_to_oda <= 1]]  # noqa: E731
oda_above = lambda d: [int(y) for y in d.remittances_to_oda.index[d.remittances_to_oda > 1]]   # noqa: E731
rank = lambda d, a, b, cat, place: when_ranked(*(lambda c, r: (c, r == place))(*d.category_rank(a, b, cat)))  # noqa: E731
trade_facts = lambda d: d.facts().query("category == 'trade/investment'")                # noqa: E731
status_count = lambda d, s: int((trade_facts(d)["status"] == s).sum())                   # noqa: E731
facts_from = lambda d, when: d.facts(after=when)                                         # noqa: E731
since = lambda d, iso, how: int(d.since_days.loc[iso, how])                              # noqa: E731


def _busiest_decade(d: Data) -> int:
    return int(d.trips.groupby("decade").size().idxmax())


def _secretaries(d: Data) -> pd.Series:
    return d.trips[d.trips["level"] == "secretary of state"].groupby("decade").size()


def _pipeline_years(d: Data):
    """(first, last) fiscal year when disbursements exceeded obligations in every year of the table."""
    gap = d.pipeline
    above = gap.loc[gap["gap_musd"] > 0, "fiscal_year"].astype(int).tolist()
    every = above == gap["fiscal_year"].astype(int).tolist()
    return (above[0], above[-1]) if every else (None, None)


def _pakistan_more_paid(d: Data):
    """(first, last, the one year not) for 'every year from FY2016 to FY2024 (not in FY2015)'."""
    years = d.fagov_more_paid("PAK")
    missing = sorted(set(range(2015, 2025)) - set(years))
    continuous = years == list(range(years[0], years[-1] + 1))
    return (years[0], years[-1], missing[0]) if continuous and len(missing) == 1 else (None, None, None)


CHECKS: list[Check] = [
    # ---- From aid to assets ----------------------------------------------------------------
    Check("overview-1", r"the tallest aid bar is FY(\d{4})",
          lambda d: int(ob_1980s(d).loc[ob_1980s(d)["aid_musd"].idxmax(), "year"])),
    Check("overview-1", r"US\$([\d,.]+) million \(current dollars\)", lambda d: ob_1980s(d)["aid_musd"].max(), one_dp),
    Check("overview-1", r"Extended Fund Facilities of (\w+ \d{4}) and (\w+ \d{4})",
          lambda d: tuple(imf_in_1980_1992(d, "EFF")), month),
    Check("overview-1", r"Stand-By Arrangement and Structural Adjustment Facility of (\w+ \d{4})",
          lambda d: only(imf_in_1980_1992(d, "SBA") + imf_in_1980_1992(d, "SAF")), month),
    Check("overview-2", r"exceeded US aid obligations in (\d+) of",
          lambda d: int((ob_both(d, "imports_musd")["imports_musd"] > ob_both(d, "imports_musd")["aid_musd"]).sum())),
    Check("overview-2", r"of the (\d+) years", lambda d: len(ob_both(d, "imports_musd"))),
    Check("overview-2", r"\(aid was larger in ([\d–]+)\)",
          lambda d: ob_both(d, "imports_musd").query("imports_musd <= aid_musd")["year"].tolist(), years_text),
    Check("overview-2", r"exceeded aid in (\d+) of the (\d+),",
          lambda d: (int((ob_both(d, "exports_musd")["exports_musd"] > ob_both(d, "exports_musd")["aid_musd"]).sum()),
                     len(ob_both(d, "exports_musd")))),
    Check("overview-2", r"the exceptions being (\d{4} and \d{4})",
          lambda d: ob_both(d, "exports_musd").query("exports_musd <= aid_musd")["year"].tolist(), years_text),
    Check("overview-3", r"relative to aid in (\d{4}), when US imports were ([\d.]+) times",
          lambda d: (lambda r: (int(ob(d).loc[r.idxmin(), "year"]), r.min()))(
              (ob_both(d, "imports_musd")["imports_musd"] / ob_both(d, "imports_musd")["aid_musd"]).round(2)),
          lambda v: f"{v:.2f}" if isinstance(v, float) else str(v)),

    # ---- Aid history -------------------------------------------------------------------------
    Check("aid-1", r"constant 2020 dollars is FY(\d{4}) \(US\$([\d,.]+) million\)",
          lambda d: (int(aid_totals(d)["constant_musd"].idxmax()), aid_totals(d)["constant_musd"].max()),
          lambda v: str(v) if isinstance(v, int) else one_dp(v)),
    Check("aid-1", r"in current dollars FY(\d{4}) \(US\$([\d,.]+) million\)",
          lambda d: (int(aid_totals(d)["current_musd"].idxmax()), aid_totals(d)["current_musd"].max()),
          lambda v: str(v) if isinstance(v, int) else one_dp(v)),
    Check("aid-1", r"FY1962 was US\$([\d,.]+) million in current dollars", lambda d: aid_totals(d).loc[1962, "current_musd"], one_dp),
    Check("aid-1", r"FY2010 US\$([\d,.]+) million in constant dollars", lambda d: aid_totals(d).loc[2010, "constant_musd"], one_dp),
    Check("aid-2", r"FY1983–FY1990, current dollars: US\$([\d,.]+) million economic, US\$([\d,.]+) million military, (\d+)% military",
          lambda d: (d.aid_period(1983, 1990, "economic"), d.aid_period(1983, 1990, "military"), mil_share(d, 1983, 1990)),
          lambda v: pct(v) if v < 1 else one_dp(v)),
    Check("aid-2", r"FY2002–FY2011: US\$([\d,.]+) million and US\$([\d,.]+) million, (\d+)% military",
          lambda d: (d.aid_period(2002, 2011, "economic"), d.aid_period(2002, 2011, "military"), mil_share(d, 2002, 2011)),
          lambda v: pct(v) if v < 1 else one_dp(v)),
    Check("aid-3", r"FY1955–FY1965: India US\$([\d.]+) billion, Pakistan US\$([\d.]+) billion, Egypt US\$([\d.]+) billion",
          lambda d: tuple(d.greenbook_bn(iso, 1955, 1965) for iso in ("IND", "PAK", "EGY")), two_dp),
    Check("aid-3", r"FY2002–FY2011: Egypt US\$([\d.]+) billion, Pakistan US\$([\d.]+) billion, India US\$([\d.]+) billion",
          lambda d: tuple(d.greenbook_bn(iso, 2002, 2011) for iso in ("EGY", "PAK", "IND")), two_dp),
    Check("aid-4", r"every year from FY(\d{4}) to FY(\d{4}) \(not in FY(\d{4})\)", _pakistan_more_paid),
    Check("aid-4", r"for Bangladesh only in (FY[\dFY, and]+\d)", lambda d: d.fagov_more_paid("BGD"),
          lambda years: ", ".join(f"FY{y}" for y in years[:-1]) + f" and FY{years[-1]}"),
    Check("aid-5", r"the (\d{4})s in constant 2020 dollars \(US\$([\d.]+) billion\)",
          lambda d: (int(d.pak_by_decade["obligations_constant_2020_usd"].idxmax()),
                     d.pak_by_decade["obligations_constant_2020_usd"].max()),
          lambda v: str(v) if isinstance(v, int) else one_dp(v)),
    Check("aid-5", r"the (\d{4})s in current dollars \(US\$([\d.]+) billion\)",
          lambda d: (int(d.pak_by_decade["obligations_current_usd"].idxmax()), d.pak_by_decade["obligations_current_usd"].max()),
          lambda v: str(v) if isinstance(v, int) else one_dp(v)),

    # ---- Tariffs and trade -------------------------------------------------------------------
    Check("trade-1", r"US surpluses in ([\d–]+ and \d{4});",
          lambda d: d.trade_partner("PAK").query("balance_musd > 0")["year"].tolist(), years_text),
    Check("trade-1", r"largest US deficit was in (\d{4}), US\$([\d,.]+) million \(exports US\$([\d,.]+) million, "
                     r"imports US\$([\d,.]+) million\)",
          lambda d: (lambda w: (int(w["year"]), -w["balance_musd"], w["us_exports_musd"], w["us_imports_musd"]))(
              d.trade_partner("PAK").loc[d.trade_partner("PAK")["balance_musd"].idxmin()]),
          lambda v: str(v) if isinstance(v, int) else one_dp(v)),
    Check("trade-2", r"on day 243 \((\d+ \w+ \d{4})\)", lambda d: day_number(243), day),
    Check("trade-2", r"Pakistan (\d+)%, India (\d+)%, Bangladesh (\d+)%, Sri Lanka (\d+)%",
          lambda d: tuple(rates_day(d, 243)[iso] for iso in ("PAK", "IND", "BGD", "LKA")), whole),
    Check("trade-2", r"On day 420 \((\d+ \w+ \d{4})\)", lambda d: day_number(420), day),
    Check("trade-2", r"all four (\d+)%", lambda d: only(rates_day(d, 420).values()), whole),
    Check("trade-2", r"under Section (\d+)", lambda d: d.instruments_on("PAK", day_number(420)).removeprefix("Section ")),
    Check("trade-3", r"India −US\$([\d,.]+) million, Bangladesh −US\$([\d,.]+) million, Pakistan −US\$([\d,.]+) million, "
                     r"Sri Lanka −US\$([\d,.]+) million",
          lambda d: tuple(balance_2024(d, iso) for iso in ("IND", "BGD", "PAK", "LKA")), one_dp),
    Check("trade-3", r"Last US surplus: Pakistan (\d{4}), Bangladesh (\d{4}),",
          lambda d: (last_surplus(d, "PAK"), last_surplus(d, "BGD"))),
    Check("trade-3", r"India and Sri Lanka none in (\d{4})–(\d{4})",
          lambda d: (lambda years: (years.min(), years.max()) if pd.isna(last_surplus(d, "IND")) and pd.isna(
              last_surplus(d, "LKA")) else (None, None))(d.table("trade_us_goods_annual")["year"].astype(int))),
    Check("trade-4", r"\(MFN ([\d.]+)%\)",
          lambda d: d.table("tariff_mfn_products").set_index("product_id").loc["bedlinen", "mfn_ad_valorem_pct"]),
    Check("trade-4", r"Pakistan US\$([\d.]+), India US\$([\d.]+), Bangladesh US\$([\d.]+) of duty",
          lambda d: tuple(d.duty_on_100("bedlinen", iso, "2025-09-01") for iso in ("PAK", "IND", "BGD")), two_dp),
    Check("trade-4", r"US\$([\d.]+) for all three",
          lambda d: only(d.duty_on_100("bedlinen", iso, "2026-03-01") for iso in ("PAK", "IND", "BGD")), two_dp),
    Check("trade-5", r"India (\d+), Bangladesh (\d+), Pakistan (\d+) and Sri Lanka (\d+)",
          lambda d: tuple(d.imports_index_2024(iso) for iso in ("IND", "BGD", "PAK", "LKA")), whole),

    # ---- Minerals ----------------------------------------------------------------------------
    Check("minerals-1", r"natural graphite, (\d{4}) production \((\d{4}) edition\)",
          lambda d: (int(graphite(d, "production")["year"]), int(graphite(d, "production")["edition"][-4:]))),
    Check("minerals-1", r"(\w+) leads with (\d+)% of world output \(([\d.]+) million tonnes\)",
          lambda d: (graphite(d, "production")["country"], graphite(d, "production")["share"],
                     graphite(d, "production")["tonnes"] / 1e6),
          lambda v: v if isinstance(v, str) else pct(v) if v < 1 else one_dp(v)),
    Check("minerals-1", r"Reserves: (\w+) still leads, with (\d+)% \(([\d,]+) million tonnes\)",
          lambda d: (graphite(d, "reserves")["country"], graphite(d, "reserves")["share"], graphite(d, "reserves")["tonnes"] / 1e6),
          lambda v: v if isinstance(v, str) else pct(v) if v < 1 else whole(v)),
    Check("minerals-2", r"held (\d+)% of world output in 2021 and (\d+)% in 2025",
          lambda d: (lithium_top3(d, 2021), lithium_top3(d, 2025)), pct),
    Check("minerals-2", r"the highest top-three share in 2025 is ([a-z ]+), (\d+)%",
          lambda d: (lambda top: (top["commodity"].replace("_", " "), top["share"]))(
              d.top3.query("year == 2025").sort_values("share").iloc[-1]),
          lambda v: v if isinstance(v, str) else pct(v)),
    Check("minerals-3", r"2023 is ([\d,]+) tonnes in the (\d{4}) edition and ([\d,]+) in the (\d{4}) edition",
          lambda d: tuple(x for edition, tonnes in sorted(d.mcs_production("rare_earths", 2023, "World total (rounded)").items())
                          for x in (tonnes, int(edition[-4:]))),
          lambda v: str(v) if isinstance(v, int) else whole(v)),
    Check("minerals-3", r"Only the (\d{4}) edition gives Pakistan's 2023 antimony output: (\d+) tonnes, of a world total of ([\d,]+)",
          lambda d: (lambda pak: (int(only(pak)[-4:]), only(pak.values()),
                                  d.mcs_production("antimony", 2023, "World total (rounded)")[only(pak)]))(
              d.mcs_production("antimony", 2023, "Pakistan")),
          lambda v: str(v) if isinstance(v, int) else whole(v)),
    Check("minerals-4", r"NPV is US\$([\d.]+) billion with the study's prices", lambda d: sketch_npv(d), one_dp),
    Check("minerals-4", r"the study's prices at (\d+)%", lambda d: d.sketch.discount_rate, whole),
    Check("minerals-4", r"US\$([\d.]+) billion with copper at", lambda d: sketch_npv(d, copper_price=5.0), one_dp),
    Check("minerals-4", r"US\$([\d.]+) billion at 12%", lambda d: sketch_npv(d, discount_rate=12.0), one_dp),
    Check("minerals-4", r"US\$([\d.]+) billion with both changes",
          lambda d: sketch_npv(d, copper_price=5.0, discount_rate=12.0), one_dp),
    Check("minerals-5", r"production ranges from (\d+)% \((\w+)\) and (\d+)% \(([a-z ]+)\) down to (\d+)% \(mined copper\)",
          lambda d: (lambda s: (s.iloc[0], s.index[0], s.iloc[1], s.index[1].replace("_", " "),
                                s.loc["copper_mine"] if s.idxmin() == "copper_mine" else None))(china(d, "production")),
          lambda v: v if isinstance(v, str) else pct(v)),
    Check("minerals-5", r"of reserves, from (\d+)% \((\w+)\) down to (\d+)% \((\w+)\)",
          lambda d: (lambda s: (s.iloc[0], s.index[0], s.iloc[-1], s.index[-1].replace("_mine", "")))(china(d, "reserves")),
          lambda v: v if isinstance(v, str) else pct(v)),

    # ---- The assets --------------------------------------------------------------------------
    Check("assets-1", r"only in (\d{4}, \d{4} and \d{4});",
          lambda d: [int(y) for y in assets_wide(d).index[assets_wide(d)["us_aid"] > assets_wide(d)["us_remittances"]]],
          lambda years: ", ".join(map(str, years[:-1])) + f" and {years[-1]}"),
    Check("assets-1", r"about ([\d.]+)% of Pakistan's 2023 GDP",
          lambda d: d.bilateral.query("flow == 'us_remittances' and year == 2023")["share_of_gdp"].item(), one_dp),
    Check("assets-2", r"the US share was ([\d.]+)% in FY2019 and ([\d.]+)% in FY2020",
          lambda d: (us_share(d, 2019), us_share(d, 2020)), pct1),
    Check("assets-2", r"from about US\$([\d.]+) billion to US\$([\d.]+) billion",
          lambda d: (d.remittances_by_fy.loc[2019, "total"] / 1e3, d.remittances_by_fy.loc[2020, "total"] / 1e3), one_dp),
    Check("assets-3", r"(\w+) leads gross inflows in July–March FY2026 \(about US\$([\d,]+) million\)",
          lambda d: (lambda top: (top["country"], top["value_musd"]))(
              flows.fdi_by_country(d.table("assets_fdi_by_country"), "jul_mar_fy2026", measure="fdi_inflow").iloc[0]),
          lambda v: v if isinstance(v, str) else whole(v)),
    Check("assets-3", r"about −US\$(\d+) million \(FY2025\) and −US\$(\d+) million \(FY2026\)",
          lambda d: (-d.us_portfolio("jul_mar_fy2025"), -d.us_portfolio("jul_mar_fy2026")), whole),
    Check("assets-4", r"highest in (\d{4}) \(about (\d+) years\)",
          lambda d: (int(d.gas_rp.idxmax()), d.gas_rp.max()), lambda v: str(v) if isinstance(v, int) else whole(v)),
    Check("assets-4", r"would last about ([\d.]+) years, to about (\d{4})",
          lambda d: (d.gas_rp[2020], 2020 + d.gas_rp[2020]), lambda v: one_dp(v) if v < 100 else f"{v:.0f}"),
    Check("assets-5", r"every year since (\d{4}) except (\d{4}), so the answer is (\d{4})",
          lambda d: (min(oda_above(d)), only(y for y in oda_below(d) if y > min(oda_above(d))), max(oda_below(d)) + 1)),

    # ---- Diplomacy ---------------------------------------------------------------------------
    Check("diplomacy-1", r"the (\d{4})s have the tallest bar: (\d+) visits by Pakistani leaders to the United States "
                         r"and (\d+) trips by US presidents or secretaries of state to Pakistan",
          lambda d: (lambda decade: (decade,) + tuple(
              int(((d.trips["decade"] == decade) & (d.trips["direction"] == way)).sum())
              for way in ("Pakistan to US", "US to Pakistan")))(_busiest_decade(d))),
    Check("diplomacy-1", r"most in the (\d{4})s \((\d+) trips\)",
          lambda d: (int(_secretaries(d).idxmax()), int(_secretaries(d).max()))),
    Check("diplomacy-2", r"the (stand-by arrangement) of (\w+ \d{4}): SDR ([\d,.]+) million agreed, SDR ([\d,.]+) million drawn \((\d+)%\)",
          lambda d: (lambda r: ("stand-by arrangement" if r["facility_code"] == "SBA" else r["facility"],
                                month(r["approval_date"]), one_dp(r["agreed_sdr_m"]), one_dp(r["drawn_sdr_m"]),
                                pct(r["drawn_sdr_m"] / r["agreed_sdr_m"])))(d.largest_imf)),
    Check("diplomacy-3", r"2001–2011 is led by \*aid\* \((\d+) events\)", lambda d: rank(d, 2001, 2011, "aid", 1)),
    Check("diplomacy-3", r"and \*counter-terrorism\* \((\d+)\)", lambda d: rank(d, 2001, 2011, "counter-terrorism", 2)),
    Check("diplomacy-3", r"2025 jointly by \*aid\* and \*minerals/energy\* \((\d+) each\)",
          lambda d: only([rank(d, 2025, 2025, "aid", 1), rank(d, 2025, 2025, "minerals/energy", 1)])),
    Check("diplomacy-3", r"then \*trade/investment\* \((\d+)\)", lambda d: rank(d, 2025, 2025, "trade/investment", 3)),
    Check("diplomacy-3", r"The book records (\d+) events in 2025 and (\d+) in 1947–1969",
          lambda d: (int(d.category_counts(2025, 2025).sum()), int(d.category_counts(1947, 1969).sum()))),
    Check("diplomacy-5", r"of the (\d+) events, the (\d{4})s hold the most \((\d+)\) and the (\d{4})s the fewest \((\d+)\)",
          lambda d: (lambda per: (len(d.timeline), int(per.idxmax()), int(per.max()), int(per.idxmin()), int(per.min())))(
              d.events_per_decade)),

    # ---- Claims check ------------------------------------------------------------------------
    Check("claims-1", r"^: (one) claim is unverifiable",
          lambda d: sum(c.verdict == "unverifiable" for c in d.claims.values()), word),
    Check("claims-2", r"leaves (no) day at all",
          lambda d: sum((b - a).days + 1 for a, b in lowest_spells(d.table("tariff_rates_by_date"), "PAK",
                                                                  ["PAK", "IND", "BGD", "LKA", "AFG"], "2025-04-05", "2026-08-31")),
          lambda days: "no" if days == 0 else str(days)),
    Check("claims-2", r"Afghanistan's (\d+)% was below Pakistan's (\d+)%",
          lambda d: (rate_on(d.table("tariff_rates_by_date"), "AFG", "2025-09-01"),
                     rate_on(d.table("tariff_rates_by_date"), "PAK", "2025-09-01")), whole),
    Check("claims-2", r"\((\d+ \w+ \d{4}) to (\d+ \w+ \d{4})\)",
          lambda d: (lambda days: (days[0], days[-1]) if days else (None, None))(d.both_applied("PAK", 19.0, "AFG", 15.0)), day),
    Check("claims-3", r"India's highest rate is (\d+)%", lambda d: d.no_penalty.figures["india_peak_pct"], whole),
    Check("claims-3", r"for the same (\d+) days", lambda d: d.no_penalty.figures["lowest_of_big_four_days"]),

    # ---- Since then --------------------------------------------------------------------------
    Check("since-1", r"(\d+) facts are left", lambda d: len(trade_facts(d))),
    Check("since-1", r"plan \((\d+ \w+ \d{4})\)", lambda d: trade_facts(d)["day"].min(), day),
    Check("since-1", r"(\w+) are marked reported and (\w+) contested",
          lambda d: (status_count(d, "REPORTED"), status_count(d, "CONTESTED")), word),
    Check("since-2", r"from 1 January 2026, (\d+) facts remain, (\d+) of them about trade",
          lambda d: (len(facts_from(d, "2026-01-01")),
                     int((facts_from(d, "2026-01-01")["category"] == "trade/investment").sum()))),
    Check("since-2", r"from 1 August 2025, (\d+), (\w+) of them from before the book's cut-off",
          lambda d: (len(facts_from(d, "2025-08-01")), int((facts_from(d, "2025-08-01")["day"] < CUTOFF).sum())),
          lambda v: word(v) if v <= 20 else str(v)),
    Check("since-3", r"from (\d+ \w+ \d{4}) to 31 August 2026", lambda d: CUTOFF, day),
    Check("since-3", r"less than India, Bangladesh and Sri Lanka on (\d+) days and the same on (\d+);",
          lambda d: (only(since(d, iso, "lower") for iso in ("IND", "BGD", "LKA")),
                     only(since(d, iso, "same") for iso in ("IND", "BGD", "LKA")))),
    Check("since-3", r"less than Vietnam on (\d+) days", lambda d: since(d, "VNM", "lower")),
    Check("since-3", r"more than Turkey and Egypt on (\d+) days", lambda d: only(since(d, iso, "higher") for iso in ("TUR", "EGY"))),
    Check("since-4", r"every fiscal year from FY(\d{4}) to FY(\d{4})", _pipeline_years),
    Check("since-4", r"widest in FY(\d{4}) \(US\$([\d,.]+) million\)",
          lambda d: (lambda w: (int(w["fiscal_year"]), w["gap_musd"]))(d.pipeline.loc[d.pipeline["gap_musd"].idxmax()]),
          lambda v: str(v) if isinstance(v, int) else one_dp(v)),
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
    "{ref}`Exercise 6.3 <diplomacy-ex-3>`:", "Exercise 26:", "Exercise 6.3:",
])
def test_answers_are_found_whatever_form_the_reference_takes(guide_text, lead):
    """The references to exercises will become numbered cross-references: the answers stay found."""
    changed = guide_text.replace("{ref}`diplomacy-ex-3`:", lead).replace(
        "{ref}`Full solution <diplomacy-sol-3>`", "{numref}`Solution %s <diplomacy-sol-3>`")
    assert changed != guide_text
    assert answers(changed) == answers(guide_text)


@pytest.mark.parametrize("old, new", [
    ("(9 each)", "(8 each)"),                       # the fact-check's finding #1, the other way round
    ("then *trade/investment* (7)", "then *trade/investment* (9)"),
    ("US$726.6 million", "US$726.5 million"),
    ("Pakistan 236", "Pakistan 263"),
    ("142 days and the same on 193", "142 days and the same on 139"),
    ("five are marked", "four are marked"),
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
