"""Regenerate the book's "assets" tables (remittances, investment, energy) from the originals.

    python curation/curate_assets.py            # reads ../shared, writes data/
    python curation/curate_assets.py --check    # rebuilds in memory and reports differences

Inputs (read-only, beside the checkout, under shared/sources/assets/; see each SOURCE.md):
  sbp_workers_remittances_by_country_monthly_1972-2025/country_wise_remittance.csv
      State Bank of Pakistan (SBP) EasyData export "Country-wise Workers' Remittances",
      monthly Jul 1972 - Mar 2025 (refreshed 14 Apr 2025).
  sbp_remittances_corridors_monthly_2021-2026_dashboard/remittances.csv
      The same SBP series as republished by a dashboard, Aug 2021 - Jul 2026 (Aug 2026 vintage).
  sbp_fdi_by_country_FY26_Mar/Netinflow_Country_sheet_raw.csv
      A cell-for-cell dump of the Country sheet of SBP's Netinflow.xls (March 2026 release).
  worldbank_wdi_pakistan_country_download/WDI_PAK_selected_indicators.csv
      Rows of the World Bank WDI Pakistan workbook (updated 2025-01-28), values unchanged.
  energy_institute_statistical_review_2024/EI_2024_Pakistan_rows.csv
      Pakistan rows of the Energy Institute Statistical Review 2024 workbook, values unchanged.
  pakistan_finance_division_economic_data_energy_trade/energy.csv
      Finance Division (Pakistan Economic Survey) energy series by fiscal year.
  ../reference/since_2025-10_ledger.csv
      Only its two rows on the first US crude cargoes (press reports, Oct-Nov 2025).

Outputs (data/):
  assets_remittances_monthly.csv  one row per vintage, month and corridor
  assets_fdi_by_country.csv       one row per period, country and measure (SBP, Jul-Mar FY25/FY26)
  assets_wdi.csv                  one row per World Bank indicator and calendar year
  assets_energy.csv               one row per series, basis, year and partner

Rules: values are copied as text, never rounded or edited; an empty or '-' cell gives no value
and a note; each row names its source and a status; partial and provisional periods are
flagged in their own column, from what the file itself prints (P, Jul-Mar) or, for the Finance
Division's last two columns, from the check described in its SOURCE.md.
"""

from __future__ import annotations

import csv
import re
import sys
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from aid2assets import curation  # noqa: E402
from aid2assets.curation import csv_text  # noqa: E402

SOURCE_DIR = "sources/assets"
EASYDATA = f"{SOURCE_DIR}/sbp_workers_remittances_by_country_monthly_1972-2025/country_wise_remittance.csv"
DASHBOARD = f"{SOURCE_DIR}/sbp_remittances_corridors_monthly_2021-2026_dashboard/remittances.csv"
NETINFLOW = f"{SOURCE_DIR}/sbp_fdi_by_country_FY26_Mar/Netinflow_Country_sheet_raw.csv"
WDI = f"{SOURCE_DIR}/worldbank_wdi_pakistan_country_download/WDI_PAK_selected_indicators.csv"
EI = f"{SOURCE_DIR}/energy_institute_statistical_review_2024/EI_2024_Pakistan_rows.csv"
FINANCE = f"{SOURCE_DIR}/pakistan_finance_division_economic_data_energy_trade/energy.csv"
LEDGER = "reference/since_2025-10_ledger.csv"

# -- Remittances --------------------------------------------------------------------------------
# SBP series key -> the book's corridor name; the dashboard's column names for the same series.
CORRIDORS = {
    "TS_GP_BOP_WR_M.WR0010": "total",
    "TS_GP_BOP_WR_M.WR0020": "usa",
    "TS_GP_BOP_WR_M.WR0030": "uk",
    "TS_GP_BOP_WR_M.WR0040": "saudi_arabia",
    "TS_GP_BOP_WR_M.WR0050": "uae",
    "TS_GP_BOP_WR_M.WR0100": "other_gcc",
    "TS_GP_BOP_WR_M.WR0150": "eu",
}
DASHBOARD_COLUMNS = {"total": "total", "usa": "usa", "uk": "uk", "saudiArabia": "saudi_arabia",
                     "uae": "uae", "otherGcc": "other_gcc", "eu": "eu"}
