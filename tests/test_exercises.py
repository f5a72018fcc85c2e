"""Exercises and solutions in the chapter notebooks (sphinx-exercise gated directives).

Checks the notebooks' structure (labels, levels, solutions fenced by solution-start and
solution-end, no later cell depending on a name defined only in a solution), the built HTML
(each solution is a folding admonition, collapsed by default) and, in headless Chromium,
that a solution's text stays hidden until its toggle is activated from the keyboard.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import nbformat
import pytest

from aid2assets.build.markup import site_notebook

REPO = Path(__file__).resolve().parent.parent
CHAPTERS = REPO / "chapters"
SITE = REPO / "_build" / "html"
PREFIX = {"aid_history": "aid", "trade_tariffs": "trade", "minerals": "minerals", "diplomacy": "diplomacy",
          "assets": "assets"}

DIRECTIVE = re.compile(r"^```\{(exercise-start|exercise-end|solution-start|solution-end)\}(.*)$")
OPTION = re.compile(r"^:(\w+):\s*(.*)$")


def directive(cell):
    """(kind, argument, options) for a gated-directive cell, else None."""
    if cell.cell_type != "markdown":
        return None
    lines = cell.source.strip().splitlines()
    m = DIRECTIVE.match(lines[0]) if lines else None
    if not m:
        return None
    options = dict(OPTION.match(line).groups() for line in lines[1:] if OPTION.match(line))
    return m.group(1), m.group(2).strip(), options


def parse(nb_path):
    """The exercises and solutions of a notebook as the site reads it (gated directives:
    aid2assets.build.markup.site_notebook), and each cell's role: 'solution', 'exercise' or None."""
    nb = site_notebook(nbformat.read(nb_path, as_version=4))
    exercises, solutions, roles, problems = [], [], [], []
    state = None
    for i, cell in enumerate(nb.cells):
        d = directive(cell)
        if d is None:
            roles.append(state)
            continue
        kind, arg, options = d
        expected = {"exercise-start": None, "exercise-end": "exercise", "solution-start": None,
                    "solution-end": "solution"}[kind]
        if state != expected:
            problems.append(f"cell {i}: {kind} while inside {state!r}")
        if kind == "exercise-start":
            exercises.append({"label": options.get("label"), "title": arg, "cell": i})
            state = "exercise"
        elif kind == "solution-start":
            solutions.append({"label": options.get("label"), "of": arg, "class": options.get("class", ""), "cell": i})
            state = "solution"
        else:
            state = None
        roles.append("directive")
    if state is not None:
        problems.append(f"the notebook ends inside {state!r}")
    return nb, exercises, solutions, roles, problems


NOTEBOOKS = sorted(CHAPTERS.glob("*.ipynb"))
PARSED = {p.stem: parse(p) for p in NOTEBOOKS}
SUBJECTS = [stem for stem in PREFIX if stem in PARSED]


def test_the_four_subject_chapters_are_checked():
    assert SUBJECTS == list(PREFIX)


@pytest.mark.parametrize("stem", SUBJECTS)
def test_directives_are_well_formed(stem):
    _, exercises, solutions, _, problems = PARSED[stem]
    assert not problems, "\n".join(problems)
    assert exercises and solutions


@pytest.mark.parametrize("stem", SUBJECTS)
def test_every_exercise_has_a_matching_folded_solution(stem):
    _, exercises, solutions, _, _ = PARSED[stem]
    prefix = PREFIX[stem]
    labels = [e["label"] for e in exercises]
    assert labels == [f"{prefix}-ex-{n}" for n in range(1, len(labels) + 1)], labels
    assert [s["of"] for s in solutions] == labels, "each exercise needs one solution, in the same order"
    assert [s["label"] for s in solutions] == [lab.replace("-ex-", "-sol-") for lab in labels]
    for s in solutions:
        assert "dropdown" in s["class"].split(), f"{s['label']} is not folded away (:class: dropdown)"
    for e, s in zip(exercises, solutions):
        assert e["cell"] < s["cell"], f"{s['label']} comes before its exercise"


@pytest.mark.parametrize("stem", SUBJECTS)
def test_three_to_six_graded_exercises(stem):
    _, exercises, _, _, _ = PARSED[stem]
    assert 3 <= len(exercises) <= 6
    levels = []
    for e in exercises:
        m = re.match(r"Level ([123]) · ", e["title"])
        assert m, f"{e['label']}: the title should start with 'Level N · ', not {e['title']!r}"
        levels.append(int(m.group(1)))
    assert set(levels) == {1, 2, 3}
    assert levels == sorted(levels), f"levels should rise through the chapter: {levels}"


@pytest.mark.parametrize("stem", SUBJECTS)
def test_exercises_section_and_discussion_questions(stem):
    nb, exercises, _, _, _ = PARSED[stem]
    text = [c.source for c in nb.cells if c.cell_type == "markdown"]
    heading = next(i for i, t in enumerate(text) if t.startswith("## Exercises"))
    discussion = next(i for i, t in enumerate(text) if t.startswith("### Discussion questions"))
    assert heading < discussion
    questions = re.findall(r"^\d+\. ", text[discussion], flags=re.M)
    assert 3 <= len(questions) <= 4


def test_labels_are_unique_across_the_book():
    labels = [x["label"] for _, ex, sol, _, _ in PARSED.values() for x in ex + sol]
    assert len(labels) == len(set(labels))


def _solution_figure_ids(cell):
    from aid2assets.figures import MIME_TYPE

    for out in cell.get("outputs", []):
        payload = out.get("data", {}).get(MIME_TYPE)
        if payload:
            yield (json.loads(payload) if isinstance(payload, str) else payload)["id"]


