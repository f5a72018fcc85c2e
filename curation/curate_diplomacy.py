"""Regenerate the diplomacy chapter's leaders and visits tables from the original files.

    python curation/curate_diplomacy.py            # reads ../shared, writes data/
    python curation/curate_diplomacy.py --check    # rebuilds in memory and reports differences

Inputs (read-only, beside the checkout):
  shared/sources/diplomacy/hsg_us_presidents_1945_present.csv
      Office of the Historian, list of presidents with took/left office dates.
  shared/sources/diplomacy/reign_leaderlist_3_21_pakistan_usa.csv
      OEF Research, REIGN leader list (March 2021): the effective ruler of Pakistan, with
      start day, month and year and end month and year.
  shared/reference/diplomacy_leaders.csv
      The research ledger of Pakistani heads of state and government. Its dates are taken
      only as candidates: a start date counts as VERIFIED here only when the REIGN list has
      the same day, month and year; otherwise the row stays RECALLED (shown as unconfirmed).
  shared/sources/diplomacy/hsg_pakistan_leader_visits_to_us.csv
  shared/sources/diplomacy/hsg_us_official_travels_to_pakistan.csv
      Office of the Historian, visits by foreign leaders and travels of the President and
      Secretary of State, filtered to Pakistan.

Outputs:
  data/leaders.csv   US presidents and Pakistani heads of state and of government
  data/visits.csv    leader visits in both directions, 1950-2019

Values are copied, never edited; the only additions are keys, the office read from the
visitor's title, and the checks against REIGN described above.
"""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from aid2assets import curation  # noqa: E402
from aid2assets.curation import csv_text, read_csv  # noqa: E402

PRESIDENTS_FILE = "sources/diplomacy/hsg_us_presidents_1945_present.csv"
REIGN_FILE = "sources/diplomacy/reign_leaderlist_3_21_pakistan_usa.csv"
LEDGER_FILE = "reference/diplomacy_leaders.csv"
VISITS_FILE = "sources/diplomacy/hsg_pakistan_leader_visits_to_us.csv"
TRAVELS_FILE = "sources/diplomacy/hsg_us_official_travels_to_pakistan.csv"

# Army chiefs who took power (the book's classification, stated in the chapter).
MILITARY_RULERS = {"Muhammad Ayub Khan", "Agha Muhammad Yahya Khan", "Muhammad Zia-ul-Haq", "Pervez Musharraf"}




# Second published lists for the heads of state REIGN leaves out (it lists effective rulers
# only). A ledger start date counts as VERIFIED when one of these lists gives the same person the
# same start in the same office; each entry names the list. Only dates seen in the published
# text are here: (office, name, start) -> (source_id, what the list says).
SECOND_LISTS = {
    ("Pakistan head of state", "Muhammad Ayub Khan", "1958-10-27"):
        ("abbtakk-2018-presidents", "President from 27 October 1958 to 25 March 1969 (Abb Takk News list; Samaa TV gives the same)."),
    ("Pakistan head of state", "Agha Muhammad Yahya Khan", "1969-03-25"):
        ("abbtakk-2018-presidents", "President from 25 March 1969 to 20 December 1971 (Abb Takk News list; Samaa TV gives the same)."),
    ("Pakistan head of state", "Fazal Ilahi Chaudhry", "1973-08-14"):
        ("abbtakk-2018-presidents", "President from 14 August 1973 to 16 September 1978 (Abb Takk News list; Samaa TV gives the same start but ends the term on 16 December 1978)."),
    ("Pakistan head of state", "Muhammad Zia-ul-Haq", "1978-09-16"):
        ("abbtakk-2018-presidents", "President from 16 September 1978 to 17 August 1988 (Abb Takk News list; Samaa TV gives 16 December 1978)."),
    ("Pakistan head of state", "Farooq Leghari", "1993-11-14"):
        ("abbtakk-2018-presidents", "President from 14 November 1993 (Abb Takk News list)."),
    ("Pakistan head of state", "Arif Alvi", "2018-09-09"):
        ("samaa-2018-presidents", "Sworn in as president on 9 September 2018 (Samaa TV, report of that day)."),
}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# --- Leaders -------------------------------------------------------------------------------

LEADER_COLUMNS = ["leader_id", "country_iso3", "office", "title", "name", "start_date", "end_date",
                  "military_ruler", "source_id", "status", "note"]


def reign_starts(shared: Path) -> dict[date, dict]:
    """REIGN's Pakistani rulers keyed by their start date."""
    starts = {}
    for r in read_csv(shared / REIGN_FILE):
        if r["stateabb"] == "PAK":
            starts[date(int(r["syear"]), int(r["smonth"]), int(r["sdate"]))] = r
    return starts


def _same_person(reign_name: str, name: str) -> bool:
    """REIGN gives short names ('Khan Noon', 'Bhutto Benazir'): its last word must be in ours."""
    last = re.findall(r"[a-z]+", reign_name.lower())[-1]
    return last in re.findall(r"[a-z]+", name.lower())


def _reign_end(r: dict) -> str:
    return f"{r['eyear']}-{int(r['emonth']):02d}" if r["eyear"] else ""


