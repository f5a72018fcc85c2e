"""curation/curate_macro.py rebuilds data/macro_pakistan.csv exactly from the originals in ../shared.

Runs only where the read-only ``shared/`` folder is present; elsewhere it skips and says why.
"""

import pytest

from aid2assets import load
from aid2assets.paths import data_dir
from curation_support import SHARED
from curation_support import curate_module as _load

pytestmark = pytest.mark.curation

REQUIRED = ["sources/assets/sbp_remittances_corridors_monthly_2021-2026_dashboard/fdi_monthly_net.csv",
            "reference/since_2026-07_ledger.csv"]
needs_sources = pytest.mark.skipif(not all((SHARED / p).is_file() for p in REQUIRED),
                                   reason=f"original files not present under {SHARED}: curation cannot be re-run here")


@needs_sources
def test_curation_reproduces_data():
    built = _load("macro").build(SHARED)
    assert built["macro_pakistan.csv"] == (data_dir() / "macro_pakistan.csv").read_text(encoding="utf-8"), (
        "data/macro_pakistan.csv differs from what curation/curate_macro.py makes from the originals")


@needs_sources
def test_check_mode_detects_a_change(tmp_path, capsys):
    module = _load("macro")
    out = tmp_path / "data"
    out.mkdir()
    (out / "macro_pakistan.csv").write_text((data_dir() / "macro_pakistan.csv").read_text(encoding="utf-8")
                                            .replace(",11.5,%,", ",12.5,%,"), encoding="utf-8")
    assert module.main(["--shared", str(SHARED), "--out", str(out), "--check"]) == 1
    assert "DIFFERENT" in capsys.readouterr().out


def test_a_malformed_figure_fails_naming_file_line_and_column(tmp_path):
    module = _load("macro")
    (tmp_path / "reference").mkdir()
    (tmp_path / "reference" / "since_2026-07_ledger.csv").write_text(
        "date,source_url,figures,status,note\n"
        "2026-07-27,https://www.sbp.org.pk/assets/document/publications/MPS-July-2026-Eng.pdf,policy_rate_pct=eleven,REPORTED,\n",
        encoding="utf-8")
    with pytest.raises(ValueError, match=r"since_2026-07_ledger.csv, line 2, column figures"):
        module.ledger_rows(tmp_path)


def test_macro_table_facts():
    """The ledger's figures as the table holds them, each with the ledger's status; FY sums recomputed."""
    m = load("macro_pakistan").set_index(["indicator", "period"])
    assert (m.loc[("policy_rate", "2026-07-27"), "value"], m.loc[("policy_rate", "2026-07-27"), "status"]) == (11.5, "REPORTED")
    assert (m.loc[("budget_defence", "FY2027"), "value"], m.loc[("budget_defence", "FY2027"), "status"]) == (3.0, "VERIFIED")
    assert (m.loc[("gdp_growth", "FY2026"), "value"], m.loc[("gdp_growth", "FY2026"), "status"]) == (3.7, "VERIFIED")
    assert m.loc[("budget_deficit_pct_gdp", "FY2027"), "status"] == "REPORTED"
    fdi = m.xs("net_fdi", level="indicator")["value"]
    assert round(fdi.loc["2025-07":"2026-06"].sum()) == 1673 and len(fdi.loc["2025-07":"2026-06"]) == 12
    assert round(fdi.loc["2024-07":"2025-06"].sum()) == 2477
    assert fdi.index.max() == "2026-07"
