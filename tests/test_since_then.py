"""The "Since then" chapter: its functions, its stored figures, and the numbers in its words.

Every number the chapter's text states is recomputed here from the shared tables, and each
figure's description is checked against the data it draws.
"""

import json
import re
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from aid2assets import load
from aid2assets.tariffs import rate_on, rates_on
from aid2assets.since_then import CUTOFF, aid_by_year, coverage, dated_facts, day_of, latest_fact
from aid2assets.build.markup import reader_text, site_notebook
from fixture_support import figures_fixture
from spec_support import download_rows as rows, params

NOTEBOOK = Path(__file__).resolve().parent.parent / "chapters" / "since_then.ipynb"
PEERS = ["IND", "BGD", "LKA", "VNM", "KHM", "IDN", "TUR", "EGY"]


@pytest.fixture(scope="module")
def tables():
    return {name: load(name) for name in ("events", "tariff_rates_by_date", "tariff_announced_rates",
                                          "minerals_reko_diq", "trade_partners", "sources", "aid_foreignassistance",
                                          "imf_programs", "imf_reviews", "trade_us_pak_monthly")}


@pytest.fixture(scope="module")
def facts(tables):
    t = tables
    return dated_facts(t["events"], t["tariff_announced_rates"], t["minerals_reko_diq"], t["trade_partners"],
                       t["sources"])


figs = figures_fixture(NOTEBOOK)


@pytest.fixture(scope="module")
def text():
    """The chapter's markdown as the site reads it (gated exercises, roles), dollars unescaped."""
    nb = site_notebook(nbformat.read(NOTEBOOK, as_version=4))
    return reader_text("\n".join(c.source for c in nb.cells if c.cell_type == "markdown"))


def in_text(text, phrase):
    """The phrase appears in the chapter's words (line breaks in the source count as spaces)."""
    return phrase in re.sub(r"\s+", " ", text)


# --- The functions ---------------------------------------------------------------------------------

def test_day_of():
    assert day_of("2025-12-10") == pd.Timestamp("2025-12-10")
    assert day_of("2025-10") == pd.Timestamp("2025-10-15")          # as fiscal.event_day places months
    assert day_of(pd.Timestamp("2026-02-06")) == pd.Timestamp("2026-02-06")
    for undated in ("2025", "2010 feasibility study", "2022-12 onward", ""):
        assert day_of(undated) is None


def test_dated_facts_are_all_after_the_cutoff_and_sourced(facts):
    assert CUTOFF == pd.Timestamp("2025-10-01")
    assert (facts["day"] >= CUTOFF).all() and facts["day"].is_monotonic_increasing
    assert facts["source"].str.len().gt(10).all()
    assert set(facts["status"]) == {"VERIFIED", "REPORTED", "CONTESTED"}
    # reported and contested facts say why in their note or source
    shaky = facts[facts["status"] != "VERIFIED"]
    assert (shaky["note"].str.len() + shaky["source"].str.len()).gt(20).all()
    assert facts["fact_id"].is_unique


def test_dated_facts_draw_on_three_tables(facts, tables):
    events = tables["events"]
    ids = set(facts.loc[facts["table"] == "events", "fact_id"])
    assert len(ids) == 47 and ids <= set(events["event_id"])
    assert {"2025-10-02-first-minerals-shipment", "2025-10-04-pasni-port-report", "2025-10-05-pasni-denial",
            "2025-12-08-imf-board-second-review", "2026-02-20-ieepa-tariffs-struck-down",
            "2026-05-07-cit-section-122-ruling", "2026-06-18-islamabad-mou", "2026-07-24-section-301-tariff-10"} <= ids
    other = facts[facts["table"] != "events"].set_index("fact_id")
    assert sorted(other.index) == ["2026-02-06-ind-announced-18", "2026-02-09-bgd-announced-19",
                                   "reko-diq-finance-us-exim", "reko-diq-finance-us-exim-state-dept",
                                   "reko-diq-lenders-package-reported", "reko-diq-phase1-budget-under-review",
                                   "reko-diq-review-extension"]
    assert other.loc["reko-diq-finance-us-exim", "title"] == "Reko Diq: US EXIM loan, US$1.25 billion"
    assert other.loc["2026-02-06-ind-announced-18", "title"] == "India: 18% US rate announced in a joint statement"


