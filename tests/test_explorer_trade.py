"""The trade what-if explorer: its arithmetic and its widgets' callbacks."""

import pytest

from aid2assets import load
from aid2assets.explorers.trade import TradeExplorer
from aid2assets.tariffs import chapter_bill, duty_bill


@pytest.fixture(scope="module")
def tables():
    return (load("tariff_rates_by_date"), load("trade_country_duty_2024"), load("trade_pak_imports_2024_hs2"),
            load("trade_partners"))


def test_duty_bill_pakistan_19(tables):
    _, duty, _, _ = tables
    r = duty_bill(duty, {"PAK": 19}).iloc[0]
    assert round(r.imports_musd, 1) == 5107.5
    assert round(r.applied_duty_musd, 1) == 489.8          # 9.589% of 5,107.5
    assert round(r.additional_duty_musd, 1) == round(5107.479031 * 0.19, 1)
    assert round(r.all_in_rate_pct, 1) == round(9.589 + 19, 1)


def test_duty_bill_rejects_bad_input(tables):
    _, duty, _, _ = tables
    with pytest.raises(KeyError, match="NPL"):
        duty_bill(duty, {"NPL": 10})
    with pytest.raises(ValueError):
        duty_bill(duty, {"PAK": -1})


def test_chapter_bill(tables):
    _, _, hs2, _ = tables
    bill = chapter_bill(hs2, 10, exempt=["90"])
    assert list(bill.hs2[:3]) == ["63", "61", "62"]
    assert round(bill.mfn_duty_musd.sum(), 1) == 489.8
    ch90 = bill.set_index("hs2").loc["90"]
    assert ch90.additional_duty_musd == 0
    ch61 = bill.set_index("hs2").loc["61"]
    assert round(ch61.additional_duty_musd, 2) == round(1190.710715 * 0.10, 2)
    assert round(ch61.all_in_rate_pct, 1) == round(15.42 + 10, 1)


def test_widget_callbacks(tables):
    ex = TradeExplorer(*tables, start="2025-09-01")
    assert ex.sliders["PAK"].value == 19 and ex.sliders["IND"].value == 50
    assert "<td>19%</td>" in ex.country_table.value and "<td>50%</td>" in ex.country_table.value
    ex.preset.value = "2025-04-09"
    assert ex.sliders["PAK"].value == 29 and "<td>29%</td>" in ex.chapter_table.value
    ex.sliders["PAK"].value = 0
    assert "<td>0%</td>" in ex.chapter_table.value
    before = ex.chapter_table.value
    ex.sliders["PAK"].value = 10
    ex.exempt.value = ("63",)
    assert ex.chapter_table.value != before
    assert "63 Made-up textiles" in ex.chapter_table.value


def test_display_text_is_stable(tables):
    bundle = TradeExplorer(*tables)._repr_mimebundle_()
    assert bundle["text/plain"].startswith("Tariff what-if explorer")
    assert set(bundle) == {"text/plain"}  # no widget view (and its per-run id) outside a live front end
