"""curation/curate_aid.py against the Greenbook original (the rebuild itself: test_curation.py).

Runs only where the read-only ``shared/`` folder sits beside the checkout; elsewhere it skips
and says why.
"""

import csv

import pytest

from curation_support import SHARED, curate_module, needs_sources

pytestmark = pytest.mark.curation


@needs_sources("aid")
def test_negative_rows_stated_in_the_chapter():
    """The chapter says Pakistan has 36 negative Greenbook rows summing to -$2.72 billion."""
    module = curate_module("aid")
    with open(SHARED / module.GREENBOOK_FILE, encoding="utf-8", newline="") as fh:
        negative = [int(r["Obligations (Historical Dollars)"]) for r in csv.DictReader(fh)
                    if r["Country"] == "Pakistan" and int(r["Obligations (Historical Dollars)"]) < 0]
    assert len(negative) == 36
    assert round(sum(negative) / 1e9, 2) == -2.72
