"""aid2assets.coverage: the date each chapter says its data run to is computed from the tables."""

import pandas as pd

from aid2assets import load
from aid2assets.coverage import DATE_COLUMNS, as_of_line, latest_day, runs_to


def test_latest_day_per_kind_of_date():
    assert latest_day("events") == pd.Timestamp("2026-07-28")               # the blockade of Iran back on
    assert latest_day("imf_reviews") == pd.Timestamp("2026-05-08")          # the reported Board completion
    assert latest_day("aid_greenbook") == pd.Timestamp("2020-09-30")        # FY2020 ends 30 September
    assert latest_day("trade_us_pak_monthly") == pd.Timestamp("2025-08-31")  # a month counts to its last day
    assert latest_day("trade_us_goods_annual") == pd.Timestamp("2024-12-31")
    assert latest_day("minerals_reko_diq") == pd.Timestamp("2026-03-26")    # free-text as_of values are skipped


def test_as_of_follows_the_data():
    assert runs_to(["events", "aid_greenbook"]) == (pd.Timestamp("2026-07-28"), "events")
    assert as_of_line(["aid_greenbook"]) == "The data in this chapter run to 30 September 2020 (aid_greenbook)."
    # a later event moves the date: nothing is typed
    events = load("events")
    later = pd.concat([events, events.tail(1).assign(event_id="x", date="2026-09")], ignore_index=True)
    assert latest_day("events", later) == pd.Timestamp("2026-09-30")


def test_every_dated_table_is_known_to_the_loader():
    for name, (column, _kind) in DATE_COLUMNS.items():
        assert column in load(name).columns, (name, column)


def test_record_ends_from_the_data():
    """Issue 22 item 4: news to 28 July 2026 (a VERIFIED White House release), SBP data to July 2026."""
    from aid2assets.coverage import record_ends, record_ends_line

    ends = record_ends()
    assert ends["news"] == pd.Timestamp("2026-07-28") and ends["news_table"] == "events"
    assert load("events").loc[ends["news_row"], "event_id"] == "2026-07-28-iran-blockade-reimposed"
    assert ends["monthly"]["State Bank of Pakistan"] == pd.Period("2026-07", "M")
    assert ends["monthly"]["US Census Bureau (via FRED)"] == pd.Period("2025-08", "M")
    line = record_ends_line(ends)
    assert line.startswith("The record runs to 28 July 2026 for news and events, and to July 2026 for the State Bank")
    assert "not quiet" in line


def test_record_ends_counts_only_what_happened():
    """A later row that is RECALLED or EDITORIAL, or only planned in another table, does not move the end;
    a later VERIFIED or REPORTED one does."""
    from aid2assets.coverage import record_ends

    events = load("events")
    row = events.tail(1).assign(event_id="2026-11-01-x", date="2026-11-01")
    for status, expected in (("RECALLED", "2026-07-28"), ("EDITORIAL", "2026-07-28"), ("REPORTED", "2026-11-01")):
        frame = pd.concat([events, row.assign(status=status)], ignore_index=True)
        assert record_ends({"events": frame})["news"] == pd.Timestamp(expected), status
    remit = load("assets_remittances_monthly")
    later = pd.concat([remit, remit.tail(1).assign(month="2026-09")], ignore_index=True)
    assert record_ends({"assets_remittances_monthly": later})["monthly"]["State Bank of Pakistan"] == pd.Period("2026-09", "M")


def test_every_page_footer_says_where_the_record_ends():
    """The site extension appends the computed line to the theme's footer, and says which date is the build's."""
    from types import SimpleNamespace

    from aid2assets.coverage import record_ends_line
    from aid2assets.build.site import _record_ends_in_footer

    config = SimpleNamespace(html_theme_options={"extra_footer": "<p>Licences.</p>"})
    _record_ends_in_footer(None, config)
    footer = config.html_theme_options["extra_footer"]
    assert footer.startswith("<p>Licences.</p>") and 'class="a2a-record-ends"' in footer
    assert "28 July 2026" in footer and "July 2026 for the State Bank of Pakistan&#x27;s monthly data" in footer
    assert record_ends_line().split(" for news")[0] in footer
    assert "the day this site was built, not the date of the data" in footer
