"""Figures: an Altair chart plus the words and data a reader needs around it.

A :class:`Figure` displays in three places from one output bundle:

* on the published site, through the MyST-NB plugin in :mod:`aid2assets.build.site`, as a live
  Vega-Lite chart drawn by the Vega bundle the site serves itself (no CDN), with its title,
  description, source line and a link that downloads the exact data shown;
* in a notebook front end with a live kernel (JupyterLab, Notebook 7; VS Code and Colab
  untested), as the same live chart, drawn by the same bundled script through a widget
  (:mod:`aid2assets.notebook`); where no widget can be shown (GitHub, an untrusted notebook,
  a notebook reopened without its kernel), as a static PNG;
* in the print/PDF edition, as the same PNG.

The bundle is deterministic: the spec is plain JSON from Altair 6 (which names params by
content hash), the figure id is chosen by the author, and the PNG, the one part that could
vary between machines, is an image type that nbval does not compare.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import urllib.parse
from dataclasses import KW_ONLY, dataclass, field

import altair as alt
import pandas as pd

from . import theme

MIME_TYPE = "application/vnd.aid2assets.figure+json"

__all__ = ["Figure", "MIME_TYPE", "figure_html", "short_source", "source_line"]


def source_line(source_ids, sources: pd.DataFrame) -> str:
    """'Publisher, title' for each source key; titles of one publisher are grouped.

    >>> source_line(["crs-pakistan-aid-2014"], load("sources"))  # doctest: +SKIP
    'Congressional Research Service (...), Direct Overt U.S. Aid ... (table dated 2014-03-06)'
    """
    grouped: dict[str, list[str]] = {}
    for sid in source_ids:
        row = sources.loc[sources["source_id"] == sid]
        if row.empty:
            raise KeyError(f"unknown source_id {sid!r}; add it to data/sources.csv")
        r = row.iloc[0]
        grouped.setdefault(r["publisher"], []).append(r["title"])
    return "; ".join(f"{publisher}, {' | '.join(titles)}" for publisher, titles in grouped.items())


@dataclass
class Figure:
    """A chart with its title, text alternative, source line and downloadable data.

    ``description`` is the text alternative: say what the chart shows and its main
    pattern, in a sentence or two. ``data`` is the table behind the chart, offered as CSV
    under the figure; ``tables`` names the full datasets in ``data/`` it was drawn from.
    ``sources`` lists keys of ``data/sources.csv``; the figure writes its own source line
    from them (:func:`source_line`). ``source`` takes a source line in words instead, for a
    figure whose data are not in the book's tables.
    """

    chart: alt.TopLevelMixin
    _: KW_ONLY
    id: str
    title: str
    description: str
    data: pd.DataFrame
    sources: list[str] = field(default_factory=list)
    source: str = ""
    tables: list[str] = field(default_factory=list)
    note: str = ""
    how_to: str = ""

    def __post_init__(self):
        if not self.id or not all(c.isalnum() or c == "-" for c in self.id):
            raise ValueError(f"figure id must be letters, digits and hyphens: {self.id!r}")
        if self.sources and self.source:
            raise ValueError("give a figure either sources=[keys] or source='words', not both")
        if self.sources:
            from .data import load

            self.source = source_line(self.sources, load("sources"))
        for name in ("title", "description", "source"):
            if not getattr(self, name).strip():
                raise ValueError(f"a figure needs a {name}")

    # -- the parts -------------------------------------------------------------------------
    def spec(self) -> dict:
        """The Vega-Lite spec shown on the site, with the text alternative as its description."""
        spec = self.chart.to_dict()
        spec["description"] = f"{self.title}. {self.description}"
        return spec

    def csv(self) -> str:
        return self.data.to_csv(index=False, lineterminator="\n")

    def payload(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "description": self.description,
            "source": self.source,
            "note": self.note,
            "how_to": self.how_to,
            "tables": list(self.tables),
            "download": {"filename": f"{self.id}.csv", "csv": self.csv()},
            "spec": self.spec(),
        }

    def png(self, scale: float = 1.0, number: str | None = None) -> bytes:
        """A static image for notebooks and print: title and source line drawn on the chart,
        the title led by the figure's number ("Figure 3.2. ...") when it is given."""
        title = f"Figure {number}. {self.title}" if number else self.title
        return _png(self.spec(), title, self.source, scale)

    def number(self) -> str | None:
        """The figure's number in the book ("3.2", :mod:`aid2assets.numbering`): its chapter's
        place in _toc.yml and its place among the figures stored in that chapter's notebook.
        None for a figure no stored chapter holds yet (it is numbered from the next run on) or
        outside the book's repository."""
        try:
            from .numbering import figure_number

            return figure_number(self.id)
        except (OSError, ValueError, ImportError):
            return None

    # -- display ---------------------------------------------------------------------------
    def _repr_mimebundle_(self, include=None, exclude=None):
        # The payload (and so the site) does not change with the number; the PNG's title
        # shows it, and the output's metadata records it (nbval does not compare metadata;
        # tests/test_numbering.py checks it against the book's numbering).
        number = self.number()
        bundle = display_bundle(self.payload(), self.png(number=number), f"Figure: {self.title}")
        return (bundle, {"aid2assets": {"figure_number": number}}) if number else bundle


