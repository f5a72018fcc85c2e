"""The "Since then" chapter's functions: what the shared tables record after the book's cut-off.

The book grew out of a commentary written in autumn 2025; the chapter takes 1 October 2025 as
its cut-off (:data:`CUTOFF`) and reads every later fact from the same tables as the other
chapters, so that it cannot drift from them:

* :func:`dated_facts` gathers the dated facts after a day from ``events`` and from two tables
  that carry dates of their own (``tariff_announced_rates`` and ``minerals_reko_diq``);
* :func:`latest_fact` is the latest day any of the book's dated tables mentions (the "as of" date);
* :func:`aid_by_year` is Pakistan's ForeignAssistance.gov series for recent fiscal years;
* :func:`coverage` says, table by table, how far the data reach.

Tariff rates on a day come from :mod:`aid2assets.tariffs` (``rate_on``, ``rates_on``,
``step_series``); nothing here recomputes them.
"""

from __future__ import annotations

import re

import pandas as pd

from .fiscal import with_fiscal_years

__all__ = ["CUTOFF", "day_of", "dated_facts", "latest_fact", "aid_by_year", "coverage", "FACT_COLUMNS"]

CUTOFF = pd.Timestamp("2025-10-01")

FACT_COLUMNS = ["fact_id", "day", "date", "date_precision", "title", "description", "category",
                "source", "status", "note", "table"]

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")


def day_of(text) -> pd.Timestamp | None:
    """The day a table's free-text date stands for: 'YYYY-MM-DD' itself, 'YYYY-MM' the 15th
    (as :func:`aid2assets.fiscal.event_day` places month-precision events); anything else
    (a year, 'feasibility study', '2022-12 onward') has no day and gives None."""
    if isinstance(text, pd.Timestamp):
        return text
    text = str(text).strip()
    if _DAY.match(text):
        return pd.Timestamp(text)
    if _MONTH.match(text):
        return pd.Timestamp(text + "-15")
    return None


def _money(value: float, unit: str) -> str:
    """'US$1.25 billion' from 1.25 and 'US$ billion'; other units are written after the number."""
    if unit.startswith("US$ "):
        return f"US${value:,g} {unit[4:]}"
    return f"{value:,g} {unit}"


def _kind(instrument: str) -> str:
    """'joint statement' from 'IEEPA reciprocal (joint statement)'; the instrument itself otherwise."""
    found = re.search(r"\(([^)]+)\)$", instrument)
    return found.group(1) if found else instrument


def dated_facts(events: pd.DataFrame, announced: pd.DataFrame, reko: pd.DataFrame,
                partners: pd.DataFrame, sources: pd.DataFrame, after=CUTOFF) -> pd.DataFrame:
    """Every dated fact on or after ``after``, one row each, sorted by day.

    * ``events``: every event whose representative day (month precision: the 15th) is on or
      after the cut-off, with its own title, description, category, source and status;
    * ``tariff_announced_rates``: rates announced on or after the cut-off (category
      trade/investment), titled from the table's columns and sourced from ``sources``;
    * ``minerals_reko_diq``: figures whose ``as_of`` is a day or month on or after the cut-off
      (category minerals/energy), titled from the label, value and unit.
    """
    after = pd.Timestamp(after)
    rows = []
    ev = with_fiscal_years(events)
    for r in ev[ev["day"] >= after].itertuples():
        rows.append({"fact_id": r.event_id, "day": r.day, "date": r.date, "date_precision": r.date_precision,
                     "title": r.title, "description": r.description, "category": r.category,
                     "source": r.source, "status": r.status, "note": "" if pd.isna(r.note) else r.note, "table": "events"})
    names = dict(zip(partners["iso3"], partners["name"]))
    cite = sources.set_index("source_id")
    for r in announced[announced["announced_date"].map(day_of) >= after].itertuples():
        src = cite.loc[r.source_id]
        day = day_of(r.announced_date)
        rows.append({"fact_id": f"{day:%Y-%m-%d}-{r.country_iso3.lower()}-announced-{r.announced_rate_pct:g}",
                     "day": day, "date": f"{day:%Y-%m-%d}", "date_precision": "day",
                     "title": f"{names[r.country_iso3]}: {r.announced_rate_pct:g}% US rate announced in a {_kind(r.instrument)}",
                     "description": f"{r.outcome}.", "category": "trade/investment",
                     "source": f"{src['publisher']}, {src['title']} ({src['url']})", "status": r.status,
                     "note": "" if pd.isna(r.note) else r.note, "table": "tariff_announced_rates"})
    reko_days = reko["as_of"].map(day_of)
    for r, day in zip(reko[reko_days.notna()].itertuples(), reko_days[reko_days.notna()]):
        if day < after:
            continue
        rows.append({"fact_id": f"reko-diq-{r.item.replace('_', '-')}", "day": day, "date": r.as_of,
                     "date_precision": "day" if _DAY.match(r.as_of) else "month",
                     "title": f"Reko Diq: {r.label}, {_money(r.value, r.unit)}",
                     "description": (r.note[0].upper() + r.note[1:] + ".") if not pd.isna(r.note) and r.note else r.label + ".",
                     "category": "minerals/energy", "source": r.source, "status": r.status,
                     "note": "", "table": "minerals_reko_diq"})
    out = pd.DataFrame(rows, columns=FACT_COLUMNS)
    return out.sort_values(["day", "fact_id"]).reset_index(drop=True)