SERIES_OF = {v: k for k, v in CORRIDORS.items()}
VINTAGES = {"easydata-2025-04": "sbp-easydata-remittances-2025-04",
            "dashboard-2026-08": "sbp-remittances-dashboard-2026-08"}
BREAK = "2019-07"  # "From July, 2019 data is based on original country of remitter." (SBP)

REMITTANCE_COLUMNS = ["vintage", "month", "fiscal_year", "corridor", "series_key", "value_musd",
                      "attribution", "note", "source_id", "status"]


def fiscal_year(month: str) -> int:
    """Pakistan's fiscal year (July-June) named by the year it ends: 2024-07 -> 2025."""
    year, mon = int(month[:4]), int(month[5:7])
    return year + 1 if mon >= 7 else year


def attribution(corridor: str, month: str) -> str:
    if corridor == "total":
        return "all_countries"
    return "original_remitter" if month >= BREAK else "before_july_2019"


def easydata_rows(shared: Path) -> list[dict]:
    with open(shared / EASYDATA, encoding="utf-8-sig", newline="") as fh:
        raw = [r for r in csv.DictReader(fh) if r["Series Key"] in CORRIDORS]
    out = []
    for r in raw:
        if r["Unit"] != "Million USD":
            raise ValueError(f"{EASYDATA}: unexpected unit {r['Unit']!r}")
        month = datetime.strptime(r["Observation Date"], "%d-%b-%Y").strftime("%Y-%m")
        corridor = CORRIDORS[r["Series Key"]]
        value, note = r["Observation Value"].strip(), ""
        if r["Observation Status"] != "Normal" or value == "":
            value, note = "", f"SBP status: {r['Observation Status']}"
        out.append({"vintage": "easydata-2025-04", "month": month, "fiscal_year": fiscal_year(month),
                    "corridor": corridor, "series_key": r["Series Key"], "value_musd": value,
                    "attribution": attribution(corridor, month), "note": note,
                    "source_id": VINTAGES["easydata-2025-04"], "status": "VERIFIED"})
    return out


def dashboard_rows(shared: Path) -> list[dict]:
    with open(shared / DASHBOARD, encoding="utf-8", newline="") as fh:
        raw = list(csv.DictReader(fh))
    out = []
    for r in raw:
        month = r["date"]
        if not re.fullmatch(r"\d{4}-\d{2}", month):
            raise ValueError(f"{DASHBOARD}: unexpected date {month!r}")
        for column, corridor in DASHBOARD_COLUMNS.items():
            value = r[column].strip()
            out.append({"vintage": "dashboard-2026-08", "month": month, "fiscal_year": fiscal_year(month),
                        "corridor": corridor, "series_key": SERIES_OF[corridor], "value_musd": value,
                        "attribution": attribution(corridor, month),
                        "note": "" if value else "empty in the dashboard file",
                        "source_id": VINTAGES["dashboard-2026-08"], "status": "VERIFIED"})
    return out


def remittances_table(shared: Path) -> str:
    rows = easydata_rows(shared) + dashboard_rows(shared)
    order = list(CORRIDORS.values())
    rows.sort(key=lambda r: (r["vintage"], r["month"], order.index(r["corridor"])))
    return csv_text(rows, REMITTANCE_COLUMNS)


# -- FDI by country (SBP Netinflow.xls, Country sheet) ----------------------------------------
# The sheet's column blocks: (first column index, period key, provisional) as printed in row 4.
FDI_PERIODS = [(3, "March 2026(P)", "2026-03", True), (8, "July-March FY26 (P)", "jul_mar_fy2026", True),
               (13, "July-March FY25", "jul_mar_fy2025", False)]
FDI_MEASURES = ["fdi_inflow", "fdi_outflow", "fdi_net", "fpi_net", "total_net"]
FDI_COLUMNS = ["period", "provisional", "country", "measure", "value_musd", "note", "source_id", "status"]
AGGREGATES = {"I- Foreign Private": "Foreign private investment (total)",
              "II- Foreign Public@": "Foreign public investment (total)",
              "Total": "Total foreign investment"}


