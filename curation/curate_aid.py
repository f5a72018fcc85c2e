"""Regenerate the book's aid tables from the publishers' original files.

    python curation/curate_aid.py            # reads ../shared, writes data/
    python curation/curate_aid.py --check    # rebuilds in memory and reports differences

Inputs (read-only, beside the checkout):
  shared/sources/aid/greenbook_fy1946-2020_PAK_EGY_ISR_AFG_IND_BGD.csv
      USAID Greenbook, one row per country, year and funding account.
  shared/sources/aid/foreignassistance_country_summary_dl2025-11_...csv (and dl2025-04)
      ForeignAssistance.gov country totals by transaction type.
  shared/reference/aid_crs_pakistan_fy2002_2020.csv
      Figures transcribed from the CRS tables "Direct Overt U.S. Aid Appropriations for and
      Military Reimbursements to Pakistan" (no machine-readable original exists).

Outputs:
  data/aid_greenbook.csv         net obligations by country, fiscal year and category
  data/aid_foreignassistance.csv obligations and disbursements by country and fiscal year
  data/aid_crs_pakistan.csv      CRS appropriations and CSF reimbursements, FY2002-FY2018

Every value is copied or summed, never edited. Each step is a small function so that a
reader can check it against the source file.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from aid2assets import curation  # noqa: E402
from aid2assets.curation import csv_text, read_csv  # noqa: E402

GREENBOOK_FILE = "sources/aid/greenbook_fy1946-2020_PAK_EGY_ISR_AFG_IND_BGD.csv"
FAGOV_FILES = {
    "2025-11": "sources/aid/foreignassistance_country_summary_dl2025-11_PAK_EGY_ISR_AFG_IND_BGD.csv",
    "2025-04": "sources/aid/foreignassistance_country_summary_dl2025-04_PAK_EGY_ISR_AFG_IND_BGD.csv",
}
CRS_FILE = "reference/aid_crs_pakistan_fy2002_2020.csv"

GREENBOOK_COUNTRIES = {
    "Pakistan": "PAK",
    "Egypt": "EGY",
    "Israel": "ISR",
    "Afghanistan": "AFG",
    "India": "IND",
    "Bangladesh": "BGD",
}
TRANSITION_QUARTER = "1976.9"  # the Greenbook's code for Jul-Sep 1976
LAST_GREENBOOK_FY = 2020




# --- USAID Greenbook ------------------------------------------------------------------------

GREENBOOK_COLUMNS = [
    "country_iso3", "fiscal_year", "period", "category",
    "obligations_current_usd", "obligations_constant_2020_usd", "source_rows", "source_id", "status",
]


def greenbook_table(shared: Path) -> str:
    """Net obligations per country, fiscal year, period and category.

    Sums every account row as published, negative rows (deobligations, ESF adjustments)
    included. Years in a country's span with no rows in a category get 0 with
    ``source_rows`` = 0, so that a gap is visible rather than silent.
    """
    sums = defaultdict(lambda: [0, 0, 0])
    for row in read_csv(shared / GREENBOOK_FILE):
        iso = GREENBOOK_COUNTRIES.get(row["Country"])
        if iso is None:
            continue
        fy = row["Fiscal Year"]
        if fy == TRANSITION_QUARTER:
            key = (iso, 1976, "transition quarter", row["Assistance Category"].lower())
        else:
            key = (iso, int(fy), "year", row["Assistance Category"].lower())
        acc = sums[key]
        acc[0] += int(row["Obligations (Historical Dollars)"])
        acc[1] += int(row["Obligations (Constant Dollars)"])
        acc[2] += 1

    first_year = {}
    for iso, fy, period, _ in sums:
        first_year[iso] = min(fy, first_year.get(iso, fy))

    rows = []
    for iso in sorted(first_year):
        periods = [(fy, "year") for fy in range(first_year[iso], LAST_GREENBOOK_FY + 1)]
        if first_year[iso] <= 1976:
            periods.insert(periods.index((1976, "year")) + 1, (1976, "transition quarter"))
        for fy, period in periods:
            for category in ("economic", "military"):
                current, constant, n = sums.get((iso, fy, period, category), (0, 0, 0))
                rows.append({
                    "country_iso3": iso, "fiscal_year": fy, "period": period, "category": category,
                    "obligations_current_usd": current, "obligations_constant_2020_usd": constant,
                    "source_rows": n, "source_id": "usaid-greenbook-2022", "status": "DERIVED",
                })
    return csv_text(rows, GREENBOOK_COLUMNS)


# --- ForeignAssistance.gov -------------------------------------------------------------------

FAGOV_COLUMNS = [
    "country_iso3", "fiscal_year", "period", "transaction_type", "download",
    "current_usd", "constant_usd", "constant_base_fy", "source_id", "status",
]
FAGOV_TYPES = ("Obligations", "Disbursements")


def _constant_base(rows: list[dict], kind: str) -> int:
    """The fiscal year in which current and constant amounts coincide (the deflator base)."""
    years = {r["Fiscal Year"] for r in rows
             if r["Transaction Type Name"] == kind and r["current_amount"] == r["constant_amount"]
             and r["current_amount"] not in ("", "0")}
    if len(years) != 1:
        raise ValueError(f"cannot tell the constant-dollar base year for {kind}: candidates {sorted(years)}")
    return int(years.pop())


def foreignassistance_table(shared: Path) -> str:
    """Obligations and disbursements, as published, for both downloads.

    The November 2025 download is the headline series; the April 2025 download is kept for
    Pakistan only, to show how recent years were revised.
    """
    out = []
    for download, rel in FAGOV_FILES.items():
        rows = read_csv(shared / rel)
        for kind in FAGOV_TYPES:
            base = _constant_base(rows, kind)
            for r in rows:
                if r["Transaction Type Name"] != kind:
                    continue
                if download == "2025-04" and (r["Country Code"] != "PAK" or kind != "Obligations"):
                    continue
                tq = r["Fiscal Year"].lower() == "1976tq"  # FA.gov's code for Jul-Sep 1976
                out.append({
                    "country_iso3": r["Country Code"], "fiscal_year": 1976 if tq else int(r["Fiscal Year"]),
                    "period": "transition quarter" if tq else "year",
                    "transaction_type": kind.lower(), "download": download,
                    "current_usd": r["current_amount"], "constant_usd": r["constant_amount"],
                    "constant_base_fy": base, "source_id": f"fagov-country-{download}", "status": "VERIFIED",
                })
    out.sort(key=lambda r: (r["country_iso3"], r["transaction_type"], r["download"], r["fiscal_year"], r["period"] != "year"))
    return csv_text(out, FAGOV_COLUMNS)


# --- Congressional Research Service ----------------------------------------------------------

CRS_COLUMNS = [
    "period", "first_fy", "last_fy", "line_item", "usd_millions", "measure",
    "table_date", "source_id", "status", "note",
]
CRS_LINE_ITEMS = {
    "FMF": "FMF",
    "PCF/PCCF": "PCF/PCCF",
    "Total Security-Related": "security-related total",
    "ESF": "ESF",
    "IDA": "IDA",
    "Total Economic-Related": "economic-related total",
    "CSF Reimbursements": "CSF reimbursements",
    "Grand Total": "grand total",
}
CRS_TABLES = {  # the ledger names each table by its URL and date
    "2013-10-24": "crs-pakistan-aid-2013",
    "2014-03-06": "crs-pakistan-aid-2014",
    "2019-03-12": "crs-pakistan-aid-2019",
}


def _period_bounds(period: str) -> tuple[int, int, str]:
    text = period.replace(" (request)", "")
    parts = [int(p.strip().removeprefix("FY")) for p in text.split("-")]
    measure = "request" if "(request)" in period else "appropriation"
    return parts[0], parts[-1], measure


def _table_date(source: str) -> str:
    # A derived row cites two tables; it belongs to the later one, whose total it uses.
    dates = [d for d in CRS_TABLES if d in source]
    if not dates:
        raise ValueError(f"unrecognised CRS source {source!r}")
    return max(dates)


# Book notes per condition, in the book's own words.
CRS_NOTES = {
    "aggregate": "Multi-year total as printed; the table gives no split by year.",
    "csf": "Pentagon reimbursement for Pakistan's support of US operations; not foreign aid.",
    "csf-2013-derived": ("Implied by the 2019 table: its FY2002-FY2013 CSF total (12,125) minus the "
                         "2014 table's CSF for FY2002-FY2012."),
    "csf-2013-2014": "Figure printed in the 2014 table, marked as an estimate; later revised.",
    "csf-missing": "The CRS table prints only a footnote marker for CSF this year, no amount.",
    "request": "Budget request, not an appropriation.",
    "grand-2013-2014": "Total printed in the 2014 table, using its estimated CSF of 353.",
}


def crs_table(shared: Path) -> str:
    rows = []
    for r in read_csv(shared / CRS_FILE):
        first, last, measure = _period_bounds(r["period"])
        item = CRS_LINE_ITEMS[r["line_item"]]
        if item == "CSF reimbursements":
            measure = "reimbursement"
        note = []
        if first != last:
            note.append(CRS_NOTES["aggregate"])
        if measure == "request":
            note.append(CRS_NOTES["request"])
        if item == "CSF reimbursements":
            note.append(CRS_NOTES["csf-2013-derived"] if r["status"] == "DERIVED" else CRS_NOTES["csf"])
        rows.append({
            "period": r["period"].replace("-", "–") if first != last else f"FY{first}",
            "first_fy": first, "last_fy": last, "line_item": item, "usd_millions": r["usd_millions"],
            "measure": measure, "table_date": _table_date(r["source"]),
            "source_id": CRS_TABLES[_table_date(r["source"])], "status": r["status"], "note": " ".join(note),
        })
        if r["period"] == "FY2013" and r["line_item"] == "Total Economic-Related":
            # The ledger records in a note what the 2014 table printed for FY2013 CSF and the
            # grand total (353, marked "e", and 1,548); keep both so the revision is visible.
            for li, value, key in (("CSF reimbursements", "353", "csf-2013-2014"),
                                   ("grand total", "1548", "grand-2013-2014")):
                rows.append({
                    "period": "FY2013", "first_fy": 2013, "last_fy": 2013, "line_item": li,
                    "usd_millions": value,
                    "measure": "reimbursement" if li == "CSF reimbursements" else "appropriation",
                    "table_date": "2014-03-06", "source_id": CRS_TABLES["2014-03-06"],
                    "status": "VERIFIED", "note": CRS_NOTES[key],
                })
    for fy in (2017, 2018):  # shown as a footnote only: an empty cell with a reason
        rows.append({
            "period": f"FY{fy}", "first_fy": fy, "last_fy": fy, "line_item": "CSF reimbursements",
            "usd_millions": "", "measure": "reimbursement", "table_date": "2019-03-12",
            "source_id": CRS_TABLES["2019-03-12"], "status": "VERIFIED", "note": CRS_NOTES["csf-missing"],
        })
    order = list(CRS_LINE_ITEMS.values())
    rows.sort(key=lambda r: (r["first_fy"], r["last_fy"], r["period"], order.index(r["line_item"]), r["table_date"]))
    return csv_text(rows, CRS_COLUMNS)


OUTPUTS = {
    "aid_greenbook.csv": greenbook_table,
    "aid_foreignassistance.csv": foreignassistance_table,
    "aid_crs_pakistan.csv": crs_table,
}


def build(shared: Path) -> dict[str, str]:
    """All curated tables as CSV text, keyed by file name."""
    return {name: make(shared) for name, make in OUTPUTS.items()}


def main(argv=None) -> int:
    return curation.run(argv, __doc__, build, required=[GREENBOOK_FILE, *FAGOV_FILES.values(), CRS_FILE])


if __name__ == "__main__":
    sys.exit(main())
