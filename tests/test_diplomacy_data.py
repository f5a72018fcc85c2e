"""Dates and counts in the diplomacy tables: events, leaders, visits and IMF arrangements.

Known figures cite their source in a comment; the tables' own sources are in data/.
"""

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from aid2assets import load
from aid2assets.data import resource
from fixture_support import table_fixture


events = table_fixture("events")
imf = table_fixture("imf_programs")
leaders = table_fixture("leaders")
visits = table_fixture("visits")


# --- Events --------------------------------------------------------------------------------------

def test_event_categories_are_a_documented_vocabulary():
    field = next(f for f in resource("events")["schema"]["fields"] if f["name"] == "category")
    assert field["description"] and len(field["constraints"]["enum"]) == 10


def test_events_in_each_category(events):
    assert events.category.value_counts().to_dict() == {
        "aid": 34, "visit/summit": 29, "war/conflict": 21, "sanctions": 15, "alliance/treaty": 11,
        "counter-terrorism": 10, "trade/investment": 25, "domestic politics": 7, "nuclear": 3,
        "minerals/energy": 11}
    assert len(events) == 166


def test_every_event_has_a_source_and_status(events):
    assert events.source.str.strip().str.len().gt(10).all()
    assert events.status.isin(["VERIFIED", "DERIVED", "RECALLED", "EDITORIAL", "REPORTED", "CONTESTED"]).all()


def test_events_span_recognition_to_2026(events):
    assert events.date.iloc[0] == "1947-08-15"      # Office of the Historian, rdcr articles/pakistan.xml
    assert events.date.iloc[-1].startswith("2026")
    assert (events.date.str.slice(0, 4) == "2026").sum() == 34


@pytest.mark.parametrize("event_id,date_,category", [
    ("1954-05-19-mutual-defense-assistance-agreement", "1954-05-19", "alliance/treaty"),
    ("1954-09-08-pakistan-joins-seato", "1954-09-08", "alliance/treaty"),
    ("1960-05-01-u2-shot-down", "1960-05-01", "war/conflict"),
    ("1971-07-09-kissinger-secret-flight", "1971-07-09", "alliance/treaty"),
    ("2004-06-16-major-non-nato-ally-designation", "2004-06-16", "alliance/treaty"),
    ("2011-05-02-bin-laden-raid", "2011-05-02", "counter-terrorism"),
    ("2018-01-04-security-aid-suspended", "2018-01-04", "sanctions"),
    ("2025-05-10-ceasefire-announced", "2025-05-10", "war/conflict"),
    ("2025-06-18-trump-munir-lunch", "2025-06-18", "visit/summit"),
    ("2025-09-08-ussm-fwo-minerals-mou", "2025-09-08", "minerals/energy"),
    ("2025-10-02-first-minerals-shipment", "2025-10-02", "minerals/energy"),
])
def test_key_dates(events, event_id, date_, category):
    row = events.set_index("event_id").loc[event_id]
    assert (row.date, row.category) == (date_, category)


def test_contested_dates_carry_both_versions(events):
    """Contested dates keep the other version, with its source, in the note."""
    notes = events.set_index("event_id").note
    assert "20 Oct 1947" in notes["1947-08-15-us-recognizes-pakistan"]
    assert "9 Sep" in notes["2025-09-08-ussm-fwo-minerals-mou"]
    assert "2 Oct" in notes["2025-10-02-first-minerals-shipment"]


def test_aid_overlay_subset_unchanged(events):
    """The aid chapter draws these events; adding rows must not change its overlay."""
    assert events.aid_overlay.sum() == 14


# --- IMF -----------------------------------------------------------------------------------------

def test_number_of_imf_arrangements(imf):
    # 25 arrangements 1958-2025 plus the 2020 Rapid Financing Instrument purchase
    assert len(imf) == 26
    assert int(imf.is_arrangement.sum()) == 25
    assert imf.approval_date.min() == pd.Timestamp("1958-12-08")   # The News, 2018: "since Dec 8, 1958"
    assert list(imf.loc[~imf.is_arrangement, "facility_code"]) == ["RFI"]


