"""Publishing the book's figures on the static site, with no CDN and no kernel.

Two pieces, both registered by the package:

* :class:`FigureMimeRenderer`, a MyST-NB mime-render plugin (entry point
  ``myst_nb.mime_renderers``) that turns a :class:`~aid2assets.figures.Figure` output into
  HTML (:func:`aid2assets.figures.figure_html`, the markup notebooks use too): a container
  for the chart, its spec as inert JSON, and a caption with the source line and a data
  download. Every piece of text is HTML-escaped.
* :func:`setup`, a Sphinx extension (listed in ``_config.yml``) that writes the Vega bundle
  (:mod:`aid2assets.bundle`, the module notebooks load too) into the site's ``_static``
  folder, adds it only to pages that hold figures, and publishes ``data/`` beside the
  pages. It also writes each chapter's student notebook (solutions removed,
  :mod:`aid2assets.build.student`) to ``student/<chapter>.ipynb`` with a link under the
  chapter's title; hands MyST-NB each chapter notebook as the site has always read it
  (:func:`aid2assets.build.markup.site_notebook`: the stored notebooks are written for notebook
  front ends); and, with
  ``a2a_print = True`` (the print edition, :mod:`aid2assets.build.printing`), draws every figure as
  the PNG stored in its output instead of a live chart.
"""

from __future__ import annotations

import copy
import hashlib
import html
import json
import re
import shutil
from pathlib import Path

from docutils import nodes

from ..bundle import bundle_key, bundle_text
from ..figures import MIME_TYPE, _json_for_script, figure_html
from ..tables import TABLE_MIME_TYPE, table_html
from ..paths import data_dir
from .site_files import CSS_NAME, DOWNLOADS, LOADER_NAME, SPECS, spec_filename

STATIC = Path(__file__).resolve().parent.parent / "static"
BUNDLE_NAME = "a2a/figures.js"
TABLES_JS = "a2a/tables.js"
HTML_BUILDERS = ("html", "dirhtml", "singlehtml")


def _mime_payload(data) -> dict:
    """A mime bundle's content as a dict (MyST-NB hands JSON over as text or parsed)."""
    return json.loads(data.content) if isinstance(data.content, str) else data.content


class FigureMimeRenderer:
    """MyST-NB plugin: render the book's figure mime type as HTML on HTML builders."""

    mime_priority_overrides = [(b, MIME_TYPE, 1) for b in HTML_BUILDERS]

    @staticmethod
    def handle_mime(renderer, data, inline):
        if data.mime_type != MIME_TYPE or inline:
            return None
        payload = _mime_payload(data)
        env = getattr(renderer.renderer.document.settings, "env", None)
        if env is None:  # plain docutils: no site to write files into
            return [nodes.raw("", figure_html(payload), format="html")]
        if env.config.a2a_print:  # the print edition: the output's PNG, no script
            return [_numbered_figure(renderer, payload, print_figure_html(payload, _stored_png(renderer, data)))]
        up = "../" * env.docname.count("/")
        # The CSV is written beside the pages at the end of the build (see _write_downloads),
        # rather than embedded, so the data is not in the page twice.
        downloads = env.__dict__.setdefault("a2a_downloads", {})
        filename = payload["download"]["filename"]
        downloads.setdefault(env.docname, {})[filename] = payload["download"]["csv"]
        # Likewise the spec: a file that the loader fetches as the figure comes into view.
        spec_name = spec_filename(payload)
        specs = env.__dict__.setdefault("a2a_specs", {})
        specs.setdefault(env.docname, {})[spec_name] = _json_for_script(payload["spec"])
        html_text = figure_html(payload, up + "data/", f"{up}{DOWNLOADS}/{filename}", f"{up}{SPECS}/{spec_name}")
        # Its own page, figures/<id>.html, with a small image from the stored PNG (issue 24).
        from . import figure_pages

        try:
            png = _stored_png(renderer, data)
        except ValueError:
            png = None
        figure_pages.record(env, payload, png)
        return [_numbered_figure(renderer, payload, html_text)]


