"""The build publishes stored outputs only when they are those of a run of the current inputs.

aid2assets/build/execution.py lets a clean build skip a notebook whose recorded fingerprint matches.
These tests protect the guarantee that goes with it: a stale notebook (code, data, package or
outputs changed since its recorded run) is executed, so a broken one fails the build, and
stored outputs holding an error fail it too. The last tests build a tiny book with Sphinx and
MyST-NB to show it end to end.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from aid2assets.build import execution

REPO = Path(__file__).resolve().parent.parent
ENV = ["python 3.x", "data/x.csv", b"a,b\n1,2\n"]  # a stand-in environment for the unit tests


def notebook(code: str, output_text: str = "stored output\n", markdown: str = "# A page") -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    cell = nbformat.v4.new_code_cell(code, execution_count=1)
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=output_text)]
    nb.cells = [nbformat.v4.new_markdown_cell(markdown), cell]
    return nb


def fingerprint(path: Path, environment=None) -> None:
    """Record a fingerprint as ./dev.sh execute does, for a given environment."""
    stored = execution.read(path)
    nb = nbformat.read(path, as_version=4)
    nb.metadata["aid2assets"] = {"execution": {"inputs": execution.inputs_hash(stored, environment),
                                               "outputs": execution.outputs_hash(stored)}}
    nbformat.write(nb, path)


def edit(path: Path, change) -> None:
    nb = nbformat.read(path, as_version=4)
    change(nb)
    nbformat.write(nb, path)


@pytest.fixture
def fresh(tmp_path):
    path = tmp_path / "page.ipynb"
    nbformat.write(notebook("print('stored output')"), path)
    fingerprint(path, ENV)
    return path


def test_a_recorded_notebook_is_fresh(fresh):
    assert execution.status(fresh, ENV).fresh


def test_a_notebook_without_fingerprint_is_executed(tmp_path):
    path = tmp_path / "page.ipynb"
    nbformat.write(notebook("print(1)"), path)
    result = execution.status(path, ENV)
    assert not result.fresh and "no fingerprint" in result.reason


def test_editing_prose_keeps_the_stored_outputs(fresh):
    edit(fresh, lambda nb: nb.cells[0].update(source="# A page, reworded"))
    assert execution.status(fresh, ENV).fresh


def test_changed_code_is_executed(fresh):
    edit(fresh, lambda nb: nb.cells[1].update(source="print('stored output')  # changed"))
    result = execution.status(fresh, ENV)
    assert not result.fresh and "code" in result.reason


def test_changed_data_or_package_is_executed(fresh):
    changed = ENV[:-1] + [b"a,b\n1,3\n"]
    assert not execution.status(fresh, changed).fresh


def test_edited_outputs_are_executed(fresh):
    edit(fresh, lambda nb: nb.cells[1].outputs[0].update(text="a number someone typed\n"))
    result = execution.status(fresh, ENV)
    assert not result.fresh and "outputs" in result.reason


def test_the_real_environment_covers_data_package_and_pins():
    names = [c for c in execution.environment_chunks() if isinstance(c, str)]
    assert "requirements.txt" in names
    assert "data/datapackage.json" in names and "data/events.csv" in names
    assert "aid2assets/data.py" in names and "aid2assets/figures.py" in names
    assert "aid2assets/build/site.py" not in names  # build side: cannot change a notebook's outputs


def test_record_writes_a_matching_fingerprint(tmp_path):
    path = tmp_path / "page.ipynb"
    nbformat.write(notebook("print('stored output')"), path)
    execution.record(path)
    assert execution.status(path).fresh
    assert set(execution.read(path)["metadata"]["aid2assets"]["execution"]) == {"inputs", "outputs"}


def test_stored_error_outputs_are_refused(tmp_path):
    path = tmp_path / "page.ipynb"
    nb = notebook("1/0")
    nb.cells[1].outputs = [nbformat.v4.new_output("error", ename="ZeroDivisionError",
                                                  evalue="division by zero", traceback=[])]
    nbformat.write(nb, path)
    with pytest.raises(execution.StoredOutputError, match="cell 1.*ZeroDivisionError"):
        execution.check_no_errors(path)
    with pytest.raises(execution.StoredOutputError):
        execution.record(path)


def _imports(tree: ast.AST) -> set[str]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = ("aid2assets." if node.level else "") + (node.module or "")
            found.add(base)
            found |= {f"{base}.{alias.name}".replace("..", ".") for alias in node.names}
    return found


BUILD_SIDE_MODULES = {"aid2assets.build"} | {"aid2assets.build." + p.stem for p in execution.BUILD_DIR.glob("*.py")}


def test_no_kernel_side_module_imports_a_build_side_one():
    # The fingerprint leaves the build-side modules out; that is only sound while nothing a
    # chapter can import pulls one of them in.
    for path in execution.kernel_side_files():
        used = _imports(ast.parse(path.read_text(encoding="utf-8")))
        assert not used & BUILD_SIDE_MODULES, f"{path.relative_to(REPO)} imports {used & BUILD_SIDE_MODULES}"


def test_no_chapter_imports_a_build_side_module():
    for path in sorted((REPO / "chapters").glob("*.ipynb")):
        for index, cell in enumerate(json.loads(path.read_text(encoding="utf-8"))["cells"]):
            if cell["cell_type"] != "code":
                continue
            source = "".join(cell["source"])
            lines = [line for line in source.splitlines() if not line.lstrip().startswith(("%", "!"))]
            used = _imports(ast.parse("\n".join(lines)))
            assert not used & BUILD_SIDE_MODULES, f"{path.name} cell {index} imports {used & BUILD_SIDE_MODULES}"


# --- End to end: a tiny book built with Sphinx, MyST-NB and the extension ---------------------

CONF = """
extensions = ["myst_nb", "aid2assets.build.execution"]
nb_execution_mode = "cache"
nb_execution_allow_errors = False
nb_execution_timeout = 60
exclude_patterns = ["_build"]
"""


BROKEN = "raise RuntimeError('was ' + 'executed')"


@pytest.fixture
def tiny_book(tmp_path):
    src = tmp_path / "book"
    (src / "chapters").mkdir(parents=True)
    (src / "conf.py").write_text(CONF, encoding="utf-8")
    (src / "index.md").write_text("# Tiny book\n\n```{toctree}\nchapters/page\n```\n", encoding="utf-8")
    # Executing this notebook fails with "was executed" (the source spells it in two halves, so
    # only a run can write it): a build that passes has published its stored output.
    page = src / "chapters" / "page.ipynb"
    nbformat.write(notebook(BROKEN), page)
    fingerprint(page)  # the real environment, as the build computes it
    return src


def build(src: Path) -> subprocess.CompletedProcess:
    out = src / "_build" / "html"
    return subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-W", "--keep-going", "-q",
                           str(src), str(out)], cwd=src, capture_output=True, text=True, timeout=300)


@pytest.mark.notebooks
def test_a_fresh_notebook_is_published_from_its_stored_outputs(tiny_book):
    done = build(tiny_book)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    html = (tiny_book / "_build" / "html" / "chapters" / "page.html").read_text(encoding="utf-8")
    assert "stored output" in html and "was executed" not in html


@pytest.mark.notebooks
def test_a_stale_broken_notebook_fails_the_build(tiny_book):
    page = tiny_book / "chapters" / "page.ipynb"
    edit(page, lambda nb: nb.cells[1].update(source=BROKEN + "  # edited"))
    done = build(tiny_book)
    assert done.returncode != 0, "a stale notebook that fails when run was published"
    report = tiny_book / "_build" / "html" / "reports" / "chapters" / "page.err.log"
    assert ": was executed" in report.read_text(encoding="utf-8")  # (the traceback is coloured)


@pytest.mark.notebooks
def test_stored_outputs_with_an_error_fail_the_build(tiny_book):
    page = tiny_book / "chapters" / "page.ipynb"
    edit(page, lambda nb: nb.cells[1].update(outputs=[nbformat.v4.new_output(
        "error", ename="ValueError", evalue="a stored failure", traceback=[])]))
    fingerprint(page)  # even with a matching fingerprint
    done = build(tiny_book)
    assert done.returncode != 0
    assert "stored error output" in done.stdout + done.stderr


def test_dev_sh_execute_records_fingerprints_after_the_run():
    script = (REPO / "dev.sh").read_text(encoding="utf-8")
    block = script[script.index("  execute)"):script.index(";;", script.index("  execute)"))]
    assert block.index("nbconvert") < block.index("aid2assets.build.execution record")
    assert "aid2assets.build.execution" in (REPO / "_config.yml").read_text(encoding="utf-8")
