"""US tariffs on a country's goods: the rate in force on a day, and what a schedule costs.

* :func:`rate_on` and :func:`rates_on` read the shared table ``tariff_rates_by_date``: the
  additional US tariff on a country's goods on a given day (the trade chapter, the claims
  check and "Since then" use them);
* :func:`lowest_in_group` answers "was a country's rate the lowest of a group on that day?";
* :func:`step_series` turns the table into intervals of constant rate, for step charts;
* :func:`schedule_on`, :func:`duty_bill` and :func:`chapter_bill` apply a tariff schedule to
  the 2024 import basket (the trade chapter's what-if explorer,
  :class:`aid2assets.explorers.trade.TradeExplorer`, is built on them).
"""

from __future__ import annotations

from datetime import date

import pandas as pd

__all__ = ["rate_on", "rates_on", "lowest_in_group", "step_series", "schedule_on", "duty_bill",
           "chapter_bill"]


def _day(when) -> pd.Timestamp:
    return pd.Timestamp(date.fromisoformat(when) if isinstance(when, str) else when)


def rate_on(table: pd.DataFrame, iso3: str, when) -> float | None:
    """The additional US duty (percent, on top of MFN) on goods of ``iso3`` on day ``when``.

    Rows of different instruments in force on the same day add up. Returns ``None`` when the
    table has no row covering the day (the rate is not known to the book), never a guess.

    >>> rate_on(load("tariff_rates_by_date"), "PAK", "2025-08-10")   # doctest: +SKIP
    19.0
    """
    day = _day(when)
    rows = table[(table["country_iso3"] == iso3) & (table["effective_date"] <= day)
                 & (table["end_date"].isna() | (table["end_date"] >= day))]
    if rows.empty:
        if iso3 not in set(table["country_iso3"]):
            raise KeyError(f"no tariff rows for {iso3!r}")
        return None
    return float(rows["additional_rate_pct"].sum())


def rates_on(table: pd.DataFrame, when, countries=None) -> dict[str, float | None]:
    """:func:`rate_on` for several countries (default: every country in the table, in table order)."""
    countries = list(dict.fromkeys(table["country_iso3"])) if countries is None else list(countries)
    return {iso: rate_on(table, iso, when) for iso in countries}


def lowest_in_group(table: pd.DataFrame, iso3: str, group, when) -> bool:
    """True when ``iso3``'s rate is strictly lower than every other known rate in ``group`` that day."""
    rates = rates_on(table, when, group)
    own = rates[iso3]
    others = [r for c, r in rates.items() if c != iso3 and r is not None]
    return own is not None and all(own < r for r in others)


def step_series(table: pd.DataFrame, countries, start="2025-01-01", end="2026-08-31") -> pd.DataFrame:
    """Intervals of constant total rate per country: country_iso3, start, end (inclusive), rate_pct
    and the instruments in force (joined with " + ").

    Built from every date on which some row starts or ends, so stacked instruments are summed.
    Days with no known rate are left out.
    """
    first, last = _day(start), _day(end)
    out = []
    for iso in countries:
        rows = table[table["country_iso3"] == iso]
        cuts = {first, last + pd.Timedelta(days=1)}
        cuts |= {d for d in rows["effective_date"] if first < d <= last}
        cuts |= {d + pd.Timedelta(days=1) for d in rows["end_date"].dropna() if first <= d < last}
        cuts = sorted(cuts)
        for a, b in zip(cuts[:-1], cuts[1:]):
            rate = rate_on(table, iso, a)
            if rate is None:
                continue
            end_day = b - pd.Timedelta(days=1)
            live = rows[(rows["effective_date"] <= a) & (rows["end_date"].isna() | (rows["end_date"] >= a))]
            instruments = " + ".join(live.sort_values("effective_date")["instrument"])
            if out and out[-1]["country_iso3"] == iso and out[-1]["rate_pct"] == rate \
                    and out[-1]["instruments"] == instruments and out[-1]["end"] + pd.Timedelta(days=1) == a:
                out[-1]["end"] = end_day
            else:
                out.append({"country_iso3": iso, "start": a, "end": end_day, "rate_pct": rate,
                            "instruments": instruments})
    return pd.DataFrame(out, columns=["country_iso3", "start", "end", "rate_pct", "instruments"])


def schedule_on(table: pd.DataFrame, when, countries) -> dict[str, float]:
    """A tariff schedule (country -> additional percent) as in force on a day; unknown rates are 0."""
    return {iso: (rate or 0.0) for iso, rate in rates_on(table, when, countries).items()}


def duty_bill(duty_2024: pd.DataFrame, schedule: dict[str, float]) -> pd.DataFrame:
    """Duty on each country's 2024 import basket under a schedule of additional rates.

    ``duty_2024`` is the ``trade_country_duty_2024`` table. For each country in ``schedule``:
    the 2024 applied (mostly MFN) duty, the additional duty (imports x rate), both in US$
    million, and the all-in average rate. A static calculation: imports are held at their
    2024 value and product exemptions are ignored.
    """
    rows = duty_2024.set_index("country_iso3")
    unknown = [c for c in schedule if c not in rows.index]
    if unknown:
        raise KeyError(f"no 2024 import data for {', '.join(unknown)}")
    out = []
    for iso, extra in schedule.items():
        if extra < 0:
            raise ValueError(f"a tariff cannot be negative ({iso}: {extra})")
        r = rows.loc[iso]
        imports = r["imports_consumption_2024_usd"] / 1e6
        applied = imports * r["applied_duty_2024_pct"] / 100
        additional = imports * extra / 100
        out.append({"country_iso3": iso, "imports_musd": imports, "applied_duty_musd": applied,
                    "additional_rate_pct": float(extra), "additional_duty_musd": additional,
                    "total_duty_musd": applied + additional,
                    "all_in_rate_pct": 100 * (applied + additional) / imports})
    return pd.DataFrame(out)


def chapter_bill(hs2: pd.DataFrame, rate_pct: float, exempt=()) -> pd.DataFrame:
    """Pakistan's 2024 basket by HS chapter under one additional rate, with exempt chapters at 0.

    Returns hs2, label, imports, MFN (calculated) duty, additional duty (US$ million) and the
    all-in rate, largest chapters first.
    """
    if rate_pct < 0:
        raise ValueError("a tariff cannot be negative")
    exempt = set(exempt)
    df = hs2.copy()
    df["imports_musd"] = df["imports_usd"] / 1e6
    df["mfn_duty_musd"] = df["calculated_duty_usd"] / 1e6
    df["additional_rate_pct"] = [0.0 if ch in exempt else float(rate_pct) for ch in df["hs2"]]
    df["additional_duty_musd"] = df["imports_musd"] * df["additional_rate_pct"] / 100
    df["total_duty_musd"] = df["mfn_duty_musd"] + df["additional_duty_musd"]
    df["all_in_rate_pct"] = 100 * df["total_duty_musd"] / df["imports_musd"]
    cols = ["hs2", "label", "imports_musd", "mfn_duty_musd", "additional_rate_pct", "additional_duty_musd",
            "total_duty_musd", "all_in_rate_pct"]
    return df.sort_values("imports_musd", ascending=False)[cols].reset_index(drop=True)