def latest_fact(events, rates, announced, reko, reviews=None) -> pd.Timestamp:
    """The latest day that any of the book's dated tables records (events, effective and
    announced tariff dates, Reko Diq figures and, when given, the IMF reviews): the chapter's
    "as of" date."""
    days = [with_fiscal_years(events)["day"].max(), rates["effective_date"].max(), rates["end_date"].max(),
            announced["announced_date"].map(day_of).max(), reko["as_of"].map(day_of).dropna().max()]
    if reviews is not None:
        days.append(pd.to_datetime(reviews["date"]).max())
    return max(d for d in days if pd.notna(d))


def aid_by_year(fagov: pd.DataFrame, first_fy: int, download: str = "2025-11", iso3: str = "PAK") -> pd.DataFrame:
    """One row per fiscal year from ``first_fy``: obligations and disbursements in current and
    constant US$ million, from one ForeignAssistance.gov download, with the last year flagged
    as partial (the download was made before that year's reporting was complete)."""
    rows = fagov[(fagov["country_iso3"] == iso3) & (fagov["download"] == download)
                 & (fagov["period"] == "year") & (fagov["fiscal_year"] >= first_fy)]
    wide = rows.pivot_table(index="fiscal_year", columns="transaction_type",
                            values=["current_usd", "constant_usd"], aggfunc="sum")
    out = pd.DataFrame({
        "fiscal_year": wide.index.astype(int),
        "obligations_current_musd": (wide[("current_usd", "obligations")] / 1e6).round(3).to_numpy(),
        "disbursements_current_musd": (wide[("current_usd", "disbursements")] / 1e6).round(3).to_numpy(),
        "obligations_constant_musd": (wide[("constant_usd", "obligations")] / 1e6).round(3).to_numpy(),
        "disbursements_constant_musd": (wide[("constant_usd", "disbursements")] / 1e6).round(3).to_numpy(),
    })
    base = rows["constant_base_fy"].unique()
    if len(base) != 1:
        raise ValueError(f"download {download} mixes constant-dollar bases {sorted(base)}")
    out["constant_base_fy"] = int(base[0])
    out["partial"] = out["fiscal_year"] == out["fiscal_year"].max()
    return out.reset_index(drop=True)


def coverage(events, rates, announced, reko, monthly, fagov, imf, reviews=None) -> pd.DataFrame:
    """How far each shared table reaches, and whether it has anything after the cut-off."""
    ev_days = with_fiscal_years(events)["day"]
    reko_days = reko["as_of"].map(day_of).dropna()
    months = monthly["month"]
    def day(d):
        return d.strftime("%Y-%m-%d")
    ann = announced["announced_date"].map(day_of)
    rows = [
        ("events", "dated events", day(ev_days.max()), int((ev_days >= CUTOFF).sum())),
        ("tariff_rates_by_date", "tariff changes (effective dates)", day(rates["effective_date"].max()),
         int((rates["effective_date"] >= CUTOFF).sum())),
        ("tariff_announced_rates", "announced rates", day(ann.max()), int((ann >= CUTOFF).sum())),
        ("minerals_reko_diq", "Reko Diq figures dated to a day or month", day(reko_days.max()),
         int((reko_days >= CUTOFF).sum())),
        ("trade_us_pak_monthly", "months of US goods trade with Pakistan", months.max(),
         int((months.map(day_of) >= CUTOFF).sum())),
        ("imf_programs", "IMF approvals", day(imf["approval_date"].max()), int((imf["approval_date"] >= CUTOFF).sum())),
    ]
    if reviews is not None:
        r_days = pd.to_datetime(reviews["date"])
        rows.append(("imf_reviews", "stages of IMF reviews (agreements, Board decisions, missions)", day(r_days.max()),
                     int((r_days >= CUTOFF).sum())))
    fy = int(fagov.loc[fagov["download"] == "2025-11", "fiscal_year"].max())
    rows.append(("aid_foreignassistance", f"US fiscal years (FY{fy}, partial, ends 30 Sep {fy})", f"FY{fy}", 0))
    out = pd.DataFrame(rows, columns=["table", "what", "latest", "rows_after_cutoff"])
    return out
