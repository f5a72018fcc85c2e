"""How far the book's data run: the latest day each shared table records.

Every chapter prints one line from :func:`as_of_line` under its first code cell, so the date a
chapter's data run to is computed from the tables, never typed. A table's latest day comes from
its own date column (:data:`DATE_COLUMNS`): a full date is itself, a month ('YYYY-MM') its last
day, a calendar year 31 December and a US fiscal year 30 September.
"""

from __future__ import annotations

import re

import pandas as pd

from .data import load

__all__ = ["DATE_COLUMNS", "latest_day", "runs_to", "as_of_line", "HAPPENED", "MONTHLY_SERIES",
           "record_ends", "record_ends_line"]

# table -> (column, kind); kind is "day" (a date, or text that may be a day or a month),
# "month", "year" (calendar) or "fiscal" (US fiscal year, ending 30 September)
DATE_COLUMNS = {
    "events": ("date", "day"),
    "tariff_rates_by_date": ("effective_date", "day"),
    "tariff_announced_rates": ("announced_date", "day"),
    "imf_programs": ("approval_date", "day"),
    "imf_reviews": ("date", "day"),
    "minerals_reko_diq": ("as_of", "day"),
    "visits": ("start_date", "day"),
    "leaders": ("start_date", "day"),
    "trade_us_pak_monthly": ("month", "month"),
    "trade_us_goods_annual": ("year", "year"),
    "aid_greenbook": ("fiscal_year", "fiscal"),
    "aid_foreignassistance": ("fiscal_year", "fiscal"),
    "aid_crs_pakistan": ("last_fy", "fiscal"),
    "macro_pakistan": ("period", "day"),
}

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")


def _day(value, kind: str, month_end: bool = True):
    """The day a cell stands for; a 'YYYY-MM' month is its last day, or its first with
    ``month_end=False`` (where a month must never overstate how far a record runs)."""
    if pd.isna(value):
        return None
    if kind == "year":
        return pd.Timestamp(int(value), 12, 31)
    if kind == "fiscal":
        return pd.Timestamp(int(value), 9, 30)
    if isinstance(value, pd.Timestamp):
        return value
    text = str(value).strip()
    if _DAY.match(text):
        return pd.Timestamp(text)
    if _MONTH.match(text):
        first = pd.Timestamp(text + "-01")
        return first + pd.offsets.MonthEnd(0) if month_end else first
    return None   # a year alone or free text ('2010 feasibility study') has no day


def latest_day(name: str, frame: pd.DataFrame | None = None) -> pd.Timestamp:
    """The latest day table ``name`` records in its date column."""
    column, kind = DATE_COLUMNS[name]
    frame = load(name) if frame is None else frame
    days = [d for d in (_day(v, kind) for v in frame[column]) if d is not None]
    if not days:
        raise ValueError(f"{name}: no dated row in column {column!r}")
    return max(days)


def runs_to(names) -> tuple[pd.Timestamp, str]:
    """The latest day across the tables ``names``, and the table that holds it."""
    found = [(latest_day(n), n) for n in names]
    return max(found)


def as_of_line(names) -> str:
    """'The data in this chapter run to 22 June 2026 (events); aid_greenbook to 30 September 2020, ...'."""
    parts = sorted(((latest_day(n), n) for n in names), reverse=True)
    latest, table = parts[0]
    rest = "; ".join(f"{n} to {d:%-d %B %Y}" for d, n in parts[1:])
    return f"The data in this chapter run to {latest:%-d %B %Y} ({table})" + (f"; {rest}." if rest else ".")


# -- Where the record ends -------------------------------------------------------------------------
# The tables whose rows record something that happened on a day (an event, a review stage, a rate
# taking effect or being announced, a figure stated): table -> its day column.
HAPPENED = {
    "events": "date",
    "imf_reviews": "date",
    "tariff_rates_by_date": "effective_date",
    "tariff_announced_rates": "announced_date",
    "minerals_reko_diq": "as_of",
    "macro_pakistan": "as_of",
}
# Statuses of a row that says something happened (not RECALLED, EDITORIAL or DERIVED).
HAPPENED_STATUSES = ("VERIFIED", "REPORTED")

# The monthly statistical series, by publisher: publisher -> [(table, month column, row filter)].
MONTHLY_SERIES = {
    "State Bank of Pakistan": [("assets_remittances_monthly", "month", None),
                               ("macro_pakistan", "period", ("period_type", "month"))],
    "US Census Bureau (via FRED)": [("trade_us_pak_monthly", "month", None)],
}


def record_ends(tables: dict | None = None) -> dict:
    """How far the book's record runs, computed from the tables.

    ``news``: the latest day among rows of :data:`HAPPENED` tables whose status is VERIFIED or
    REPORTED (a month-precision date counts as its first day, so a month never overstates it),
    with ``news_table`` and ``news_row`` naming where it comes from; ``monthly``: publisher ->
    the latest month (``pandas.Period``) of its monthly series. ``tables`` may supply frames by
    name (for tests); the rest are loaded.
    """
    tables = dict(tables or {})
    get = lambda name: tables[name] if name in tables else load(name)   # noqa: E731
    best = None
    for name, column in HAPPENED.items():
        frame = get(name)
        if "status" in frame.columns:
            frame = frame[frame["status"].isin(HAPPENED_STATUSES)]
        for index, value in zip(frame.index, frame[column]):
            day = _day(value, "day", month_end=False)
            if day is not None and (best is None or day > best[0]):
                best = (day, name, index)
    if best is None:
        raise ValueError("no dated VERIFIED or REPORTED row in " + ", ".join(HAPPENED))
    monthly = {}
    for publisher, series in MONTHLY_SERIES.items():
        months = []
        for name, column, only in series:
            frame = get(name)
            if only is not None:
                frame = frame[frame[only[0]] == only[1]]
            months += [pd.Period(str(v)[:7], "M") for v in frame[column] if _MONTH.match(str(v)[:7])]
        if months:
            monthly[publisher] = max(months)
    return {"news": best[0], "news_table": best[1], "news_row": best[2], "monthly": monthly}


def record_ends_line(ends: dict | None = None, publishers=("State Bank of Pakistan",)) -> str:
    """One sentence: 'The record runs to 28 July 2026 for news and events, and to July 2026 for the
    State Bank of Pakistan's monthly data; the months after are not covered, not quiet.'"""
    ends = record_ends() if ends is None else ends
    data = "; ".join(f"to {ends['monthly'][p]:%B %Y} for the {p}'s monthly data"
                     for p in publishers if p in ends["monthly"])
    return (f"The record runs to {ends['news']:%-d %B %Y} for news and events"
            + (f", and {data}" if data else "")
            + ". The months after are not covered by the book's sources: they are unrecorded, not quiet.")
