"""The claims check: every verdict and figure stored in data/claims.csv is recomputed from the
book's tables, and a change in a value behind a verdict is caught."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from aid2assets import load
from aid2assets.claims import (CHECKS, VERDICTS, check_all, check_reko_diq, check_tariff, format_figures,
                               load_tables, lowest_spells, parse_figures)
from aid2assets.tables import TABLE_MIME_TYPE, Column, Table, table_html
from aid2assets.theme import OKABE_ITO, VERDICT_COLORS
from aid2assets.build.markup import reader_text
from fixture_support import table_fixture

REPO = Path(__file__).resolve().parent.parent
SITE = REPO / "_build" / "html"
NB = REPO / "chapters" / "claims_check.ipynb"


@pytest.fixture(scope="module")
def tables():
    return load_tables()


@pytest.fixture(scope="module")
def checks(tables):
    return check_all(tables)


claims = table_fixture("claims")


def test_nine_claims_one_check_each(claims):
    assert list(claims.sort_values("number")["claim_id"]) == list(CHECKS)
    assert set(claims["verdict"]) <= set(VERDICTS)


@pytest.mark.parametrize("claim_id", list(CHECKS))
def test_stored_verdict_and_figures_equal_the_recomputed_ones(claims, checks, claim_id):
    row = claims.set_index("claim_id").loc[claim_id]
    assert checks[claim_id].verdict == row["verdict"], f"{claim_id}: the data now give another verdict"
    assert format_figures(checks[claim_id].figures) == row["figures"], f"{claim_id}: figures changed"


def test_the_verdicts(checks):
    assert {c: checks[c].verdict for c in checks} == {
        "tariff": "partly supported", "mining": "partly supported", "reko-diq": "partly supported",
        "rare-earths": "unsupported", "ussm": "partly supported", "oil": "unverifiable",
        "conflict-nobel": "supported", "imf": "partly supported", "conference": "partly supported"}


def test_key_numbers(checks):
    t = checks["tariff"].figures
    assert (t["pakistan_rate_pct"], t["india_peak_pct"], t["lowest_of_big_four_days"]) == (19, 50, 197)
    assert (str(t["lowest_of_big_four_from"].date()), str(t["lowest_of_big_four_to"].date())) == ("2025-08-07", "2026-02-19")
    assert t["lowest_of_all_south_asia"] is False and t["lowest_south_asian_rate_on_2025_08_07_pct"] == 10
    m = checks["mining"].figures
    assert (m["gdp_share_fy2025_pct"], m["gdp_share_fy2025_check_pct"], m["mineral_output_world_share_2023_pct"]) == (2.1, 2.11, 0.15)
    r = checks["reko-diq"].figures
    assert (r["resource_total_mt"], r["mine_plan_ore_mt"], r["barrick_share_pct"], r["parts_add_up"]) == (5900, 3000, 50, True)
    assert checks["rare-earths"].figures["usgs_pakistan_rare_earth_rows"] == 0
    assert checks["conflict-nobel"].figures["conflict_days"] == 4
    assert checks["imf"].figures["eff_usd_m"] == 7000 and str(checks["imf"].figures["eff_approved"].date()) == "2024-09-25"


def test_lowest_spells_agrees_with_the_day_by_day_test(tables):
    from aid2assets.tariffs import lowest_in_group

    rates = tables["tariff_rates_by_date"]
    group = ["PAK", "IND", "BGD", "LKA"]
    days = pd.date_range("2025-07-01", "2026-03-31")
    by_day = [d for d in days if lowest_in_group(rates, "PAK", group, d)]
    spells = lowest_spells(rates, "PAK", group, "2025-07-01", "2026-03-31")
    assert by_day == [d for a, b in spells for d in pd.date_range(a, b)]


# -- a change in the data behind a verdict is caught ---------------------------------------

def test_a_changed_tariff_rate_changes_the_tariff_check(tables, claims):
    rates = tables["tariff_rates_by_date"].copy()
    row = (rates["country_iso3"] == "PAK") & (rates["effective_date"] == pd.Timestamp("2025-08-07"))
    rates.loc[row, "additional_rate_pct"] = 15.0          # as if Pakistan had got 15%
    changed = check_tariff(rates, tables["trade_partners"])
    stored = claims.set_index("claim_id").loc["tariff"]
    assert changed.verdict != stored["verdict"] or format_figures(changed.figures) != stored["figures"]
    assert changed.verdict == "unsupported"                # 19% is no longer the rate


def test_a_changed_data_file_fails_the_stored_verdict(tmp_path, claims, monkeypatch):
    """The same check through the loader: a copy of data/ with Barrick's share edited."""
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    path = data / "minerals_reko_diq.csv"
    text = path.read_text(encoding="utf-8")
    assert "own_barrick,Ownership: Barrick,50," in text
    path.write_text(text.replace("own_barrick,Ownership: Barrick,50,", "own_barrick,Ownership: Barrick,45,"), encoding="utf-8")
    monkeypatch.setenv("A2A_DATA_DIR", str(data))
    changed = check_reko_diq(load("minerals_reko_diq"))
    stored = parse_figures(claims.set_index("claim_id").loc["reko-diq", "figures"])
    assert changed.verdict == "unsupported" != claims.set_index("claim_id").loc["reko-diq", "verdict"]
    assert parse_figures(format_figures(changed.figures))["barrick_share_pct"] != stored["barrick_share_pct"]


# -- the table component ---------------------------------------------------------------------

PAYLOAD = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'


