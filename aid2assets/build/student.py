"""Student notebooks: each chapter with its worked solutions taken out.

A chapter marks a worked solution with two markdown cells, each holding only a directive
of sphinx-exercise (see the Exercises convention in README.md)::

    ```{solution-start} <chapter>-ex-1
    :label: <chapter>-sol-1
    :class: dropdown
    ```
    ... markdown and code cells of the solution ...
    ```{solution-end}
    ```

:func:`student_notebook` removes each such block, both marker cells included, and puts in
its place a markdown cell asking for the student's answer and an empty code cell. A
one-cell ``{solution}`` directive (the non-gated form) is replaced in the same way. A chapter
stored for notebook front ends (:mod:`aid2assets.build.markup`: a solution folded under a heading
up to the next heading) is read as the site reads it, gated markers and all, first.

Outputs of the remaining code cells are cleared: a student runs the notebook (it must run
cleanly from top to bottom in a fresh kernel, which the tests check), the file stays small
(the stored chart images are most of a chapter's bytes), and no stored output can carry a
value computed in a solution. Cell tags such as ``remove-output`` are kept: notebook front
ends ignore them, and they do no harm there.

Markers that do not pair up (an end without a start, a start inside a solution, a start
never closed) or that share a cell with other text stop the conversion with an error naming
the notebook and the cell index, so that a mistake cannot leak a solution.

Command line::

    python -m aid2assets.build.student OUTDIR [NOTEBOOK ...]

writes ``OUTDIR/<name>.ipynb`` for each notebook given (by default every notebook in
``chapters/``).
"""

from __future__ import annotations

import argparse
import copy
import re
import sys
from pathlib import Path

import nbformat

from .markup import rewrite, site_notebook
from ..paths import REPO_ROOT

__all__ = ["MarkerError", "ANSWER_TEXT", "solution_blocks", "student_notebook", "write_student_notebook"]

# A directive's opening fence: three or more backticks or colons, then {name}.
_FENCE = r"^\s*(?:`{3,}|:{3,})\s*\{%s\}"
START = re.compile(_FENCE % r"solution-start")
END = re.compile(_FENCE % r"solution-end")
SINGLE = re.compile(_FENCE % r"solution")
ANY_MARKER = re.compile(r"\{solution(?:-start|-end)?\}")
ANSWER_TEXT = ("**Your answer.** The worked solution is not in this notebook. "
               "Write your code in the cell below and your reasoning in a new markdown cell "
               "(add as many cells as you need).")


class MarkerError(ValueError):
    """Solution markers that do not pair up, or that share a cell with other content."""


def _where(name: str, index: int) -> str:
    return f"{name}: cell {index}"


def _only_directive(source: str) -> bool:
    """True when a marker cell holds one fenced directive and nothing after its closing fence."""
    lines = source.strip().splitlines()
    opener = re.match(r"^\s*(`{3,}|:{3,})", lines[0])
    fence = opener.group(1)
    closing = [i for i, line in enumerate(lines[1:], 1) if line.strip() == fence]
    return bool(closing) and all(not line.strip() for line in lines[closing[0] + 1:])


def solution_blocks(nb, name: str = "notebook") -> list[tuple[int, int]]:
    """The (first, last) cell indices, inclusive, of each solution block in ``nb``.

    Raises :class:`MarkerError`, naming ``name`` and the cell index, for markers that do
    not pair up or that are not alone in their markdown cell.
    """
    blocks, start = [], None
    for i, cell in enumerate(nb.cells):
        source = cell.source if isinstance(cell.source, str) else "".join(cell.source)
        if cell.cell_type != "markdown":
            if cell.cell_type == "raw" and ANY_MARKER.search(source) and re.search(
                    r"^\s*(?:`{3,}|:{3,})\s*\{solution", source, re.M):
                raise MarkerError(f"{_where(name, i)}: a solution marker in a raw cell; "
                                  "markers belong in markdown cells of their own")
            continue
        is_start, is_end = bool(START.match(source)), bool(END.match(source))
        is_single = bool(SINGLE.match(source)) and not (is_start or is_end)
        if not (is_start or is_end or is_single):
            # a marker further down a cell would not be seen as one: refuse it
            if re.search(r"^\s*(?:`{3,}|:{3,})\s*\{solution(?:-start|-end)?\}", source, re.M):
                raise MarkerError(f"{_where(name, i)}: a solution directive that does not open its "
                                  "cell; put each solution-start/solution-end marker in a markdown "
                                  "cell of its own")
            continue
        if (is_start or is_end) and not _only_directive(source):
            kind = "solution-start" if is_start else "solution-end"
            raise MarkerError(f"{_where(name, i)}: the {kind} cell holds more than the directive; "
                              "put the marker in a markdown cell of its own")
        if is_start:
            if start is not None:
                raise MarkerError(f"{_where(name, i)}: solution-start inside the solution opened at "
                                  f"cell {start} (nested or missing solution-end)")
            start = i
        elif is_end:
            if start is None:
                raise MarkerError(f"{_where(name, i)}: solution-end without a solution-start before it")
            blocks.append((start, i))
            start = None
        else:  # one-cell {solution} directive
            if start is not None:
                raise MarkerError(f"{_where(name, i)}: a solution directive inside the solution "
                                  f"opened at cell {start}")
            blocks.append((i, i))
    if start is not None:
        raise MarkerError(f"{_where(name, start)}: solution-start never closed by a solution-end")
    return blocks


def _answer_cells(k: int):
    note, code = nbformat.v4.new_markdown_cell(ANSWER_TEXT), nbformat.v4.new_code_cell("")
    note["id"], code["id"] = f"a2a-answer-{k}", f"a2a-answer-{k}-code"  # stable, not random
    return [note, code]


def student_notebook(nb, name: str = "notebook"):
    """A copy of ``nb`` with each solution replaced by answer cells and outputs cleared.

    The solutions are found in the chapter as the site reads it (gated markers:
    :func:`aid2assets.build.markup.site_notebook`), and the student notebook is then written for
    notebook front ends like the chapter (:func:`aid2assets.build.markup.rewrite`).
    """
    nb = site_notebook(nb, roles=False)
    blocks = solution_blocks(nb, name)
    cells, pos = [], 0
    for k, (first, last) in enumerate(blocks, 1):
        cells.extend(nb.cells[pos:first])
        cells.extend(_answer_cells(k))
        pos = last + 1
    cells.extend(nb.cells[pos:])
    for cell in cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
            cell.metadata.pop("execution", None)
    nb.cells = cells
    # widget state belongs to outputs that are gone
    nb.metadata.pop("widgets", None)
    rewrite(nb, {})
    return nb


def write_student_notebook(source: Path | str, outdir: Path | str) -> Path:
    """Write the student version of the notebook at ``source`` to ``outdir/<name>.ipynb``."""
    source = Path(source)
    nb = nbformat.read(source, as_version=4)
    student = student_notebook(nb, str(source))
    nbformat.validate(student)
    target = Path(outdir) / source.name
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(student, target)
    return target


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m aid2assets.build.student",
                                     description="Write student notebooks (chapters without their solutions).")
    parser.add_argument("outdir", type=Path, help="folder to write the student notebooks into")
    parser.add_argument("notebooks", nargs="*", type=Path,
                        help="chapter notebooks (default: every notebook in chapters/)")
    args = parser.parse_args(argv)
    notebooks = args.notebooks or sorted((REPO_ROOT / "chapters").glob("*.ipynb"))
    if not notebooks:
        parser.error("no notebooks found")
    try:
        for path in notebooks:
            print(write_student_notebook(path, args.outdir))
    except MarkerError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
