"""The notebook edition in a real client: every chapter, and one student notebook, opened in
JupyterLab (started here on 127.0.0.1 and stopped afterwards) in headless Chromium with every
request that leaves the server refused and failing the test.

For each notebook, on opening: no raw MyST markup in the rendered markdown ({term}, {cite,
{doc}, {ref}, :label: or :class: lines), no math typeset in the prose, every exercise's title
shown as one box (no "Start of Exercise"/"End of Exercise" or "Start of Solution" boxes), citations in words (an
author and a year, never a bibliography key), and every worked solution folded: its cells
hidden under a collapsed heading, a solution without code a closed dropdown. Then Run All:
every figure outside a solution is drawn live by Vega (an SVG from the book's bundle, through
the anywidget view) with its caption and data download, every bound control of every book
figure changes its chart, and every solution is still folded. Last, each folded solution is
opened as a reader would (its "cells hidden" button): its cells show, and its figures draw.
The console must stay free of errors and warnings, except jupyterlab-myst's notice that a
cross-reference to another chapter's section has no target inside the notebook, checked
label by label against the chapters.

The notebooks are copied into a temporary folder first, so that nothing JupyterLab saves can
touch the repository. About 4 minutes on the 2-core development machine (3 min 45 s for the
nine notebooks).
"""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import nbformat
import pytest

from aid2assets.figures import MIME_TYPE
from aid2assets.build.markup import FOLD_LEVEL, FOLD_TAG, bibliography, heading_level, site_markdown
from aid2assets.build.student import write_student_notebook
from jupyterlab_support import TOKEN, jupyterlab
from site_support import operate, refuse_outside

pytestmark = pytest.mark.jupyterlab

REPO = Path(__file__).resolve().parent.parent
CHAPTERS = sorted((REPO / "chapters").glob("*.ipynb"))
STUDENT = "aid_history"  # the student notebook opened too
NOTEBOOKS = [f"chapters/{p.name}" for p in CHAPTERS] + [f"student/{STUDENT}.ipynb"]
TIMINGS: dict[str, float] = {}

RAW_MYST = re.compile(r"\{term\}|\{cite|\{doc\}|\{ref\}|\{exercise|\{solution|^\s*:(label|class):", re.M)
MYST_XREF = re.compile(r"^Cross reference target was not found: (.+)$")
GATED_BOX = re.compile(r"Start of Exercise|End of Exercise|Start of Solution|End of Solution")
CITE = re.compile(r"\{cite(?::[pt])?\}`([^`]+)`")


def book_targets() -> set[str]:
    """What jupyterlab-myst cannot resolve inside one notebook but the site does: section and
    exercise labels of other chapters. (Glossary terms are links to glossary.md: no notice.)"""
    targets = set()
    for p in CHAPTERS:
        for cell in nbformat.read(p, as_version=4).cells:
            if cell.cell_type == "markdown":
                targets.update(re.findall(r"^\(([\w-]+)\)=", cell.source, re.M))
                targets.update(re.findall(r"^:label:\s*([\w-]+)", cell.source, re.M))
    return targets


def expected(nb_path: Path):
    """What the stored notebook should show: figure ids outside solutions, figure ids inside
    them, exercise titles, solution folds (heading cell, the cells it hides), one-cell
    solutions, and the bibliography keys its citations name.

    A student notebook has no outputs: its figures are those of its chapter outside solutions.
    """
    nb = nbformat.read(nb_path, as_version=4)
    found = _walk(nb)
    if nb_path.parent.name == "student":
        found["figures"] = expected(REPO / "chapters" / nb_path.name)["figures"]
    return found


