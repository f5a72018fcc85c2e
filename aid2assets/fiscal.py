"""US federal fiscal years and event dates.

US fiscal years ran July-June until FY1976 and October-September from FY1977. The three
months in between, July-September 1976, were a separate "transition quarter" (TQ).
"""

from __future__ import annotations

from datetime import date

import pandas as pd

TQ_START, TQ_END = date(1976, 7, 1), date(1976, 9, 30)


def us_fiscal_year(day: date) -> float:
    """The US fiscal year a day falls in; the transition quarter is returned as 1976.5.

    >>> us_fiscal_year(date(1965, 9, 8)), us_fiscal_year(date(2001, 9, 22)), us_fiscal_year(date(1976, 8, 1))
    (1966, 2001, 1976.5)
    """
    if TQ_START <= day <= TQ_END:
        return 1976.5
    if day < TQ_START:
        return day.year + 1 if day.month >= 7 else day.year
    return day.year + 1 if day.month >= 10 else day.year


def event_day(value: str, precision: str) -> date:
    """A representative day for a date given to day, month or year precision.

    Month-precision dates are placed on the 15th and year-precision dates on 1 July, the
    middle of the period, so that they fall in the most likely fiscal year.
    """
    if precision == "day":
        return date.fromisoformat(value)
    if precision == "month":
        year, month = map(int, value.split("-"))
        return date(year, month, 15)
    if precision == "year":
        return date(int(value), 7, 1)
    raise ValueError(f"unknown date precision {precision!r}")


def with_fiscal_years(events: pd.DataFrame) -> pd.DataFrame:
    """Events with a ``day`` (representative date) and a ``fiscal_year`` column added."""
    out = events.copy()
    out["day"] = [event_day(d, p) for d, p in zip(out["date"], out["date_precision"])]
    out["fiscal_year"] = [us_fiscal_year(d) for d in out["day"]]
    out["day"] = pd.to_datetime(out["day"])
    return out


def decimal_year(days) -> "pd.Series":
    """Dates as decimal years (1 July 1990 is about 1990.5), rounded to four places.

    Lets layers measured by date (events, IMF arrangements) share one numeric time axis
    with series measured by year.

    >>> list(decimal_year(["1990-01-01", "1990-07-02"]))
    [1990.0, 1990.4986]
    """
    days = pd.to_datetime(pd.Series(days))
    length = 365 + days.dt.is_leap_year.astype(int)
    return (days.dt.year + (days.dt.day_of_year - 1) / length).round(4)
