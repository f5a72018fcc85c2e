"""A page of its own for every figure, and an "All figures" page (issue 24).

Part of the site extension (:func:`aid2assets.site.setup` calls :func:`setup`):

* while a chapter is read, the figure renderer (:class:`aid2assets.site.FigureMimeRenderer`)
  hands every book figure (an author-chosen id: not the ``sketch-`` charts of exercise
  solutions) to :func:`record`, with the PNG stored beside it in the notebook's output;
* :func:`collect_pages` (``html-collect-pages``) writes ``figures/<id>.html`` for each: the
  figure alone, at the column's full width, with its controls, toolbar (static/toolbar.js),
  sources and notes, and a link back to its place in the chapter; and ``figures/index.html``,
  every figure grouped by chapter with a small image (its stored PNG, drawn 320 px wide at
  build time) and its title;
* :func:`page_assets` gives those pages the figure loader and stylesheet (the chapters get
  them from :func:`aid2assets.site._add_assets`, which looks for figures in a doctree: these
  pages have none).

The figure's markup is the chapters' own (:func:`aid2assets.figures.figure_html`) with the
same element id (``fig-<id>``), so an address's state (``?fig-<id>=...``) means the same on
both pages. The pages are not in the table of contents; the chapters link them from each
figure's toolbar ("Figure page") and every figure page links the "All figures" page.
"""

from __future__ import annotations

import base64
import html
import re
import struct
from pathlib import Path

ENV_KEY = "a2a_figure_pages"
PAGES_DIR = "figures"
INDEX_PAGE = f"{PAGES_DIR}/index"
THUMBS = "_static/a2a/thumbs"   # the small images of the All figures page
THUMB_WIDTH = 320               # px


def record(env, payload: dict, png_base64: str | None) -> None:
    """Remember a book figure of the page being read (``sketch-`` charts have no page)."""
    if payload["id"].startswith("sketch-"):
        return
    figures = env.__dict__.setdefault(ENV_KEY, {}).setdefault(env.docname, {})
    figures[payload["id"]] = {"payload": payload, "png": png_base64 or ""}


def _purge(app, env, docname):
    env.__dict__.get(ENV_KEY, {}).pop(docname, None)


def _merge(app, env, docnames, other):
    env.__dict__.setdefault(ENV_KEY, {}).update(
        {d: v for d, v in other.__dict__.get(ENV_KEY, {}).items() if d in docnames})


def _doc_order(env) -> list[str]:
    """Documents in the book's reading order (the table of contents, depth first)."""
    order: list[str] = []

    def walk(doc):
        if doc in order:
            return
        order.append(doc)
        for child in env.toctree_includes.get(doc, []):
            walk(child)

    walk(env.config.root_doc)
    return order


def figures_in_order(env) -> list[tuple[str, str, dict]]:
    """(docname, chapter title, figure record) for every book figure, chapter by chapter."""
    found = env.__dict__.get(ENV_KEY, {})
    order = _doc_order(env)
    docs = sorted(found, key=lambda d: (order.index(d) if d in order else len(order), d))
    out = []
    for doc in docs:
        title = env.titles[doc].astext() if doc in env.titles else doc
        for record_ in found[doc].values():
            out.append((doc, title, record_))
    return out


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height from a PNG's header."""
    if png[:8] != b"\x89PNG\r\n\x1a\n" or png[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    return struct.unpack(">II", png[16:24])


def thumbnail(png: bytes, width: int = THUMB_WIDTH) -> tuple[bytes, int, int]:
    """The PNG drawn ``width`` px wide (vl-convert's SVG renderer scales it), and its size."""
    import vl_convert as vlc

    w, h = png_size(png)
    height = max(1, round(h * width / w))
    data = base64.b64encode(png).decode("ascii")
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
           f'width="{width}" height="{height}"><image width="{width}" height="{height}" '
           f'xlink:href="data:image/png;base64,{data}"/></svg>')
    small = vlc.svg_to_png(svg, scale=1)
    return small, *png_size(small)