def _walk(nb):
    """A fold heading hides the cells after it up to the next heading (as in JupyterLab); a
    gated solution with no heading before it (the older form) is listed too, to fail by name."""
    found = {"figures": [], "solution_figures": [], "titles": [], "folds": {}, "dropdowns": 0, "keys": set()}
    fold, gated = None, False
    for i, cell in enumerate(nb.cells):
        kind = None
        if cell.cell_type == "markdown":
            found["keys"].update(k.strip() for m in CITE.findall(site_markdown(cell.source)) for k in m.split(","))
            m = re.match(r"^`{3,}\{(exercise|exercise-start|solution|solution-start|solution-end)\}[ \t]*(.*)", cell.source)
            kind = m.group(1) if m else None
            if kind in ("exercise", "exercise-start"):
                found["titles"].append(m.group(2).strip())
            if kind == "solution":
                found["dropdowns"] += 1
            level = heading_level(cell.source)
            if fold is not None and not gated and level is not None and level <= FOLD_LEVEL:
                fold = None
            if FOLD_TAG in cell.metadata.get("tags", []):
                fold = i
                found["folds"][fold] = []
                continue
            if kind == "solution-start":
                fold, gated = -i, True
                found["folds"][fold] = []
        if fold is not None:
            found["folds"][fold].append(i)
        for out in cell.get("outputs", []):
            payload = out.get("data", {}).get(MIME_TYPE)
            if payload:
                found["solution_figures" if fold is not None else "figures"].append("fig-" + payload["id"])
        if kind == "solution-end":
            fold, gated = None, False
    return found


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


FOLDS = f"""folds => folds.map(([h, cells]) => {{
    const w = {NOTEBOOK}.widgets;
    return [h, h >= 0 && w[h].headingCollapsed, cells.filter(i => !w[i].isHidden)] }})"""
DROPDOWNS = """() => [...document.querySelectorAll('.jp-MarkdownCell details')]
    .filter(d => /^\\s*Solution to/.test((d.querySelector('summary') || {}).textContent || ''))
    .map(d => d.open)"""
DRAWN = """ids => ids.every(id => { const f = document.querySelector(`.jp-OutputArea #${id}`);
    return f && f.dataset.rendered === 'true' })"""


def assert_folded(page, path, found, when):
    open_folds = [(h, collapsed, shown) for h, collapsed, shown in page.evaluate(FOLDS, list(found["folds"].items()))
                  if not collapsed or shown]
    assert not open_folds, f"{path}, {when}: worked solutions shown (heading cell, collapsed, cells shown): {open_folds}"
    dropdowns = page.evaluate(DROPDOWNS)
    assert len(dropdowns) == found["dropdowns"] and not any(dropdowns), \
        f"{path}, {when}: one-cell solutions should be closed dropdowns: {dropdowns}, expected {found['dropdowns']}"