def test_moving_the_cutoff(tables):
    """Exercise 2's answers: 39 facts from 1 Jan 2026, 60 from 1 Aug 2025 (six more than from the cut-off)."""
    t = tables
    args = (t["events"], t["tariff_announced_rates"], t["minerals_reko_diq"], t["trade_partners"], t["sources"])
    later = dated_facts(*args, after="2026-01-01")
    assert len(later) == 39
    assert later["category"].value_counts().to_dict() == {"trade/investment": 20, "minerals/energy": 5, "visit/summit": 6,
                                                          "war/conflict": 5, "alliance/treaty": 1, "aid": 2}
    earlier = dated_facts(*args, after="2025-08-01")
    assert len(earlier) == 60
    added = earlier[earlier["day"] < CUTOFF]
    assert len(added) == 6 and set(added["category"]) == {"counter-terrorism", "minerals/energy", "visit/summit"}
    assert (added["table"] == "minerals_reko_diq").sum() == 3


def test_latest_fact_and_coverage(tables):
    t = tables
    assert latest_fact(t["events"], t["tariff_rates_by_date"], t["tariff_announced_rates"],
                       t["minerals_reko_diq"], t["imf_reviews"]) == pd.Timestamp("2026-07-28")
    cov = coverage(t["events"], t["tariff_rates_by_date"], t["tariff_announced_rates"], t["minerals_reko_diq"],
                   t["trade_us_pak_monthly"], t["aid_foreignassistance"], t["imf_programs"],
                   t["imf_reviews"]).set_index("table")
    assert cov.loc["imf_reviews", "latest"] == "2026-05-08" and cov.loc["imf_reviews", "rows_after_cutoff"] == 9
    assert cov.loc["trade_us_pak_monthly", "latest"] == "2025-08"
    assert cov.loc["trade_us_pak_monthly", "rows_after_cutoff"] == 0
    assert cov.loc["imf_programs", "latest"] == "2025-05-09" and cov.loc["imf_programs", "rows_after_cutoff"] == 0
    assert cov.loc["events", "rows_after_cutoff"] == 47
    assert cov.loc["aid_foreignassistance", "latest"] == "FY2025"


def test_aid_by_year(tables):
    aid = aid_by_year(tables["aid_foreignassistance"], 2016).set_index("fiscal_year")
    assert list(aid.index) == list(range(2016, 2026))
    assert aid["partial"].tolist() == [False] * 9 + [True]
    assert (aid["constant_base_fy"] == 2024).all()
    # ForeignAssistance.gov, download of about Nov 2025 (rows quoted in the aid ledger)
    assert round(aid.loc[2025, "obligations_current_musd"], 1) == 69.2
    assert round(aid.loc[2025, "disbursements_current_musd"], 1) == 79.5
    assert round(aid.loc[2024, "obligations_current_musd"], 1) == 169.1
    assert round(aid.loc[2024, "disbursements_current_musd"], 1) == 243.4


# --- The figures -------------------------------------------------------------------------------------

def test_the_figures_tested_here_are_stored(figs):
    assert {"since-timeline", "since-tariffs", "since-aid", "since-imf"} <= set(figs)


def test_every_control_is_a_keyboard_input_that_starts_away_from_its_end(figs):
    for payload in figs.values():
        for p in params(payload["spec"]).values():
            if p["name"] == "narrow":          # set by the page for a phone-width column, not a control
                continue
            bind = p["bind"]
            assert bind["input"] in ("range", "checkbox", "radio", "select") and bind.get("name"), p["name"]
            if bind["input"] == "range":       # the browser test steps it down twice
                assert p["value"] - 2 * bind.get("step", 1) >= bind["min"]
            if bind["input"] == "select":      # the browser test chooses the second option
                assert p["value"] == bind["options"][0]