def leaders_table(shared: Path) -> str:
    rows = []
    for p in read_csv(shared / PRESIDENTS_FILE):
        rows.append({
            "leader_id": f"usa-president-{p['n']}", "country_iso3": "USA", "office": "US president",
            "title": "President", "name": p["name"], "start_date": p["took_office"],
            "end_date": p["left_office"], "military_ruler": "false", "source_id": "hsg-presidents",
            "status": "VERIFIED",
            "note": "" if p["left_office"] else "In office when the list was saved.",
        })
    reign = reign_starts(shared)
    reign_by_year = {}
    for start, r in reign.items():
        reign_by_year.setdefault(r["leader"], []).append(start)
    for i, r in enumerate(read_csv(shared / LEDGER_FILE)):
        if r["country"] != "Pakistan":
            continue
        office = ("Pakistan head of state" if r["office"].startswith("Head of state")
                  else "Pakistan head of government")
        title = r["office"].split(": ", 1)[1]
        start = date.fromisoformat(r["start_date"])
        match = reign.get(start)
        if match and not _same_person(match["leader"], r["name"]):
            match = None
        notes = []
        if match:
            status, source_id = "VERIFIED", "reign-2021-03"
            notes.append(f"Start date as in REIGN (effective ruler '{match['leader']}').")
            end = _reign_end(match)
            if end and r["end_date"] and not r["end_date"].startswith(end):
                notes.append(f"REIGN, which follows the effective ruler rather than the office, ends this "
                             f"spell in {end}; the end date shown is unconfirmed.")
            elif r["end_date"]:
                notes.append("End day unconfirmed" + (f" (REIGN: {end})." if end else "."))
        elif (office, r["name"], r["start_date"]) in SECOND_LISTS:
            source_id, said = SECOND_LISTS[(office, r["name"], r["start_date"])]
            status = "VERIFIED"
            notes.append(f"Start date confirmed by a second published list: {said} "
                         "Not in REIGN, which lists effective rulers only.")
        else:
            status, source_id = "RECALLED", "research-ledger-leaders"
            near = [(abs((s - start).days), s, rr) for s, rr in reign.items()
                    if abs((s - start).days) <= 40 and _same_person(rr["leader"], r["name"])]
            if near:
                _, s, rr = min(near, key=lambda t: t[0])
                notes.append(f"Unconfirmed; REIGN starts '{rr['leader']}' on {s.isoformat()} instead.")
            else:
                notes.append("Unconfirmed: not in the REIGN list of effective rulers.")
        if not r["end_date"]:
            notes.append("In office at the time of writing (end unknown).")
        rows.append({
            "leader_id": f"pak-{'hos' if office.endswith('state') else 'hog'}-{start.isoformat()}-{_slug(r['name'])}",
            "country_iso3": "PAK", "office": office, "title": title, "name": r["name"],
            "start_date": r["start_date"], "end_date": r["end_date"],
            "military_ruler": "true" if r["name"] in MILITARY_RULERS else "false",
            "source_id": source_id, "status": status, "note": " ".join(notes),
        })
    order = {"US president": 0, "Pakistan head of state": 1, "Pakistan head of government": 2}
    rows.sort(key=lambda x: (order[x["office"]], x["start_date"]))
    return csv_text(rows, LEADER_COLUMNS)


# --- Visits --------------------------------------------------------------------------------

VISIT_COLUMNS = ["visit_id", "direction", "start_date", "end_date", "visitor", "office", "level",
                 "place", "historian_remarks", "source_id", "source_record", "status"]

TITLES = [("Prime Minister ", "Prime Minister"), ("President ", "President"),
          ("Governor General ", "Governor-General")]


def _office_of(visitor: str) -> str:
    for prefix, office in TITLES:
        if visitor.startswith(prefix):
            return office
    raise ValueError(f"no known title in visitor {visitor!r}")


def visits_table(shared: Path) -> str:
    rows = []
    for v in read_csv(shared / VISITS_FILE):
        rows.append({
            "visit_id": f"hsg-visit-{v['id']}", "direction": "Pakistan to US",
            "start_date": v["start_date"], "end_date": v["end_date"], "visitor": v["visitor"],
            "office": _office_of(v["visitor"]), "level": "head of state or government",
            "place": "United States", "historian_remarks": v["description"],
            "source_id": "hsg-visits", "source_record": f"{v['source_file']} id {v['id']}",
            "status": "VERIFIED",
        })
    for t in read_csv(shared / TRAVELS_FILE):
        office = {"president": "President", "secretary": "Secretary of State"}[t["role"]]
        rows.append({
            "visit_id": f"hsg-trip-{t['id']}", "direction": "US to Pakistan",
            "start_date": t["start_date"], "end_date": t["end_date"], "visitor": t["name"],
            "office": office,
            "level": "head of state or government" if office == "President" else "secretary of state",
            "place": t["locale"], "historian_remarks": t["remarks"],
            "source_id": "hsg-travels", "source_record": f"{t['source_file']} id {t['id']}",
            "status": "VERIFIED",
        })
    rows.sort(key=lambda r: (r["start_date"], r["direction"], r["visit_id"]))
    return csv_text(rows, VISIT_COLUMNS)


OUTPUTS = {
    "leaders.csv": leaders_table,
    "visits.csv": visits_table,
}


def build(shared: Path) -> dict[str, str]:
    """All curated tables as CSV text, keyed by file name."""
    return {name: make(shared) for name, make in OUTPUTS.items()}


def main(argv=None) -> int:
    return curation.run(argv, __doc__, build, required=[PRESIDENTS_FILE, REIGN_FILE, LEDGER_FILE, VISITS_FILE, TRAVELS_FILE])


if __name__ == "__main__":
    sys.exit(main())
