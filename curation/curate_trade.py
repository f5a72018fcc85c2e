"""Regenerate the book's trade and tariff tables from the original files.

    python curation/curate_trade.py            # reads ../shared, writes data/
    python curation/curate_trade.py --check    # rebuilds in memory and reports differences

Inputs (read-only, beside the checkout; see shared/sources/tariffs/SOURCE.md):
  sources/tariffs/census_country_trade_1985-2025feb_PAK_peers.csv
      US Census Bureau "Trade in Goods by country" (country.xlsx, vintage of about 2025-04-04).
  sources/tariffs/fred_IMP5350_us_imports_from_pakistan_monthly_2015-01_2025-08.csv
      FRED series IMP5350 (Census), US imports from Pakistan, a later vintage.
  sources/tariffs/census_imports_2024_hs10_pakistan_5350.csv
      Census API, 2024 imports for consumption and calculated duty from Pakistan by HS10.
  sources/tariffs/usitc_mfn_hts8_ch52_61_62_63_plus_4203_9018_1006_via_gta.csv
      USITC 2025 HTS column-1 general (MFN) rates, via Global Trade Alert (licence CC BY-NC 4.0:
      only the USITC figures are taken, with attribution).
  sources/tariffs/tradewartracker_reciprocal-tariffs-annex-I_first-posting_2025-04-02.csv
  sources/tariffs/tradewartracker_clean-august-7-tariffs.csv
      Annex I of EO 14257 as first posted, and Annex I of EO 14326 (rates from 7 Aug 2025).
  sources/tariffs/tradewartracker_country-by-time_PAK_peers.csv
      tradewartracker's 2024 imports for consumption and applied duty by country (MIT); only
      these two aggregates are taken, not its modelled tariff series.
  reference/tariffs_rates_2025_by_country.csv
      The research ledger: April 2025 Annex I rates as corrected on 3 April 2025, and checks.

Outputs:
  data/trade_partners.csv           countries used by the trade chapter (not the aid country list)
  data/trade_us_goods_annual.csv    US goods exports to / imports from each partner, 1985-2024
  data/trade_us_pak_monthly.csv     monthly US-Pakistan trade, two vintages
  data/trade_pak_imports_2024_hs2.csv  2024 US imports from Pakistan by HS chapter (sums of HS10)
  data/tariff_mfn_products.csv      MFN rates of the product lines used in the landed-cost figure
  data/tariff_rates_by_date.csv     additional US tariffs in force, by country and effective date
  data/tariff_announced_rates.csv   rates announced but never in force as announced
  data/trade_country_duty_2024.csv  2024 imports for consumption and average applied duty, 10 countries

The dated rates are legal facts (effective dates from the executive orders and proclamations);
the script writes them from the constants below, and checks every Annex I rate it writes
against the stored annex files and the research ledger, so a typing error fails loudly.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from aid2assets import curation  # noqa: E402
from aid2assets.curation import csv_text, read_csv  # noqa: E402

T = "sources/tariffs/"
COUNTRY_FILE = T + "census_country_trade_1985-2025feb_PAK_peers.csv"
FRED_FILE = T + "fred_IMP5350_us_imports_from_pakistan_monthly_2015-01_2025-08.csv"
HS10_FILE = T + "census_imports_2024_hs10_pakistan_5350.csv"
MFN_FILE = T + "usitc_mfn_hts8_ch52_61_62_63_plus_4203_9018_1006_via_gta.csv"
ANNEX_APRIL_FIRST = T + "tradewartracker_reciprocal-tariffs-annex-I_first-posting_2025-04-02.csv"
ANNEX_AUGUST = T + "tradewartracker_clean-august-7-tariffs.csv"
LEDGER = "reference/tariffs_rates_2025_by_country.csv"




def _num(value: float, places: int = 6) -> str:
    """A number as short text: rounded, no float noise, no trailing zeros."""
    text = f"{round(value, places):.{places}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


# --- Partners ---------------------------------------------------------------------------------

# iso3: (name, Census country code or "", South Asia?, note)
PARTNERS = {
    "PAK": ("Pakistan", "5350", True, ""),
    "IND": ("India", "5330", True, ""),
    "BGD": ("Bangladesh", "5380", True, ""),
    "LKA": ("Sri Lanka", "5420", True, ""),
    "NPL": ("Nepal", "5360", True, ""),
    "AFG": ("Afghanistan", "5310", True, "Often grouped with South Asia (a SAARC member)."),
    "BTN": ("Bhutan", "", True, "Not in the stored Census extract; listed for tariff rates only."),
    "MDV": ("Maldives", "", True, "Not in the stored Census extract; listed for tariff rates only."),
    "VNM": ("Vietnam", "5520", False, ""),
    "KHM": ("Cambodia", "5550", False, ""),
    "IDN": ("Indonesia", "5600", False, ""),
    "THA": ("Thailand", "5490", False, ""),
    "MYS": ("Malaysia", "5570", False, ""),
    "PHL": ("Philippines", "5650", False, ""),
    "CHN": ("China", "5700", False, "No rows in tariff_rates_by_date: China's 2025 schedule is not curated here."),
    "TUR": ("Turkey", "4890", False, "Türkiye."),
    "EGY": ("Egypt", "7290", False, ""),
    "JOR": ("Jordan", "5110", False, ""),
}
PARTNER_COLUMNS = ["iso3", "name", "census_cty_code", "south_asia", "note", "source_id"]


def partners_table(shared: Path) -> str:
    rows = [{"iso3": iso, "name": name, "census_cty_code": code, "south_asia": "true" if sa else "false",
             "note": note, "source_id": "iso-3166-1"} for iso, (name, code, sa, note) in PARTNERS.items()]
    return csv_text(rows, PARTNER_COLUMNS)


# --- Census annual and monthly trade ----------------------------------------------------------

ANNUAL_COLUMNS = ["country_iso3", "year", "us_exports_musd", "us_imports_musd", "source_id", "status"]
MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
CODE_TO_ISO = {code: iso for iso, (_, code, _, _) in PARTNERS.items() if code}


def annual_table(shared: Path) -> str:
    """Full calendar years only (1985-2024); 2025 holds January-February and goes to the monthly table."""
    rows = []
    for r in read_csv(shared / COUNTRY_FILE):
        year = int(r["year"])
        if year > 2024:
            continue
        rows.append({"country_iso3": CODE_TO_ISO[r["CTY_CODE"]], "year": year,
                     "us_exports_musd": _num(float(r["EYR"])), "us_imports_musd": _num(float(r["IYR"])),
                     "source_id": "census-country-trade-2025-04", "status": "VERIFIED"})
    order = list(PARTNERS)
    rows.sort(key=lambda r: (order.index(r["country_iso3"]), r["year"]))
    return csv_text(rows, ANNUAL_COLUMNS)


MONTHLY_COLUMNS = ["month", "flow", "usd_millions", "vintage", "source_id", "status"]


def monthly_table(shared: Path) -> str:
    rows = []
    for r in read_csv(shared / COUNTRY_FILE):
        if r["CTY_CODE"] != "5350" or int(r["year"]) < 2024:
            continue
        for i, m in enumerate(MONTHS, start=1):
            for flow, prefix in (("exports", "E"), ("imports", "I")):
                value = float(r[prefix + m])
                if value == 0:  # months not yet published in this vintage are 0 in the file
                    continue
                rows.append({"month": f"{r['year']}-{i:02d}", "flow": flow, "usd_millions": _num(value),
                             "vintage": "Census, about 2025-04-04", "source_id": "census-country-trade-2025-04",
                             "status": "VERIFIED"})
    for r in read_csv(shared / FRED_FILE):
        rows.append({"month": r["observation_date"][:7], "flow": "imports",
                     "usd_millions": _num(float(r["IMP5350"])), "vintage": "FRED IMP5350, about 2025-12",
                     "source_id": "fred-imp5350", "status": "VERIFIED"})
    rows.sort(key=lambda r: (r["month"], r["flow"], r["vintage"]))
    return csv_text(rows, MONTHLY_COLUMNS)


# --- 2024 imports from Pakistan by HS chapter -------------------------------------------------

# Short labels for the HS chapters, written for the book (EDITORIAL) from the chapter titles of
# the Harmonized System; chapters not named here are shown as "HS chapter NN".
HS2_LABELS = {
    "63": "Made-up textiles (bed linen, towels)", "61": "Apparel, knitted", "62": "Apparel, not knitted",
    "52": "Cotton (yarn, fabric)", "42": "Leather articles", "94": "Furniture and bedding",
    "90": "Medical and optical instruments", "39": "Plastics", "10": "Cereals (rice)",
    "57": "Carpets", "17": "Sugars and confectionery", "95": "Toys and sports goods",
    "25": "Salt, stone, cement", "27": "Mineral fuels", "99": "Special classification provisions",
    "40": "Rubber", "09": "Coffee, tea, spices", "82": "Tools and cutlery", "55": "Man-made staple fibres",
    "71": "Jewellery and precious stones", "84": "Machinery", "64": "Footwear", "19": "Cereal preparations",
    "98": "Special classification provisions (98)", "72": "Iron and steel",
}
HS2_COLUMNS = ["hs2", "label", "imports_usd", "calculated_duty_usd", "hs10_lines", "source_id", "status"]


def hs2_table(shared: Path) -> str:
    value, duty, lines = defaultdict(int), defaultdict(int), defaultdict(int)
    for r in read_csv(shared / HS10_FILE):
        if r["CTY_CODE"] != "5350" or r["COMM_LVL"] != "HS10" or r["time"] != "2024-12-01":
            raise ValueError(f"unexpected row in {HS10_FILE}: {r['I_COMMODITY']}")
        ch = r["I_COMMODITY"][:2]
        value[ch] += int(r["CON_VAL_YR"])
        duty[ch] += int(r["CAL_DUT_YR"])
        lines[ch] += 1
    rows = [{"hs2": ch, "label": HS2_LABELS.get(ch, f"HS chapter {ch}"), "imports_usd": value[ch],
             "calculated_duty_usd": duty[ch], "hs10_lines": lines[ch], "source_id": "census-hs10-pak-2024",
             "status": "DERIVED"} for ch in sorted(value)]
    return csv_text(rows, HS2_COLUMNS)


# --- MFN rates of the landed-cost products ----------------------------------------------------

# product_id: (HTS8, label written for the book)
PRODUCTS = {
    "tshirt": ("61091000", "Cotton T-shirt (HTS 6109.10.00)"),
    "sweater": ("61102020", "Cotton sweater (HTS 6110.20.20)"),
    "trousers": ("62034245", "Men's cotton trousers (HTS 6203.42.45)"),
    "bedlinen": ("63023190", "Cotton bed linen, not printed (HTS 6302.31.90)"),
    "gloves": ("42032940", "Leather gloves (HTS 4203.29.40)"),
    "yarn": ("52051220", "Single cotton yarn (HTS 5205.12.20)"),
    "surgical": ("90189080", "Medical and surgical instruments (HTS 9018.90.80)"),
}
MFN_COLUMNS = ["product_id", "label", "hts8", "mfn_text_rate", "mfn_ad_valorem_pct", "source_id", "status"]


def mfn_table(shared: Path) -> str:
    mfn = {r["hts8"]: r for r in read_csv(shared / MFN_FILE, delimiter=";")}
    rows = []
    for pid, (hts8, label) in PRODUCTS.items():
        r = mfn[hts8]
        if r["mfn_rate_type_code"] not in ("0", "7"):  # free or ad valorem only
            raise ValueError(f"{hts8} has a specific rate; the landed-cost figure needs ad valorem rates")
        rows.append({"product_id": pid, "label": label, "hts8": hts8, "mfn_text_rate": r["mfn_text_rate"],
                     "mfn_ad_valorem_pct": _num(float(r["mfn_ad_val_rate"]) * 100, 3),
                     "source_id": "usitc-hts-2025-mfn", "status": "VERIFIED"})
    return csv_text(rows, MFN_COLUMNS)


# --- Additional tariffs by effective date -----------------------------------------------------

# Dates are effective dates: the first and the last calendar day on which goods entered for
# consumption paid the rate (12:01 a.m. Eastern time is the legal start of each instrument).
RECIPROCAL_START = "2025-04-05"      # EO 14257 sec. 2: 10% from 12:01 a.m. EDT 5 April 2025
ANNEX_DAY = "2025-04-09"             # Annex I rates from 12:01 a.m. EDT 9 April ...
PAUSE_START = "2025-04-10"           # ... suspended by EO 14266 from 12:01 a.m. EDT 10 April
AUGUST_START = "2025-08-07"          # EO 14326 Annex I, goods entered from 12:01 a.m. EDT 7 August
IEEPA_LAST_DAY = "2026-02-19"        # Learning Resources v. Trump and the EO ending IEEPA duties, 20 Feb 2026
S122_START, S122_LAST = "2026-02-24", "2026-07-23"   # 150 days, through 12:01 a.m. EDT 24 July 2026
S301_START = "2026-07-24"
RUSSIA_START, RUSSIA_LAST = "2025-08-27", "2026-02-06"   # EO 14329; removed from 12:01 a.m. EST 7 Feb 2026

RATE_COUNTRIES = ["PAK", "IND", "BGD", "LKA", "NPL", "AFG", "BTN", "MDV", "VNM", "KHM", "IDN", "TUR", "EGY"]
# Countries in the April Annex I (corrected rates, from the ledger) and in the August Annex I.
APRIL_ANNEX = {"PAK": 29, "IND": 26, "BGD": 37, "LKA": 44, "VNM": 46, "KHM": 49, "IDN": 32}
AUGUST_ANNEX = {"PAK": 19, "IND": 25, "BGD": 20, "LKA": 20, "AFG": 15, "VNM": 20, "KHM": 19, "IDN": 19, "TUR": 15}
# Section 301 "forced-labor" tiers from 24 July 2026 (memorandum of 23 July 2026). The memorandum
# lists the 60 economies investigated; Nepal, Afghanistan, Bhutan and the Maldives are not among
# them, so from 24 July 2026, when the Section 122 surcharge lapsed, they paid no country-wide
# additional duty (NOT_INVESTIGATED).
S301 = {"PAK": 10, "IND": 10, "BGD": 10, "LKA": 10, "KHM": 10, "IDN": 10, "VNM": 12.5, "TUR": 12.5, "EGY": 12.5}
NOT_INVESTIGATED = ["NPL", "AFG", "BTN", "MDV"]

RATE_COLUMNS = ["country_iso3", "effective_date", "end_date", "instrument", "additional_rate_pct",
                "announced_date", "source_id", "status", "note"]

NAME_IN_ANNEX = {"PAK": "PAKISTAN", "IND": "INDIA", "BGD": "BANGLADESH", "LKA": "SRI LANKA", "AFG": "AFGHANISTAN",
                 "VNM": "VIETNAM", "KHM": "CAMBODIA", "IDN": "INDONESIA", "TUR": "TURKEY"}


def _check_annexes(shared: Path) -> None:
    """The rates typed above must match the stored annexes and the ledger."""
    august = {r["country_name"]: float(r["rtariff-aug"]) for r in read_csv(shared / ANNEX_AUGUST)}
    for iso, rate in AUGUST_ANNEX.items():
        assert august[NAME_IN_ANNEX[iso]] == rate, (iso, august[NAME_IN_ANNEX[iso]], rate)
    for iso in RATE_COUNTRIES:
        if iso not in AUGUST_ANNEX:
            assert PARTNERS[iso][0].upper() not in august, f"{iso} is in the August annex"
    ledger = {r["iso3"]: r for r in read_csv(shared / LEDGER)}
    for iso in RATE_COUNTRIES:
        assert int(ledger[iso]["rate_2025_04_02"]) == APRIL_ANNEX.get(iso, 10), iso
        assert int(ledger[iso]["rate_2025_08_07"]) == AUGUST_ANNEX.get(iso, 10), iso


def _first_posting(shared: Path) -> dict:
    return {r["CTY_CODE"]: int(r["tariff_rate"]) for r in read_csv(shared / ANNEX_APRIL_FIRST)}


def rates_table(shared: Path) -> str:
    _check_annexes(shared)
    assert set(S301) | set(NOT_INVESTIGATED) == set(RATE_COUNTRIES) and not set(S301) & set(NOT_INVESTIGATED)
    rows = []

    def add(iso, start, end, instrument, rate, announced, source, note=""):
        rows.append({"country_iso3": iso, "effective_date": start, "end_date": end, "instrument": instrument,
                     "additional_rate_pct": _num(rate, 3), "announced_date": announced, "source_id": source,
                     "status": "VERIFIED", "note": note})

    for iso in RATE_COUNTRIES:
        add(iso, "2025-01-01", "2025-04-04", "none", 0, "", "wh-eo-14257",
            "No country-wide additional duty before the 10% baseline (product-specific Section 232 duties aside).")
        if iso in APRIL_ANNEX:
            add(iso, RECIPROCAL_START, "2025-04-08", "IEEPA reciprocal baseline", 10, "2025-04-02", "wh-eo-14257")
            add(iso, ANNEX_DAY, ANNEX_DAY, "IEEPA reciprocal Annex I", APRIL_ANNEX[iso], "2025-04-02", "wh-eo-14257",
                "In force for one day: from 12:01 a.m. EDT 9 April to 12:01 a.m. EDT 10 April 2025, "
                "when EO 14266 suspended the Annex I rates. Rate as corrected on 3 April 2025.")
            add(iso, PAUSE_START, "2025-08-06", "IEEPA reciprocal baseline", 10, "2025-04-09", "wh-eo-14266",
                "Annex I rate suspended (90 days, extended to 1 August, then replaced from 7 August).")
        else:
            add(iso, RECIPROCAL_START, "2025-08-06", "IEEPA reciprocal baseline", 10, "2025-04-02", "wh-eo-14257",
                "Not listed in the April Annex I: the 10% baseline.")
        if iso in AUGUST_ANNEX:
            add(iso, AUGUST_START, IEEPA_LAST_DAY, "IEEPA reciprocal Annex I", AUGUST_ANNEX[iso], "2025-07-31",
                "wh-eo-14326", "Goods loaded before 7 August and entered by 5 October 2025 kept the earlier rate.")
        else:
            add(iso, AUGUST_START, IEEPA_LAST_DAY, "IEEPA reciprocal baseline", 10, "2025-07-31", "wh-eo-14326",
                "Not listed in the August Annex I: 10% (EO 14326 sec. 2(d)).")
        if iso == "IND":
            add(iso, RUSSIA_START, RUSSIA_LAST, "IEEPA Russia-oil penalty", 25, "2025-08-06", "wh-eo-14329",
                "Removed from 12:01 a.m. EST 7 February 2026 (order of 6 February 2026).")
        add(iso, "2026-02-20", "2026-02-23", "none", 0, "2026-02-20", "wh-2026-02-20-ieepa-end",
            "IEEPA duties lost their legal basis with the Supreme Court ruling and the order of 20 February 2026; "
            "Section 122 not yet in force. In practice US Customs kept collecting IEEPA duties on goods entered "
            "until 12:00 a.m. ET 24 February 2026 (CBP CSMS guidance); those duties are refundable. The table "
            "follows the legal dates.")
        add(iso, S122_START, S122_LAST, "Section 122", 10, "2026-02-20", "wh-2026-02-20-s122",
            "Balance-of-payments surcharge for 150 days, on all countries, with product exemptions.")
        if iso in S301:
            add(iso, S301_START, "", "Section 301", S301[iso], "2026-07-23", "wh-2026-07-23-s301",
                "Forced-labor Section 301 action; "
                + ("10% tier." if S301[iso] == 10 else "12.5% tier (countries outside the 10% list)."))
        elif iso in NOT_INVESTIGATED:
            add(iso, S301_START, "", "none", 0, "2026-07-23", "wh-2026-07-23-s301",
                "Not among the 60 economies investigated under Section 301 (memorandum of 23 July 2026): "
                "no country-wide additional duty once the Section 122 surcharge lapsed.")
    order = RATE_COUNTRIES
    rows.sort(key=lambda r: (order.index(r["country_iso3"]), r["effective_date"], r["instrument"]))
    return csv_text(rows, RATE_COLUMNS)


ANNOUNCED_COLUMNS = ["country_iso3", "announced_date", "instrument", "announced_rate_pct", "outcome",
                     "source_id", "status", "note"]


def announced_table(shared: Path) -> str:
    first = _first_posting(shared)
    rows = []
    for iso in ("PAK", "IND"):
        code = PARTNERS[iso][1]
        rows.append({"country_iso3": iso, "announced_date": "2025-04-02", "instrument": "IEEPA reciprocal Annex I",
                     "announced_rate_pct": first[code],
                     "outcome": f"Corrected to {APRIL_ANNEX[iso]}% on 2025-04-03, before it took effect",
                     "source_id": "wh-annex-i-first-posting", "status": "VERIFIED",
                     "note": "First posting of Annex I (PDF); 17 rates were lowered by one point the next day."})
    rows += [
        {"country_iso3": "BGD", "announced_date": "2025-07-07", "instrument": "IEEPA reciprocal (letter)",
         "announced_rate_pct": 35, "outcome": "Replaced by 20% in the 31 July order, in force 7 August 2025",
         "source_id": "press-july-2025-letters", "status": "VERIFIED", "note": "Rate as reported in the press."},
        {"country_iso3": "LKA", "announced_date": "2025-07-09", "instrument": "IEEPA reciprocal (letter)",
         "announced_rate_pct": 30, "outcome": "Replaced by 20% in the 31 July order, in force 7 August 2025",
         "source_id": "press-july-2025-letters", "status": "VERIFIED",
         "note": "Rate as reported in the press; the letter is dated 9 July 2025 (US time), reported in Sri Lanka on 10 July."},
        {"country_iso3": "IND", "announced_date": "2026-02-06", "instrument": "IEEPA reciprocal (joint statement)",
         "announced_rate_pct": 18, "outcome": "Date in force not found; all IEEPA duties ended on 20 February 2026",
         "source_id": "wh-2026-02-06-india", "status": "VERIFIED",
         "note": "The US 'will apply' 18%. The book keeps India at 25% until IEEPA duties ended."},
        {"country_iso3": "BGD", "announced_date": "2026-02-09", "instrument": "IEEPA reciprocal (framework)",
         "announced_rate_pct": 19, "outcome": "Date in force not found; all IEEPA duties ended on 20 February 2026",
         "source_id": "wh-2026-02-09-bangladesh", "status": "VERIFIED",
         "note": "Framework: rate 'to 19 percent'. The book keeps Bangladesh at 20% until IEEPA duties ended."},
    ]
    rows.sort(key=lambda r: (r["announced_date"], r["country_iso3"]))
    return csv_text(rows, ANNOUNCED_COLUMNS)


# --- 2024 imports and applied duty by country (tradewartracker's aggregates) -----------------

TRACKER_FILE = T + "tradewartracker_country-by-time_PAK_peers.csv"
TRACKER_NAMES = {"PAKISTAN": "PAK", "INDIA": "IND", "BANGLADESH": "BGD", "SRI LANKA": "LKA", "VIETNAM": "VNM",
                 "CAMBODIA": "KHM", "INDONESIA": "IDN", "CHINA": "CHN", "TURKEY": "TUR", "EGYPT": "EGY"}
DUTY_COLUMNS = ["country_iso3", "imports_consumption_2024_usd", "applied_duty_2024_pct", "source_id", "status"]


def country_duty_table(shared: Path) -> str:
    """One row per country: the tracker repeats the same 2024 figures on every date; check that."""
    seen = {}
    for r in read_csv(shared / TRACKER_FILE):
        key = (r["total imports"], r["2024 tariff"])
        assert seen.setdefault(r["country_name"], key) == key, r["country_name"]
    rows = [{"country_iso3": TRACKER_NAMES[name], "imports_consumption_2024_usd": _num(float(imp), 0),
             "applied_duty_2024_pct": _num(float(duty), 3), "source_id": "tradewartracker-2026-07",
             "status": "VERIFIED"} for name, (imp, duty) in seen.items()]
    order = list(PARTNERS)
    rows.sort(key=lambda r: order.index(r["country_iso3"]))
    return csv_text(rows, DUTY_COLUMNS)


OUTPUTS = {
    "trade_partners.csv": partners_table,
    "trade_us_goods_annual.csv": annual_table,
    "trade_us_pak_monthly.csv": monthly_table,
    "trade_pak_imports_2024_hs2.csv": hs2_table,
    "tariff_mfn_products.csv": mfn_table,
    "tariff_rates_by_date.csv": rates_table,
    "tariff_announced_rates.csv": announced_table,
    "trade_country_duty_2024.csv": country_duty_table,
}


def build(shared: Path) -> dict[str, str]:
    """All curated tables as CSV text, keyed by file name."""
    return {name: make(shared) for name, make in OUTPUTS.items()}


def main(argv=None) -> int:
    return curation.run(argv, __doc__, build, required=[COUNTRY_FILE])


if __name__ == "__main__":
    sys.exit(main())