def fdi_rows(shared: Path) -> list[dict]:
    with open(shared / NETINFLOW, encoding="utf-8", newline="") as fh:
        grid = list(csv.reader(fh))
    header = grid[3]
    for col, printed, _, _ in FDI_PERIODS:
        if header[col].strip() != printed:
            raise ValueError(f"{NETINFLOW}: expected period {printed!r} in column {col}, found {header[col]!r}")
    if [c.strip() for c in grid[5][3:8]] != ["Inflow", "Outflow", "Net", "", ""]:
        raise ValueError(f"{NETINFLOW}: unexpected measure headers {grid[5][3:8]!r}")
    out = []
    for line, row in enumerate(grid, start=1):
        if len(row) < 18:
            continue
        if re.fullmatch(r"\d+\.0", row[1].strip()):
            country = row[2].strip()
        elif row[1].strip() in AGGREGATES:
            country = AGGREGATES[row[1].strip()]
        else:
            continue
        for col, _, period, provisional in FDI_PERIODS:
            for k, measure in enumerate(FDI_MEASURES):
                value = row[col + k].strip()
                if value and not re.fullmatch(r"-?\d+(\.\d+)?(e-?\d+)?", value):
                    raise ValueError(f"{NETINFLOW}, line {line}: unexpected value {value!r}")
                out.append({"period": period, "provisional": "true" if provisional else "false",
                            "country": country, "measure": measure, "value_musd": value,
                            "note": "" if value else "blank in the SBP sheet (no direct investment by the public sector)",
                            "source_id": "sbp-fdi-by-country-2026-03", "status": "VERIFIED"})
    return out


def fdi_table(shared: Path) -> str:
    order = [p for _, _, p, _ in FDI_PERIODS]
    rows = sorted(fdi_rows(shared), key=lambda r: (order.index(r["period"]), r["country"] in AGGREGATES.values(),
                                                   r["country"], FDI_MEASURES.index(r["measure"])))
    return csv_text(rows, FDI_COLUMNS)


# -- World Bank WDI ----------------------------------------------------------------------------
WDI_INDICATORS = {  # code -> unit
    "NY.GDP.MKTP.CD": "current US$",
    "NY.GNP.MKTP.CD": "current US$",
    "BX.KLT.DINV.CD.WD": "current US$",
    "BX.KLT.DINV.WD.GD.ZS": "% of GDP",
    "BM.KLT.DINV.CD.WD": "current US$",
    "BN.KLT.DINV.CD": "current US$",
    "BX.TRF.PWKR.CD.DT": "current US$",
    "BX.TRF.PWKR.DT.GD.ZS": "% of GDP",
    "DT.ODA.ODAT.CD": "current US$",
    "DT.ODA.ALLD.CD": "current US$",
    "DT.ODA.ODAT.GN.ZS": "% of GNI",
    "EG.IMP.CONS.ZS": "% of energy use",
    "TM.VAL.FUEL.ZS.UN": "% of merchandise imports",
}
WDI_COLUMNS = ["indicator_code", "indicator", "year", "value", "unit", "source_id", "status"]


def wdi_table(shared: Path) -> str:
    with open(shared / WDI, encoding="utf-8", newline="") as fh:
        raw = {r["Indicator Code"]: r for r in csv.DictReader(fh)}
    missing = set(WDI_INDICATORS) - set(raw)
    if missing:
        raise ValueError(f"{WDI}: indicators not found: {sorted(missing)}")
    rows = []
    for code, unit in WDI_INDICATORS.items():
        r = raw[code]
        for year in (k for k in r if re.fullmatch(r"\d{4}", k)):
            value = r[year].strip()
            if value:
                rows.append({"indicator_code": code, "indicator": r["Indicator Name"].replace("\n", " "),
                             "year": year, "value": value, "unit": unit,
                             "source_id": "wdi-pakistan-2025-01", "status": "VERIFIED"})
    return csv_text(rows, WDI_COLUMNS)


