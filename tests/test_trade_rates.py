"""The shared table of additional US tariffs by effective date, and rate_on.

Dates and rates: EO 14257 (10% from 5 Apr 2025; Annex I from 12:01 a.m. EDT 9 Apr, Pakistan 29%
as corrected), EO 14266 (suspended from 12:01 a.m. EDT 10 Apr), EO 14326 (Pakistan 19% from
7 Aug 2025), EO 14329 (India +25% from 27 Aug 2025), Learning Resources v. Trump (20 Feb 2026),
Section 122 (10%, 24 Feb - 23 Jul 2026), Section 301 (Pakistan 10% from 24 Jul 2026).
"""

import pandas as pd
import pytest

from aid2assets import load
from aid2assets.tariffs import lowest_in_group, rate_on, rates_on, schedule_on, step_series
from fixture_support import table_fixture


rates = table_fixture("tariff_rates_by_date")


@pytest.mark.parametrize("day,expected", [
    ("2025-04-01", 0), ("2025-04-05", 10), ("2025-04-08", 10), ("2025-04-09", 29), ("2025-04-10", 10),
    ("2025-07-01", 10), ("2025-08-06", 10), ("2025-08-07", 19), ("2025-08-10", 19), ("2026-02-19", 19),
    ("2026-02-21", 0), ("2026-03-01", 10), ("2026-07-23", 10), ("2026-08-01", 10),
])
def test_pakistan(rates, day, expected):
    assert rate_on(rates, "PAK", day) == expected


def test_pakistan_instruments(rates):
    pk = rates[rates.country_iso3 == "PAK"].set_index("instrument")
    assert pk.loc["Section 122", "additional_rate_pct"] == 10
    assert pk.loc["Section 301", "additional_rate_pct"] == 10 and pd.isna(pk.loc["Section 301", "end_date"])


def test_india(rates):
    assert rate_on(rates, "IND", "2025-08-26") == 25
    assert rate_on(rates, "IND", "2025-08-27") == 50
    assert rate_on(rates, "IND", "2025-09-01") == 50
    assert rate_on(rates, "IND", "2026-02-07") == 25     # Russia-oil penalty removed
    assert rate_on(rates, "IND", "2025-04-09") == 26


def test_countries_outside_the_section_301_investigations_pay_zero(rates):
    # The memorandum of 23 July 2026 lists the 60 economies investigated; Nepal, Afghanistan, Bhutan
    # and the Maldives are not among them, so after the Section 122 surcharge lapsed they paid no
    # country-wide additional duty: zero, not unknown.
    for iso in ("NPL", "AFG", "BTN", "MDV"):
        assert rate_on(rates, iso, "2026-07-23") == 10          # the last day of the surcharge
        assert rate_on(rates, iso, "2026-07-24") == 0
        assert rate_on(rates, iso, "2026-08-01") == 0
        last = rates[rates.country_iso3 == iso].sort_values("effective_date").iloc[-1]
        assert (last.instrument, last.source_id) == ("none", "wh-2026-07-23-s301") and pd.isna(last.end_date)
    assert rate_on(rates, "PAK", "2026-08-01") == 10
    assert rate_on(rates, "NPL", "2026-03-01") == 10


def test_unknown_country_is_an_error(rates):
    with pytest.raises(KeyError):
        rate_on(rates, "XXX", "2025-05-01")


def test_no_gaps_or_overlaps_within_an_instrument_family(rates):
    """Per country, the reciprocal/none/S122/S301 rows tile the calendar without overlap."""
    for iso, rows in rates[rates.instrument != "IEEPA Russia-oil penalty"].groupby("country_iso3"):
        rows = rows.sort_values("effective_date")
        assert rows.iloc[0].effective_date == pd.Timestamp("2025-01-01")
        ends = rows.end_date.tolist()
        for prev_end, nxt in zip(ends[:-1], rows.effective_date.tolist()[1:]):
            assert prev_end + pd.Timedelta(days=1) == nxt, (iso, prev_end, nxt)
        assert (rows.end_date.isna() | (rows.end_date >= rows.effective_date)).all()


def test_the_lowest_in_south_asia_claim(rates):
    """'19%, the lowest among South Asian nations': true only against India, Bangladesh and Sri
    Lanka, from 7 Aug 2025 until IEEPA duties ended (last day 19 Feb 2026); never against all of
    South Asia (Afghanistan 15%, Nepal, Bhutan, Maldives 10%)."""
    big4 = ["PAK", "IND", "BGD", "LKA"]
    south_asia = load("trade_partners").query("south_asia").iso3.tolist()
    days = pd.date_range("2025-04-05", "2026-08-31")
    holds = [d for d in days if lowest_in_group(rates, "PAK", big4, d)]
    assert holds[0] == pd.Timestamp("2025-08-07") and holds[-1] == pd.Timestamp("2026-02-19")
    assert len(holds) == (pd.Timestamp("2026-02-19") - pd.Timestamp("2025-08-07")).days + 1
    assert not any(lowest_in_group(rates, "PAK", south_asia, d) for d in days)
    on = rates_on(rates, "2025-08-10", south_asia)
    assert on["PAK"] == 19 and on["AFG"] == 15 and on["NPL"] == 10 and on["BGD"] == on["LKA"] == 20


def test_announced_rates_are_not_in_force(rates):
    ann = load("tariff_announced_rates")
    first = ann[(ann.country_iso3 == "PAK")].iloc[0]
    assert first.announced_rate_pct == 30 and rate_on(rates, "PAK", "2025-04-09") == 29
    india_18 = ann[(ann.country_iso3 == "IND") & (ann.announced_rate_pct == 18)]
    assert len(india_18) == 1


def test_step_series(rates):
    s = step_series(rates, ["PAK"])
    assert list(s.rate_pct) == [0, 10, 29, 10, 19, 0, 10, 10]
    one_day = s[s.rate_pct == 29].iloc[0]
    assert one_day.start == one_day.end == pd.Timestamp("2025-04-09")
    assert s.iloc[-1].end == pd.Timestamp("2026-08-31") and s.iloc[-1].instruments == "Section 301"
    assert s.iloc[4].instruments == "IEEPA reciprocal Annex I"
    india = step_series(rates, ["IND"])
    assert 50 in set(india.rate_pct)


def test_schedule_on(rates):
    assert schedule_on(rates, "2025-09-01", ["PAK", "IND", "NPL"]) == {"PAK": 19, "IND": 50, "NPL": 10}
    assert schedule_on(rates, "2026-08-01", ["NPL"]) == {"NPL": 0.0}
