"""curation/curate_trade.py's own checks on the originals (the rebuild itself: test_curation.py).

Runs only where the read-only ``shared/`` folder is present (set A2A_SHARED_DIR or keep it
beside the checkout); elsewhere it skips and says why.
"""

import shutil

import pytest

from curation_support import SHARED, curate_module, needs_sources

pytestmark = pytest.mark.curation


@needs_sources("tariffs")
def test_a_wrong_annex_rate_fails_loudly(monkeypatch):
    module = curate_module("trade")
    monkeypatch.setitem(module.AUGUST_ANNEX, "PAK", 15)
    with pytest.raises(AssertionError):
        module.build(SHARED)