def test_timeline_spec_and_data(figs, facts):
    fig = figs["since-timeline"]
    p = params(fig["spec"])
    present = sorted(set(facts["category"]))
    cats = {v["bind"]["name"]: v for k, v in p.items() if k.startswith("show_cat_")}
    assert sorted(cats) == present == ["aid", "alliance/treaty", "minerals/energy", "trade/investment",
                                       "visit/summit", "war/conflict"]   # one box per category with facts
    assert all(v["bind"]["input"] == "checkbox" and v["value"] is True for v in cats.values())
    assert p["show_other_tables"]["bind"]["input"] == "checkbox" and p["show_other_tables"]["value"] is True
    data = rows(fig)
    assert [r["fact_id"] for r in data] == facts["fact_id"].tolist()
    assert all(r["source"] and r["status"] for r in data)
    # a reported or contested fact says so in its label
    for r in data:   # the marker comes first, so that a truncated label still shows it
        assert r["title"].startswith({"REPORTED": "[reported] ", "CONTESTED": "[contested] "}.get(r["status"], ""))
    assert sum(r["title"].startswith("[reported] ") for r in data) == (facts["status"] == "REPORTED").sum() == 12   # Barrick's slowdown VERIFIED (two outlets), review of 8 Dec 2026
    assert sum(r["title"].startswith("[contested] ") for r in data) == (facts["status"] == "CONTESTED").sum() == 1
    spec = json.dumps(fig["spec"])
    assert "show_other_tables || datum.table == 'events'" in spec
    assert '"2025-10-01"' in spec                                     # the cut-off rule
    tooltip = {t["title"] for t in fig["spec"]["layer"][1]["encoding"]["tooltip"]}
    assert {"Source", "Status", "What happened", "Date"} <= tooltip


def test_timeline_description_matches_data(figs, facts):
    d = figs["since-timeline"]["description"]
    counts = facts["category"].value_counts()
    assert f"each of the {len(facts)} dated facts" in d
    assert f"{counts['trade/investment']} trade/investment" in d and f"{counts['minerals/energy']} minerals/energy" in d
    assert f"{counts['aid']} aid" in d and counts["aid"] == 4
    assert "to 28 July 2026" in d and facts["day"].max() == pd.Timestamp("2026-07-28")
    assert "12 rest on a single report and 1 on sources that disagree" in d
    trade = facts[facts["category"] == "trade/investment"]
    assert trade.iloc[0]["fact_id"] == "2025-10-01-investor-conference-planned" and trade.iloc[0]["status"] == "REPORTED"
    assert trade["fact_id"].tolist()[1:3] == ["2025-10-04-pasni-port-report", "2025-10-05-pasni-denial"]
    assert len(trade) == 24 and (trade["status"] == "REPORTED").sum() == 6     # exercise 1's answer


def test_tariff_spec(figs):
    fig = figs["since-tariffs"]
    p = params(fig["spec"])
    assert p["peer"]["bind"]["input"] == "select" and p["peer"]["bind"]["options"] == PEERS
    assert p["since_day"]["bind"]["input"] == "range"
    assert p["since_day"]["value"] == (CUTOFF - pd.Timestamp("2025-01-01")).days == 273
    assert p["since_day"]["bind"]["max"] == (pd.Timestamp("2026-08-31") - pd.Timestamp("2025-01-01")).days
    spec = json.dumps(fig["spec"])
    assert "datum.start_day <= since_day && since_day <= datum.end_day" in spec
    assert "datum.country_iso3 == peer" in spec
    assert '"2026-02-20"' in spec and '"2025-10-01"' in spec                 # ruling and cut-off marked


