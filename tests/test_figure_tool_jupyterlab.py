"""The figure's toolbar in JupyterLab (issue 24): the table view and the citable image export
of each live chart of a chapter, and no link or embed items (they belong to the site).

Reuses the JupyterLab server of tests/test_notebooks_jupyterlab.py (started on 127.0.0.1 and
stopped afterwards; requests that leave it are refused and fail the test).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from test_notebooks_jupyterlab import DRAWN, TOKEN, book_targets, expected, lab, unexpected_console  # noqa: F401  (fixture)

pytestmark = pytest.mark.browser

CHAPTER = "chapters/aid_history.ipynb"


def test_live_charts_have_a_table_view_and_save_citable_images(lab, browser):  # noqa: F811
    base, root = lab
    figures = [f for f in expected(root / CHAPTER)["figures"] if not f.startswith("fig-sketch-")]
    assert figures, "no figure to check"
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    refused, console = [], []

    def route(r):
        if r.request.url.startswith((base + "/", "data:", "blob:")):
            r.continue_()
        else:
            refused.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("console", lambda m: console.append((m.type, m.text)))
    page.on("pageerror", lambda e: console.append(("error", f"pageerror: {e} {e.stack[:600] if e.stack else ''}")))
    try:
        page.goto(f"{base}/lab/workspaces/tools/tree/{CHAPTER}?token={TOKEN}")
        page.wait_for_function(
            "() => { const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;"
            " const k = w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel;"
            " return k && k.status === 'idle' && w.content.widgets.length > 0 }", timeout=120_000)
        page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
        page.wait_for_function(DRAWN, arg=figures, timeout=300_000)
        for fid in figures:
            sel = f".jp-OutputArea #{fid}"
            page.eval_on_selector(sel, "f => f.scrollIntoView()")
            tools = page.eval_on_selector_all(f"{sel} .a2a-tools .a2a-tool", "els => els.map(e => e.textContent)")
            assert tools == ["Table", "Save as PNG", "Save as SVG"], f"{fid}: toolbar {tools}"
            assert page.query_selector(f"{sel} .a2a-embed") is None
            page.click(f"{sel} button.a2a-tool-table")
            page.wait_for_selector(f"{sel} .a2a-table-view table", state="visible")
            rows = page.eval_on_selector_all(f"{sel} .a2a-table-view tbody tr", "els => els.length")
            assert rows > 0, f"{fid}: an empty table view"
            assert page.eval_on_selector(f"{sel} a.a2a-download-shown", "a => a.href.length") > 40
            title = page.inner_text(f"{sel} .a2a-title").strip()
            with page.expect_download(timeout=30_000) as info:
                page.click(f"{sel} button.a2a-tool-svg")
            name = fid[4:]
            assert info.value.suggested_filename == f"{name}.svg"
            svg = Path(info.value.path()).read_text(encoding="utf-8")
            words = html.unescape(" ".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg[:svg.find("<svg", 10)])))
            words += " " + html.unescape(" ".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg[svg.rfind("</svg>", 0, len(svg) - 7):])))
            assert title in words and "From Aid to Assets" in words and "Source:" in words, f"{fid}: {words[:300]}"
            with page.expect_download(timeout=30_000) as info:
                page.click(f"{sel} button.a2a-tool-png")
            assert info.value.suggested_filename == f"{name}.png"
            assert Path(info.value.path()).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    finally:
        context.close()
    assert not refused, f"requests left the local server: {refused}"
    # The chapter test's rule (cross-chapter links), and one of JupyterLab's own: its cell toolbar
    # (jlab_core, _markdownOverlapsToolbar) throws when an output grows under it, here the table view.
    bad = [m for m in unexpected_console(console, book_targets()) if "_markdownOverlapsToolbar" not in m]
    assert not bad, f"console errors or warnings: {bad[:3]}"
