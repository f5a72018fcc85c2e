"""aid2assets.coverage: the date each chapter says its data run to is computed from the tables."""

import pandas as pd

from aid2assets import load
from aid2assets.coverage import DATE_COLUMNS, as_of_line, latest_day, runs_to


def test_latest_day_per_kind_of_date():
    assert latest_day("events") == pd.Timestamp("2026-07-24")               # the Section 301 duty
    assert latest_day("imf_reviews") == pd.Timestamp("2026-03-11")          # the mission without agreement
    assert latest_day("aid_greenbook") == pd.Timestamp("2020-09-30")        # FY2020 ends 30 September
    assert latest_day("trade_us_pak_monthly") == pd.Timestamp("2025-08-31")  # a month counts to its last day
    assert latest_day("trade_us_goods_annual") == pd.Timestamp("2024-12-31")
    assert latest_day("minerals_reko_diq") == pd.Timestamp("2026-03-26")    # free-text as_of values are skipped


def test_as_of_follows_the_data():
    assert runs_to(["events", "aid_greenbook"]) == (pd.Timestamp("2026-07-24"), "events")
    assert as_of_line(["aid_greenbook"]) == "The data in this chapter run to 30 September 2020 (aid_greenbook)."
    # a later event moves the date: nothing is typed
    events = load("events")
    later = pd.concat([events, events.tail(1).assign(event_id="x", date="2026-09")], ignore_index=True)
    assert latest_day("events", later) == pd.Timestamp("2026-09-30")


def test_every_dated_table_is_known_to_the_loader():
    for name, (column, _kind) in DATE_COLUMNS.items():
        assert column in load(name).columns, (name, column)
