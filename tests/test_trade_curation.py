"""curation/curate_trade.py rebuilds the trade and tariff tables exactly from the original files.

Runs only where the read-only ``shared/`` folder is present (set A2A_SHARED_DIR or keep it
beside the checkout); elsewhere it skips and says why.
"""

import shutil

import pytest

from aid2assets.paths import data_dir
from curation_support import SHARED
from curation_support import curate_module as _load
from curation_support import needs_sources as _needs

pytestmark = pytest.mark.curation

needs_sources = _needs("tariffs")


def curate_module():
    return _load("trade")


TABLES = ["trade_partners.csv", "trade_us_goods_annual.csv", "trade_us_pak_monthly.csv",
          "trade_pak_imports_2024_hs2.csv", "tariff_mfn_products.csv", "tariff_rates_by_date.csv",
          "tariff_announced_rates.csv", "trade_country_duty_2024.csv"]


@pytest.fixture(scope="module")
def built():
    return curate_module().build(SHARED)


@needs_sources
@pytest.mark.parametrize("name", TABLES)
def test_curation_reproduces_data(built, name):
    assert built[name] == (data_dir() / name).read_text(encoding="utf-8"), (
        f"data/{name} differs from what curation/curate_trade.py makes from the originals")


@needs_sources
def test_every_output_is_tested(built):
    assert sorted(built) == sorted(TABLES)


@needs_sources
def test_check_mode_detects_a_change(tmp_path):
    out = tmp_path / "data"
    shutil.copytree(data_dir(), out)
    path = out / "tariff_rates_by_date.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",29,", ",30,", 1), encoding="utf-8")
    assert curate_module().main(["--check", "--out", str(out)]) == 1


@needs_sources
def test_a_wrong_annex_rate_fails_loudly(monkeypatch):
    module = curate_module()
    monkeypatch.setitem(module.AUGUST_ANNEX, "PAK", 15)
    with pytest.raises(AssertionError):
        module.build(SHARED)


def test_missing_sources_are_reported(tmp_path, capsys):
    assert curate_module().main(["--shared", str(tmp_path)]) == 2
    assert "original files not found" in capsys.readouterr().err
