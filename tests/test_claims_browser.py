"""The claims table on the built site, in headless Chromium with every outside request refused:
sorting from the keyboard, filtering by verdict and by text, and text from data kept as text."""

from __future__ import annotations

import pytest
from site_support import SITE, Visit

pytestmark = pytest.mark.browser
PAGE = "chapters/claims_check.html"
BOX = "#tbl-claims-summary"


def visible_rows(page):
    return page.eval_on_selector_all(
        f"{BOX} tbody tr:not([hidden])",
        "rows => rows.map(r => [r.cells[0].textContent.trim(), r.cells[3].textContent.trim()])")


@pytest.fixture()
def visit(browser, base_url):
    v = Visit(browser, base_url, PAGE)
    v.page.wait_for_selector(f"{BOX}[data-ready='true']")
    yield v
    v.check_clean()
    v.close()


def test_sort_by_verdict_from_the_keyboard(visit):
    page = visit.page
    before = visible_rows(page)
    assert [n for n, _ in before] == [str(i) for i in range(1, 10)]
    page.focus(f"{BOX} th[data-key='topic'] button")
    page.keyboard.press("Tab")   # the next header button: Verdict
    assert page.evaluate("document.activeElement.closest('th').dataset.key") == "verdict_label"
    page.keyboard.press("Enter")
    after = visible_rows(page)
    assert after != before
    order = ["Supported", "Partly supported", "Unsupported", "Unverifiable"]
    assert [order.index(v) for _, v in after] == sorted(order.index(v) for _, v in after)
    assert page.get_attribute(f"{BOX} th[data-key='verdict_label']", "aria-sort") == "ascending"
    assert page.get_attribute(f"{BOX} th[data-key='number']", "aria-sort") is None
    page.keyboard.press("Enter")
    assert page.get_attribute(f"{BOX} th[data-key='verdict_label']", "aria-sort") == "descending"
    assert visible_rows(page)[0][1] == "Unverifiable"


def test_filter_by_verdict_and_by_text(visit):
    page = visit.page
    label = page.eval_on_selector(f"{BOX} .a2a-table-controls select", "s => document.querySelector(`label[for='${s.id}']`).textContent")
    assert label == "Topic"
    verdict = page.locator(f"{BOX} .a2a-table-controls select").nth(1)
    assert page.eval_on_selector(f"label[for='{verdict.get_attribute('id')}']", "l => l.textContent") == "Verdict"
    verdict.select_option("Unverifiable")
    rows = visible_rows(page)
    # one unverifiable claim since the October conference plan was found reported (claim 9: partly supported)
    assert [n for n, _ in rows] == ["6"] and {v for _, v in rows} == {"Unverifiable"}
    assert page.inner_text(f"{BOX} .a2a-table-status") == "Showing 1 of 9 rows."
    verdict.select_option("")
    assert len(visible_rows(page)) == 9
    search = page.get_by_label("Search this table", exact=True)
    search.fill("reko diq")
    assert [n for n, _ in visible_rows(page)] == ["3"]
    search.fill("")
    assert len(visible_rows(page)) == 9


def test_rows_link_to_their_sections(visit):
    page = visit.page
    for href in page.eval_on_selector_all(f"{BOX} tbody a", "as => as.map(a => a.getAttribute('href'))"):
        assert page.query_selector(f"section{href}, {href}"), href


def test_table_text_from_data_cannot_inject_script(browser, base_url):
    import pandas as pd

    from aid2assets.tables import Column, Table, table_html

    payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'
    df = pd.DataFrame({"name": [payload, "plain"], "kind": [payload, "b"], "n": [1, 2]})
    table = Table(df, id="xss", title=payload, description=payload, source=payload, search=True,
                  columns=[Column("name", payload, row_header=True), Column("kind", "Kind", filter=True),
                           Column("n", "N", numeric=True)])
    html = ("<!doctype html><html lang='en'><head><meta charset='utf-8'><title>x</title>"
            "<script type='module' src='_static/a2a/tables.js'></script></head><body>"
            + table_html(table.payload()) + "</body></html>")
    target = SITE / "_xss_table_check.html"
    target.write_text(html, encoding="utf-8")
    try:
        v = Visit(browser, base_url, "_xss_table_check.html")
        v.page.wait_for_selector("#tbl-xss[data-ready='true']")
        v.page.click("#tbl-xss th button >> nth=0")
        v.page.select_option("#tbl-xss select", payload)
        v.page.wait_for_timeout(200)
        assert v.page.evaluate("window.__pwned") is None
        assert v.page.query_selector("#tbl-xss img") is None
        assert payload in v.page.inner_text("#tbl-xss .a2a-title")
        v.check_clean()
        v.close()
    finally:
        target.unlink()