# -- Energy ------------------------------------------------------------------------------------
ENERGY_COLUMNS = ["series", "basis", "year", "partner", "value", "unit", "partial", "note", "source_id", "status"]
EI_SHEETS = {  # sheet (as printed, stripped) -> (series, unit)
    "Gas - Proved reserves history": ("gas_proved_reserves", "Tcm"),
    "Gas Production - Bcm": ("gas_production", "bcm"),
    "Gas Consumption - Bcm": ("gas_consumption", "bcm"),
    "Gas - LNG imports bcm": ("lng_imports", "bcm"),
    "Oil Consumption - barrels": ("oil_consumption", "kb/d"),
    "Oil refinery - capacity": ("refinery_capacity", "kb/d"),
}
EI_UNITS = {"Tcm": "Trillion cubic metres", "bcm": "Billion cubic metres", "kb/d": "Thousand barrels daily"}
FINANCE_ROWS = {  # row label (stripped) -> (series, unit, note)
    "Oil, Crude Oil Imports (000 barrels)": ("crude_imports", "thousand barrels", ""),
    "Oil, Local Crude Extraction (000 barrels)": ("crude_extraction", "thousand barrels", ""),
    "Gas, Production (mcf)": ("gas_production_fd", "mcf as labelled",
                              "labelled mcf; the magnitudes match million cubic feet"),
    "Gas, Imports (mcf)": ("gas_imports_fd", "mcf as labelled",
                           "labelled mcf; the magnitudes match million cubic feet"),
    "Petroleum Products, Imports (000 tons)": ("petroleum_products_imports", "thousand tonnes", ""),
}
PARTIAL_FY = {2023, 2024}
# Printed values that cannot be right; kept as printed, with a note, and left out of the charts.
SUSPECT = {
    ("gas_production", "2016"): "SUSPECT: the EI 2024 workbook prints 0 for Pakistan's 2016 gas production, between "
                                "about 35 bcm in 2015 and 2017: a gap in the workbook, not a real zero",
    ("gas_consumption", "2016"): "SUSPECT: the EI 2024 workbook's 2016 consumption equals that year's LNG imports "
                                 "alone, as if domestic production were missing",
}  # the Finance Division's last two columns (SOURCE.md: July-March only)


def ei_rows(shared: Path) -> list[dict]:
    with open(shared / EI, encoding="utf-8-sig", newline="") as fh:
        grid = list(csv.reader(fh))
    headers = {r[0].strip(): r for r in grid if r[1] == "header"}
    out = []
    for r in grid:
        sheet = r[0].strip()
        if r[1] != "data" or r[3] != "Pakistan":
            continue
        if sheet in EI_SHEETS:
            series, unit = EI_SHEETS[sheet]
            header = headers[sheet]
            if header[3].strip().rstrip("*") != EI_UNITS[unit]:
                raise ValueError(f"{EI}: sheet {sheet!r} is in {header[3]!r}, expected {EI_UNITS[unit]!r}")
            seen = set()
            for i in range(4, len(header)):
                year = header[i].strip()
                if not re.fullmatch(r"\d{4}", year) or year in seen:
                    break  # after the years come growth rates and shares
                seen.add(year)
                value = r[i].strip()
                out.append({"series": series, "basis": "calendar", "year": year, "partner": "all",
                            "value": value, "unit": unit, "partial": "false",
                            "note": SUSPECT.get((series, year), "" if value else "empty in the EI workbook"),
                            "source_id": "ei-statistical-review-2024", "status": "VERIFIED"})
        elif sheet == "Gas trade - LNG":
            out.extend(lng_by_source(grid, r))
    return out


def lng_by_source(grid: list[list[str]], pakistan: list[str]) -> list[dict]:
    """The 2023 LNG trade matrix: exporter names are split over two header rows."""
    top = {int(r[2]): r for r in grid if r[0].strip() == "Gas trade - LNG" and r[1] == "top"}
    names = [f"{a.strip()} {b.strip()}".strip() for a, b in zip(top[3][4:], top[4][4:])]
    out = []
    for name, value in zip(names, pakistan[4:]):
        if not name:
            continue
        partner = {"US": "United States", "Total imports": "all"}.get(name, name.rstrip("*"))
        out.append({"series": "lng_imports_by_source", "basis": "calendar", "year": "2023", "partner": partner,
                    "value": value.strip(), "unit": "bcm", "partial": "false",
                    "note": "EI groups some exporters as 'Other'" if name.endswith("*") else "",
                    "source_id": "ei-statistical-review-2024", "status": "VERIFIED"})
    if out[-1]["partner"] != "all":
        raise ValueError(f"{EI}: the LNG matrix does not end with total imports")
    return out


