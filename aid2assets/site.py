"""Publishing the book's figures on the static site, with no CDN and no kernel.

Two pieces, both registered by the package:

* :class:`FigureMimeRenderer`, a MyST-NB mime-render plugin (entry point
  ``myst_nb.mime_renderers``) that turns a :class:`~aid2assets.figures.Figure` output into
  HTML: a container for the chart, its spec as inert JSON, and a caption with the source
  line and a data download. Every piece of text is HTML-escaped.
* :func:`setup`, a Sphinx extension (listed in ``_config.yml``) that writes the Vega bundle
  from vl-convert, with the book's embed script, into the site's ``_static`` folder, adds it
  only to pages that hold figures, and publishes ``data/`` beside the pages.
"""

from __future__ import annotations

import hashlib
import html
import json
import shutil
import urllib.parse
from pathlib import Path

from docutils import nodes

from .figures import MIME_TYPE
from .tables import TABLE_MIME_TYPE, table_html
from .paths import data_dir

STATIC = Path(__file__).parent / "static"
BUNDLE_NAME = "a2a/figures.js"
CSS_NAME = "a2a/figures.css"
TABLES_JS = "a2a/tables.js"
HTML_BUILDERS = ("html", "dirhtml", "singlehtml")


def _json_for_script(obj) -> str:
    """JSON that is safe inside <script type="application/json">."""
    text = json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


DOWNLOADS = "_downloads/figures"  # where the site keeps each figure's CSV


def figure_html(payload: dict, data_prefix: str = "../data/", download_href: str | None = None) -> str:
    """The HTML for one figure.

    ``data_prefix`` is the relative address of ``data/``; ``download_href`` the address of
    the figure's CSV file (by default the CSV is embedded as a data: URI).
    """
    esc = html.escape
    fid = "fig-" + payload["id"]
    spec_json = _json_for_script(payload["spec"])
    digest = hashlib.sha256(spec_json.encode("utf-8")).hexdigest()[:12]
    dl = payload["download"]
    href = download_href or "data:text/csv;charset=utf-8," + urllib.parse.quote(dl["csv"], safe="")
    tables = " ".join(
        f'<a href="{esc(data_prefix + name)}.csv">{esc(name)}.csv</a>' for name in payload.get("tables", [])
    )
    note = f' <span class="a2a-note">{esc(payload["note"])}</span>' if payload.get("note") else ""
    how_to = f'<p class="a2a-howto">{esc(payload["how_to"])}</p>' if payload.get("how_to") else ""
    return (
        f'<figure class="a2a-figure" id="{esc(fid)}" data-spec-hash="{digest}">'
        f'<p class="a2a-title" id="{esc(fid)}-title">{esc(payload["title"])}</p>'
        f"{how_to}"
        f'<div class="a2a-chart" role="group" aria-labelledby="{esc(fid)}-title" '
        f'aria-describedby="{esc(fid)}-desc"></div>'
        f'<script type="application/json" class="a2a-spec">{spec_json}</script>'
        '<noscript><p class="a2a-noscript">This chart is drawn in your browser with JavaScript. '
        "Its data can still be downloaded below.</p></noscript>"
        "<figcaption>"
        f'<p class="a2a-desc" id="{esc(fid)}-desc">{esc(payload["description"])}</p>'
        f'<p class="a2a-source"><strong>Source:</strong> {esc(payload["source"])}.{note}</p>'
        f'<p class="a2a-links"><a class="a2a-download" download="{esc(dl["filename"])}" href="{esc(href)}">'
        f"Download the data shown (CSV)</a>"
        + (f' <span class="a2a-tables">Full tables: {tables}</span>' if tables else "")
        + "</p></figcaption></figure>"
    )


class FigureMimeRenderer:
    """MyST-NB plugin: render the book's figure mime type as HTML on HTML builders."""

    mime_priority_overrides = [(b, MIME_TYPE, 1) for b in HTML_BUILDERS]

    @staticmethod
    def handle_mime(renderer, data, inline):
        if data.mime_type != MIME_TYPE or inline:
            return None
        payload = data.content
        if isinstance(payload, str):
            payload = json.loads(payload)
        env = getattr(renderer.renderer.document.settings, "env", None)
        if env is None:  # plain docutils: no site to write files into
            return [nodes.raw("", figure_html(payload), format="html")]
        up = "../" * env.docname.count("/")
        # The CSV is written beside the pages at the end of the build (see _write_downloads),
        # rather than embedded, so the data is not in the page twice.
        downloads = env.__dict__.setdefault("a2a_downloads", {})
        filename = payload["download"]["filename"]
        downloads.setdefault(env.docname, {})[filename] = payload["download"]["csv"]
        html_text = figure_html(payload, up + "data/", f"{up}{DOWNLOADS}/{filename}")
        return [nodes.raw("", html_text, format="html")]


