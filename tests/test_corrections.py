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
9. The first shipment: one report put it under two tonnes (withdrawn by issue 22: no such report found).

The corrections of issue 22 (fact-check of 7 December 2026, ../shared/reference/factcheck_2026-12-07_findings.md;
the record is review/factcheck-2026-12-07/), each with its source; counts are recomputed from data/:

A1. Exercise 26 (diplomacy-ex-3): in 2025 aid and minerals/energy tie at 9 events, then trade/investment 7.
A25. The overview: SBP's by-country file also gives March 2026 alone, so July-March is not "the only one".
A36. Reko Diq output: the chief executive's figures with their dates (Jan 2025; 8 Apr 2025, Business
     Recorder 40356498); the minister's written answer (May 2025).
A56. 'Since then': the court rows rest on law-firm notes, a customs broker's bulletin and other reports.
A61. The FT "under two tonnes": no FT report found; dropped from chapters and the events note.
B40. FY2019 FMF: the CRS table of 12 March 2019 shows none for FY2018, none requested for FY2020, no FY2019 figure.
B72. ForeignAssistance.gov: the publisher's full dataset has the split; the file the book uses does not.
B67. Reko Diq split 3.0 + 2.9 Bt: confirmed (World of Mining Professionals 2022, five porphyries, 100% basis).
Caveats: IEEPA duties collected until 24 Feb 2026; the Section 301 date with its source (tracker, USTR
dockets); 'provisional' on the 14.72%; Barrick's March 2026 slowdown reported by two outlets.
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


def test_first_shipment_without_an_unsourced_tonnage(events):
    """Issue 15 added an FT tonnage; issue 22's fact-check found no FT report giving one: dropped."""
    note = events.loc["2025-10-02-first-minerals-shipment", "note"]
    assert "at under two tonnes" not in note and "No official tonnage or value was published" in note
    for chapter in ("minerals", "since_then", "claims_check"):
        text = words(chapter)
        assert "two tonnes" not in text and "Financial Times, put" not in text
        assert "no official tonnage or value was published" in text.lower()
    assert "According to USSM's press release" not in words("claims_check")
    # not "joint": the outlets name PR Newswire, USSM or "the countries" (review of 8 Dec 2026)
    assert "a release distributed by PR Newswire" in words("claims_check") and "joint release" not in words("claims_check")


# --- Issue 22 -----------------------------------------------------------------------------------

TEACHERS_GUIDE = CHAPTERS.parent / "teachers_guide.md"


def guide_words():
    return " ".join(TEACHERS_GUIDE.read_text(encoding="utf-8").split())


def test_exercise_26_counts_2025_recomputed(events):
    """A1: recount events.csv for 2025 and hold the guide's summary to it."""
    counts = events[events.date.str.startswith("2025")].category.value_counts()
    assert counts["aid"] == counts["minerals/energy"] == 9 and counts["trade/investment"] == 7
    assert counts.drop(["aid", "minerals/energy"]).max() < 9       # the two tie for the lead
    text = guide_words()
    assert "2025 by *aid* (9), then" not in text
    assert (f"2025 jointly by *aid* and *minerals/energy* ({counts['aid']} each), then "
            f"*trade/investment* ({counts['trade/investment']})") in text


def test_overview_by_country_fdi_periods():
    """A25: the by-country table holds two July-March periods and March 2026 alone."""
    fdi = load("assets_fdi_by_country")
    assert set(fdi.period) == {"jul_mar_fy2025", "jul_mar_fy2026", "2026-03"}
    us = fdi[(fdi.country == "United States") & (fdi.measure == "fdi_net") & (fdi.period == "2026-03")]
    assert len(us) == 1 and round(float(us.value_musd.iloc[0]), 2) == 3.34
    text = words("overview")
    assert "the only one by country the book holds" not in text
    assert "SBP's file also gives March 2026 on its own" in text


def test_reko_diq_chief_executive_figures_dated():
    """A36: January 2025 (200,000 t, 250,000 oz), 8 April 2025 (240,000 t, 300,000 oz), the minister in May."""
    text = words("minerals")
    assert "200,000 tonnes and 250,000 ounces in January 2025" in text
    assert "240,000 tonnes and 300,000 ounces" in text and "8 April 2025" in text
    assert "the minister's written answer in May 2025 gave 200,000 tonnes and 300,000 ounces" in text
    assert "brecorder-2025-04-bristow-pmif" in text


