"""Chapter markdown in notebook front ends (aid2assets.build.markup), for every chapter and every
student notebook: dollars stay dollars; exercises are one-cell blocks; worked solutions fold
under a collapsed, notebook-only heading; citations and glossary terms are links in words that
the site turns back into the same roles; references carry their words."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from aid2assets.build.markup import (FOLD_TAG, cite_text, escape_dollars, main, name_references, readable_roles, rewrite,
                               heading_level, section_labels, site_markdown, site_notebook, unescaped_dollars)
from aid2assets.build.student import student_notebook

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
                       f"between two as TeX); run python -m aid2assets.build.markup chapters/*.ipynb. First: {found[:3]}")


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


md, code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell


def gated_chapter():
    return nbformat.v4.new_notebook(cells=[
        md("## Exercises"),
        md("```{exercise-start} Level 1 · Reading\n:label: x-ex-1\n```"), md("Read the figure."),
        md("```{exercise-end}\n```"),
        md("```{solution-start} x-ex-1\n:label: x-sol-1\n:class: dropdown\n```"), md("Answer"), code("1 + 1"),
        md("```{solution-end}\n```"),
        md("```{exercise-start} Level 2 · Changing\n:label: x-ex-2\n```"), md("Change the cell below."), code("x = 1"),
        md("```{exercise-end}\n```"),
        md("```{solution-start} x-ex-2\n:label: x-sol-2\n:class: dropdown\n```"), md("In words only."),
        md("```{solution-end}\n```"),
        md("### Discussion questions")])


def test_exercises_become_blocks_and_solutions_fold():
    nb = gated_chapter()
    nb.cells[6].metadata["jupyter"] = {"source_hidden": True, "outputs_hidden": True}  # the old folding
    assert rewrite(nb, bib={}) > 0
    sources = [c.source for c in nb.cells]
    assert sources[1] == ("```{exercise} Level 1 · Reading\n:label: x-ex-1\n\nRead the figure.\n```\n"
                          "% <h4>Exercise 1 (Level 1 · Reading)</h4>")
    fold = nb.cells[2]
    assert fold.source == "##### Solution to Exercise 1" and fold.id == nb.cells[2].id
    assert fold.metadata == {"jp-MarkdownHeadingCollapsed": True, "tags": [FOLD_TAG], "aid2assets": {
        "solution-start": "```{solution-start} x-ex-1\n:label: x-sol-1\n:class: dropdown\n```"}}
    assert sources[3:5] == ["Answer", "1 + 1"]   # the solution, up to the next heading: no end marker
    assert "jupyter" not in nb.cells[4].metadata
    assert sources[5].startswith("```{exercise} Level 2 · Changing\n:label: x-ex-2\n\nChange the cell below.\n```\n% <h4>")
    assert sources[6] == "x = 1"   # the starter code stays a cell, just after its exercise
    assert sources[7] == "```{solution} x-ex-2\n:label: x-sol-2\n:class: dropdown\n\nIn words only.\n```"
    assert sources[8] == "### Discussion questions" and len(nb.cells) == 9
    assert rewrite(nb, bib={}) == 0   # idempotent
    site = [c.source for c in site_notebook(nb).cells]
    assert site == [c.source for c in gated_chapter().cells]   # the site reads what the author wrote
    student = student_notebook(nb, "x")
    assert not [c for c in student.cells if FOLD_TAG in c.metadata.get("tags", [])]
    assert not [c for c in student.cells if "Answer" in c.source or "{solution" in c.source or c.source == "1 + 1"]
    assert sum("**Your answer.**" in c.source for c in student.cells) == 2


@pytest.mark.parametrize("source,level", [
    ("## Exercises", 2), ("```{exercise} T\n:label: a\n\nbody\n```\n% <h4>Exercise 1 (T)</h4>", 4),
    ("```python\n# a comment, not a heading\n```", None), ("Title\n---", 2), ("plain prose", None),
    ("```{note}\n## inside a fence\n```", None), ("##### Solution to Exercise 1", 5),
])
def test_heading_level_as_jupyterlab_sees_it(source, level):
    assert heading_level(source) == level


def test_a_solution_must_end_before_a_heading():
    nb = gated_chapter()
    nb.cells.insert(8, md("Some prose that the fold would swallow."))
    with pytest.raises(ValueError, match="must be a heading or an exercise"):
        rewrite(nb, bib={})
    nb = gated_chapter()
    nb.cells.insert(6, md("#### A heading inside a solution"))
    with pytest.raises(ValueError, match="a heading inside a worked solution"):
        rewrite(nb, bib={})


BIB = {"a-2013": ("Epstein and Kronstadt", "2013"), "b-2014": ("Office of the Historian, US Department of State", "2014")}


@pytest.mark.parametrize("role,readable", [
    ("{cite:p}`a-2013`", "[(Epstein and Kronstadt, 2013)](../references.md#cite:p=a-2013)"),
    ("{cite:p}`a-2013,b-2014`",
     "[(Epstein and Kronstadt, 2013; Office of the Historian, US Department of State, 2014)](../references.md#cite:p=a-2013,b-2014)"),
    ("{cite:t}`a-2013`", "[Epstein and Kronstadt (2013)](../references.md#cite:t=a-2013)"),
    ("{term}`appropriates <Appropriation>`", "[appropriates](../glossary.md#term-Appropriation)"),
    ("{term}`Constant dollars`", "[Constant dollars](../glossary.md#term-Constant%20dollars)"),
    ("{term}`US$ <Dollar>`", "[US$](../glossary.md#term-Dollar)"),
])
def test_citations_and_terms_read_in_words_and_the_site_gets_its_roles_back(role, readable):
    assert readable_roles(f"see {role}.", BIB) == f"see {readable}."
    assert site_markdown(escape_dollars(readable_roles(f"see {role}.", BIB))) == f"see {role}."
    assert readable_roles("```python\nx = '{cite:p}`a-2013`'\n```", BIB) == "```python\nx = '{cite:p}`a-2013`'\n```"


def test_a_citation_of_an_unknown_work_stops_the_rewrite():
    with pytest.raises(ValueError, match="nowhere: no such entry in references.bib"):
        cite_text("a-2013,nowhere", "p", BIB)


def test_bare_references_get_their_sections_words():
    labels = {"trade-lowest-claim": '"The lowest among South Asian nations"?'}
    text = "see {ref}`trade-lowest-claim` and {ref}`Own words <trade-lowest-claim>` and {ref}`unknown`"
    assert name_references(text, labels) == (
        'see {ref}`"The lowest among South Asian nations"? <trade-lowest-claim>` and '
        "{ref}`Own words <trade-lowest-claim>` and {ref}`unknown`")


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_the_site_reads_each_chapter_as_it_did_and_the_rewrite_gives_it_back(path):
    """site_notebook (applied by the site's build) undoes the notebook edition's rewrites:
    gated exercises around their starter code, roles, no fold headings or comment headings;
    rewriting its result gives the stored notebook back, cell for cell."""
    nb = nbformat.read(path, as_version=4)
    site = site_notebook(nb)
    text = "\n".join(c.source for c in site.cells if c.cell_type == "markdown")
    assert text.count("{exercise-start}") == text.count("{exercise-end}") >= 3
    assert "{cite:p}`" in text and "{term}`" in text and "../references.md#" not in text and "../glossary.md#" not in text
    assert "% <h" not in text and not [c for c in site.cells if FOLD_TAG in c.metadata.get("tags", [])]
    assert text.count("{solution-start}") == text.count("{solution-end}") == len(
        [c for c in nb.cells if FOLD_TAG in c.metadata.get("tags", []) or c.source.startswith("```{solution}")])
    chapters = [nbformat.read(p, as_version=4) for p in CHAPTERS]
    rewrite(site, section_labels(chapters))
    assert [(c.cell_type, c.get("id"), c.source, c.metadata) for c in site.cells] == \
           [(c.cell_type, c.get("id"), c.source, c.metadata) for c in nb.cells]
