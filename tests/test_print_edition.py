"""The print edition (./dev.sh print; ./dev.sh test builds it before the tests run): one HTML
page with every figure as its stored PNG and no chart script, and a PDF of it."""

from __future__ import annotations

import base64
import html.parser
import re
import urllib.parse
from pathlib import Path

import pytest

from aid2assets.figures import stored_figures
from aid2assets.build.printing import PDF_NAME, root_page
from aid2assets.build.site import _has_controls, print_figure_html
from site_support import refuse_outside

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "_build" / "print"
PAGE = OUT / root_page()
PDF = OUT / PDF_NAME
FIGURES = {fid: payload for nb in sorted((REPO / "chapters").glob("*.ipynb"))
           for fid, payload in stored_figures(nb).items()}


@pytest.fixture(scope="module")
def page_html(built_print):
    return PAGE.read_text(encoding="utf-8")


class Tags(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.stack = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        figure = next((a for t, a in reversed(self.stack) if t == "figure"), None) if self.stack else None
        self.tags.append((tag, attrs, figure))
        if tag == "figure":
            self.stack.append((tag, attrs.get("id")))

    def handle_endtag(self, tag):
        if tag == "figure" and self.stack:
            self.stack.pop()


@pytest.fixture(scope="module")
def tags(page_html):
    parser = Tags()
    parser.feed(page_html)
    return parser.tags


def test_one_image_per_stored_figure(tags):
    images = [(attrs, figure) for tag, attrs, figure in tags if tag == "img" and "a2a-print-image" in attrs.get("class", "")]
    assert sorted(figure for _, figure in images) == sorted("fig-" + fid for fid in FIGURES)
    for attrs, figure in images:
        src = attrs["src"]
        assert src.startswith("data:image/png;base64,"), figure
        assert base64.b64decode(src.split(",", 1)[1])[:8] == b"\x89PNG\r\n\x1a\n", figure
        payload = FIGURES[figure.removeprefix("fig-")]
        assert attrs["alt"] == f"{payload['title']}. {payload['description']}"


def test_captions_and_source_lines_are_printed(page_html):
    for fid, payload in FIGURES.items():
        block = re.search(rf'<figure class="a2a-print-figure" id="fig-{re.escape(fid)}">(.*?)</figure>', page_html, re.S)
        assert block, fid
        text = html.unescape(block.group(1))
        assert payload["title"] in text and payload["description"] in text and payload["source"] in text


def test_no_chart_script_and_nothing_from_other_hosts(tags, page_html):
    assert "a2a/figures.js" not in page_html and 'class="a2a-spec"' not in page_html
    assert "a2a/loader.js" not in page_html
    assert 'class="a2a-figure"' not in page_html and "a2a-student-link" not in page_html
    remote = [(t, a) for t, a, _ in tags if t in ("script", "link", "img", "iframe", "source")
              and urllib.parse.urlsplit(a.get("src") or a.get("href") or "").scheme in ("http", "https")]
    assert not remote, remote
    assert any(t == "link" and a.get("href", "").startswith("_static/a2a/print.css") for t, a, _ in tags)


def test_every_chapter_is_in_the_one_page(page_html):
    for nb in sorted((REPO / "chapters").glob("*.ipynb")):
        assert f'id="document-chapters/{nb.stem}"' in page_html, nb.stem


def pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", data))


def test_pdf_is_there_and_is_the_whole_book(built_print):
    if not PDF.exists():
        pytest.fail(f"{PDF} is missing: run ./dev.sh print (./dev.sh test does)")
    data = PDF.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert pdf_pages(data) >= 40, f"only {pdf_pages(data)} pages"
    assert PDF.stat().st_mtime >= PAGE.stat().st_mtime, "the PDF is older than the page it prints"
    assert len(data) > 100_000 * len(FIGURES) // 4, "too small to hold the figures"


def test_print_figure_html_escapes_text_and_notes_the_default_state():
    payload = {"id": "x", "title": "<b>T</b>", "description": 'D "quoted"', "source": "S & co", "note": "",
               "spec": {"params": [{"name": "p", "value": 1, "bind": {"input": "range"}}]}}
    out = print_figure_html(payload, "AAAA")
    assert "<b>T</b>" not in out and "&lt;b&gt;T&lt;/b&gt;" in out
    assert 'alt="&lt;b&gt;T&lt;/b&gt;. D &quot;quoted&quot;"' in out
    assert "default state" in out and "<script" not in out
    assert not _has_controls({"params": [{"name": "p", "value": 1}]})


def test_print_page_loads_nothing_from_another_host(built_print, serve, browser):
    """The page in headless Chromium: every request off the local server is refused and fails."""
    base = serve(built_print)
    context = browser.new_context()
    refused, failed = refuse_outside(context, base), []
    try:
        page = context.new_page()
        page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        page.on("pageerror", lambda e: failed.append(f"pageerror {e}"))
        page.goto(base + PAGE.name, wait_until="networkidle")
        assert page.eval_on_selector_all("img.a2a-print-image", "els => els.filter(e => e.naturalWidth > 0).length") == len(FIGURES)
        page.emulate_media(media="print")
        assert page.eval_on_selector(".bd-sidebar-primary", "e => getComputedStyle(e).display") == "none"
    finally:
        context.close()
    assert not refused, f"requests left the local server: {refused}"
    assert not failed, failed