def test_eff_2024(imf):
    # IMF board approval of the US$7 billion, 37-month EFF: ARY News / Business Recorder, 25 Sep 2024
    row = imf.set_index("arrangement_id").loc["2024-09-25-eff"]
    assert row.approval_date == pd.Timestamp("2024-09-25")
    # drawn: 760 at approval, 760 at the first review (May 2025), 760 at the second (Board of 8 Dec 2025,
    # Geo News quoting the IMF press release); the IMF's cumulative SDR 2,434m adds the RSF's 154
    assert (row.agreed_sdr_m, row.agreed_usd_m, row.drawn_sdr_m) == (5320, 7000, 2280)
    assert row.drawn_sdr_m + imf.set_index("arrangement_id").loc["2025-05-09-rsf", "drawn_sdr_m"] == 2434
    assert row.end_basis == "planned length" and row.end_date == "2027-10"


def test_sba_2008_and_2023(imf):
    t = imf.set_index("arrangement_id")
    assert (t.loc["2008-11-24-sba", "agreed_sdr_m"], t.loc["2008-11-24-sba", "drawn_sdr_m"]) == (7235.9, 4936.035)
    assert (t.loc["2023-07-12-sba", "agreed_usd_m"], t.loc["2023-07-12-sba", "drawn_sdr_m"]) == (3000, 2250)


def test_imf_totals_match_samaa(imf):
    """Agreed amounts 1958 to the 2019 EFF as first approved (SDR 4,268m) = SDR 23,656.65m (Samaa)."""
    arrangements = imf[imf.is_arrangement & (imf.approval_date <= pd.Timestamp("2019-07-03"))]
    total = arrangements.agreed_sdr_m.sum() - (4988 - 4268)
    assert round(total, 2) == 23656.65


def test_imf_derived_rows_are_marked(imf):
    assert sorted(imf.loc[imf.status == "DERIVED", "arrangement_id"]) == ["1972-05-18-sba", "1980-11-24-eff"]
    assert (imf.drawn_sdr_m.fillna(0) <= imf.agreed_sdr_m).all()
    ends = pd.to_datetime([e if len(e) == 10 else e + "-28" for e in imf.end_date])
    assert (ends >= imf.approval_date).all()


# --- Leaders -------------------------------------------------------------------------------------

def test_us_presidents(leaders):
    us = leaders[leaders.office == "US president"]
    assert len(us) == 15 and (us.status == "VERIFIED").all()   # Office of the Historian, nos. 33-47
    assert us.start_date.iloc[-1] == pd.Timestamp("2025-01-20") and pd.isna(us.end_date.iloc[-1])


@pytest.mark.parametrize("office", ["US president", "Pakistan head of state", "Pakistan head of government"])
def test_terms_do_not_overlap_within_an_office(leaders, office):
    terms = leaders[leaders.office == office].sort_values("start_date")
    ends = terms.end_date.fillna(pd.Timestamp(date.today()))
    assert (terms.start_date.iloc[1:].to_numpy() >= ends.iloc[:-1].to_numpy()).all()
    assert (ends >= terms.start_date).all()
    assert terms.end_date.isna().sum() == 1        # exactly one holder at the time of writing


def test_leader_status_follows_reign(leaders):
    pak = leaders[leaders.country_iso3 == "PAK"]
    # VERIFIED: the start date is in REIGN, or (for heads of state REIGN leaves out) in a second
    # published list of presidents (Abb Takk News, Samaa TV), named in the row
    assert set(pak.loc[pak.status == "VERIFIED", "source_id"]) == {
        "reign-2021-03", "abbtakk-2018-presidents", "samaa-2018-presidents"}
    assert set(pak.loc[pak.status == "RECALLED", "source_id"]) == {"research-ledger-leaders"}
    assert (pak.status == "VERIFIED").sum() == 29 and (pak.status == "RECALLED").sum() == 27
    second = pak[pak.source_id.isin(["abbtakk-2018-presidents", "samaa-2018-presidents"])].set_index("name")
    assert second.loc["Fazal Ilahi Chaudhry", "start_date"] == pd.Timestamp("1973-08-14")
    assert second.loc["Arif Alvi", "start_date"] == pd.Timestamp("2018-09-09")
    assert (second.office == "Pakistan head of state").all() and second.note.str.contains("second published list").all()
    jinnah = pak[pak.name == "Muhammad Ali Jinnah"].iloc[0]
    assert jinnah.status == "RECALLED"          # no second list with his dates was found
    zia = pak[(pak.name == "Muhammad Zia-ul-Haq") & (pak.office == "Pakistan head of government")].iloc[0]
    assert zia.start_date == pd.Timestamp("1977-07-05") and zia.status == "VERIFIED" and zia.military_ruler


