"""Every chapter runs in a fresh kernel from the repository root, and every student notebook
runs from a folder outside the repository (a student's download folder).

nbval (in the same tier) already runs every chapter from chapters/ (its kernel starts in the
notebook's folder) and compares the outputs with the stored ones; these tests only ask that
nothing depends on the working directory, so each runs a chapter where nbval does not.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from aid2assets.build.student import student_notebook

pytestmark = pytest.mark.notebooks

REPO = Path(__file__).resolve().parent.parent
CHAPTERS = sorted((REPO / "chapters").glob("*.ipynb"))


def run(nb, cwd: Path):
    from nbclient import NotebookClient

    client = NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(cwd)}})
    client.execute()  # raises CellExecutionError, naming the cell, on any error
    return nb


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_runs_from_the_repository_root(chapter):
    nb = nbformat.read(chapter, as_version=4)
    probe = nbformat.v4.new_code_cell("import os; print(os.getcwd())")
    nb.cells.append(probe)
    run(nb, REPO)
    assert Path(nb.cells[-1].outputs[0]["text"].strip()) == REPO.resolve()


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_student_notebook_runs_outside_the_repository(chapter, tmp_path):
    student = student_notebook(nbformat.read(chapter, as_version=4), chapter.name)
    nbformat.write(student, tmp_path / chapter.name)   # as a student would download it
    run(nbformat.read(tmp_path / chapter.name, as_version=4), tmp_path)