# --- Numbered figures -------------------------------------------------------------------------
# A figure of the book is a numbered, labelled target: its label is its id, so that
# {numref}`trade-landed-cost` reads "Figure 3.4" and links to the figure. Sphinx numbers it
# (numfig) and :func:`_chapter_numbers` turns the book-wide count into the chapter's
# (aid2assets.numbering); the number is written into the caption when the page is resolved.

NUMBER_SLOT = '<span class="a2a-fignum"></span>'   # filled by _fill_figure_numbers


class a2a_figure(nodes.General, nodes.Element):
    """A figure of the book: its HTML (a raw child) and the target Sphinx numbers."""


def _visit_a2a_figure(self, node):
    pass   # the raw child carries the <figure> element and its id


def _depart_a2a_figure(self, node):
    pass


def _figure_title(node) -> str:
    return node.get("title", "")


def _numbered_figure(renderer, payload: dict, html_text: str):
    """The figure's HTML inside a numbered target labelled with its id (sketches stay plain)."""
    if payload["id"].startswith("sketch-"):
        return nodes.raw("", html_text, format="html")
    document = renderer.renderer.document
    env = document.settings.env
    node = a2a_figure(ids=[f"fig-{payload['id']}"], names=[nodes.fully_normalize_name(payload["id"])],
                      title=payload["title"], docname=env.docname)
    # the number goes at the head of the title line, filled in when the page is resolved
    node += nodes.raw("", re.sub(r'(<p class="a2a-title"[^>]*>)', lambda m: m.group(1) + NUMBER_SLOT, html_text, count=1),
                      format="html")
    document.note_explicit_target(node, node)
    return node


def _book_numbers_back(app, env):
    """Give Sphinx back, before it counts figures again, the book-wide count it made last time.

    Sphinx flags for rewriting every page whose figure numbers differ from those it stored; as
    :func:`_chapter_numbers` replaces its count after it, the stored numbers would never match
    and every chapter page would be written on every build. With its own count back, Sphinx
    flags only pages whose numbers really changed; :func:`_chapter_numbers` adds those whose
    chapter numbers changed.
    """
    saved = getattr(env, "a2a_book_fignumbers", None)
    if saved is not None:
        env.toc_fignumbers = copy.deepcopy(saved)
    return []


def _chapter_numbers(app, env):
    """Renumber what Sphinx counted through the whole book: chapter by chapter, "3.2".

    Sphinx numbers exercises (sphinx-exercise) and figures in one sequence across the book
    ("Exercise 26"); each chapter of the part "The book" takes its number from _toc.yml and
    numbers its own figures and exercises from 1 (:mod:`aid2assets.numbering`). Returns every
    page when a chapter number changed since the last build, and none otherwise.
    """
    from ..numbering import chapters

    env.a2a_book_fignumbers = copy.deepcopy(env.toc_fignumbers)
    previous = getattr(env, "a2a_chapter_fignumbers", {})
    changed = []
    for n, docname in enumerate(chapters(Path(app.srcdir)), 1):
        numbers = env.toc_fignumbers.get(docname)
        if not numbers:
            continue
        for figtype, ids in numbers.items():
            if figtype not in ("figure", "exercise"):
                continue
            for k, anchor in enumerate(sorted(ids, key=lambda i: ids[i]), 1):
                ids[anchor] = (n, k)
        if numbers != previous.get(docname):
            changed.append(docname)
    env.a2a_chapter_fignumbers = copy.deepcopy(env.toc_fignumbers)
    # A page may refer to another chapter's figure or exercise ({numref}): when any number
    # changed, every page is written again (rare: a figure or exercise added or moved).
    return sorted(env.found_docs) if changed else []


