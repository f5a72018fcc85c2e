"""Student notebooks: solutions out, answer cells in, outputs cleared, markers checked; and
their place on the built site (one per chapter, linked from the chapter page)."""

from __future__ import annotations

import html.parser
import json
import types
from pathlib import Path

import nbformat
import pytest
import yaml
from toc_support import toc_files

from aid2assets.build.markup import FOLD_TAG, rewrite, site_notebook
from aid2assets.build.student import ANSWER_TEXT, MarkerError, main, solution_blocks, student_notebook

REPO = Path(__file__).resolve().parent.parent
SITE = REPO / "_build" / "html"
CHAPTERS = sorted((REPO / "chapters").glob("*.ipynb"))
md, code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell

START = "```{solution-start} fx-ex-1\n:label: fx-sol-1\n:class: dropdown\n```"
END = "```{solution-end}\n```"


def fixture_notebook():
    """A small chapter in the book's Exercises convention, with outputs stored."""
    shown = code("x = 2\nx * 3")
    shown.outputs = [nbformat.v4.new_output("execute_result", {"text/plain": "6"}, execution_count=1)]
    shown.execution_count = 1
    secret = code("secret_answer = x * 21  # SOLUTION-ONLY-CODE\nprint('SOLUTION-ONLY-OUTPUT')")
    secret.outputs = [nbformat.v4.new_output("stream", name="stdout", text="SOLUTION-ONLY-OUTPUT\n")]
    return nbformat.v4.new_notebook(cells=[
        md("# A fixture chapter"),
        shown,
        md("## Exercises"),
        md("```{exercise-start} Level 1 · Reading\n:label: fx-ex-1\n```"),
        md("What is `x` times 21?"),
        code("# starter code\ny = x"),
        md("```{exercise-end}\n```"),
        md(START),
        md("The answer is 42. SOLUTION-ONLY-TEXT"),
        secret,
        md(END),
        md(":::{exercise} Level 2 · One cell\n:label: fx-ex-2\nDouble it.\n:::"),
        md(":::{solution} fx-ex-2\n:label: fx-sol-2\nSOLUTION-ONLY-SINGLE\n:::"),
        md("## Discussion questions\n\n- Why?"),
        code("print(x + 1)"),
    ])


def text_of(nb) -> str:
    return json.dumps(nb)


def test_solutions_are_replaced_by_answer_cells():
    nb = fixture_notebook()
    student = student_notebook(nb, "fixture.ipynb")
    assert "SOLUTION-ONLY" not in text_of(student)
    sources = [c.source for c in student.cells]
    assert sources.count(ANSWER_TEXT) == 2
    for i, cell in enumerate(student.cells):
        if cell.source == ANSWER_TEXT:
            assert cell.cell_type == "markdown"
            nxt = student.cells[i + 1]
            assert nxt.cell_type == "code" and nxt.source == "" and not nxt.outputs
    # everything outside the solutions is kept, in order, written for notebook front ends
    # (aid2assets.build.markup: each exercise one block with a heading JupyterLab can fold)
    kept = [c.source for c in nb.cells[:3]] + [
        "```{exercise} Level 1 · Reading\n:label: fx-ex-1\n\nWhat is `x` times 21?\n```\n% <h4>Exercise 1 (Level 1 · Reading)</h4>",
        nb.cells[5].source,
        "```{exercise} Level 2 · One cell\n:label: fx-ex-2\n\nDouble it.\n```\n% <h4>Exercise 2 (Level 2 · One cell)</h4>",
    ] + [c.source for c in nb.cells[13:]]
    assert [s for s in sources if s not in (ANSWER_TEXT, "")] == kept
    # outputs cleared; the original is untouched
    assert all(not c.outputs and c.execution_count is None for c in student.cells if c.cell_type == "code")
    assert nb.cells[1].outputs and "SOLUTION-ONLY-OUTPUT" in text_of(nb)
    nbformat.validate(student)
    assert len({c.id for c in student.cells}) == len(student.cells)


def test_a_chapter_without_exercises_is_the_chapter_without_outputs():
    nb = fixture_notebook()
    nb.cells = nb.cells[:2]
    student = student_notebook(nb)
    assert [c.source for c in student.cells] == [c.source for c in nb.cells]
    assert student.cells[1].outputs == []


