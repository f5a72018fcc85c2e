"""curation/curate_minerals.py against the raw USGS files, and its parsing (the rebuild itself:
test_curation.py).

Runs only where the read-only ``shared/`` folder is present; elsewhere it skips and says why.
"""

import pytest

from curation_support import SHARED, curate_module, needs_sources

pytestmark = pytest.mark.curation


@needs_sources("minerals")
def test_originals_read_as_published():
    """Spot checks against the raw USGS file: footnote marks, thousands separators, NA."""
    module = curate_module("minerals")
    rows = module.usgs_rows(SHARED, "MCS2024", "antim")
    countries = {r["country"] for r in rows}
    assert "World total (rounded)" in countries and "World total (rounded)10" not in countries
    graphite = module.usgs_rows(SHARED, "MCS2024", "graph")
    brazil = [r for r in graphite if r["country"] == "Brazil" and r["year"] == "2022"]
    assert brazil[0]["value"] == "72000"


def test_special_values():
    module = curate_module("minerals")
    assert module.parse_value("1,700") == ("1700", "")
    assert module.parse_value("1230 ") == ("1230", "")
    assert module.parse_value("             NA")[0] == ""
    assert "withheld" in module.parse_value("W")[1]
    with pytest.raises(ValueError):
        module.parse_value("about 5")
    assert module.clean_country("Other countries6") == ("Other countries", "")
    assert module.clean_country("United\xa0States") == ("United States", "")

