"""The curation script rebuilds data/ exactly from the publishers' original files.

Runs only where the read-only ``shared/`` folder sits beside the checkout (developers' machines
and CI); elsewhere it skips and says why.
"""

import pytest

from aid2assets.paths import data_dir
from curation_support import SHARED
from curation_support import curate_module as _load
from curation_support import needs_sources as _needs

pytestmark = pytest.mark.curation

needs_sources = _needs("aid")


def curate_module():
    return _load("aid")


@needs_sources
@pytest.mark.parametrize("name", ["aid_greenbook.csv", "aid_foreignassistance.csv", "aid_crs_pakistan.csv"])
def test_curation_reproduces_data(name):
    built = curate_module().build(SHARED)
    assert built[name] == (data_dir() / name).read_text(encoding="utf-8"), (
        f"data/{name} differs from what curation/curate_aid.py makes from the originals")


@needs_sources
def test_check_mode_reports_same(capsys):
    assert curate_module().main(["--check"]) == 0
    assert "DIFFERENT" not in capsys.readouterr().out


@needs_sources
def test_check_mode_detects_a_change(tmp_path):
    import shutil
    out = tmp_path / "data"
    shutil.copytree(data_dir(), out)
    path = out / "aid_greenbook.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",100000,", ",100001,", 1), encoding="utf-8")
    assert curate_module().main(["--check", "--out", str(out)]) == 1


def test_missing_sources_are_reported(tmp_path, capsys):
    assert curate_module().main(["--shared", str(tmp_path)]) == 2
    assert "original files not found" in capsys.readouterr().err


@needs_sources
def test_negative_rows_stated_in_the_chapter():
    """The chapter says Pakistan has 36 negative Greenbook rows summing to -$2.72 billion."""
    import csv
    module = curate_module()
    with open(SHARED / module.GREENBOOK_FILE, encoding="utf-8", newline="") as fh:
        negative = [int(r["Obligations (Historical Dollars)"]) for r in csv.DictReader(fh)
                    if r["Country"] == "Pakistan" and int(r["Obligations (Historical Dollars)"]) < 0]
    assert len(negative) == 36
    assert round(sum(negative) / 1e9, 2) == -2.72
