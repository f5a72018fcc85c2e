"""The corrections of issue 15, held in the data and the words (each with the source it rests on).

1. Carter's $400m offer: put to Pakistan in talks on 12 January 1980 (FRUS 1977-80 vol. XIX
   doc. 410), the 'peanuts' dismissal in January (vol. XII doc. 171, vol. XIX doc. 415), the formal
   rejection in Agha Shahi's speech of 5 March 1980 (vol. XIX doc. 429). Nothing dated February 1980.
2. Nepal, Afghanistan, Bhutan and the Maldives: zero Section 301 rate (tests/test_trade_rates.py).
3. The 19% of July 2025: announced 31 July, in force 7 August (EO 14326), a rise from 10%.
4. Pasni: reported by the FT and denied by Pakistan on 5 October 2025.
5. 'Since then' does not call partial FY2025 'the first full look'.
6. FY1948: the only row is surplus property, not a grant.
7. 3.2% of GDP: not called 'older' or 'out of date'.
8. 2.51%: attributed to the source that carries it.
9. The first shipment: one report put it under two tonnes.
"""

from pathlib import Path

import nbformat
import pandas as pd
import pytest

from aid2assets import load
from fixture_support import table_fixture

CHAPTERS = Path(__file__).resolve().parent.parent / "chapters"


def words(name):
    nb = nbformat.read(CHAPTERS / f"{name}.ipynb", as_version=4)
    return " ".join(" ".join(c.source.split()) for c in nb.cells)


events = table_fixture("events", index="event_id")


def test_carter_offer_dated_from_frus(events):
    offer = events.loc["1980-01-12-carter-400m-offer"]
    assert (offer.date, offer.date_precision) == ("1980-01-12", "day") and "frus1977-80v19/d410" in offer.source
    peanuts = events.loc["1980-01-zia-peanuts"]
    assert peanuts.date == "1980-01" and "frus1977-80v12/d171" in peanuts.source
    rejection = events.loc["1980-03-05-shahi-rejects-package"]
    assert rejection.date == "1980-03-05" and "frus1977-80v19/d429" in rejection.source
    assert not events.date.str.startswith("1980-02").any()
    for chapter in ("aid_history", "diplomacy"):
        text = words(chapter)
        assert "February 1980" not in text and "12 January 1980" in text and "5 March" in text


def test_19_percent_was_a_rise_announced_31_july_in_force_7_august(events):
    row = events.loc["2025-07-31-tariff-19"]
    assert "lowered" not in row.title.lower() and "up from the 10%" in row.title
    assert "7 Aug" in row.note and "EO 14326" in row.note
    rates = load("tariff_rates_by_date")
    pak = rates[rates.country_iso3 == "PAK"].set_index("effective_date")
    assert pak.loc[pd.Timestamp("2025-08-07"), "additional_rate_pct"] == 19
    assert pak.loc[pd.Timestamp("2025-08-07"), "announced_date"] == pd.Timestamp("2025-07-31")
    assert pak.loc[pd.Timestamp("2025-04-10"), "additional_rate_pct"] == 10     # what it replaced
    text = words("diplomacy")
    assert "cut to 19%" not in text and "a rise from the 10% baseline" in text


def test_pasni_reported_and_denied(events):
    report, denial = events.loc["2025-10-04-pasni-port-report"], events.loc["2025-10-05-pasni-denial"]
    assert report.status == "REPORTED" and "Financial Times" in report.description
    assert denial.status == "VERIFIED" and "arabnews.pk" in denial.source
    assert "2025-10-pasni-port-offer" not in events.index
    text = words("since_then")
    assert "single report" not in text or "Pasni port offer rests on one report" not in text
    assert "denial" in text and "3–4 October 2025" in text


def test_since_then_fy2025_is_partial():
    text = words("since_then")
    assert "first full look" not in text and "first, partial look at fiscal year 2025" in text


def test_fy1948_is_surplus_property_not_a_grant():
    gb = load("aid_greenbook")
    fy48 = gb[(gb.country_iso3 == "PAK") & (gb.fiscal_year == 1948)].set_index("category")
    assert (fy48.loc["economic", "obligations_current_usd"], fy48.loc["military", "obligations_current_usd"]) == (100000, 0)
    # the one source row is "INACTIVE - US Surplus Property" (Greenbook, stored copy in ../shared when present)
    assert fy48.loc["economic", "source_rows"] == 1
    text = words("aid_history")
    assert "$100,000 grant" not in text and "surplus property" in text


def test_mining_share_wording_and_citation():
    for chapter in ("minerals", "claims_check"):
        text = words(chapter)
        assert "older talking point" not in text and "out of date" not in text
        assert "no source the book has found shows" in text.lower()
    text = words("claims_check")
    assert "2.51% in the Economic Survey of 2019-20 {cite:p}`dawn-2026-mining`" not in text
    assert "as quoted by Global Mining Review" in text
    ev = load("claims_evidence").set_index("item")
    assert "Global Mining Review" in ev.loc["mining_gdp_share_fy2020", "source"]


def test_first_shipment_tonnage_reported(events):
    assert "under two tonnes" in events.loc["2025-10-02-first-minerals-shipment", "note"]
    for chapter in ("minerals", "since_then", "claims_check"):
        text = words(chapter)
        assert "under two tonnes" in text and "No tonnage or value was published" not in text