def test_tariff_download_is_the_shared_step_series(figs, tables):
    data = rows(figs["since-tariffs"])
    assert {r["country_iso3"] for r in data} == {"PAK", *PEERS}
    pak = [(r["start"], r["end"], float(r["rate_pct"]), r["instruments"]) for r in data if r["country_iso3"] == "PAK"]
    assert pak[-4:] == [("2025-08-07", "2026-02-19", 19.0, "IEEPA reciprocal Annex I"),
                        ("2026-02-20", "2026-02-23", 0.0, "none"),
                        ("2026-02-24", "2026-07-23", 10.0, "Section 122"),
                        ("2026-07-24", "2026-08-31", 10.0, "Section 301")]
    rates = tables["tariff_rates_by_date"]
    for r in data:   # every interval agrees with rate_on at both ends
        for day in (r["start"], r["end"]):
            assert rate_on(rates, r["country_iso3"], day) == float(r["rate_pct"])


def test_tariff_description_and_text_match_rates(figs, text, tables):
    rates = tables["tariff_rates_by_date"]
    d = figs["since-tariffs"]["description"]
    cut = rates_on(rates, CUTOFF, ["PAK", *PEERS])
    assert cut == {"PAK": 19, "IND": 50, "BGD": 20, "LKA": 20, "VNM": 20, "KHM": 19, "IDN": 19, "TUR": 15, "EGY": 10}
    assert "Pakistan paid 19% and India 50%" in d
    assert in_text(text, "India paid 31 points more") and cut["IND"] - cut["PAK"] == 31
    assert in_text(text, "Only Turkey and Egypt, at 15% and 10%, paid less")
    for day in pd.date_range("2026-02-20", "2026-02-23"):                     # "nothing for four days"
        assert set(rates_on(rates, day, ["PAK", *PEERS]).values()) == {0.0}
    s122 = pd.date_range("2026-02-24", "2026-07-23")
    assert len(s122) == 150                                                    # "for 150 days"
    assert all(set(rates_on(rates, day, ["PAK", *PEERS]).values()) == {10.0} for day in s122[::15])
    last = rates_on(rates, "2026-07-24", ["PAK", *PEERS])
    assert {c for c, v in last.items() if v == 10} == {"PAK", "IND", "BGD", "LKA", "KHM", "IDN"}
    assert {c for c, v in last.items() if v == 12.5} == {"VNM", "TUR", "EGY"}
    assert "Vietnam, Turkey and Egypt paid 12.5%" in d
    assert in_text(text, "2.5-point advantage")
    # India's penalty: last day 6 February 2026, so it ended on 7 February
    penalty = rates[(rates["country_iso3"] == "IND") & (rates["instrument"] == "IEEPA Russia-oil penalty")]
    assert penalty["end_date"].iloc[0] == pd.Timestamp("2026-02-06")
    assert in_text(text, "India's penalty ended on 7 February 2026")
    announced = tables["tariff_announced_rates"].set_index(["country_iso3", "announced_date"])
    assert announced.loc[("IND", pd.Timestamp("2026-02-06")), "announced_rate_pct"] == 18
    assert announced.loc[("BGD", pd.Timestamp("2026-02-09")), "announced_rate_pct"] == 19


def test_days_ahead_and_behind(tables):
    """Exercise 3's answer: Pakistan lower than India, Bangladesh, Sri Lanka and Vietnam on each of
    the 142 days from the cut-off to 19 February 2026; the same as Cambodia and Indonesia throughout."""
    rates = tables["tariff_rates_by_date"]
    days = pd.date_range(CUTOFF, "2026-02-19")
    assert len(days) == 142
    for day in days[::7].append(days[-1:]):
        r = rates_on(rates, day, ["PAK", *PEERS])
        assert all(r["PAK"] < r[c] for c in ("IND", "BGD", "LKA", "VNM"))
        assert r["PAK"] == r["KHM"] == r["IDN"] and r["PAK"] > max(r["TUR"], r["EGY"])