@pytest.mark.parametrize("cells,index,words", [
    ([md(END)], 0, "solution-end without a solution-start"),
    ([md("x"), md(START), md("answer")], 1, "never closed"),
    ([md(START), md(START), md(END), md(END)], 1, "nested"),
    ([md(START), md(":::{solution} a\nx\n:::"), md(END)], 1, "inside the solution"),
    ([md(START), md("answer"), md(END + "\nMore text after the marker")], 2, "more than the directive"),
    ([md(START + "\nThe answer, in the marker cell")], 0, "more than the directive"),
    ([md("Some words first.\n\n" + START), md(END)], 0, "does not open its cell"),
    ([nbformat.v4.new_raw_cell(START)], 0, "raw cell"),
])
def test_unbalanced_or_misplaced_markers_fail_naming_notebook_and_cell(cells, index, words):
    nb = nbformat.v4.new_notebook(cells=cells)
    with pytest.raises(MarkerError) as err:
        student_notebook(nb, "chapters/broken.ipynb")
    assert f"chapters/broken.ipynb: cell {index}" in str(err.value)
    assert words in str(err.value)


def test_colon_fences_count_as_markers():
    nb = nbformat.v4.new_notebook(cells=[md(":::{solution-start} a\n:label: b\n:::"), md("hidden"),
                                         md(":::{solution-end}\n:::"), md("kept")])
    assert solution_blocks(nb) == [(0, 2)]
    assert [c.source for c in student_notebook(nb).cells] == [ANSWER_TEXT, "", "kept"]


def solution_only_lines(nb) -> set[str]:
    """Lines found in solution cells and nowhere else in the chapter."""
    inside = set()
    for first, last in solution_blocks(nb):
        inside.update(range(first, last + 1))
    lines = lambda cells: {line.strip() for c in cells for line in c.source.splitlines() if line.strip()}
    solution = lines(c for i, c in enumerate(nb.cells) if i in inside)
    public = lines(c for i, c in enumerate(nb.cells) if i not in inside)
    return solution - public


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_no_solution_content_leaks_from_a_chapter(chapter):
    """Works with chapters that have no exercises yet (then the student notebook is the
    chapter without outputs) and with chapters that have them."""
    stored = nbformat.read(chapter, as_version=4)
    student = student_notebook(stored, str(chapter))
    nb = site_notebook(stored)   # the chapter with its solutions gated, as the site reads it
    blocks = solution_blocks(nb)
    student_lines = {line.strip() for c in student.cells for line in c.source.splitlines()}
    leaked = solution_only_lines(nb) & student_lines
    assert not leaked, f"{chapter.name}: solution lines in the student notebook: {sorted(leaked)[:5]}"
    assert all(not c.get("outputs") for c in student.cells)
    assert sum(c.source == ANSWER_TEXT for c in student.cells) == len(blocks)
    assert not [c for c in student.cells if FOLD_TAG in c.metadata.get("tags", []) or "{solution" in c.source]
    # what is left is the chapter outside its solutions, written for notebook front ends like it
    outside = site_notebook(stored)
    outside.cells = [c for i, c in enumerate(outside.cells) if not any(f <= i <= last for f, last in blocks)]
    rewrite(outside, {})
    kept = [c.source for c in student.cells if c.source not in (ANSWER_TEXT, "")]
    assert kept == [c.source for c in outside.cells], f"{chapter.name}: the student notebook is not the chapter outside its solutions"
    if not blocks:
        assert [c.source for c in student.cells] == [c.source for c in stored.cells]


