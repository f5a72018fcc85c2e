"""Tables: a data table that readers can sort and filter on the static site, with no kernel.

A :class:`Table` displays from one output bundle, like a :class:`~aid2assets.figures.Figure`:

* on the site, through :class:`aid2assets.build.site.TableMimeRenderer`, as a plain HTML table
  that ``_static/a2a/tables.js`` enhances in the browser: sort buttons inside the header
  cells (with ``aria-sort``), labelled filters by column value and an optional text search.
  Without JavaScript it stays a readable table;
* in JupyterLab, VS Code or Colab, as the same HTML table (``text/html``), static;
* as plain text for anything else.

Every piece of text is HTML-escaped; the output is deterministic (ids are chosen by the
author, row order is the frame's).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

import pandas as pd

TABLE_MIME_TYPE = "application/vnd.aid2assets.table+json"

__all__ = ["Table", "Column", "TABLE_MIME_TYPE", "table_html"]


@dataclass
class Column:
    """One column: ``key`` in the frame, ``label`` shown in the header.

    ``filter`` offers a select list of the column's values; ``numeric`` sorts by number;
    ``link`` names a frame column holding each cell's address; ``sort`` a frame column with a
    sort key (e.g. the order of verdicts); ``colour`` a mapping value -> colour drawn as a
    marker beside the text (never alone: the text is the label); ``row_header`` makes the
    cells ``<th scope="row">``. ``own_line`` puts the column's cell on a line of its own under
    the row's other cells, the whole width of the table (for a column of long text that would
    otherwise be squeezed into a narrow column); ``width`` is then each other column's share of
    the row (a CSS grid track, e.g. "3em" or "2fr").
    """

    key: str
    label: str
    filter: bool = False
    numeric: bool = False
    sortable: bool = True
    link: str | None = None
    sort: str | None = None
    colour: dict | None = None
    row_header: bool = False
    own_line: bool = False
    width: str | None = None


def _text(value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return f"{value:,.0f}"
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


@dataclass
class Table:
    """A table with a title, a description (its caption text), a source line and columns.

    ``interactive`` adds sorting and the filters on the site; ``search`` a text filter.
    ``empty`` is the text shown in empty cells. ``stack_below`` (px) lays each row out as a
    block below that width, one cell a line with its column's name before it, so that a table
    with long text columns stays readable on a phone instead of scrolling sideways; the
    header row stays, as a row of sort buttons.
    """

    data: pd.DataFrame
    id: str
    title: str
    description: str
    source: str
    columns: list[Column] = field(default_factory=list)
    interactive: bool = True
    search: bool = False
    note: str = ""
    empty: str = "–"
    stack_below: int | None = None

    def __post_init__(self):
        if not self.id or not all(c.isalnum() or c == "-" for c in self.id):
            raise ValueError(f"table id must be letters, digits and hyphens: {self.id!r}")
        for name in ("title", "description", "source"):
            if not getattr(self, name).strip():
                raise ValueError(f"a table needs a {name}")
        if not self.columns:
            self.columns = [Column(str(c), str(c)) for c in self.data.columns]
        missing = {c.key for c in self.columns} - set(self.data.columns)
        missing |= {getattr(c, a) for c in self.columns for a in ("link", "sort") if getattr(c, a)} - set(self.data.columns)
        if missing:
            raise KeyError(f"table {self.id}: no column(s) {sorted(missing)} in the data")

    def payload(self) -> dict:
        rows = []
        for _, r in self.data.iterrows():
            cells = {}
            for c in self.columns:
                cell = {"text": _text(r[c.key]) or self.empty}
                if c.link and _text(r[c.link]):
                    cell["href"] = _text(r[c.link])
                if c.sort:
                    cell["sort"] = _text(r[c.sort])
                elif c.numeric and _text(r[c.key]):
                    cell["sort"] = repr(float(r[c.key]))
                if c.colour and _text(r[c.key]) in c.colour:
                    cell["colour"] = c.colour[_text(r[c.key])]
                cells[c.key] = cell
            rows.append(cells)
        return {
            "id": self.id, "title": self.title, "description": self.description, "source": self.source,
            "note": self.note, "interactive": self.interactive, "search": self.search,
            "stack_below": self.stack_below,
            "columns": [{"key": c.key, "label": c.label, "filter": c.filter, "numeric": c.numeric,
                         "sortable": c.sortable, "row_header": c.row_header, "own_line": c.own_line,
                         "width": c.width}
                        for c in self.columns],
            "rows": rows,
        }

    def text(self) -> str:
        cols = self.columns
        lines = [self.title, " | ".join(c.label for c in cols)]
        for _, r in self.data.iterrows():
            lines.append(" | ".join(_text(r[c.key]) or self.empty for c in cols))
        lines.append(f"Source: {self.source}.")
        return "\n".join(lines)

    def _repr_mimebundle_(self, include=None, exclude=None):
        payload = self.payload()
        return {TABLE_MIME_TYPE: payload, "text/html": table_html(payload), "text/plain": self.text()}


def table_html(payload: dict) -> str:
    """The HTML for one table: a readable table first; the site's script adds the controls."""
    esc = html.escape
    tid = "tbl-" + payload["id"]
    cols = payload["columns"]
    head = []
    for c in cols:
        attrs = f' data-key="{esc(c["key"])}"'
        if c.get("sortable") and payload.get("interactive"):
            attrs += ' data-sortable="true"'
        if c.get("filter") and payload.get("interactive"):
            attrs += ' data-filter="true"'
        if c.get("numeric"):
            attrs += ' data-type="number"'
        head.append(f'<th scope="col"{attrs}>{esc(c["label"])}</th>')
    body = []
    for row in payload["rows"]:
        cells = []
        for c in cols:
            cell = row[c["key"]]
            inner = esc(cell["text"])
            if cell.get("href"):
                inner = f'<a href="{esc(cell["href"])}">{inner}</a>'
            if cell.get("colour"):
                inner = (f'<span class="a2a-badge" style="border-left-color: {esc(cell["colour"])}">{inner}</span>')
            attrs = f' data-value="{esc(cell["text"])}"' if c.get("filter") else ""
            if payload.get("stack_below") or any(col.get("own_line") for col in cols):
                attrs += f' data-key="{esc(c["key"])}" data-label="{esc(c["label"])}"'

            if "sort" in cell:
                attrs += f' data-sort="{esc(cell["sort"])}"'
            if c.get("numeric"):
                attrs += ' class="a2a-num"'
            tag = "th" if c.get("row_header") else "td"
            scope = ' scope="row"' if tag == "th" else ""
            cells.append(f"<{tag}{scope}{attrs}>{inner}</{tag}>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    flags = ' data-interactive="true"' if payload.get("interactive") else ""
    flags += ' data-search="true"' if payload.get("search") else ""
    note = f' <span class="a2a-note">{esc(payload["note"])}</span>' if payload.get("note") else ""
    return (
        _layout_style(tid, cols, payload.get("stack_below")) +
        f'<div class="a2a-table" id="{esc(tid)}"{flags}>'
        f'<p class="a2a-title" id="{esc(tid)}-title">{esc(payload["title"])}</p>'
        f'<div class="a2a-table-scroll" role="region" tabindex="0" aria-labelledby="{esc(tid)}-title">'
        f'<table aria-labelledby="{esc(tid)}-title" aria-describedby="{esc(tid)}-desc">'
        f'<thead><tr>{"".join(head)}</tr></thead><tbody>{"".join(body)}</tbody></table></div>'
        f'<p class="a2a-desc" id="{esc(tid)}-desc">{esc(payload["description"])}</p>'
        f'<p class="a2a-source"><strong>Source:</strong> {esc(payload["source"])}.{note}</p>'
        "</div>"
    )


def _layout_style(tid: str, cols: list[dict], below) -> str:
    """The rules of a table with a column on its own line, or stacked on a phone (see Table and
    Column). Scoped to the table's id; rows hidden by a filter stay hidden."""
    t = f"#{tid}"
    rules = []
    own = [c for c in cols if c.get("own_line")]
    if own:
        tracks = " ".join(c.get("width") or "auto" for c in cols if not c.get("own_line"))
        rules.append(
            f"{t} thead tr, {t} tbody tr {{ display: grid; grid-template-columns: {tracks}; column-gap: 0.25rem; }}"
            f"{t} tbody tr {{ border-bottom: 1px solid var(--pst-color-border, #ddd); }}"
            f"{t} thead th, {t} tbody th, {t} tbody td {{ border-bottom: 0; }}"
            f"{t} thead {{ border-bottom: 2px solid var(--pst-color-text-muted, #888); }}"
            f"{t} tbody tr > * {{ grid-row: 1; }}")
        for line, c in enumerate(own, start=2):
            rules.append(
                f"{t} thead th[data-key=\"{c['key']}\"] {{ display: none; }}"
                f"{t} tbody [data-key=\"{c['key']}\"] {{ grid-row: {line}; grid-column: 2 / -1; padding-top: 0; }}"
                f"{t} tbody [data-key=\"{c['key']}\"]::before {{ content: attr(data-label) \": \"; font-weight: 600; }}")
    if below:
        rules.append(
            f"@media (max-width: {int(below)}px) {{"
            f"{t} table, {t} thead, {t} tbody, {t} tbody tr, {t} tbody th, {t} tbody td {{ display: block; }}"
            f"{t} thead tr {{ display: flex; flex-wrap: wrap; gap: 0 0.5rem; }}"
            f"{t} thead th {{ border-bottom: 0; padding: 0.2rem 0.3rem; }}"
            f"{t} thead {{ border-bottom: 2px solid var(--pst-color-text-muted, #888); }}"
            f"{t} tbody tr {{ padding: 0.4rem 0; border-bottom: 1px solid var(--pst-color-border, #ddd); }}"
            f"{t} tbody th, {t} tbody td {{ border: 0; padding: 0.1rem 0.3rem; text-align: left; }}"
            f"{t} tbody td.a2a-num {{ text-align: left; }}"
            f"{t} tbody [data-label]::before {{ content: attr(data-label) \": \"; font-weight: 600; }}"
            f"}}")
    if not rules:
        return ""
    return f"<style>{''.join(rules)}{t} tbody tr[hidden] {{ display: none; }}</style>"
