"""Each curation script rebuilds its tables in data/ exactly from the publishers' original files,
its --check mode agrees and notices a changed table, and it says so when the originals are
missing.

The scripts' own checks (spot checks against the originals) are in test_<topic>_curation.py.
Runs only where the read-only ``shared/`` folder sits beside the checkout (or A2A_SHARED_DIR
names it); elsewhere the tests that need the originals skip and say where they looked.
"""

from __future__ import annotations

import functools
import shutil

import pytest

from aid2assets.paths import data_dir
from curation_support import SHARED, curate_module, needs_sources

pytestmark = pytest.mark.curation

# script: (folder under shared/sources, the tables it writes, an edit to one table that --check must notice)
SCRIPTS = {
    "aid": ("aid", ["aid_greenbook.csv", "aid_foreignassistance.csv", "aid_crs_pakistan.csv"],
            ("aid_greenbook.csv", ",100000,", ",100001,")),
    "assets": ("assets", ["assets_remittances_monthly.csv", "assets_fdi_by_country.csv", "assets_wdi.csv",
                          "assets_energy.csv"],
               ("assets_wdi.csv", ",VERIFIED\n", ",DERIVED\n")),
    "diplomacy": ("diplomacy", ["leaders.csv", "visits.csv"], ("visits.csv", "1950-05-05", "1950-05-06")),
    "minerals": ("minerals", ["minerals_world.csv"], ("minerals_world.csv", ",270000,", ",270001,")),
    "trade": ("tariffs", ["trade_partners.csv", "trade_us_goods_annual.csv", "trade_us_pak_monthly.csv",
                          "trade_pak_imports_2024_hs2.csv", "tariff_mfn_products.csv", "tariff_rates_by_date.csv",
                          "tariff_announced_rates.csv", "trade_country_duty_2024.csv"],
              ("tariff_rates_by_date.csv", ",29,", ",30,")),
}
TABLES = [pytest.param(script, table, marks=needs_sources(folder), id=f"{script}-{table}")
          for script, (folder, tables, _) in SCRIPTS.items() for table in tables]
WITH_SOURCES = [pytest.param(script, marks=needs_sources(folder), id=script) for script, (folder, _, _) in SCRIPTS.items()]


@functools.cache
def built(script: str) -> dict[str, str]:
    """What the script makes from the originals (once per run: each build reads large files)."""
    return curate_module(script).build(SHARED)


@pytest.mark.parametrize("script,table", TABLES)
def test_curation_reproduces_data(script, table):
    assert built(script)[table] == (data_dir() / table).read_text(encoding="utf-8"), (
        f"data/{table} differs from what curation/curate_{script}.py makes from the originals")


@pytest.mark.parametrize("script", WITH_SOURCES)
def test_every_table_a_script_writes_is_compared(script):
    assert sorted(built(script)) == sorted(SCRIPTS[script][1])


@pytest.mark.parametrize("script", WITH_SOURCES)
def test_check_mode_reports_same(script, capsys):
    assert curate_module(script).main(["--check"]) == 0
    assert "DIFFERENT" not in capsys.readouterr().out


@pytest.mark.parametrize("script", WITH_SOURCES)
def test_check_mode_detects_a_change(script, tmp_path, capsys):
    table, old, new = SCRIPTS[script][2]
    out = tmp_path / "data"
    shutil.copytree(data_dir(), out)
    text = (out / table).read_text(encoding="utf-8")
    assert old in text, f"data/{table} no longer holds {old!r}: choose another edit for this test"
    (out / table).write_text(text.replace(old, new, 1), encoding="utf-8")
    assert curate_module(script).main(["--check", "--out", str(out)]) == 1
    assert "DIFFERENT" in capsys.readouterr().out


@pytest.mark.parametrize("script", list(SCRIPTS))
def test_missing_sources_are_reported(script, tmp_path, capsys):
    assert curate_module(script).main(["--shared", str(tmp_path)]) == 2
    assert "original files not found" in capsys.readouterr().err
