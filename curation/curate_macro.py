"""Regenerate the book's table of Pakistan's macro indicators from the originals.

    python curation/curate_macro.py            # reads ../shared, writes data/
    python curation/curate_macro.py --check    # rebuilds in memory and reports differences

Inputs (read-only, beside the checkout; see each SOURCE.md or notes file):
  shared/sources/assets/sbp_remittances_corridors_monthly_2021-2026_dashboard/fdi_monthly_net.csv
      State Bank of Pakistan's monthly net foreign direct investment (BPM6 summary), as
      republished by a dashboard: Aug 2021 - Jul 2026, US$ million, net with its equity and debt
      parts. (The folder's SOURCE.md says the file ends in Aug 2025; the file itself runs to
      Jul 2026, as since_2026-07_notes.md records.)
  shared/reference/since_2026-07_ledger.csv
      Only its rows on the FY2027 budget (12 Jun 2026) and the policy rate (27 Jul 2026): press
      and secondary reports, each taken with the status the ledger gives it. Values come from
      the ledger's ``figures`` field (``key=value; ...``), never retyped.

Output (data/):
  macro_pakistan.csv   one row per indicator and period

Rules: values are copied as text; a month's FDI row is VERIFIED (the SBP series as republished,
as for the remittance rows of the same dashboard); every ledger figure keeps its row's status;
a figure key not in :data:`LEDGER_FIGURES` or an unexpected header stops the run, naming the file
and line.
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

FDI = "sources/assets/sbp_remittances_corridors_monthly_2021-2026_dashboard/fdi_monthly_net.csv"
LEDGER = "reference/since_2026-07_ledger.csv"

COLUMNS = ["indicator", "label", "period", "period_type", "value", "unit", "as_of", "source_id", "status", "note"]

FDI_SERIES = {  # column -> (indicator, label)
    "net_fdi": ("net_fdi", "Net foreign direct investment in Pakistan, all countries"),
    "equity": ("net_fdi_equity", "Net FDI: equity"),
    "debt": ("net_fdi_debt", "Net FDI: debt instruments"),
}

# Ledger rows used, by (date, source_url), and the source_id each is cited under.
LEDGER_ROWS = {
    ("2026-06-12", "https://humenglish.com/latest/govt-allocates-rs3-trillion-for-defence-in-new-budget/"):
        "humenglish-2026-06-budget",
    ("2026-06-12", "https://www.finance.gov.pk"): "finance-2026-06-budget-fy2027",
    ("2026-07-27", "https://www.sbp.org.pk/assets/document/publications/MPS-July-2026-Eng.pdf"): "sbp-2026-07-mps",
}

# ledger figure key -> (indicator, label, period, period_type, unit)
LEDGER_FIGURES = {
    "defence_pkr_tn": ("budget_defence", "Defence allocation, FY2027 budget", "FY2027", "fiscal_year", "PKR trillion"),
    "gdp_growth_fy26_pct": ("gdp_growth", "Real GDP growth (as stated at the budget)", "FY2026", "fiscal_year", "%"),
    "lsm_growth_pct": ("lsm_growth", "Large-scale manufacturing growth (as stated at the budget)", "FY2026", "fiscal_year", "%"),
    "economy_usd_bn": ("gdp_usd", "Size of the economy (as stated at the budget)", "FY2026", "fiscal_year", "US$ billion"),
    "per_capita_usd": ("per_capita_income_usd", "Per-capita income (as stated at the budget)", "FY2026", "fiscal_year", "US$"),
    "outlay_pkr_bn": ("budget_outlay", "Total federal outlay, FY2027 budget", "FY2027", "fiscal_year", "PKR billion"),
    "gross_revenue_pkr_bn": ("budget_gross_revenue", "Gross revenue, FY2027 budget", "FY2027", "fiscal_year", "PKR billion"),
    "fbr_target_pkr_bn": ("budget_fbr_target", "FBR tax collection target, FY2027 budget", "FY2027", "fiscal_year", "PKR billion"),
    "deficit_pkr_bn": ("budget_deficit", "Fiscal deficit, FY2027 budget", "FY2027", "fiscal_year", "PKR billion"),
    "deficit_pct_gdp": ("budget_deficit_pct_gdp", "Fiscal deficit, FY2027 budget", "FY2027", "fiscal_year", "% of GDP"),
    "primary_surplus_pct_gdp": ("budget_primary_surplus_pct_gdp", "Primary surplus, FY2027 budget (about)", "FY2027", "fiscal_year", "% of GDP"),
    "psdp_pkr_bn": ("budget_psdp", "Federal development programme (PSDP), FY2027 budget", "FY2027", "fiscal_year", "PKR billion"),
    "interest_pkr_bn": ("budget_interest", "Interest payments, FY2027 budget", "FY2027", "fiscal_year", "PKR billion"),
    "bisp_pkr_bn": ("budget_bisp", "Benazir Income Support Programme, FY2027 budget", "FY2027", "fiscal_year", "PKR billion"),
    "gdp_growth_target_pct": ("gdp_growth_target", "Real GDP growth target, FY2027 budget", "FY2027", "fiscal_year", "%"),
    "inflation_target_pct": ("inflation_target", "Inflation target, FY2027 budget", "FY2027", "fiscal_year", "%"),
    "policy_rate_pct": ("policy_rate", "SBP policy rate (held)", "2026-07-27", "day", "%"),
}

_NUMBER = re.compile(r"-?\d+(\.\d+)?")
_MONTH = re.compile(r"\d{4}-\d{2}")


def fdi_rows(shared: Path) -> list[dict]:
    with open(shared / FDI, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames != ["date", *FDI_SERIES]:
            raise ValueError(f"{FDI}: unexpected header {reader.fieldnames!r}")
        out = []
        for line, row in enumerate(reader, start=2):
            if not _MONTH.fullmatch(row["date"]):
                raise ValueError(f"{FDI}, line {line}, column date: not a month: {row['date']!r}")
            for column, (indicator, label) in FDI_SERIES.items():
                if not _NUMBER.fullmatch(row[column]):
                    raise ValueError(f"{FDI}, line {line}, column {column}: not a number: {row[column]!r}")
                out.append({"indicator": indicator, "label": label, "period": row["date"], "period_type": "month",
                            "value": row[column], "unit": "US$ million", "as_of": "",
                            "source_id": "sbp-fdi-monthly-dashboard-2026-08", "status": "VERIFIED", "note": ""})
    return out


def _figures(text: str, where: str) -> dict[str, str]:
    found = {}
    for part in filter(None, (p.strip() for p in text.split(";"))):
        key, _, value = part.partition("=")
        value = value.strip().split(" ")[0]
        if not _NUMBER.fullmatch(value):
            raise ValueError(f"{where}, column figures: {part!r} is not key=number")
        found[key.strip()] = value
    return found


def ledger_rows(shared: Path) -> list[dict]:
    out, seen = [], set()
    with open(shared / LEDGER, encoding="utf-8", newline="") as fh:
        for line, row in enumerate(csv.DictReader(fh), start=2):
            source_id = LEDGER_ROWS.get((row["date"], row["source_url"]))
            if source_id is None:
                continue
            seen.add((row["date"], row["source_url"]))
            for key, value in _figures(row["figures"], f"{LEDGER}, line {line}").items():
                if key not in LEDGER_FIGURES:
                    raise ValueError(f"{LEDGER}, line {line}, column figures: no indicator for {key!r}")
                indicator, label, period, period_type, unit = LEDGER_FIGURES[key]
                out.append({"indicator": indicator, "label": label, "period": period, "period_type": period_type,
                            "value": value, "unit": unit, "as_of": row["date"], "source_id": source_id,
                            "status": row["status"], "note": row["note"]})
    missing = set(LEDGER_ROWS) - seen
    if missing:
        raise ValueError(f"{LEDGER}: rows not found: {sorted(missing)}")
    return out


def macro_table(shared: Path) -> str:
    rows = ledger_rows(shared) + fdi_rows(shared)
    return csv_text(rows, COLUMNS)


OUTPUTS = {"macro_pakistan.csv": macro_table}


def build(shared: Path) -> dict[str, str]:
    """Every output table as CSV text, from the originals under ``shared``."""
    return {name: make(shared) for name, make in OUTPUTS.items()}


def main(argv=None) -> int:
    return curation.run(argv, __doc__, build, required=[FDI, LEDGER])


if __name__ == "__main__":
    sys.exit(main())