def test_aid_spec_and_description(figs, tables):
    fig = figs["since-aid"]
    p = params(fig["spec"])
    assert p["aid_measure"]["bind"]["input"] == "radio"
    assert p["aid_measure"]["bind"]["options"] == ["obligations", "disbursements"]
    assert p["aid_dollars"]["bind"]["options"] == ["current", "constant"]
    data = {int(r["fiscal_year"]): r for r in rows(fig)}
    assert list(data) == list(range(2016, 2026)) and data[2025]["partial"] == "True"
    d = fig["description"]
    assert "$797.8 million in FY2016 to $169.1 million in FY2024" in d
    assert round(float(data[2016]["obligations_current_musd"]), 1) == 797.8
    assert "$69.2 million of obligations and $79.5 million of disbursements" in d
    assert all(float(r["disbursements_current_musd"]) > float(r["obligations_current_musd"]) for r in data.values())
    assert "in every year shown more was disbursed than obligated" in d


def test_aid_text_numbers(text, tables):
    fagov = tables["aid_foreignassistance"]
    aid = aid_by_year(fagov, 2016).set_index("fiscal_year")
    assert in_text(text, "$69.2 million of obligations") and in_text(text, "$79.5 million of disbursements")
    assert in_text(text, "$169.1 million and $243.4 million in FY2024")
    april = fagov[(fagov["country_iso3"] == "PAK") & (fagov["download"] == "2025-04") & (fagov["fiscal_year"] == 2025)
                  & (fagov["transaction_type"] == "obligations")]["current_usd"].iloc[0]
    assert round(april / 1e6, 1) == 22.2 and in_text(text, "$22.2 million of FY2025 obligations")
    # "the FY2025 bar is a third of FY2024's" (disbursements)
    share = aid.loc[2025, "disbursements_current_musd"] / aid.loc[2024, "disbursements_current_musd"]
    assert 0.30 < share < 0.36
    gap = aid["disbursements_current_musd"] - aid["obligations_current_musd"]
    assert gap.idxmax() == 2016 and round(gap.max(), 1) == 209.1 and round(gap[2025], 1) == 10.3
    assert in_text(text, "widest in FY2016, at $209.1 million") and in_text(text, "$10.3 million on partial data")
    constant = aid["obligations_constant_musd"]
    current = aid["obligations_current_musd"]
    assert constant[2025] / constant[2016] < current[2025] / current[2016]   # "steeper still" in constant dollars