@pytest.mark.parametrize("path", NOTEBOOKS)
def test_notebook_in_jupyterlab(lab, browser, path):
    base, root = lab
    found = expected(root / path)
    figures, titles = found["figures"], found["titles"]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    console = []
    refused = refuse_outside(context, base + "/", also=("data:", "blob:"))
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

        # -- As opened: MyST rendered, no math, titles shown, citations in words, folded -------
        text = rendered_markdown(page, titles)
        raw = sorted(set(m.group(0).strip() for m in RAW_MYST.finditer(text)))
        assert not raw, f"{path}: raw MyST shown: {raw}"
        maths = page.eval_on_selector_all(
            ".jp-Notebook .jp-MarkdownCell .myst :is(.math, .katex, mjx-container, .MathJax, .math-inline, .math-display)",
            "els => els.map(e => e.textContent.slice(0, 40))")
        assert not maths, f"{path}: prose typeset as math: {maths[:5]}"
        missing = [t for t in titles if plain(t) not in plain(text)]
        assert not missing, f"{path}: exercise titles not shown: {missing}"
        # each exercise's box shows the book's number (its :enumerator:, aid2assets.build.markup)
        from aid2assets.numbering import targets as book_numbering

        numbers = [t.words for t in book_numbering().values()
                   if t.kind == "exercise" and t.docname == f"chapters/{Path(path).stem}"]
        # (a box's title reads "Exercise 3.1 (Level 1 ...)"; a fold heading "Solution to Exercise 3.1")
        shown = [w for w in numbers if re.search(re.escape(w) + r"\s*\(", text)]
        assert numbers and shown == numbers, f"{path}: exercise numbers shown {shown}, not {numbers}"
        gated = sorted(set(GATED_BOX.findall(text)))
        assert not gated, f"{path}: exercises or solutions drawn as gated boxes: {gated}"
        bib = bibliography()
        assert found["keys"] or path.startswith("student/"), f"{path}: no citation found"
        keys_shown = sorted(k for k in found["keys"] if k in text)
        assert not keys_shown, f"{path}: citations shown as bibliography keys: {keys_shown[:5]}"
        unnamed = sorted(k for k in found["keys"] if plain(f"{bib[k][0]}, {bib[k][1]}") not in plain(text))
        assert not unnamed, f"{path}: citations without their author and year: {unnamed[:5]}"
        assert_folded(page, path, found, "on opening")
        if path.startswith("student/"):
            assert not found["folds"] and not found["dropdowns"] and not found["solution_figures"], \
                "a student notebook holds no solution"

        # -- Run All: every figure outside a solution drawn live; solutions still folded ------
        start = time.monotonic()
        page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
        page.wait_for_function(DRAWN, arg=figures, timeout=300_000)
        page.wait_for_function(f"() => {NOTEBOOK}.widgets.every(c => c.model.type !== 'code' || "
                               "c.model.executionState !== 'running') && "
                               "window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.status === 'idle'",
                               timeout=300_000)
        TIMINGS[path] = time.monotonic() - start
        drawn = page.eval_on_selector_all(".jp-OutputArea figure.a2a-figure", "els => els.map(f => [f.id, f.dataset.rendered])")
        assert {fid for fid, r in drawn if r == "true"} >= set(figures), f"{path}: figures drawn {drawn}"
        errors = page.evaluate("[...document.querySelectorAll('.jp-OutputArea-output[data-mime-type=\"application/vnd.jupyter.stderr\"]')].map(e => e.textContent)")
        assert not errors, f"{path}: a cell wrote to stderr: {errors[:2]}"
        for fid in figures:
            check_figure(page, fid)
        assert_folded(page, path, found, "after Run All")

        # -- Every bound control of every book figure changes its chart ------------------------
        for fid in (f for f in figures if not f.startswith("fig-sketch-")):
            check_controls(page, f".jp-OutputArea #{fid}", fid)

        # -- A reader opens each solution: its cells show, its figures draw ---------------------
        for heading, cells in found["folds"].items():
            assert heading >= 0, f"{path}: the solution at cell {-heading} has no heading to fold it"
            button = page.evaluate_handle(f"{NOTEBOOK}.widgets[{heading}].node.querySelector('.jp-showHiddenCellsButton')").as_element()
            assert button, f"{path}: cell {heading} has no 'cells hidden' button"
            button.scroll_into_view_if_needed()
            button.click()
            (h, collapsed, shown), = page.evaluate(FOLDS, [[heading, cells]])
            assert not collapsed and sorted(shown) == sorted(cells), f"{path}: solution at cell {heading} did not open"
        page.wait_for_function(DRAWN, arg=found["solution_figures"], timeout=60_000)
        for fid in found["solution_figures"]:
            check_figure(page, fid)
            check_controls(page, f".jp-OutputArea #{fid}", fid)
    finally:
        context.close()
    assert not refused, f"{path}: requests left the local server: {refused}"
    bad = unexpected_console(console, book_targets())
    assert not bad, f"{path}: console errors or warnings: {bad[:3]}"


def check_figure(page, fid):
    sel = f".jp-OutputArea #{fid}"
    assert page.eval_on_selector_all(f"{sel} .a2a-chart svg.marks", "e => e.length") == 1, f"{fid}: no SVG"
    assert page.eval_on_selector(f"{sel} .a2a-source", "e => e.textContent").startswith("Source:")
    assert page.eval_on_selector(f"{sel} a.a2a-download", "a => a.href.startsWith('data:text/csv')")
    # laid out for the output area by the site's own code (embed.js): not wider than its box
    over = page.eval_on_selector(
        sel, "f => f.querySelector('.a2a-chart svg.marks').getBoundingClientRect().right"
             " - f.querySelector('.a2a-chart').getBoundingClientRect().right")
    assert over <= 0.5, f"{fid}: the chart runs {over:.0f} px past its box in JupyterLab"


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