def figure_page_body(docname: str, chapter: str, payload: dict) -> str:
    """The body of ``figures/<id>.html``."""
    from ..figures import figure_html
    from ..numbering import figure_number
    from .site_files import DOWNLOADS, SPECS, spec_filename

    esc = html.escape
    fid = payload["id"]
    chapter_href = f"../{docname}.html#fig-{fid}"
    figure = figure_html(payload, "../data/", f"../{DOWNLOADS}/{payload['download']['filename']}",
                         f"../{SPECS}/{spec_filename(payload)}")
    number = figure_number(fid)   # the same number as in its chapter ("Figure 3.2.")
    if number:
        figure = re.sub(r'(<p class="a2a-title"[^>]*>)',
                        lambda m: m.group(1) + f'<span class="a2a-fignum">Figure {esc(number)}.</span> ', figure, count=1)
    return (
        f'<section id="figure-page-{esc(fid)}" class="a2a-figure-page-body">'
        f'<h1>{esc(payload["title"])}</h1>'
        f'<p class="a2a-figure-back">A figure of the chapter <a href="{esc(chapter_href)}">{esc(chapter)}</a> '
        f'(see it in its place) · <a href="index.html">All figures</a></p>'
        f"{figure}</section>"
    )


def index_body(entries: list[tuple[str, str, dict, tuple[int, int] | None]]) -> str:
    """The body of ``figures/index.html``: figures grouped by chapter."""
    esc = html.escape
    parts = ['<section id="all-figures"><h1>All figures</h1>'
             "<p>Every figure of the book, chapter by chapter. Each opens on a page of its own, with its "
             "controls, its numbers as a table, its sources, and images to save.</p>"]
    current = None
    for doc, chapter, payload, size in entries:
        if doc != current:
            if current is not None:
                parts.append("</ul></section>")
            current = doc
            parts.append(f'<section class="a2a-figure-chapter"><h2>{esc(chapter)}</h2><ul class="a2a-figure-list">')
        fid = payload["id"]
        image = ""
        if size:
            image = (f'<img src="../{THUMBS}/{esc(fid)}.png" width="{size[0]}" height="{size[1]}" '
                     f'alt="" loading="lazy" decoding="async">')
        parts.append(f'<li><a href="{esc(fid)}.html">{image}<span>{esc(payload["title"])}</span></a></li>')
    if current is not None:
        parts.append("</ul></section>")
    parts.append("</section>")
    return "".join(parts)


def collect_pages(app):
    """``html-collect-pages``: one page per figure and the All figures page."""
    if app.builder.name != "html" or app.config.a2a_print:
        return
    entries = []
    thumbs = Path(app.outdir) / THUMBS
    for doc, chapter, rec in figures_in_order(app.env):
        payload = rec["payload"]
        size = None
        if rec["png"]:
            small, width, height = thumbnail(base64.b64decode(rec["png"]))
            thumbs.mkdir(parents=True, exist_ok=True)
            (thumbs / f"{payload['id']}.png").write_bytes(small)
            size = (width, height)
        entries.append((doc, chapter, payload, size))
        context = {"title": payload["title"], "body": figure_page_body(doc, chapter, payload),
                   "a2a_figure_page": True}
        yield f"{PAGES_DIR}/{payload['id']}", context, "page.html"
    if entries:
        yield INDEX_PAGE, {"title": "All figures", "body": index_body(entries), "a2a_figure_page": True}, "page.html"


def page_assets(app, pagename, templatename, context, doctree):
    """The figure loader and stylesheet on the figure pages."""
    if not pagename.startswith(PAGES_DIR + "/") or not context.get("a2a_figure_page"):
        return
    from .site_files import CSS_NAME, LOADER_NAME

    if pagename != INDEX_PAGE:
        app.add_js_file(LOADER_NAME, defer="defer")
    app.add_css_file(CSS_NAME)


def setup(app):
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("html-collect-pages", collect_pages)
    app.connect("html-page-context", page_assets, priority=400)  # before first_paint's tidying