def _fill_figure_numbers(app, doctree, docname):
    """Write each figure's number ("Figure 3.2.") into the slot at the head of its title."""
    for node in doctree.findall(a2a_figure):
        number = app.env.toc_fignumbers.get(node["docname"], {}).get("figure", {}).get(node["ids"][0])
        words = (app.config.numfig_format.get("figure", "Figure %s") % ".".join(map(str, number))) if number else ""
        for raw in node.findall(nodes.raw):
            text = raw.astext()
            if NUMBER_SLOT in text:
                filled = text.replace(NUMBER_SLOT, f'<span class="a2a-fignum">{html.escape(words)}.</span> ' if words else "")
                raw.parent.replace(raw, nodes.raw("", filled, format="html"))


# --- The print edition ------------------------------------------------------------------------

def _stored_png(renderer, data) -> str:
    """The base64 PNG stored beside the figure payload in the same output bundle."""
    try:
        _, outputs = renderer.renderer.nb_client.code_cell_outputs(data.cell_index)
        png = outputs[data.output_index]["data"].get("image/png")
    except (AttributeError, IndexError, KeyError, TypeError):
        png = None
    if not png:
        raise ValueError(f"cell {data.cell_index}: a figure output without its PNG; re-run the notebook")
    return "".join(png.split()) if isinstance(png, str) else png


def _has_controls(spec) -> bool:
    """True when the spec has a param bound to an input (a control on the site)."""
    if isinstance(spec, dict):
        if "bind" in spec and isinstance(spec.get("name"), str):
            return True
        return any(_has_controls(v) for v in spec.values())
    if isinstance(spec, list):
        return any(_has_controls(v) for v in spec)
    return False


def print_figure_html(payload: dict, png_base64: str) -> str:
    """A figure for the print edition: its stored PNG (the default state) with title and caption.

    The image is embedded as a data: URI, so the page needs no other file and no script.
    """
    esc = html.escape
    fid = "fig-" + payload["id"]
    note = f' <span class="a2a-note">{esc(payload["note"])}</span>' if payload.get("note") else ""
    state = ('<p class="a2a-print-state">Printed in its default state; the online edition has '
             "controls that change this chart.</p>") if _has_controls(payload["spec"]) else ""
    return (
        f'<figure class="a2a-print-figure" id="{esc(fid)}">'
        f'<p class="a2a-title">{esc(payload["title"])}</p>'
        f'<img class="a2a-print-image" src="data:image/png;base64,{esc(png_base64)}" '
        f'alt="{esc(payload["title"])}. {esc(payload["description"])}">'
        "<figcaption>"
        f'<p class="a2a-desc">{esc(payload["description"])}</p>'
        f'<p class="a2a-source"><strong>Source:</strong> {esc(payload["source"])}.{note}</p>'
        f"{state}</figcaption></figure>"
    )


PRINT_CSS_NAME = "a2a/print.css"


def _add_print_css(app):
    """In the print edition every page (there is one) gets the print stylesheet."""
    if app.config.a2a_print:
        app.add_css_file(PRINT_CSS_NAME)


def _singlehtml_node_handlers(app):
    """Let the singlehtml builder (the print edition) render every node the html builder can.

    Sphinx uses the handlers registered for a builder's name and falls back to its format
    ("html") only when none is registered under the name. sphinx-exercise registers some
    for "singlehtml", so the nodes that other extensions (sphinx-jupyterbook-latex's hidden
    cells) register for "html" alone would be unknown there; copy the missing ones across.
    """
    handlers = app.registry.translation_handlers
    if app.builder.name == "singlehtml" and "singlehtml" in handlers:
        for node_name, pair in handlers.get("html", {}).items():
            handlers["singlehtml"].setdefault(node_name, pair)


def _print_assets_per_page(app, env):
    """The print edition loads MathJax (from a CDN) only if the book has an equation.

    Jupyter Book sets the asset policy to "always" for the singlehtml builder, which would
    put MathJax's CDN script on the page; the book has no equations (dollar signs are money).
    """
    if app.config.a2a_print:
        app.set_html_assets_policy("per_page")


