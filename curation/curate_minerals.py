"""Regenerate the book's world mineral table from the USGS files.

    python curation/curate_minerals.py            # reads ../shared, writes data/
    python curation/curate_minerals.py --check    # rebuilds in memory and reports differences

Inputs (read-only, beside the checkout):
  shared/sources/minerals/usgs_mcs2023_world_<code>.csv and usgs_mcs2024_world_<code>.csv
      USGS Mineral Commodity Summaries 2023 and 2024 data releases, "world" files: mine
      production for two years and reserves by country (byte-for-byte copies; SOURCE.md).
  shared/reference/minerals_production_reserves.csv
      The research ledger. Only its MCS2025 and MCS2026 rows are used: no machine-readable
      original of those editions was available, so the ledger's transcriptions (of a Markdown
      copy of the MCS2025 PDF and of a third-party extraction of the MCS2026 PDFs) are the
      closest source. Its MCS2023/MCS2024 rows are NOT used: those come from the originals.

Output:
  data/minerals_world.csv  one row per commodity, edition, country, measure and year

Rules (each is a small function below):
  * values are copied, never edited; "1,700" and "1230 " are read as 1700 and 1230;
  * NA, W, XX and "Included in World total." give an empty value and a note saying which;
  * footnote digits fused to country names ("Other countries6") and non-breaking spaces are
    removed; a few names are mapped to one spelling across editions (NAME_FIXES);
  * a production year is "estimated" when the USGS column header says est, or when the
    row's note says the year was also estimated;
  * reserves are given the edition's year (USGS reserves are "as of" the edition).
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from aid2assets import curation  # noqa: E402
from aid2assets.curation import csv_text  # noqa: E402

SOURCE_DIR = "sources/minerals"
LEDGER = "reference/minerals_production_reserves.csv"

# USGS file code, row Type prefix -> (commodity key, unit)
USGS_FILES = {
    "raree": [("Rare earths, mine production", "rare_earths", "t REO")],
    "coppe": [("Mine production, recoverable copper content", "copper_mine", "kt Cu"),
              ("Refinery production, copper", "copper_refinery", "kt Cu")],
    "gold": [("Gold - contained content, mine production", "gold", "t Au")],
    "antim": [("Mine production, contained antimony", "antimony", "t Sb")],
    "lithi": [("Mine production, lithium content", "lithium", "t Li")],
    "graph": [("Mine production, graphite", "graphite", "t graphite")],
}
EDITIONS = {"MCS2023": "usgs-mcs2023-data-release", "MCS2024": "usgs-mcs2024-data-release"}

LEDGER_COMMODITIES = {
    "rare earths (mine, REO equivalent)": ("rare_earths", "t REO"),
    "antimony (mine, contained Sb)": ("antimony", "t Sb"),
    "lithium (mine, Li content)": ("lithium", "t Li"),
    "graphite, natural (mine)": ("graphite", "t graphite"),
    "copper (mine, recoverable Cu content)": ("copper_mine", "kt Cu"),
}
LEDGER_UNITS = {"t REO": "t REO", "t Sb": "t Sb", "t Li": "t Li", "t": "t graphite", "kt Cu": "kt Cu"}
LEDGER_SOURCES = {"MCS2025": "usgs-mcs2025-rare-earths", "MCS2026": "usgs-mcs2026-extraction"}

NAME_FIXES = {
    "World total (rounded), excluding U.S. production": ("World total (rounded)", "excludes U.S. production"),
    "Russia (recoverable)": ("Russia", "published as 'Russia (recoverable)'"),
    "Other": ("Other countries", ""),
}
SPECIAL = {
    "NA": "not available (NA)",
    "W": "withheld to avoid disclosing company data (W)",
    "XX": "not applicable (XX)",
    "Included in World total.": "no country figure: included in the world total",
}

COLUMNS = ["commodity", "edition", "country", "measure", "year", "value", "unit", "estimated",
           "note", "source_id", "status"]


def clean_country(raw: str) -> tuple[str, str]:
    """Published name -> (book's name, note). Strips fused footnote digits and NBSPs."""
    name = re.sub(r"\s+", " ", raw.replace("\xa0", " ")).strip()
    name = re.sub(r"(?<=[A-Za-z)])\d+$", "", name)
    return NAME_FIXES.get(name, (name, ""))


def parse_value(raw: str) -> tuple[str, str]:
    """A USGS cell -> (number as text, note). Empty number and a note for special values."""
    text = raw.replace("\xa0", " ").strip()
    if text in SPECIAL:
        return "", SPECIAL[text]
    if text == "":
        return "", "empty in the source file"
    number = text.replace(",", "")
    if not re.fullmatch(r"\d+(\.\d+)?", number):
        raise ValueError(f"unexpected USGS value {raw!r}")
    return number, ""


def join_notes(*notes: str) -> str:
    return "; ".join(n for n in notes if n)


def usgs_rows(shared: Path, edition: str, code: str) -> list[dict]:
    year = edition[3:]
    path = shared / SOURCE_DIR / f"usgs_{edition.lower()}_world_{code}.csv"
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    header = rows[0]
    prod_cols = [i for i, h in enumerate(header) if h.startswith("Prod_") and re.search(r"\d{4}$", h)]
    reserves_col = next(i for i, h in enumerate(header) if h.startswith("Reserves_") and "notes" not in h)
    notes_col = next(i for i, h in enumerate(header) if h.startswith("Prod_note"))
    out = []
    for row in rows[1:]:
        if not any(cell.strip() for cell in row[:5]):
            continue
        kind = next(((c, u) for prefix, c, u in USGS_FILES[code] if row[2].startswith(prefix)), None)
        if kind is None:
            raise ValueError(f"{path.name}: unknown Type {row[2]!r}")
        commodity, unit = kind
        country, name_note = clean_country(row[1])
        prod_note = row[notes_col].strip()
        for n, i in enumerate(prod_cols):
            value, note = parse_value(row[i])
            estimated = "_est_" in header[i] or (n == 0 and "estimated" in prod_note.lower())
            out.append({
                "commodity": commodity, "edition": edition, "country": country, "measure": "production",
                "year": header[i][-4:], "value": value, "unit": unit,
                "estimated": "true" if estimated else "false",
                "note": join_notes(name_note, note, prod_note if n == len(prod_cols) - 1 else ""),
                "source_id": EDITIONS[edition], "status": "VERIFIED",
            })
        if commodity == "copper_refinery":
            continue  # reserves are not defined for refinery output (XX or empty in the files)
        value, note = parse_value(row[reserves_col])
        reserves_note = row[reserves_col + 1].strip() if len(row) > reserves_col + 1 else ""
        if value == "" and reserves_note.startswith(">"):
            note = f"printed as a lower bound ({reserves_note.split('.')[0]})"
            reserves_note = ""
        out.append({
            "commodity": commodity, "edition": edition, "country": country, "measure": "reserves",
            "year": year, "value": value, "unit": unit, "estimated": "false",
            "note": join_notes(name_note, note, reserves_note),
            "source_id": EDITIONS[edition], "status": "VERIFIED",
        })
    return out


def ledger_rows(shared: Path) -> list[dict]:
    """MCS2025 and MCS2026 rows from the research ledger (no original file available)."""
    with open(shared / LEDGER, encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["edition"] in LEDGER_SOURCES]
    latest = {}
    for r in rows:
        key = (r["edition"], r["commodity"], r["country"])
        latest[key] = max(latest.get(key, 0), int(r["year"]))
    out = []
    for r in rows:
        commodity, unit = LEDGER_COMMODITIES[r["commodity"]]
        if LEDGER_UNITS[r["unit"]] != unit:
            raise ValueError(f"unexpected unit {r['unit']!r} for {r['commodity']}")
        country, name_note = clean_country(r["country"])
        notes = [re.sub(r"^fn\d+\s*", "", n.strip()) for n in r["notes"].split(";") if n.strip()]
        estimated = "estimate" in notes
        kept = [n for n in notes if n != "estimate" and not n.startswith("reserves as of")
                and n != "reserves only (as of 2026 edition)"]
        source_id = LEDGER_SOURCES[r["edition"]]
        if not (r["commodity"].startswith("copper")):
            value = r["production"]
            out.append({
                "commodity": commodity, "edition": r["edition"], "country": country,
                "measure": "production", "year": r["year"], "value": value, "unit": unit,
                "estimated": "true" if estimated else "false",
                "note": join_notes(name_note, "; ".join(n for n in kept if "reserves" not in n.lower()),
                                   "" if value else "no figure in the copy read"),
                "source_id": source_id, "status": r["status"],
            })
        if int(r["year"]) == latest[(r["edition"], r["commodity"], r["country"])]:
            value = r["reserves"]
            reserve_notes = [n for n in kept if "reserves" in n.lower()]
            if not value and not reserve_notes:
                reserve_notes = ["no figure in the copy read (NA, W or not seen)"]
            out.append({
                "commodity": commodity, "edition": r["edition"], "country": country,
                "measure": "reserves", "year": r["edition"][3:], "value": value, "unit": unit,
                "estimated": "false", "note": join_notes(name_note, "; ".join(reserve_notes)),
                "source_id": source_id, "status": r["status"],
            })
    return out



def world_table(shared: Path) -> str:
    rows = []
    for edition in EDITIONS:
        for code in USGS_FILES:
            rows.extend(usgs_rows(shared, edition, code))
    rows.extend(ledger_rows(shared))
    order = list(dict.fromkeys(c for specs in USGS_FILES.values() for _, c, _ in specs))
    rows.sort(key=lambda r: (order.index(r["commodity"]), r["edition"], r["measure"],
                             r["country"].startswith(("Other", "World")), r["country"], r["year"]))
    return csv_text(rows, COLUMNS)


def build(shared: Path) -> dict[str, str]:
    """All output files as text, keyed by file name."""
    return {"minerals_world.csv": world_table(shared)}


def main(argv=None) -> int:
    return curation.run(argv, __doc__, build, required=[SOURCE_DIR, LEDGER])


if __name__ == "__main__":
    sys.exit(main())