def display_bundle(payload: dict, png: bytes, text: str) -> dict:
    """The output bundle of a figure: the book's mime type, a PNG and a stable text.

    In a notebook front end with a widget manager (JupyterLab, Notebook 7, VS Code, Colab:
    see :func:`aid2assets.notebook.live`) it also carries the view of a live chart widget,
    which those front ends rank first. Elsewhere (nbval, nbconvert, the site's build) it does
    not, so stored notebooks hold no widget and their outputs equal a fresh run. A front end
    that cannot show the widget (untrusted notebook, no kernel, GitHub) shows the PNG.
    """
    bundle = {MIME_TYPE: payload, "image/png": base64.b64encode(png).decode("ascii"), "text/plain": text}
    from . import notebook

    if notebook.live():
        bundle.update(notebook.widget_view(figure_html(payload, data_prefix=None)))
    return bundle


def _top_level(text: str, sep: str) -> list[str]:
    """``text`` split at ``sep`` where it is not inside brackets."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        depth += ch in "([" and 1 or (ch in ")]" and -1 or 0)
        if depth == 0 and text.startswith(sep, i):
            parts.append(text[start:i])
            start = i + len(sep)
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def short_source(source: str, limit: int = 90) -> str:
    """The one-line source shown under a chart: who published the data, not every title.

    A source line reads "Publisher, title | title; Publisher, title" (:func:`source_line`);
    the short form keeps each publisher once. The whole line, with the figure's note, sits in
    a "Sources and notes" disclosure beneath it.

    >>> short_source("USAID Data Services, Greenbook; US Census Bureau, Trade in Goods")
    'USAID Data Services; US Census Bureau'
    """
    names: list[str] = []
    for part in _top_level(source, "; "):
        if not part[0].isupper():  # a "; " inside a title, not a new publisher
            continue
        name = _top_level(part, ", ")[0]
        if len(name) > limit:  # a description, not a name: keep its first words
            name = name[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"
        if name not in names:
            names.append(name)
    return "; ".join(names)


def _png(spec: dict, title: str, source: str, scale: float = 1.0) -> bytes:
    import vl_convert as vlc

    spec = dict(spec)
    words, lines = f"Source: {source}".split(" "), [""]
    for word in words:  # wrap the source line to the chart's width
        if len(lines[-1]) + len(word) > 110:
            lines.append("")
        lines[-1] = f"{lines[-1]} {word}".strip()
    spec["title"] = {"text": title, "subtitle": lines, "anchor": "start", "subtitleFontSize": 10}
    return vlc.vegalite_to_png(spec, scale=scale, vl_version=theme.VEGA_LITE_VERSION)


# -- The markup (site and notebook) ------------------------------------------------------------

def _json_for_script(obj) -> str:
    """JSON that is safe inside <script type="application/json">."""
    text = json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def figure_html(payload: dict, data_prefix: str | None = "../data/", download_href: str | None = None,
                spec_href: str | None = None) -> str:
    """The HTML for one figure, on the site and in a notebook (drawn by static/embed.js).

    ``data_prefix`` is the relative address of ``data/`` (``None`` in a notebook, where the
    full tables are named without a link); ``download_href`` the address of the figure's CSV
    file (by default the CSV is embedded as a data: URI); ``spec_href`` the address of its spec
    as a JSON file (by default the spec is embedded). The site's loader (static/loader.js)
    fetches a spec file when its figure comes into view, so the specs of charts further down
    are not part of the page's first load.
    """
    esc = html.escape
    fid = "fig-" + payload["id"]
    spec_json = _json_for_script(payload["spec"])
    digest = hashlib.sha256(spec_json.encode("utf-8")).hexdigest()[:12]
    dl = payload["download"]
    href = download_href or "data:text/csv;charset=utf-8," + urllib.parse.quote(dl["csv"], safe="")
    tables = " ".join(
        f'<a href="{esc(data_prefix + name)}.csv">{esc(name)}.csv</a>' if data_prefix is not None
        else f"<code>data/{esc(name)}.csv</code>"
        for name in payload.get("tables", [])
    )
    source = payload["source"]
    short = short_source(source)
    note = f'<p class="a2a-note">{esc(payload["note"])}</p>' if payload.get("note") else ""
    def ended(text):  # a full stop, unless the text already ends with one or is cut short
        return text if text.endswith((".", "…")) else text + "."

    if short == source and not note:
        sources = f'<p class="a2a-source"><strong>Source:</strong> {esc(ended(source))}</p>'
    else:
        sources = (f'<p class="a2a-source"><strong>Source:</strong> {esc(ended(short))}</p>'
                   '<details class="a2a-sources"><summary>Sources and notes</summary>'
                   f'<p class="a2a-source-full">{esc(ended(source))}</p>{note}</details>')
    how_to = f'<p class="a2a-howto">{esc(payload["how_to"])}</p>' if payload.get("how_to") else ""
    spec_tag = (f'<script type="application/json" class="a2a-spec" data-src="{esc(spec_href)}"></script>'
                if spec_href else f'<script type="application/json" class="a2a-spec">{spec_json}</script>')
    return (
        f'<figure class="a2a-figure" id="{esc(fid)}" data-spec-hash="{digest}">'
        f'<p class="a2a-title" id="{esc(fid)}-title">{esc(payload["title"])}</p>'
        f"{how_to}"
        f'<div class="a2a-chart" role="group" aria-labelledby="{esc(fid)}-title" '
        f'aria-describedby="{esc(fid)}-desc"></div>'
        f"{spec_tag}"
        '<noscript><p class="a2a-noscript">This chart is drawn in your browser with JavaScript. '
        "Its data can still be downloaded below.</p></noscript>"
        "<figcaption>"
        f'<p class="a2a-desc" id="{esc(fid)}-desc">{esc(payload["description"])}</p>'
        f"{sources}"
        f'<p class="a2a-links"><a class="a2a-download" download="{esc(dl["filename"])}" href="{esc(href)}">'
        f"Download the data shown (CSV)</a>"
        + (f' <span class="a2a-tables">Full tables: {tables}</span>' if tables else "")
        + "</p></figcaption></figure>"
    )


# -- Plain Altair charts ----------------------------------------------------------------------
# A chart displayed without a Figure (in an exercise, or by a student changing a cell) goes
# through this renderer, enabled by theme.enable(). Altair's default renderer would write a
# random element id and load Vega from a CDN; this one gives the same offline, deterministic
# bundle as a Figure, with a generic caption.

SKETCH_SOURCE = "computed in this notebook from the book's tables (see the code above)"


def sketch_payload(spec: dict) -> dict:
    """The figure payload for a plain chart: id from the spec's content, its data as CSV."""
    text = json.dumps(spec, sort_keys=True, separators=(",", ":"))
    fid = "sketch-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    title = spec.get("title", "")
    if isinstance(title, dict):
        title = title.get("text", "")
    if isinstance(title, list):
        title = " ".join(title)
    title = str(title).strip() or "A chart made in this notebook"
    datasets = list(spec.get("datasets", {}).values())
    data = pd.DataFrame(datasets[0]) if len(datasets) == 1 else pd.DataFrame()
    description = spec.get("description") or (
        "A chart drawn by the code above from the book's tables; its data can be downloaded below.")
    spec = dict(spec, description=f"{title}. {description}")
    return {
        "id": fid, "title": title, "description": description, "source": SKETCH_SOURCE,
        "note": "", "how_to": "", "tables": [],
        "download": {"filename": f"{fid}.csv", "csv": data.to_csv(index=False, lineterminator="\n")},
        "spec": spec,
    }


def sketch_renderer(spec: dict, **metadata) -> dict:
    payload = sketch_payload(spec)
    png = _png(payload["spec"], payload["title"], SKETCH_SOURCE)
    return display_bundle(payload, png, f"Chart: {payload['title']}")


alt.renderers.register("aid2assets", sketch_renderer)


def stored_figures(notebook) -> dict[str, dict]:
    """The figure payloads saved in a notebook's outputs, keyed by figure id, in order.

    These are exactly what the site publishes (nbval checks that they equal a fresh run),
    so tests and tools read figures from here rather than re-running a chapter.
    """
    import nbformat

    found = {}
    for cell in nbformat.read(notebook, as_version=4).cells:
        for out in cell.get("outputs", []):
            payload = out.get("data", {}).get(MIME_TYPE)
            if payload:
                payload = json.loads(payload) if isinstance(payload, str) else payload
                found[payload["id"]] = payload
    return found