class TableMimeRenderer:
    """MyST-NB plugin: render the book's table mime type (:mod:`aid2assets.tables`) as HTML.

    The HTML is a plain, readable table; on pages that hold an interactive one,
    :func:`_add_table_assets` loads ``_static/a2a/tables.js``, which adds sorting and filters.
    """

    mime_priority_overrides = [(b, TABLE_MIME_TYPE, 1) for b in HTML_BUILDERS]

    @staticmethod
    def handle_mime(renderer, data, inline):
        if data.mime_type != TABLE_MIME_TYPE or inline:
            return None
        payload = data.content
        if isinstance(payload, str):
            payload = json.loads(payload)
        return [nodes.raw("", table_html(payload), format="html")]


# --- The data page ---------------------------------------------------------------------------

def _field_rows(fields: list[dict]) -> str:
    esc = html.escape
    rows = []
    for f in fields:
        c = f.get("constraints", {})
        rules = []
        if c.get("required"):
            rules.append("required")
        if c.get("unique"):
            rules.append("unique")
        if "enum" in c:
            rules.append("one of: " + ", ".join(str(v) for v in c["enum"]))
        if "minimum" in c and "maximum" in c:
            rules.append(f"from {c['minimum']} to {c['maximum']}")
        elif "minimum" in c:
            rules.append(f"at least {c['minimum']}")
        elif "maximum" in c:
            rules.append(f"at most {c['maximum']}")
        if "pattern" in c:
            rules.append(f"pattern {c['pattern']}")
        if "maxLength" in c:
            rules.append(f"at most {c['maxLength']} characters")
        about = " ".join(x for x in (f.get("title", ""), f.get("description", "")) if x)
        rows.append(f"<tr><th scope='row'><code>{esc(f['name'])}</code></th><td>{esc(f.get('type', 'string'))}</td>"
                    f"<td>{esc(f.get('unit', ''))}</td><td>{esc(about)}</td><td>{esc('; '.join(rules))}</td></tr>")
    return "".join(rows)


def dataset_html(res: dict, rows: int, data_prefix: str) -> str:
    """A description of one table: what it is, its licence, sources, download and schema."""
    esc = html.escape
    schema = res["schema"]
    licences = "; ".join(lic.get("title") or lic.get("name", "") for lic in res.get("licenses", []))
    sources = "; ".join(src.get("title", "") for src in res.get("sources", []))
    pk = ", ".join(schema.get("primaryKey", []) if isinstance(schema.get("primaryKey"), list)
                   else [schema.get("primaryKey", "")])
    fks = "; ".join(f"{', '.join(fk['fields'])} → {fk['reference']['resource']}" for fk in schema.get("foreignKeys", []))
    return (
        f"<p>{esc(res.get('description', ''))}</p>"
        f"<p class='a2a-dataset-meta'><a class='a2a-download' href='{esc(data_prefix + res['path'])}' download>"
        f"Download {esc(res['path'])}</a> ({rows:,} rows). "
        f"<strong>Licence:</strong> {esc(licences)}."
        + (f" <strong>Sources:</strong> {esc(sources)}." if sources else " <strong>Sources:</strong> named row by row.")
        + f" <strong>Key:</strong> {esc(pk)}." + (f" <strong>Links:</strong> {esc(fks)}." if fks else "")
        + "</p><div class='a2a-schema'><table><caption>Columns of "
        f"{esc(res['path'])}</caption><thead><tr><th scope='col'>Column</th><th scope='col'>Type</th>"
        "<th scope='col'>Unit</th><th scope='col'>Meaning</th><th scope='col'>Allowed values</th></tr></thead>"
        f"<tbody>{_field_rows(schema['fields'])}</tbody></table></div>"
    )


def _datapackage_directive():
    from docutils.parsers.rst import Directive

    class DataPackage(Directive):
        """``{a2a-datapackage}``: one section per table in data/datapackage.json.

        Every table is loaded (and so validated) while the page is built: a broken table
        stops the build with the loader's message.
        """

        has_content = False

        def run(self):
            from .data import descriptor, load

            env = self.state.document.settings.env
            prefix = "../" * env.docname.count("/") + "data/"
            out = []
            for res in descriptor()["resources"]:
                rows = len(load(res["name"]))
                section = nodes.section(ids=[f"dataset-{res['name']}"])
                section += nodes.title(text=res.get("title", res["name"]))
                section += nodes.raw("", dataset_html(res, rows, prefix), format="html")
                out.append(section)
            return out

    return DataPackage