def make_table(**kw):
    df = pd.DataFrame({"name": [PAYLOAD, "b"], "value": [2.0, 1.0], "link": ['#x" onmouseover="1', "#y"]})
    args = dict(id="t-test", title=PAYLOAD, description=PAYLOAD, source=PAYLOAD, note=PAYLOAD,
                columns=[Column("name", "Name <b>", filter=True, link="link", colour={PAYLOAD: '#000" onclick="x'}),
                         Column("value", "Value", numeric=True)], search=True)
    args.update(kw)
    return Table(df, **args)


def test_table_text_is_escaped():
    html = table_html(make_table().payload())
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert '" onmouseover=' not in html and '" onclick=' not in html
    assert "&lt;script&gt;" in html and "Name &lt;b&gt;" in html


def test_table_bundle_and_determinism():
    a, b = make_table()._repr_mimebundle_(), make_table()._repr_mimebundle_()
    assert a == b and set(a) == {TABLE_MIME_TYPE, "text/html", "text/plain"}
    assert a["text/plain"].splitlines()[1] == "Name <b> | Value"


def test_bad_tables_are_refused():
    with pytest.raises(ValueError):
        make_table(id="has space")
    with pytest.raises(KeyError):
        make_table(columns=[Column("nope", "Nope")])


def test_table_renderer_claims_its_mime_type():
    from aid2assets.build.site import TableMimeRenderer

    assert ("html", TABLE_MIME_TYPE, 1) in TableMimeRenderer.mime_priority_overrides


def test_verdict_colours_come_from_the_palette():
    assert set(VERDICT_COLORS) == {v.capitalize() for v in VERDICTS}
    assert set(VERDICT_COLORS.values()) <= set(OKABE_ITO.values())


def test_claims_table_spec(claims):
    from aid2assets.claims import claims_table

    payload = claims_table(claims).payload()
    assert [c["label"] for c in payload["columns"]] == ["No.", "Claim", "Topic", "Verdict", "Why", "Evidence"]
    assert [c["key"] for c in payload["columns"] if c["filter"]] == ["topic", "verdict_label"]
    assert payload["search"] and payload["interactive"]
    assert len(payload["rows"]) == len(claims)
    assert [r["section_title"]["href"] for r in payload["rows"]] == ["#" + s for s in claims["section"]]
    assert [r["verdict_label"]["text"].lower() for r in payload["rows"]] == list(claims["verdict"])
    assert all(r["verdict_label"]["colour"] for r in payload["rows"])


# -- the chapter ----------------------------------------------------------------------------

def test_each_section_states_the_stored_verdict(claims):
    text = reader_text("\n".join(c.source for c in nbformat.read(NB, as_version=4).cells if c.cell_type == "markdown"))
    for row in claims.itertuples():
        section = text.split(f"({row.section})=", 1)[1].split("\n(claim-", 1)[0]
        assert section.splitlines()[1] == f"## {row.section_title}"
        verdicts = re.findall(r"\*\*Verdict: ([a-z ]+)\.", section)
        assert verdicts == [row.verdict], f"{row.claim_id}: the text says {verdicts}, the table {row.verdict}"


def test_tariff_figure_description_agrees_with_the_data(checks):
    from aid2assets.figures import stored_figures

    fig = stored_figures(NB)["claims-tariff-ranking"]
    t = checks["tariff"].figures
    assert f"for {t['lowest_of_big_four_days']} days" in fig["description"]
    assert "Pakistan's 19% was below India's 25%" in fig["description"]
    assert "rose to 50% on 27 August 2025" in fig["description"]


def test_every_claim_links_to_a_section_of_the_built_page(claims, built_site):
    page = (SITE / "chapters" / "claims_check.html").read_text(encoding="utf-8")
    table = page.split('id="tbl-claims-summary"', 1)[1].split("</table>", 1)[0]
    hrefs = re.findall(r'<a href="#(claim-[a-z0-9-]+)">', table)
    assert hrefs == list(claims.sort_values("number")["section"])
    for anchor in hrefs:
        assert f'id="{anchor}"' in page, f"no section with id {anchor}"
    assert re.search(r'<script type="module" src="\.\./_static/a2a/tables\.js(\?v=\w+)?">', page)
    assert "tables.js" not in (SITE / "chapters" / "trade_tariffs.html").read_text(encoding="utf-8")


def test_claims_table_gives_the_reason_room(claims):
    """Issue 13: the 'Why' column was so narrow that rows were very tall. The reason has a line
    of its own under each claim, the row's width, and on a phone each claim is one block."""
    from aid2assets.claims import claims_table
    from aid2assets.tables import table_html

    payload = claims_table(claims).payload()
    own = [c["key"] for c in payload["columns"] if c["own_line"]]
    assert own == ["reason"] and payload["stack_below"] >= 600
    html = table_html(payload)
    style = html.split("<style>", 1)[1].split("</style>", 1)[0]
    assert "#tbl-claims-summary tbody [data-key=\"reason\"] { grid-row: 2; grid-column: 2 / -1;" in style
    assert f"@media (max-width: {payload['stack_below']}px)" in style
    # rows hidden by the table's filters stay hidden whatever the layout
    assert style.endswith("#tbl-claims-summary tbody tr[hidden] { display: none; }")
    assert html.count('data-key="reason" data-label="Why"') == len(claims)


def test_tariff_ranking_figure_is_tall_enough_to_read():
    """Issue 13: the figure was 147 px tall (26 px a country). It is now 220 px of bars for
    either group (55 px a country for four, 27 px for eight), a fixed height so that the page
    can fit it to a phone's width."""
    from aid2assets.figures import stored_figures

    spec = stored_figures(NB)["claims-tariff-ranking"]["spec"]
    assert spec["height"] == 220