def test_since_then_court_sources_named(events):
    """A56: which court rows rest on what."""
    assert "kelleydrye" in events.loc["2026-05-07-cit-section-122-ruling", "source"]
    assert "worldwidelogisticsltd" in events.loc["2026-03-04-ieepa-refund-order", "source"]
    assert "vatcheck" in events.loc["2026-05-12-section-122-stay", "source"]
    text = words("since_then")
    assert "from law-firm notes, a customs broker's bulletin and other secondary reports" in text


def test_fy2019_fmf_sentence():
    """B40: Greenbook FY2019 military $369.2m, FMF $368.4m; CRS March 2019 shows no FY2019 figure."""
    gb = load("aid_greenbook")
    mil = gb[(gb.country_iso3 == "PAK") & (gb.fiscal_year == 2019) & (gb.category == "military")]
    assert round(mil.obligations_current_usd.sum() / 1e6, 1) == 369.2
    text = words("aid_history")
    assert "CRS shows no new FMF appropriation for FY2018–FY2020" not in text
    assert ("the CRS table of March 2019 shows no FMF appropriated for FY2018 and none requested for FY2020, "
            "and it gives no FY2019 figure at all") in text


def test_foreignassistance_split_exists_at_the_publisher():
    """B72: the country-summary file has no split; the publisher's full dataset does."""
    fa = load("aid_foreignassistance")
    assert "category" not in fa.columns and not any("military" in c for c in fa.columns)
    text = words("aid_history")
    assert "with no economic/military split" not in text
    assert "full activity-level dataset does classify spending as economic or military" in text


def test_reko_diq_split_confirmed_and_placed():
    """B67: 3.0 Bt M&I + 2.9 Bt inferred, the historical resource of five porphyries (WOMP 2022)."""
    reko = load("minerals_reko_diq").set_index("item")
    mi, inf, total = (reko.loc[k, "value"] for k in ("resource_mi_ore", "resource_inf_ore", "resource_total_ore"))
    assert (mi, inf, total) == (3000, 2900, 5900) and round(100 * inf / total, 1) == 49.2
    text = words("claims_check")
    assert "five of the porphyry deposits, 100% basis, as reported in 2022" in text
    assert "womp-2022-reko-diq" in text


def test_caveats_ieepa_section_301_crude_barrick(events):
    # IEEPA: collected until 24 February although the legal end was 20 February
    rates = load("tariff_rates_by_date")
    pak = rates[rates.country_iso3 == "PAK"].set_index("effective_date")
    assert pak.loc[pd.Timestamp("2026-02-24"), "instrument"] == "Section 122"
    assert "US Customs went on collecting it until 24 February" in words("since_then")
    # Section 301: the date and its source
    assert pak.loc[pd.Timestamp("2026-07-24"), "instrument"] == "Section 301"
    trade = words("trade_tariffs")
    assert "USTR dockets USTR-2026-0265 and USTR-2026-0266" in trade and "wh-2026-07-23-s301" in trade
    assert "Effective Jul 24, 2026" in load("sources").set_index("source_id").loc["wh-2026-07-23-s301", "detail"]
    # the 14.72% is provisional
    assert "14.72% in fiscal year 2025 (the National Accounts Committee's provisional figure" in words("claims_check")
    # Barrick's slowdown: two outlets
    row = events.loc["2026-03-26-barrick-slows-reko-diq"]
    assert row.status == "VERIFIED" and "hdmune.cn" in row.source and "marketscreener.com" in row.source
    for chapter in ("minerals", "since_then"):
        assert "by one report, said it would slow" not in words(chapter)
        assert "cp-2026-03-barrick-slows" in words(chapter)


def test_data_page_names_each_tables_edition():
    """Issue 22 item 5: the data page names the edition each table uses (by its source keys, so the
    page cannot drift from data/) and the newer editions the research notes name."""
    import re

    page = (CHAPTERS.parent / "data.md").read_text(encoding="utf-8")
    section = page[page.index("## Which edition each table uses"):]
    rows = {m.group(1): m.group(2) for m in re.finditer(r"^\| `(\w+)` \|(.*)$", section, re.M)}
    assert len(rows) == 8
    for table, row in rows.items():
        frame = load(table)
        used = set(frame["source_id"])
        named = set(re.findall(r"`([a-z0-9-]+)`", row))
        assert used <= named, f"{table}: data/ cites {sorted(used - named)}, which the data page does not name"
    assert "MCS 2026 data release, published 6 February 2026" in rows["minerals_world"]
    assert "2026 edition (75th, published 30 June 2026" in rows["assets_energy"]
