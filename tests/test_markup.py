"""Chapter markdown in notebook front ends: dollars stay dollars, solutions fold, references
carry their words (aid2assets.markup), for every chapter and every student notebook."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from aid2assets.markup import escape_dollars, fold_solutions, main, name_references, unescaped_dollars
from aid2assets.student import student_notebook

REPO = Path(__file__).resolve().parent.parent
CHAPTERS = sorted((REPO / "chapters").glob("*.ipynb"))


def notebooks():
    for path in CHAPTERS:
        nb = nbformat.read(path, as_version=4)
        yield f"chapters/{path.name}", nb
        yield f"student/{path.name}", student_notebook(nb, path.name)


@pytest.mark.parametrize("name,nb", list(notebooks()), ids=lambda x: x if isinstance(x, str) else "")
def test_no_dollar_sign_a_front_end_would_read_as_math(name, nb):
    found = [(i, where) for i, cell in enumerate(nb.cells) if cell.cell_type == "markdown"
             for where in unescaped_dollars(cell.source)]
    assert not found, (f"{name}: {len(found)} unescaped $ (JupyterLab, Colab and GitHub typeset the text "
                       f"between two as TeX); run python -m aid2assets.markup chapters/*.ipynb. First: {found[:3]}")


def test_the_chapters_need_no_rewrite():
    """Running the rewrite again changes nothing (it is idempotent, and has been run)."""
    assert main(["--check", *map(str, CHAPTERS)]) == 0


@pytest.mark.parametrize("text,escaped", [
    ("obligations of $1.24 billion but disbursements of $0.77 billion",
     r"obligations of \$1.24 billion but disbursements of \$0.77 billion"),
    (r"already \$5, now $6", r"already \$5, now \$6"),
    ("code `x = '$1'` stays, $2 does not", r"code `x = '$1'` stays, \$2 does not"),
    ("```python\nprint('$3')\n```\n$4", "```python\nprint('$3')\n```\n\\$4"),
    ("```{admonition} Costs $5\n:class: note\nabout $6 and `$7`\n```", "```{admonition} Costs \\$5\n:class: note\nabout \\$6 and `$7`\n```"),
    ("{term}`$ <Dollar>` and $8", "{term}`$ <Dollar>` and \\$8"),
])
def test_escape_dollars(text, escaped):
    assert escape_dollars(text) == escaped
    assert escape_dollars(escaped) == escaped
    assert unescaped_dollars(escaped) == []
    assert unescaped_dollars(text)  # the test can fail


def test_solutions_fold_and_unfold():
    md, code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    nb = nbformat.v4.new_notebook(cells=[
        md("```{solution-start} x-ex-1\n:label: x-sol-1\n:class: dropdown\n```"), md("Answer"), code("1 + 1"),
        md("```{solution-end}\n```"), code("2 + 2")])
    nb.cells[4].metadata["jupyter"] = {"source_hidden": True}   # left over from an old solution
    assert fold_solutions(nb) == 3
    assert nb.cells[1].metadata["jupyter"] == {"source_hidden": True}
    assert nb.cells[2].metadata["jupyter"] == {"source_hidden": True, "outputs_hidden": True}
    assert "jupyter" not in nb.cells[0].metadata and "jupyter" not in nb.cells[4].metadata
    assert fold_solutions(nb) == 0


def test_every_chapter_solution_is_folded():
    for path in CHAPTERS:
        nb = nbformat.read(path, as_version=4)
        assert fold_solutions(nb) == 0, f"{path.name}: run python -m aid2assets.markup {path}"


def test_bare_references_get_their_sections_words():
    labels = {"trade-lowest-claim": '"The lowest among South Asian nations"?'}
    text = "see {ref}`trade-lowest-claim` and {ref}`Own words <trade-lowest-claim>` and {ref}`unknown`"
    assert name_references(text, labels) == (
        'see {ref}`"The lowest among South Asian nations"? <trade-lowest-claim>` and '
        "{ref}`Own words <trade-lowest-claim>` and {ref}`unknown`")
