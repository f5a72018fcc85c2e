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

__all__ = ["DATE_COLUMNS", "latest_day", "runs_to", "as_of_line"]

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
}

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")


def _day(value, kind: str):
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
        return pd.Timestamp(text + "-01") + pd.offsets.MonthEnd(0)
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