def _write_print_static(app, exception):
    if exception is not None or app.builder.format != "html" or not app.config.a2a_print:
        return
    static = Path(app.outdir) / "_static"
    (static / PRINT_CSS_NAME).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(STATIC / "print.css", static / PRINT_CSS_NAME)
    shutil.copyfile(STATIC / "figures.css", static / CSS_NAME)   # the data page's tables use it
    # The theme loads searchindex.js on every page, but singlehtml writes none (a 404 in the
    # console): the one-page edition gets an empty index.
    empty = {k: {} for k in ("terms", "titleterms", "objects", "objnames", "objtypes", "envversion",
                             "alltitles", "indexentries")}
    empty.update(docnames=[], filenames=[], titles=[])
    (Path(app.outdir) / "searchindex.js").write_text(f"Search.setIndex({json.dumps(empty)})", encoding="utf-8")


# --- Student notebooks -------------------------------------------------------------------------

STUDENT_DIR = "student"
STUDENT_LINK_TEXT = "Download the student notebook (no solutions)"


def _notebook_docnames(env) -> list[str]:
    return sorted(d for d in env.found_docs if str(env.doc2path(d)).endswith(".ipynb"))


def _student_link(app, doctree, docname):
    """Put a link to the chapter's student notebook under the title of each notebook page."""
    if app.builder.format != "html" or app.config.a2a_print:
        return
    if not str(app.env.doc2path(docname)).endswith(".ipynb"):
        return
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is None:
        return
    href = "../" * docname.count("/") + f"{STUDENT_DIR}/{Path(docname).name}.ipynb"
    link = (f'<p class="a2a-student-link"><a href="{html.escape(href)}" '
            f'download="{html.escape(Path(docname).name)}-student.ipynb">{STUDENT_LINK_TEXT}</a></p>')
    index = 1 if section.children and isinstance(section.children[0], nodes.title) else 0
    section.insert(index, nodes.raw("", link, format="html"))


def _student_inputs() -> bytes:
    """What a student notebook depends on besides its chapter: the code that writes it, the
    bibliography (a citation's words) and nbformat (the file's layout)."""
    import nbformat

    from . import markup, student

    parts = [Path(markup.__file__).read_bytes(), Path(student.__file__).read_bytes(), nbformat.__version__.encode()]
    if markup.BIBLIOGRAPHY.exists():
        parts.append(markup.BIBLIOGRAPHY.read_bytes())
    return b"\0".join(parts)


def _write_student_notebooks(app, exception):
    """Write ``student/<chapter>.ipynb`` (solutions removed) for every notebook page.

    A student notebook is written again only when its chapter or what it depends on
    (:func:`_student_inputs`) changed since the last build, or when the written file is not
    the one that build left; a stamp per chapter in the doctree folder says which.
    """
    if exception is not None or app.builder.format != "html" or app.config.a2a_print:
        return
    from sphinx.errors import ExtensionError

    from .student import MarkerError, write_student_notebook

    out = Path(app.outdir) / STUDENT_DIR
    doctrees = getattr(app, "doctreedir", None)
    stamps = Path(doctrees) / "a2a_student" if doctrees else None
    inputs = _student_inputs() if stamps else b""
    for docname in _notebook_docnames(app.env):
        source = Path(app.env.doc2path(docname))
        target, stamp = out / source.name, stamps / f"{source.name}.sha256" if stamps else None
        key = hashlib.sha256(source.read_bytes() + b"\0" + inputs).hexdigest() if stamp else ""
        if stamp and stamp.is_file() and target.is_file() and \
                stamp.read_text(encoding="utf-8") == f"{key} {hashlib.sha256(target.read_bytes()).hexdigest()}":
            continue
        try:
            written = write_student_notebook(source, out)
        except MarkerError as err:
            raise ExtensionError(f"student notebook not written: {err}") from None
        if stamp:
            stamp.parent.mkdir(parents=True, exist_ok=True)
            stamp.write_text(f"{key} {hashlib.sha256(written.read_bytes()).hexdigest()}", encoding="utf-8")


