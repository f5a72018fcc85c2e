"""curation/curate_minerals.py rebuilds data/minerals_world.csv exactly from the USGS files.

Runs only where the read-only ``shared/`` folder is present; elsewhere it skips and says why.
"""

import pytest

from aid2assets.paths import data_dir
from curation_support import SHARED
from curation_support import curate_module as _load
from curation_support import needs_sources as _needs

pytestmark = pytest.mark.curation

needs_sources = _needs("minerals")


def curate_module():
    return _load("minerals")


@needs_sources
def test_curation_reproduces_data():
    built = curate_module().build(SHARED)
    assert built["minerals_world.csv"] == (data_dir() / "minerals_world.csv").read_text(encoding="utf-8"), (
        "data/minerals_world.csv differs from what curation/curate_minerals.py makes from the originals")


@needs_sources
def test_check_mode_detects_a_change(tmp_path, capsys):
    module = curate_module()
    assert module.main(["--check"]) == 0
    out = tmp_path / "data"
    out.mkdir()
    original = (data_dir() / "minerals_world.csv").read_text(encoding="utf-8")
    (out / "minerals_world.csv").write_text(original.replace(",270000,", ",270001,", 1), encoding="utf-8")
    assert module.main(["--check", "--out", str(out)]) == 1
    assert "DIFFERENT" in capsys.readouterr().out


@needs_sources
def test_originals_read_as_published():
    """Spot checks against the raw USGS file: footnote marks, thousands separators, NA."""
    module = curate_module()
    rows = module.usgs_rows(SHARED, "MCS2024", "antim")
    countries = {r["country"] for r in rows}
    assert "World total (rounded)" in countries and "World total (rounded)10" not in countries
    graphite = module.usgs_rows(SHARED, "MCS2024", "graph")
    brazil = [r for r in graphite if r["country"] == "Brazil" and r["year"] == "2022"]
    assert brazil[0]["value"] == "72000"


def test_special_values():
    module = curate_module()
    assert module.parse_value("1,700") == ("1700", "")
    assert module.parse_value("1230 ") == ("1230", "")
    assert module.parse_value("             NA")[0] == ""
    assert "withheld" in module.parse_value("W")[1]
    with pytest.raises(ValueError):
        module.parse_value("about 5")
    assert module.clean_country("Other countries6") == ("Other countries", "")
    assert module.clean_country("United\xa0States") == ("United States", "")


def test_missing_sources_are_reported(tmp_path, capsys):
    assert curate_module().main(["--shared", str(tmp_path)]) == 2
    assert "original files not found" in capsys.readouterr().err
