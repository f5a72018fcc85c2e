"""curation/curate_diplomacy.py rebuilds data/leaders.csv and data/visits.csv exactly from the
Office of the Historian's files, the REIGN list and the leaders ledger.

Runs only where the read-only ``shared/`` folder sits beside the checkout; elsewhere it skips
and says why.
"""

import shutil

import pytest

from aid2assets.paths import data_dir
from curation_support import SHARED
from curation_support import curate_module as _load
from curation_support import needs_sources as _needs

pytestmark = pytest.mark.curation

needs_sources = _needs("diplomacy")


def curate_module():
    return _load("diplomacy")


@needs_sources
@pytest.mark.parametrize("name", ["leaders.csv", "visits.csv"])
def test_curation_reproduces_data(name):
    built = curate_module().build(SHARED)
    assert built[name] == (data_dir() / name).read_text(encoding="utf-8"), (
        f"data/{name} differs from what curation/curate_diplomacy.py makes from the originals")


@needs_sources
def test_check_mode_reports_same(capsys):
    assert curate_module().main(["--check"]) == 0
    assert "DIFFERENT" not in capsys.readouterr().out


@needs_sources
def test_check_mode_detects_a_change(tmp_path):
    out = tmp_path / "data"
    shutil.copytree(data_dir(), out)
    path = out / "visits.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("1950-05-05", "1950-05-06", 1), encoding="utf-8")
    assert curate_module().main(["--check", "--out", str(out)]) == 1


@needs_sources
def test_every_verified_pakistani_start_is_in_reign():
    """A Pakistani term is VERIFIED only when REIGN starts the same person on the same day, or a
    second published list (SECOND_LISTS, each entry naming its list) gives that start."""
    import csv
    import io
    module = curate_module()
    starts = module.reign_starts(SHARED)
    rows = list(csv.DictReader(io.StringIO(module.build(SHARED)["leaders.csv"])))
    from datetime import date
    for r in rows:
        if r["country_iso3"] == "PAK" and r["status"] == "VERIFIED" and r["source_id"] == "reign-2021-03":
            match = starts[date.fromisoformat(r["start_date"])]
            assert module._same_person(match["leader"], r["name"])
        elif r["country_iso3"] == "PAK" and r["status"] == "VERIFIED":   # a second published list
            assert (r["office"], r["name"], r["start_date"]) in module.SECOND_LISTS


@needs_sources
def test_visit_counts_match_the_originals():
    import csv
    with open(SHARED / curate_module().VISITS_FILE, encoding="utf-8", newline="") as fh:
        assert len(list(csv.DictReader(fh))) == 42
    with open(SHARED / curate_module().TRAVELS_FILE, encoding="utf-8", newline="") as fh:
        assert len(list(csv.DictReader(fh))) == 33


def test_missing_sources_are_reported(tmp_path, capsys):
    assert curate_module().main(["--shared", str(tmp_path)]) == 2
    assert "original files not found" in capsys.readouterr().err
