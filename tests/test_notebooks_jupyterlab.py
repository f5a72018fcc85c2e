"""The notebook edition in a real client: every chapter, and one student notebook, opened in
JupyterLab (started here on 127.0.0.1 and stopped afterwards) in headless Chromium with every
request that leaves the server refused and failing the test.

For each notebook, on opening: no raw MyST markup in the rendered markdown ({term}, {cite,
{doc}, {ref}, :label: or :class: lines), no math typeset in the prose, every exercise's title
shown and every worked solution folded. Then Run All: every figure the stored notebook holds
is drawn live by Vega (an SVG from the book's bundle, through the anywidget view) with its
caption and data download, and every bound control of every book figure changes its chart.
The console must stay free of errors and warnings, except jupyterlab-myst's notice that a
glossary term has no target inside the notebook (the glossary is a page of the site: the term
is still shown, as a link-styled word), checked term by term against glossary.md.

The notebooks are copied into a temporary folder first, so that nothing JupyterLab saves can
touch the repository. About 4 minutes on the 2-core development machine.
"""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import nbformat
import pytest

from aid2assets.figures import MIME_TYPE
from aid2assets.student import write_student_notebook
from jupyterlab_support import TOKEN, jupyterlab
from test_site_browser import browser, operate  # noqa: F401  (the site's browser fixture and its way of operating a control)

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parent.parent
CHAPTERS = sorted((REPO / "chapters").glob("*.ipynb"))
STUDENT = "aid_history"  # the student notebook opened too
NOTEBOOKS = [f"chapters/{p.name}" for p in CHAPTERS] + [f"student/{STUDENT}.ipynb"]
TIMINGS: dict[str, float] = {}

RAW_MYST = re.compile(r"\{term\}|\{cite|\{doc\}|\{ref\}|\{exercise|\{solution|^\s*:(label|class):", re.M)
MYST_XREF = re.compile(r"^Cross reference target was not found: (.+)$")


def book_targets() -> set[str]:
    """What jupyterlab-myst cannot resolve inside one notebook but the site does: glossary
    terms (``term-<name>``) and section and exercise labels of other chapters."""
    from test_bibliography_glossary import glossary_terms

    targets = {f"term-{t.lower()}" for t in glossary_terms()}
    for p in CHAPTERS:
        for cell in nbformat.read(p, as_version=4).cells:
            if cell.cell_type == "markdown":
                targets.update(re.findall(r"^\(([\w-]+)\)=", cell.source, re.M))
                targets.update(re.findall(r"^:label:\s*([\w-]+)", cell.source, re.M))
    return targets


def expected(nb_path: Path):
    """Figure ids the stored notebook shows, exercise titles, and the cells inside solutions.

    A student notebook has no outputs: its figures are those of its chapter outside solutions.
    """
    nb = nbformat.read(nb_path, as_version=4)
    if nb_path.parent.name == "student":
        chapter_figures, _, _, in_solutions = expected(REPO / "chapters" / nb_path.name)
        _, titles, folded, _ = _walk(nb)
        return [f for f in chapter_figures if f not in in_solutions], titles, folded, []
    return _walk(nb)


def _walk(nb):
    figures, titles, folded, inside, solution_figures = [], [], [], False, []
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            payload = out.get("data", {}).get(MIME_TYPE)
            if payload:
                figures.append("fig-" + payload["id"])
                if inside:
                    solution_figures.append("fig-" + payload["id"])
        if cell.cell_type == "markdown":
            m = re.match(r"^```\{(exercise-start|solution-start|solution-end)\}\s*(.*)", cell.source)
            if m and m.group(1) == "exercise-start":
                titles.append(m.group(2).strip())
            if m:
                inside = m.group(1) == "solution-start"
                continue
        if inside:
            folded.append(i)
    return figures, titles, folded, solution_figures


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    root = tmp_path_factory.mktemp("notebooks")
    (root / "chapters").mkdir()
    for p in CHAPTERS:
        shutil.copyfile(p, root / "chapters" / p.name)
    write_student_notebook(REPO / "chapters" / f"{STUDENT}.ipynb", root / "student")
    with jupyterlab(root, tmp_path_factory.mktemp("jupyterlab")) as base:
        yield base, root
    if TIMINGS:
        print("\nRun All to last chart drawn: "
              + ", ".join(f"{k} {v:.1f} s" for k, v in TIMINGS.items()))



def unexpected_console(messages, targets):
    bad = []
    for kind, text in messages:
        if kind == "error":
            lines = text.splitlines()
            unknown = [ln for ln in lines if not (MYST_XREF.match(ln) and MYST_XREF.match(ln).group(1) in targets)]
            if unknown:
                bad.append(text)
        elif kind == "warning":
            bad.append(text)
    return bad


NOTEBOOK = "window.jupyterapp.shell.currentWidget.content"