def _launch_buttons_need_a_repository(app, config):
    """Switch the launch buttons off while ``repository: url:`` is empty.

    The theme builds Binder and Colab links from the repository's address and fails without
    one; setting the address in _config.yml is then all it takes to turn them on.
    """
    opts = config.html_theme_options
    if opts.get("launch_buttons") and not opts.get("repository_url"):
        opts["launch_buttons"] = {}


def _record_ends_in_footer(app, config):
    """Every page's footer says how far the record runs, computed from data/ at build time
    (:func:`aid2assets.coverage.record_ends_line`), and that the build date is not the data's."""
    from html import escape

    from ..coverage import record_ends_line

    line = (f'<p class="a2a-record-ends">{escape(record_ends_line())} The "last updated" date is the day '
            "this site was built, not the date of the data.</p>")
    opts = config.html_theme_options
    opts["extra_footer"] = (opts.get("extra_footer") or "") + line


class TableMimeRenderer:
    """MyST-NB plugin: render the book's table mime type (:mod:`aid2assets.tables`) as HTML.

    The HTML is a plain, readable table; on pages that hold an interactive one,
    :func:`_add_assets` loads ``_static/a2a/tables.js``, which adds sorting and filters.
    """

    mime_priority_overrides = [(b, TABLE_MIME_TYPE, 1) for b in HTML_BUILDERS]

    @staticmethod
    def handle_mime(renderer, data, inline):
        if data.mime_type != TABLE_MIME_TYPE or inline:
            return None
        return [nodes.raw("", table_html(_mime_payload(data)), format="html")]


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
        # data-label: each cell's column name, shown beside it when a phone stacks the rows (site.css)
        rows.append(f"<tr><th scope='row'><code>{esc(f['name'])}</code></th>"
                    f"<td data-label='Type'>{esc(f.get('type', 'string'))}</td>"
                    f"<td data-label='Unit'>{esc(f.get('unit', ''))}</td><td data-label='Meaning'>{esc(about)}</td>"
                    f"<td data-label='Allowed values'>{esc('; '.join(rules))}</td></tr>")
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
            from ..data import descriptor, load

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

def _bundle_text() -> str:  # kept for the tests and scripts that call it
    return bundle_text()


def _write_static(app, exception):
    """Write the Vega bundle (cached between builds) and stylesheet into ``_static/a2a``."""
    if exception is not None or app.builder.format != "html" or app.config.a2a_print:
        return
    cache = Path(app.doctreedir).parent / "a2a_static"
    cache.mkdir(parents=True, exist_ok=True)
    cached = cache / f"figures-{bundle_key()}.js"
    if not cached.exists():
        cached.write_text(bundle_text(), encoding="utf-8")
    out = Path(app.outdir) / "_static"
    (out / BUNDLE_NAME).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cached, out / BUNDLE_NAME)
    shutil.copyfile(STATIC / "loader.js", out / LOADER_NAME)
    shutil.copyfile(STATIC / "figures.css", out / CSS_NAME)


def _is_thebe(asset) -> bool:
    name = str(getattr(asset, "filename", None) or asset)
    body = (getattr(asset, "attributes", None) or {}).get("body", "")
    return "thebe" in name or "THEBE_JS_URL" in body