def test_military_rulers(leaders):
    assert sorted(set(leaders.loc[leaders.military_ruler, "name"])) == [
        "Agha Muhammad Yahya Khan", "Muhammad Ayub Khan", "Muhammad Zia-ul-Haq", "Pervez Musharraf"]


# --- Visits --------------------------------------------------------------------------------------

def test_visits_counts(visits):
    # Office of the Historian: 42 visits from Pakistan (1950-2019), 33 trips to Pakistan (1953-2018)
    assert visits.direction.value_counts().to_dict() == {"Pakistan to US": 42, "US to Pakistan": 33}
    us = visits[visits.direction == "US to Pakistan"]
    assert (us.office == "President").sum() == 5
    assert visits.start_date.min() == pd.Timestamp("1950-05-03")
    assert visits.start_date.max() == pd.Timestamp("2019-07-21")
    assert (visits.end_date >= visits.start_date).all()


def test_visits_by_decade(visits):
    decade = (visits.start_date.dt.year // 10 * 10)
    counts = visits.groupby([decade, "direction"]).size()
    assert counts[(2000, "Pakistan to US")] == 15 and counts[(2000, "US to Pakistan")] == 13


# --- Sources -------------------------------------------------------------------------------------

def test_every_source_id_is_registered():
    sources = set(load("sources").source_id)
    for table in ("leaders", "visits"):
        assert set(load(table).source_id) <= sources


def test_imf_reviews_add_up_to_the_drawings(imf):
    """Each Board completion's amount is a drawing: approval tranche (760) plus the Board stages
    equal the EFF's drawn total, and the RSF's one Board stage its drawn total; the State Bank's
    receipt is the December tranche of both."""
    reviews = load("imf_reviews")
    assert set(reviews.arrangement_id) <= set(imf.arrangement_id)
    board = reviews[(reviews.stage == "board completed") & (reviews.status == "VERIFIED")].groupby(
        "arrangement_id")["amount_sdr_m"].sum()
    drawn = imf.set_index("arrangement_id")["drawn_sdr_m"]
    assert 760 + board["2024-09-25-eff"] == drawn["2024-09-25-eff"] == 2280
    assert board["2025-05-09-rsf"] == drawn["2025-05-09-rsf"] == 154
    received = reviews.set_index("review_id").loc["2025-12-10-eff-rsf-received", "amount_sdr_m"]
    assert received == 760 + 154
    assert reviews.source.str.startswith("http").all()
    # the third review's completion (IMF PR 26/147) is known from one third-party compilation only:
    # REPORTED, and not counted in the drawn totals above (never both as fact)
    reported = reviews[reviews.status != "VERIFIED"]
    assert sorted(reported.review_id) == ["2026-05-08-eff-review-3-board", "2026-05-08-rsf-review-2-board"]
    assert set(reported.status) == {"REPORTED"} and reported.source.str.contains("pr-26147").all()
    assert "not counted" in imf.set_index("arrangement_id").loc["2024-09-25-eff", "note"]


def test_imf_reviews_reject_an_unknown_arrangement(tmp_path):
    import shutil
    from aid2assets.data import DataError
    root = tmp_path / "data"
    shutil.copytree(Path(__file__).resolve().parent.parent / "data", root)
    text = (root / "imf_reviews.csv").read_text(encoding="utf-8").replace("2025-05-09-rsf,RSF first review,staff",
                                                                           "2025-05-09-xyz,RSF first review,staff")
    (root / "imf_reviews.csv").write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match="arrangement_id"):
        load("imf_reviews", root)