@pytest.mark.parametrize("path", NOTEBOOKS)
def test_notebook_in_jupyterlab(lab, browser, path):
    base, root = lab
    figures, titles, folded, _ = expected(root / path)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    refused, console = [], []

    def route(r):
        if r.request.url.startswith(base + "/") or r.request.url.startswith(("data:", "blob:")):
            r.continue_()
        else:
            refused.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("console", lambda m: console.append((m.type, m.text)))
    page.on("pageerror", lambda e: console.append(("error", f"pageerror: {e}")))
    try:
        # a workspace of its own, so that JupyterLab does not reopen the previous notebooks
        page.goto(f"{base}/lab/workspaces/{Path(path).parent.name}-{Path(path).stem}/tree/{path}?token={TOKEN}")
        page.wait_for_function(
            "() => { const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;"
            " const k = w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel;"
            " return k && k.status === 'idle' && w.content.widgets.length > 0 }", timeout=120_000)

        # -- As opened: MyST rendered, no math, titles shown, solutions folded -----------------
        text = rendered_markdown(page, titles)
        raw = sorted(set(m.group(0).strip() for m in RAW_MYST.finditer(text)))
        assert not raw, f"{path}: raw MyST shown: {raw}"
        maths = page.eval_on_selector_all(
            ".jp-Notebook .jp-MarkdownCell .myst :is(.math, .katex, mjx-container, .MathJax, .math-inline, .math-display)",
            "els => els.map(e => e.textContent.slice(0, 40))")
        assert not maths, f"{path}: prose typeset as math: {maths[:5]}"
        missing = [t for t in titles if plain(t) not in plain(text)]
        assert not missing, f"{path}: exercise titles not shown: {missing}"
        state = page.evaluate(f"{NOTEBOOK}.widgets.map(c => [c.inputHidden, c.model.type === 'code' ? c.outputHidden : true])")
        open_cells = [i for i in folded if state[i] != [True, True]]
        assert not open_cells, f"{path}: cells of worked solutions shown unfolded: {[(i, state[i]) for i in open_cells]}"
        if path.startswith("student/"):
            assert not folded, "a student notebook holds no solution"

        # -- Run All: every figure drawn live --------------------------------------------------
        start = time.monotonic()
        page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
        n = len(figures)
        page.wait_for_function(
            f"document.querySelectorAll('.jp-OutputArea figure.a2a-figure[data-rendered]').length >= {n} &&"
            " [...document.querySelectorAll('.jp-OutputArea figure.a2a-figure')].every(f => f.dataset.rendered !== 'pending')",
            timeout=300_000)
        TIMINGS[path] = time.monotonic() - start
        drawn = page.eval_on_selector_all(".jp-OutputArea figure.a2a-figure", "els => els.map(f => [f.id, f.dataset.rendered])")
        assert sorted(fid for fid, r in drawn if r == "true") == sorted(figures), f"{path}: figures drawn {drawn}"
        errors = page.evaluate("[...document.querySelectorAll('.jp-OutputArea-output[data-mime-type=\"application/vnd.jupyter.stderr\"]')].map(e => e.textContent)")
        assert not errors, f"{path}: a cell wrote to stderr: {errors[:2]}"
        for fid in figures:
            sel = f".jp-OutputArea #{fid}"
            assert page.eval_on_selector_all(f"{sel} .a2a-chart svg.marks", "e => e.length") == 1, f"{fid}: no SVG"
            assert page.eval_on_selector(f"{sel} .a2a-source", "e => e.textContent").startswith("Source:")
            assert page.eval_on_selector(f"{sel} a.a2a-download", "a => a.href.startsWith('data:text/csv')")

        # -- Every bound control of every book figure changes its chart ------------------------
        for fid in (f for f in figures if not f.startswith("fig-sketch-")):
            check_controls(page, f".jp-OutputArea #{fid}", fid)
    finally:
        context.close()
    assert not refused, f"{path}: requests left the local server: {refused}"
    bad = unexpected_console(console, book_targets())
    assert not bad, f"{path}: console errors or warnings: {bad[:3]}"


def plain(text: str) -> str:
    """Text with MyST's typographic quotes made plain and white space collapsed."""
    return " ".join(text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"')
                    .replace("\u201d", '"').split())


def rendered_markdown(page, titles, timeout=90):
    """The text of every shown markdown cell, once jupyterlab-myst has rendered them all.

    JupyterLab renders markdown cells a few at a time after the notebook opens; wait until
    the text holds every exercise title and has stopped changing.
    """
    script = (f"{NOTEBOOK}.widgets.filter(c => c.model.type === 'markdown' && !c.inputHidden)"
              ".map(c => { const m = c.node.querySelector('.myst'); return m ? m.textContent : '' }).join('\\n')")
    deadline, last = time.monotonic() + timeout, None
    while True:
        text = page.evaluate(script)
        if text == last and all(plain(t) in plain(text) for t in titles):
            return text
        if time.monotonic() > deadline:
            return text
        last = text
        page.wait_for_timeout(1000)


def check_controls(page, sel, fid):
    controls = page.query_selector_all(f"{sel} .vega-bindings input, {sel} .vega-bindings select")
    if not controls:
        return
    page.eval_on_selector(sel, "f => f.scrollIntoView()")
    state = lambda: page.eval_on_selector_all(  # noqa: E731
        f"{sel} .vega-bindings input, {sel} .vega-bindings select",
        "els => els.map(e => e.type === 'radio' || e.type === 'checkbox' ? e.checked : e.value)")
    initial = state()
    for control in controls:
        kind = control.get_attribute("type") or control.evaluate("e => e.tagName.toLowerCase()")
        if kind == "radio" and control.is_checked():
            continue
        label = control.evaluate("e => e.closest('.vega-bind').textContent.trim()")
        default = control.evaluate_handle(
            "e => e.closest('.vega-bind').querySelector('input:checked, input, select')").as_element()
        before = page.eval_on_selector(f"{sel} .a2a-chart svg", "svg => svg.outerHTML")
        operate(page, control, kind)
        try:
            page.wait_for_function("([sel, before]) => document.querySelector(`${sel} .a2a-chart svg`).outerHTML !== before",
                                   arg=[sel, before], timeout=5_000)
        except Exception:
            pytest.fail(f"{fid}: operating {kind} '{label}' did not change the chart in JupyterLab")
        if kind == "radio":
            default.focus()
            page.keyboard.press("Space")
        else:
            operate(page, control, kind, forward=False)
        assert state() == initial, f"{fid}: could not put '{label}' back"
