"""curation/curate_assets.py against the SBP file's own sums, and its helpers (the rebuild itself:
test_curation.py).

Runs only where the read-only ``shared/`` folder is present; elsewhere it skips and says why.
"""

import pytest

from curation_support import SHARED, curate_module, needs_sources

pytestmark = pytest.mark.curation


@needs_sources("assets")
def test_easydata_totals_match_the_researchers_fiscal_year_sums():
    """The SBP file's own FY sums, as derived independently in the shared folder."""
    import csv
    from collections import defaultdict

    rows = curate_module("assets").easydata_rows(SHARED)
    sums = defaultdict(float)
    for r in rows:
        if r["corridor"] == "usa" and r["value_musd"]:
            sums[r["fiscal_year"]] += float(r["value_musd"])
    path = SHARED / "sources/assets/sbp_workers_remittances_by_country_monthly_1972-2025/DERIVED_fiscal_year_sums_selected_countries.csv"
    with open(path, encoding="utf-8") as fh:
        derived = list(csv.DictReader(fh))
    checked = 0
    for d in derived:
        fy = int(d["FY"])
        if fy in sums and d["USA"]:
            assert abs(sums[fy] - float(d["USA"])) < 0.06, fy
            checked += 1
    assert checked > 40


def test_fiscal_year_and_attribution():
    module = curate_module("assets")
    assert module.fiscal_year("2024-07") == 2025 and module.fiscal_year("2024-06") == 2024
    assert module.attribution("usa", "2019-06") == "before_july_2019"
    assert module.attribution("usa", "2019-07") == "original_remitter"
    assert module.attribution("total", "1999-01") == "all_countries"