def finance_rows(shared: Path) -> list[dict]:
    with open(shared / FINANCE, encoding="utf-8", newline="") as fh:
        grid = list(csv.reader(fh))
    header = grid[0]
    years = {i: int(h[:4]) + 1 for i, h in enumerate(header) if re.fullmatch(r"\d{4}-\d{2}", h)}
    found, out = set(), []
    for r in grid[1:]:
        label = r[1].strip()
        if label not in FINANCE_ROWS:
            continue
        found.add(label)
        series, unit, note = FINANCE_ROWS[label]
        for i, fy in years.items():
            value = r[i].strip() if i < len(r) else ""
            if not value:
                continue
            partial = fy in PARTIAL_FY
            notes = [note, "probably July-March only: the Finance Division's last two columns are partial years"
                     if partial else ""]
            out.append({"series": series, "basis": "pakistan_fy", "year": fy, "partner": "all", "value": value,
                        "unit": unit, "partial": "true" if partial else "false",
                        "note": "; ".join(n for n in notes if n),
                        "source_id": "pak-finance-energy-2025", "status": "VERIFIED"})
    if found != set(FINANCE_ROWS):
        raise ValueError(f"{FINANCE}: rows not found: {sorted(set(FINANCE_ROWS) - found)}")
    return out


CARGO_SOURCES = {"https://www.dawn.com/news/1951974/pakistan-receives-first-ever-us-crude-oil-shipment": "dawn-2025-10-29-us-crude",
                 "https://www.energyupdate.com.pk/?p=55924": "energyupdate-2025-11-us-crude"}


def cargo_rows(shared: Path) -> list[dict]:
    """The first US crude cargoes, as the press reported them (the ledger cites the articles)."""
    with open(shared / LEDGER, encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["source_url"] in CARGO_SOURCES]
    if len(rows) != 2:
        raise ValueError(f"{LEDGER}: expected the two US crude cargo rows, found {len(rows)}")
    out = []
    for n, r in enumerate(sorted(rows, key=lambda r: r["date"]), start=1):
        volume = re.search(r"volume_bbl_mn=([\d.]+)", r["figures"]).group(1)
        vessel = re.search(r"MT (\w+)", r["fact"]).group(0)
        out.append({"series": "us_crude_cargo", "basis": "calendar", "year": r["date"][:4],
                    "partner": f"United States (cargo {n}, {vessel}, {r['date'][:7]})",
                    "value": str(float(volume) * 1000).rstrip("0").rstrip("."),
                    "unit": "thousand barrels", "partial": "false",
                    "note": f"press report ({r['source_publisher']}, {r['source_date']}): about {volume} million barrels; "
                            "no customs or EIA figure found",
                    "source_id": CARGO_SOURCES[r["source_url"]], "status": "REPORTED"})
    return out


def energy_table(shared: Path) -> str:
    rows = ei_rows(shared) + finance_rows(shared) + cargo_rows(shared)
    return csv_text(rows, ENERGY_COLUMNS)


def build(shared: Path) -> dict[str, str]:
    """All output files as text, keyed by file name."""
    return {
        "assets_remittances_monthly.csv": remittances_table(shared),
        "assets_fdi_by_country.csv": fdi_table(shared),
        "assets_wdi.csv": wdi_table(shared),
        "assets_energy.csv": energy_table(shared),
    }


def main(argv=None) -> int:
    return curation.run(argv, __doc__, build, required=[EASYDATA, DASHBOARD, NETINFLOW, WDI, EI, FINANCE, LEDGER])


if __name__ == "__main__":
    sys.exit(main())
