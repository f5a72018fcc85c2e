"""curation/curate_diplomacy.py against the Office of the Historian's files and REIGN (the rebuild
itself: test_curation.py).

Runs only where the read-only ``shared/`` folder sits beside the checkout; elsewhere it skips
and says why.
"""

import shutil

import pytest

from curation_support import SHARED, curate_module, needs_sources

pytestmark = pytest.mark.curation


@needs_sources("diplomacy")
def test_every_verified_pakistani_start_is_in_reign():
    """A Pakistani term is VERIFIED only when REIGN starts the same person on the same day, or a
    second published list (SECOND_LISTS, each entry naming its list) gives that start."""
    import csv
    import io
    module = curate_module("diplomacy")
    starts = module.reign_starts(SHARED)
    rows = list(csv.DictReader(io.StringIO(module.build(SHARED)["leaders.csv"])))
    from datetime import date
    for r in rows:
        if r["country_iso3"] == "PAK" and r["status"] == "VERIFIED" and r["source_id"] == "reign-2021-03":
            match = starts[date.fromisoformat(r["start_date"])]
            assert module._same_person(match["leader"], r["name"])
        elif r["country_iso3"] == "PAK" and r["status"] == "VERIFIED":   # a second published list
            assert (r["office"], r["name"], r["start_date"]) in module.SECOND_LISTS


@needs_sources("diplomacy")
def test_visit_counts_match_the_originals():
    import csv
    with open(SHARED / curate_module("diplomacy").VISITS_FILE, encoding="utf-8", newline="") as fh:
        assert len(list(csv.DictReader(fh))) == 42
    with open(SHARED / curate_module("diplomacy").TRAVELS_FILE, encoding="utf-8", newline="") as fh:
        assert len(list(csv.DictReader(fh))) == 33

