"""curation/curate_assets.py rebuilds the four assets tables exactly from the publishers' files.

Runs only where the read-only ``shared/`` folder is present; elsewhere it skips and says why.
"""

import pytest

from aid2assets.paths import data_dir
from curation_support import SHARED
from curation_support import curate_module as _load
from curation_support import needs_sources as _needs

pytestmark = pytest.mark.curation

needs_sources = _needs("assets")
TABLES = ["assets_remittances_monthly.csv", "assets_fdi_by_country.csv", "assets_wdi.csv", "assets_energy.csv"]


def curate_module():
    return _load("assets")


@pytest.fixture(scope="module")
def built():
    if not (SHARED / "sources" / "assets").is_dir():
        pytest.skip(f"original files not present at {SHARED / 'sources' / 'assets'}")
    return curate_module().build(SHARED)


@needs_sources
@pytest.mark.parametrize("name", TABLES)
def test_curation_reproduces_data(built, name):
    assert built[name] == (data_dir() / name).read_text(encoding="utf-8"), (
        f"data/{name} differs from what curation/curate_assets.py makes from the originals")


@needs_sources
def test_check_mode_detects_a_change(tmp_path, capsys):
    module = curate_module()
    out = tmp_path / "data"
    out.mkdir()
    for name in TABLES:
        (out / name).write_text((data_dir() / name).read_text(encoding="utf-8"), encoding="utf-8")
    assert module.main(["--check", "--out", str(out)]) == 0
    text = (out / "assets_wdi.csv").read_text(encoding="utf-8")
    (out / "assets_wdi.csv").write_text(text.replace(",VERIFIED\n", ",DERIVED\n", 1), encoding="utf-8")
    assert module.main(["--check", "--out", str(out)]) == 1
    assert "DIFFERENT" in capsys.readouterr().out


@needs_sources
def test_easydata_totals_match_the_researchers_fiscal_year_sums():
    """The SBP file's own FY sums, as derived independently in the shared folder."""
    import csv
    from collections import defaultdict

    rows = curate_module().easydata_rows(SHARED)
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
    module = curate_module()
    assert module.fiscal_year("2024-07") == 2025 and module.fiscal_year("2024-06") == 2024
    assert module.attribution("usa", "2019-06") == "before_july_2019"
    assert module.attribution("usa", "2019-07") == "original_remitter"
    assert module.attribution("total", "1999-01") == "all_countries"


def test_missing_sources_are_reported(tmp_path, capsys):
    assert curate_module().main(["--shared", str(tmp_path)]) == 2
    assert "original files not found" in capsys.readouterr().err