# --- Sphinx extension ----------------------------------------------------------------------

def _bundle_text() -> str:
    import vl_convert as vlc

    from .theme import VEGA_LITE_VERSION

    snippet = (STATIC / "embed.js").read_text(encoding="utf-8")
    return vlc.javascript_bundle(snippet, vl_version=VEGA_LITE_VERSION)


def _write_static(app, exception):
    """Write the Vega bundle (cached between builds) and stylesheet into ``_static/a2a``."""
    if exception is not None or app.builder.format != "html":
        return
    import vl_convert as vlc

    cache = Path(app.doctreedir).parent / "a2a_static"
    cache.mkdir(parents=True, exist_ok=True)
    snippet = (STATIC / "embed.js").read_bytes()
    key = hashlib.sha256(snippet + vlc.__version__.encode()).hexdigest()[:16]
    cached = cache / f"figures-{key}.js"
    if not cached.exists():
        cached.write_text(_bundle_text(), encoding="utf-8")
    out = Path(app.outdir) / "_static"
    (out / BUNDLE_NAME).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cached, out / BUNDLE_NAME)
    shutil.copyfile(STATIC / "figures.css", out / CSS_NAME)


def _is_thebe(asset) -> bool:
    name = str(getattr(asset, "filename", None) or asset)
    body = (getattr(asset, "attributes", None) or {}).get("body", "")
    return "thebe" in name or "THEBE_JS_URL" in body


def _add_assets(app, pagename, templatename, context, doctree):
    """Load the bundle only on pages that hold a figure; drop Thebe's assets.

    Jupyter Book always loads sphinx-thebe, even with Thebe switched off, and on Sphinx 7
    its inline script is added twice, which throws "THEBE_JS_URL has already been declared"
    in the browser console. Thebe needs Binder and the network, which the book does not use.
    """
    for key in ("script_files", "css_files"):
        if key in context:
            context[key][:] = [a for a in context[key] if not _is_thebe(a)]
    if doctree is None:
        return
    raw = [node.astext() for node in doctree.findall(nodes.raw)]
    if any('class="a2a-figure"' in text for text in raw):
        app.add_js_file(BUNDLE_NAME, type="module")
    if any("a2a-" in text for text in raw):
        app.add_css_file(CSS_NAME)


def _add_table_assets(app, pagename, templatename, context, doctree):
    """Load the table script only on pages that hold an interactive table."""
    if doctree is None:
        return
    if any('class="a2a-table"' in text and 'data-interactive="true"' in text
           for text in (node.astext() for node in doctree.findall(nodes.raw))):
        app.add_js_file(TABLES_JS, type="module")


def _write_table_static(app, exception):
    """Copy the table script into ``_static/a2a``."""
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir) / "_static" / TABLES_JS
    out.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(STATIC / "tables.js", out)


def _publish_data(app, exception):
    """Copy data/ (CSV tables and datapackage.json) into the built site for download."""
    if exception is not None or app.builder.format != "html":
        return
    dest = Path(app.outdir) / "data"
    dest.mkdir(parents=True, exist_ok=True)
    for path in sorted(data_dir().iterdir()):
        if path.suffix in (".csv", ".json"):
            shutil.copyfile(path, dest / path.name)


def _purge_downloads(app, env, docname):
    env.__dict__.get("a2a_downloads", {}).pop(docname, None)


def _merge_downloads(app, env, docnames, other):
    env.__dict__.setdefault("a2a_downloads", {}).update(
        {d: v for d, v in other.__dict__.get("a2a_downloads", {}).items() if d in docnames})


def _write_downloads(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir) / DOWNLOADS
    out.mkdir(parents=True, exist_ok=True)
    for files in app.env.__dict__.get("a2a_downloads", {}).values():
        for filename, text in files.items():
            (out / filename).write_text(text, encoding="utf-8")


def setup(app):
    app.connect("env-purge-doc", _purge_downloads)
    app.connect("env-merge-info", _merge_downloads)
    app.connect("build-finished", _write_downloads)
    app.add_directive("a2a-datapackage", _datapackage_directive())
    app.connect("build-finished", _write_static)
    app.connect("html-page-context", _add_assets)
    app.connect("html-page-context", _add_table_assets)
    app.connect("build-finished", _write_table_static)
    app.connect("build-finished", _publish_data)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