def _add_assets(app, pagename, templatename, context, doctree):
    """Load the figure loader only on pages with a figure (it fetches the Vega bundle when a
    figure comes into view), and the table script only on pages with an interactive table;
    drop Thebe's assets.

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
    if any('class="a2a-figure"' in text for text in raw) and not app.config.a2a_print:
        app.add_js_file(LOADER_NAME, defer="defer")
    if any('class="a2a-table"' in text and 'data-interactive="true"' in text for text in raw):
        app.add_js_file(TABLES_JS, type="module")  # sorting and filters (aid2assets.tables)
    if any("a2a-" in text for text in raw):
        app.add_css_file(CSS_NAME)


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
    for key in ("a2a_downloads", "a2a_specs"):
        env.__dict__.get(key, {}).pop(docname, None)


def _merge_downloads(app, env, docnames, other):
    for key in ("a2a_downloads", "a2a_specs"):
        env.__dict__.setdefault(key, {}).update(
            {d: v for d, v in other.__dict__.get(key, {}).items() if d in docnames})


def _write_downloads(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir) / DOWNLOADS
    out.mkdir(parents=True, exist_ok=True)
    for files in app.env.__dict__.get("a2a_downloads", {}).values():
        for filename, text in files.items():
            (out / filename).write_text(text, encoding="utf-8")
    out = Path(app.outdir) / SPECS
    out.mkdir(parents=True, exist_ok=True)
    for files in app.env.__dict__.get("a2a_specs", {}).values():
        for filename, text in files.items():
            (out / filename).write_text(text, encoding="utf-8")


def _tidy_body(app, pagename, templatename, context, doctree):
    """docutils gives bibliography entries the deprecated ARIA role ``doc-biblioentry`` inside
    a ``role="list"``; axe reports the list as having no items (critical). They are list items."""
    if context.get("body"):
        context["body"] = context["body"].replace('role="doc-biblioentry"', 'role="listitem"')


def _unique_exercise_ids(app, doctree, docname):
    """sphinx-exercise gives the body of every exercise and solution the same id
    (``exercise-content``, ``solution-content``); ids must be unique on a page, so each body
    takes its exercise's or solution's label: ``<label>-content``."""
    for section in doctree.findall(nodes.section):
        if section["ids"] not in (["exercise-content"], ["solution-content"]):
            continue
        owner = section.parent
        while owner is not None and not owner.get("ids"):
            owner = owner.parent
        if owner is not None:
            section["ids"] = [f"{owner['ids'][0]}-content"]


def _notebook_for_the_site(app, docname, source):
    """Give MyST-NB each chapter as the site has always read it (:func:`aid2assets.build.markup.site_notebook`).

    The stored notebooks are written for notebook front ends (:mod:`aid2assets.build.markup`):
    citations and glossary terms as links in words, exercises as one-cell blocks, a
    notebook-only heading folding each solution. Here the citations and terms become
    ``{cite:p}`` and ``{term}`` roles again and the exercises gated blocks around their starter
    code, so that sphinxcontrib-bibtex, the glossary and sphinx-exercise render, number, link
    and list them exactly as before.
    """
    if not str(app.env.doc2path(docname)).endswith(".ipynb"):
        return
    import nbformat

    from .markup import site_notebook

    source[0] = nbformat.writes(site_notebook(nbformat.reads(source[0], as_version=4)))


# --- Every page: one search box, the book's site stylesheet, link cards ------------------------

SITE_CSS = "a2a/site.css"          # fixes to the theme on every page (aid2assets/static/site.css)
OG_CARD = "_static/a2a/og-card.png"  # the link card's image, drawn from static/og-card.svg


def _one_search_box(app, config):
    """Keep the sidebar's search field and drop the theme's copy in the top bar.

    pydata-sphinx-theme puts a second search field in the header whenever
    ``navbar_persistent`` is unset; an explicit empty list leaves the header empty.
    """
    config.html_theme_options.setdefault("navbar_persistent", [])


def _link_card_site_url(app, config):
    """Open Graph needs absolute addresses: take the site's address from ``html_baseurl``
    unless ``ogp_site_url`` is set. Without either, :func:`_link_card_tidy` keeps the
    image's address relative to each page (still a local file, never fetched)."""
    if not getattr(config, "ogp_site_url", "") and getattr(config, "html_baseurl", ""):
        config.ogp_site_url = config.html_baseurl.rstrip("/") + "/"