def test_imf_figure_and_text(figs, text, tables):
    fig = figs["since-imf"]
    p = params(fig["spec"])
    assert p["imf_earlier"]["bind"]["input"] == "checkbox" and p["imf_earlier"]["value"] is False
    assert p["imf_label"]["bind"]["options"] == ["drawn", "agreed", "share"]
    data = {r["arrangement_id"]: r for r in rows(fig)}
    assert sorted(data) == ["2019-07-03-eff", "2020-04-16-rfi", "2023-07-12-sba", "2024-09-25-eff", "2025-05-09-rsf"]
    imf = tables["imf_programs"].set_index("arrangement_id")
    eff, rsf = imf.loc["2024-09-25-eff"], imf.loc["2025-05-09-rsf"]
    assert (eff["agreed_sdr_m"], eff["agreed_usd_m"], eff["drawn_sdr_m"]) == (5320, 7000, 2280)
    assert "760 (Sep 2024) + 760 (first review, May 2025) + 760" in eff["note"]
    assert (eff["end_date"], rsf["end_date"]) == ("2027-10", "2027-09")
    assert (rsf["agreed_sdr_m"], rsf["agreed_usd_m"], rsf["drawn_sdr_m"]) == (1000, 1400, 154)
    d = fig["description"]
    assert "SDR 5,320 million, 42.9% drawn" in d and round(2280 / 5320, 3) == 0.429
    assert "SDR 1,000 million, 15.4% drawn" in d
    assert "triangles mark the 10 stages of their reviews from 2025-05-09 to 2026-05-08" in d
    # the text's review figures are the review table's
    rv = tables["imf_reviews"].set_index("review_id")
    assert rv.loc["2025-12-08-eff-review-2-board", "amount_sdr_m"] == 760
    assert rv.loc["2025-12-08-rsf-review-1-board", "amount_sdr_m"] == 154
    assert rv.loc["2025-12-10-eff-rsf-received", "amount_sdr_m"] == 760 + 154
    assert in_text(text, "760 million (about $1.0 billion) from the EFF") and in_text(text, "SDR 154 million (about $200 million)")
    assert in_text(text, "then 42.9% drawn") and 3 * 760 == eff["drawn_sdr_m"]
    assert rv["stage"].eq("mission ended without agreement").sum() == 2
    assert pd.to_datetime(rv.loc[rv["stage"] == "mission ended without agreement", "date"]).eq("2026-03-11").all()
    assert in_text(text, "ended on 11 March without a staff-level agreement")
    # after the failed mission only a reported completion: recorded as reported, never drawn
    later = rv[pd.to_datetime(rv["date"]) > pd.Timestamp("2026-03-11")]
    assert sorted(later.index) == ["2026-05-08-eff-review-3-board", "2026-05-08-rsf-review-2-board"]
    assert (later["status"] == "REPORTED").all() and eff["drawn_sdr_m"] == 2280
    assert in_text(text, "records the completion as *reported*") and in_text(text, "cannot yet state it as fact")
    assert (tables["imf_programs"]["approval_date"] < CUTOFF).all()          # nothing approved since the cut-off
    imf_events = tables["events"][tables["events"]["title"].str.contains("IMF")].set_index("event_id")
    assert imf_events["date"].max() == "2026-05-08"
    assert imf_events.loc[imf_events["date"] > "2026-03-11", "status"].eq("REPORTED").all()


def test_minerals_and_trade_text(text, tables):
    reko = tables["minerals_reko_diq"].set_index("item")
    assert (reko.loc["finance_us_exim", "value"], reko.loc["finance_us_exim", "unit"]) == (1.25, "US$ billion")
    assert reko.loc["finance_us_exim", "as_of"].startswith("2025-12")
    assert in_text(text, "lend US$1.25 billion for Reko Diq")
    assert reko.loc["finance_us_exim_state_dept", "value"] == 1.3
    # Barrick's slowdown: two outlets, as in events.csv (review of 8 Dec 2026)
    assert reko.loc["review_extension", "status"] == "VERIFIED"
    events = tables["events"].set_index("event_id")
    assert events.loc["2026-03-26-barrick-slows-reko-diq", "status"] == "VERIFIED"
    assert "Barrick's slowdown of March 2026" not in text   # no longer among the single-report facts
    assert "under two tonnes" not in text          # no FT report gives a tonnage (fact-check 2026-12-07)
    monthly = tables["trade_us_pak_monthly"]
    assert monthly.loc[monthly["flow"] == "imports", "month"].max() == "2025-08"
    assert monthly.loc[monthly["flow"] == "exports", "month"].max() == "2025-02"
    assert in_text(text, "ends in August 2025") and in_text(text, "ends in February 2025")
    events = tables["events"].set_index("event_id")
    assert events.loc["2026-03-31-trade-investment-forum-planned", "date"] == "2026-03-31"
    assert events.loc["2025-09-25-oval-office-meeting", "category"] == "visit/summit"


# --- The chapter's structure ------------------------------------------------------------------------

def test_sections_exercises_and_reading(text):
    for heading in ("## Learning objectives", "## What changed since October 2025", "## Aid after USAID",
                    "## Open questions", "## Exercises", "## Discussion questions", "## Sources and caveats"):
        assert heading in text
    assert text.index("## Exercises") < text.index("## Sources and caveats")
    assert "Questions, not findings" in text
    open_q = text[text.index("## Open questions"):text.index("## Exercises")]
    items = ["- **" + i for i in open_q.split("\n- **")[1:]]
    assert len(items) >= 6 and all("?" in i for i in items)     # open questions stay questions
    assert "Key points" in text and len(re.findall(r"\{ref\}`[^`]*since-", text)) >= 5
    for n in range(1, 5):
        assert f":label: since-ex-{n}" in text and f"{{solution-start}} since-ex-{n}" in text
    assert text.count("{exercise-start}") == text.count("{exercise-end}") == 4
    assert text.count("{solution-start}") == text.count("{solution-end}") == 4
    assert "1 October 2025" in text