def test_command_line_writes_every_chapter_and_reports_bad_markers(tmp_path, capsys):
    assert main([str(tmp_path / "out")]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [p.name for p in CHAPTERS]
    bad = tmp_path / "bad.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[md(START)]), bad)
    assert main([str(tmp_path / "out"), str(bad)]) == 1
    assert f"{bad}: cell 0" in capsys.readouterr().err


def test_the_build_stops_on_bad_markers(tmp_path):
    from sphinx.errors import ExtensionError

    from aid2assets.build.site import _write_student_notebooks

    bad = tmp_path / "broken.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[md(END)]), bad)
    env = types.SimpleNamespace(found_docs={"chapters/broken", "intro"},
                                doc2path=lambda d: bad if d == "chapters/broken" else tmp_path / "intro.md")
    app = types.SimpleNamespace(builder=types.SimpleNamespace(format="html"), env=env, outdir=str(tmp_path),
                                config=types.SimpleNamespace(a2a_print=False))
    with pytest.raises(ExtensionError, match=r"broken.ipynb: cell 0"):
        _write_student_notebooks(app, None)


# --- the built site ------------------------------------------------------------------------

def toc_chapters() -> list[str]:
    """Docnames in _toc.yml whose source is a notebook."""
    return [f for f in toc_files() if (REPO / f"{f}.ipynb").exists()]


class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self._href, self._attrs = [], None, {}

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._attrs = dict(attrs)
            self._href, self._text = self._attrs.get("href"), ""

    def handle_data(self, data):
        if self._href is not None:
            self._text += data

    def handle_endtag(self, tag):
        if tag == "a" and self._href is not None:
            self.links.append((self._href, " ".join(self._text.split()), self._attrs))
            self._href = None


def page_links(docname):
    page = SITE / f"{docname}.html"
    if not page.exists():
        pytest.fail(f"{page} is missing: build the book first (see README)")
    parser = Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return page, parser.links


def test_toc_lists_the_chapters():
    assert len(toc_chapters()) == len(CHAPTERS) >= 4


@pytest.mark.site
@pytest.mark.parametrize("docname", toc_chapters())
def test_site_has_the_student_notebook_and_links_it(docname):
    page, links = page_links(docname)
    student = [(href, attrs) for href, text, attrs in links
               if text == "Download the student notebook (no solutions)"]
    assert len(student) == 1, f"{page.name}: no student-notebook link"
    href, attrs = student[0]
    target = (page.parent / href).resolve()
    assert target == SITE / "student" / f"{Path(docname).name}.ipynb"
    assert "download" in attrs
    published = nbformat.read(target, as_version=4)
    source = nbformat.read(REPO / f"{docname}.ipynb", as_version=4)
    assert published == student_notebook(source, docname), "the site's student notebook is stale"


@pytest.mark.site
@pytest.mark.parametrize("docname", toc_chapters())
def test_site_offers_the_chapter_notebook_for_download(docname):
    """The theme's download menu links the chapter's .ipynb, which the site carries."""
    page, links = page_links(docname)
    sources = [href for href, _, _ in links if href.endswith(f"_sources/{docname}.ipynb")]
    assert sources, f"{page.name}: no link to the .ipynb source"
    target = (page.parent / sources[0]).resolve()
    assert target.read_bytes() == (REPO / f"{docname}.ipynb").read_bytes()


@pytest.mark.site
def test_launch_buttons_wait_for_a_repository_url():
    """Binder/Colab links appear exactly when _config.yml names the repository."""
    from aid2assets.build.site import _launch_buttons_need_a_repository

    launch = {"binderhub_url": "https://mybinder.org", "colab_url": "https://colab.research.google.com"}
    empty = types.SimpleNamespace(html_theme_options={"repository_url": "", "launch_buttons": dict(launch)})
    _launch_buttons_need_a_repository(None, empty)
    assert empty.html_theme_options["launch_buttons"] == {}
    named = types.SimpleNamespace(html_theme_options={"repository_url": "https://github.com/o/r",
                                                      "launch_buttons": dict(launch)})
    _launch_buttons_need_a_repository(None, named)
    assert named.html_theme_options["launch_buttons"] == launch

    config = yaml.safe_load((REPO / "_config.yml").read_text(encoding="utf-8"))
    options = config["sphinx"]["config"]["html_theme_options"]
    repo = options.get("repository_url", "").rstrip("/")
    for docname in toc_chapters():
        _, links = page_links(docname)
        launch_links = [href for href, _, _ in links if href.startswith(tuple(launch.values()))]
        if not repo:
            assert not launch_links, f"{docname}: launch links without a repository: {launch_links}"
        else:
            org_repo = "/".join(repo.split("/")[-2:])
            assert len(launch_links) == 2 and all(org_repo in href for href in launch_links), launch_links