@pytest.mark.parametrize("stem", SUBJECTS)
def test_solution_content_stays_between_start_and_end(stem):
    """Solution figures (ids with '-sol-') are made inside a solution, and only there; code in a
    solution is executed, with its outputs stored."""
    nb, _, _, roles, _ = PARSED[stem]
    for cell, role in zip(nb.cells, roles):
        ids = list(_solution_figure_ids(cell)) if cell.cell_type == "code" else []
        if role == "solution":
            assert all("-sol-" in fid for fid in ids), f"a chapter figure inside a solution: {ids}"
            if cell.cell_type == "code":
                assert cell.execution_count is not None, "a solution cell was not executed"
        else:
            assert not any("-sol-" in fid for fid in ids), f"solution figure outside a solution: {ids}"


class Names(ast.NodeVisitor):
    def __init__(self):
        self.bound, self.loaded = set(), set()

    def visit_Name(self, node):
        (self.loaded if isinstance(node.ctx, ast.Load) else self.bound).add(node.id)

    def visit_FunctionDef(self, node):
        self.bound.add(node.name)
        self.generic_visit(node)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_ClassDef(self, node):
        self.bound.add(node.name)
        self.generic_visit(node)

    def visit_alias(self, node):
        self.bound.add((node.asname or node.name).split(".")[0])

    def visit_arg(self, node):
        self.bound.add(node.arg)


def names_in(source):
    visitor = Names()
    visitor.visit(ast.parse(source))
    return visitor.bound, visitor.loaded


@pytest.mark.parametrize("stem", SUBJECTS)
def test_no_cell_outside_a_solution_uses_a_name_defined_only_in_a_solution(stem):
    """Student notebooks drop the solutions; the cells that stay must still run."""
    nb, _, _, roles, _ = PARSED[stem]
    outside, only_in_solutions, problems = set(), set(), []
    for i, (cell, role) in enumerate(zip(nb.cells, roles)):
        if cell.cell_type != "code":
            continue
        bound, loaded = names_in(cell.source)
        if role == "solution":
            only_in_solutions |= bound - outside
        else:
            used = (loaded - bound) & only_in_solutions
            if used:
                problems.append(f"cell {i} uses {sorted(used)}, first defined in a solution")
            outside |= bound
            only_in_solutions -= bound
    assert not problems, "\n".join(problems)


def test_the_name_check_catches_a_dependency():
    bound, loaded = names_in("from x import y as z\nfor k in z: total = k\ndef f(a): return a + w")
    assert {"z", "k", "total", "f", "a"} <= bound and {"z", "k", "a", "w"} <= loaded


# --- The built site ---------------------------------------------------------------------------

def _page(stem):
    path = SITE / "chapters" / f"{stem}.html"
    if not path.exists():
        pytest.fail(f"{path} is missing: build the book first (see README)")
    return path.read_text(encoding="utf-8")


@pytest.mark.site
@pytest.mark.parametrize("stem", SUBJECTS)
def test_built_solutions_are_folding_admonitions_collapsed_by_default(stem):
    """sphinx-exercise writes each solution as <div class="solution dropdown admonition" id=label>;
    sphinx-togglebutton's script folds every `.admonition.dropdown` when the page loads, unless it
    carries `toggle-shown`."""
    from bs4 import BeautifulSoup

    html = _page(stem)
    soup = BeautifulSoup(html, "html.parser")
    _, _, solutions, _, _ = PARSED[stem]
    for s in solutions:
        div = soup.find(id=s["label"])
        assert div is not None, f"{s['label']} is not on the page"
        classes = div.get("class", [])
        assert {"solution", "dropdown", "admonition"} <= set(classes), classes
        assert "toggle-shown" not in classes, f"{s['label']} would be shown unfolded"
        assert div.find(class_="admonition-title"), f"{s['label']} has no title to carry the toggle"
    exercises = soup.select("div.exercise.admonition")
    assert len(exercises) == len(solutions)
    assert soup.find("script", src=re.compile(r"togglebutton\.js")), "sphinx-togglebutton's script is not loaded"
    selector = re.search(r"togglebuttonSelector\s*=\s*'([^']*)'", html)
    assert selector and ".admonition.dropdown" in selector.group(1)


# --- In the browser ---------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("stem", SUBJECTS)
def test_solutions_open_from_the_keyboard_and_stay_hidden_until_then(visit, stem):
    _, _, solutions, _, _ = PARSED[stem]
    visit = visit(f"chapters/{stem}.html")
    page = visit.page
    visit.wait_for_own_figures()
    for s in solutions:
        body = page.locator(f"#{s['label']} > section, #{s['label']} > :not(.admonition-title)").first
        text = body.text_content().strip()   # in the page, though not shown
        assert text, f"{s['label']} has no content"
        assert not body.is_visible(), f"{s['label']} is visible before it is opened"
        button = page.locator(f"#{s['label']} button.toggle-button")
        assert button.get_attribute("aria-expanded") == "false"
        # Reach the toggle with the keyboard: from the link in the solution's title, Tab once.
        page.focus(f"#{s['label']} .admonition-title a")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.classList.contains('toggle-button')"), \
            f"Tab from {s['label']}'s title does not reach its toggle"
        page.keyboard.press("Enter")
        body.wait_for(state="visible", timeout=5_000)
        assert button.get_attribute("aria-expanded") == "true"
        page.keyboard.press("Enter")   # and folds again
        page.wait_for_function(
            "id => getComputedStyle(document.querySelector(`#${id} > section`) || "
            "document.querySelector(`#${id} > :not(.admonition-title)`)).visibility === 'hidden'",
            arg=s["label"], timeout=5_000)
    visit.check_clean()