def test_solutions_are_self_contained():
    """Cells after a solution must not use names that only a solution defines (the chapter as
    the site reads it, its solutions gated)."""
    nb = site_notebook(nbformat.read(NOTEBOOK, as_version=4))
    inside, defined_in_solutions = False, set()
    for cell in nb.cells:
        if cell.cell_type == "markdown" and "{solution-start}" in cell.source:
            inside = True
        elif cell.cell_type == "markdown" and "{solution-end}" in cell.source:
            inside = False
        elif cell.cell_type == "code":
            if inside:
                defined_in_solutions |= set(re.findall(r"^(\w+)\s*=", cell.source, flags=re.M))
    assert defined_in_solutions, "no code in the solutions"
    seen_solution = False
    nb_cells = nb.cells
    inside = False
    for cell in nb_cells:
        if cell.cell_type == "markdown" and "{solution-start}" in cell.source:
            inside, seen_solution = True, True
        elif cell.cell_type == "markdown" and "{solution-end}" in cell.source:
            inside = False
        elif cell.cell_type == "code" and seen_solution and not inside:
            for name in defined_in_solutions:
                assert not re.search(rf"\b{name}\b", cell.source), f"{name} is defined only in a solution"


def test_figures_are_laid_out_for_a_phone(figs):
    """Issue 13: no text placed at a desktop pixel (x=280, x=600) that a phone's chart does not
    have; titles above the dots instead of beside a squeezed axis; sources start with publishers."""
    from aid2assets.figures import short_source

    for fid, fig in figs.items():
        spec = json.dumps(fig["spec"])
        assert '"narrow"' in spec, fid
        assert '"x": 280' not in spec and '"x": 600' not in spec, fid
        assert "…" not in short_source(fig["source"]), fid
        assert '"height": {"step"' not in spec, fid   # a height per row would be dropped when fitting the width
    timeline = fig = figs["since-timeline"]["spec"]
    assert timeline["layer"][1]["encoding"]["y"]["axis"] is None
    titles = timeline["layer"][2]
    assert titles["mark"]["type"] == "text" and titles["encoding"]["text"]["field"] == "shown"
    two = next(d for d in timeline["datasets"].values() if d and "narrow_title" in d[0])
    assert all(len(line) <= 46 for r in two for line in r["narrow_title"].split("\n")[:1])


def test_teachers_guide_answers_match_the_data(tables):
    """The guide's answers to since-ex-1 and since-ex-2 are recomputed here (issue 22: new 2026 rows)."""
    guide = " ".join((Path(__file__).resolve().parent.parent / "teachers_guide.md").read_text(encoding="utf-8").split())
    t = tables
    args = (t["events"], t["tariff_announced_rates"], t["minerals_reko_diq"], t["trade_partners"], t["sources"])
    facts = dated_facts(*args)
    trade = facts[facts["category"] == "trade/investment"]
    words = {5: "five", 6: "six", 7: "seven"}
    assert (f"with only *trade/investment* ticked, {len(trade)} facts are left" in guide
            and f"{words[(trade['status'] == 'REPORTED').sum()]} are marked reported and one contested" in guide)
    later, earlier = dated_facts(*args, after="2026-01-01"), dated_facts(*args, after="2025-08-01")
    n_trade = (later["category"] == "trade/investment").sum()
    assert f"from 1 January 2026, {len(later)} facts remain, {n_trade} of them about trade" in guide
    assert f"1 August 2025, {len(earlier)}, six of them from before the book's cut-off" in guide