def _link_card_tidy(app, pagename, templatename, context, doctree):
    """Finish sphinxext-opengraph's tags: a description cut at its length limit ends at a
    whole word with an ellipsis; and with no site address, the image is made relative to the
    page (the extension writes it relative to the site's root) and the page's own address,
    a bare path that means nothing on a card, is dropped."""
    import re

    tags = context.get("metatags") or ""
    if 'property="og:' not in tags:
        return
    tags = re.sub(r'(content="[^"]*?)\s+\S*\.\.\." />', lambda m: m.group(1).rstrip(",;:") + '…" />', tags)
    if not app.config.ogp_site_url:
        tags = re.sub(r'<meta property="og:url" content="[^"]*" />\n?', "", tags)
        tags = tags.replace(f'property="og:image" content="{OG_CARD}"',
                            f'property="og:image" content="{html.escape(context["pathto"](OG_CARD, 1))}"')
    context["metatags"] = tags


def _write_site_static(app, exception):
    """Copy the site stylesheet and draw the link card (PNG, 1200x630) into ``_static/a2a``."""
    if exception is not None or app.builder.format != "html":
        return
    import vl_convert as vlc

    out = Path(app.outdir) / "_static" / "a2a"
    out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(STATIC / "site.css", out / "site.css")
    card = vlc.svg_to_png((STATIC / "og-card.svg").read_text(encoding="utf-8"), scale=1)
    (Path(app.outdir) / OG_CARD).write_bytes(card)


def setup(app):
    app.connect("html-page-context", _tidy_body)
    # Figures as numbered targets; figures and exercises numbered chapter by chapter.
    app.add_enumerable_node(a2a_figure, "figure", _figure_title,
                            **{b: (_visit_a2a_figure, _depart_a2a_figure) for b in ("html", "singlehtml", "latex", "text")})
    app.connect("env-get-updated", _book_numbers_back, priority=400)   # before Sphinx's own count
    app.connect("env-get-updated", _chapter_numbers, priority=900)
    app.connect("doctree-resolved", _fill_figure_numbers)
    app.connect("doctree-resolved", _unique_exercise_ids)
    app.connect("source-read", _notebook_for_the_site)
    # True for the print edition (python -m aid2assets.build.printing): figures as images, no script.
    app.add_config_value("a2a_print", False, "env", [bool])
    app.connect("config-inited", _launch_buttons_need_a_repository)
    app.connect("config-inited", _record_ends_in_footer)
    app.connect("builder-inited", _add_print_css)
    app.connect("builder-inited", _singlehtml_node_handlers)
    app.connect("env-updated", _print_assets_per_page)
    app.connect("build-finished", _write_print_static)
    app.connect("doctree-resolved", _student_link)
    app.connect("build-finished", _write_student_notebooks)
    app.connect("env-purge-doc", _purge_downloads)
    app.connect("env-merge-info", _merge_downloads)
    app.connect("build-finished", _write_downloads)
    app.add_directive("a2a-datapackage", _datapackage_directive())
    app.connect("build-finished", _write_static)
    app.connect("html-page-context", _add_assets)
    from . import first_paint

    first_paint.setup(app)   # deferred scripts, trimmed theme stylesheet, subset icon font
    app.connect("build-finished", _write_table_static)
    app.connect("build-finished", _publish_data)
    # One search box, the site stylesheet and link cards (Open Graph, meta description).
    app.setup_extension("sphinxext.opengraph")
    app.connect("config-inited", _one_search_box)
    app.connect("config-inited", _link_card_site_url)
    app.connect("html-page-context", _link_card_tidy, priority=600)  # after sphinxext-opengraph
    app.add_css_file(SITE_CSS)
    app.connect("build-finished", _write_site_static)
    from . import figure_pages

    figure_pages.setup(app)   # figures/<id>.html and the All figures page (issue 24)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
