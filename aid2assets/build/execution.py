"""Which notebooks the build must execute, and which it may publish from their stored outputs.

Every chapter notebook is committed with its outputs, and the test suite proves with strict
nbval that those outputs equal a fresh run. Executing all of them again on every clean build
(about 50 s on two cores) adds nothing when nothing they depend on has changed. So
``./dev.sh execute`` records, in each notebook's metadata, a fingerprint of the run it just
made::

    "metadata": {"aid2assets": {"execution": {"inputs": "sha256:...", "outputs": "sha256:..."}}}

* ``inputs``: the notebook's code cells and kernel, every file in ``data/``, the package
  modules a chapter can import (every module in ``aid2assets/`` outside ``aid2assets/build/``;
  the package's static files never reach a stored output), the pinned ``requirements.txt`` and the Python version;
* ``outputs``: the stored outputs themselves.

At build time (Sphinx ``config-inited``), a notebook whose recorded fingerprint matches both
hashes is published from its stored outputs (MyST-NB's ``nb_execution_excludepatterns``);
any other notebook, one whose code, data, package or pins changed, whose outputs were
edited, or that carries no fingerprint, is executed as before (``execute_notebooks: cache``
with ``allow_errors: false``), so a broken notebook still fails the build. A notebook
published from stored outputs that hold an error output stops the build. Markdown cells are
not part of the fingerprint: editing prose never forces a re-run.

The execution cache (``_build/.jupyter_cache``) matches a notebook on its code alone, so the
build keeps one cache per environment (``_build/.jupyter_cache/env-<hash>``, the hash of data,
package, pins and Python): after a change of data, a notebook whose code did not change is
run again rather than answered from a run made before the change.

A fingerprint is meant to be recorded right after a run, as ``./dev.sh execute`` does. One
recorded without a run (``record`` by hand on outputs that are out of date) would let the
build publish them, but not pass the tests: nbval still re-runs every chapter and compares.

``A2A_EXECUTE=all`` in the environment ignores the fingerprints and executes every notebook
(through the execution cache), as the build did before.

    python -m aid2assets.build.execution status            # which notebooks a build would execute
    python -m aid2assets.build.execution record NB.ipynb   # used by ./dev.sh execute, right after a run
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from ..paths import PACKAGE_DIR, REPO_ROOT, data_dir

METADATA_KEY = "aid2assets"
# What a chapter's kernel can import is, by layout, every module of the package outside this
# sub-package: the build side (aid2assets/build/) is used only by the build, the tests' tools
# and the command line, so a change to it cannot change a notebook's outputs
# (tests/test_imports.py checks that no reader module and no chapter imports from it).
BUILD_DIR = Path(__file__).resolve().parent


class StoredOutputError(Exception):
    """A notebook published from its stored outputs holds an error output."""


def _sha256(chunks) -> str:
    digest = hashlib.sha256()
    for chunk in chunks:
        digest.update(chunk if isinstance(chunk, bytes) else chunk.encode("utf-8"))
        digest.update(b"\0")
    return "sha256:" + digest.hexdigest()


def kernel_side_files(package: Path = PACKAGE_DIR) -> list[Path]:
    """The package's files that a chapter's kernel can import (sorted)."""
    build = package / BUILD_DIR.name
    return sorted(p for p in package.rglob("*.py")
                  if "__pycache__" not in p.parts and build not in p.parents)


def environment_chunks(repo: Path = REPO_ROOT) -> list[bytes | str]:
    """Everything outside a notebook that its outputs depend on, as hashable chunks."""
    chunks: list[bytes | str] = [f"python {sys.version_info.major}.{sys.version_info.minor}"]
    requirements = repo / "requirements.txt"
    chunks += ["requirements.txt", requirements.read_bytes() if requirements.exists() else b""]
    data = data_dir()
    for path in sorted(p for p in data.iterdir() if p.is_file()):
        chunks += [f"data/{path.name}", path.read_bytes()]
    for path in kernel_side_files():
        chunks += [f"aid2assets/{path.relative_to(PACKAGE_DIR).as_posix()}", path.read_bytes()]
    return chunks


CACHE_PREFIX = "env-"


def environment_key(environment: list | None = None) -> str:
    """A short name for the environment, for the execution cache's folder."""
    env = environment_chunks() if environment is None else environment
    return CACHE_PREFIX + _sha256(env).split(":")[1][:16]


def inputs_hash(nb: dict, environment: list | None = None) -> str:
    """The hash of what a run of ``nb`` reads: its code, kernel and environment."""
    kernel = nb.get("metadata", {}).get("kernelspec", {}).get("name", "")
    code = [_source(cell) for cell in nb.get("cells", []) if cell.get("cell_type") == "code"]
    env = environment_chunks() if environment is None else environment
    return _sha256([f"kernel {kernel}", *code, "--environment--", *env])


def outputs_hash(nb: dict) -> str:
    """The hash of the stored outputs of every code cell, in order."""
    outputs = [cell.get("outputs", []) for cell in nb.get("cells", []) if cell.get("cell_type") == "code"]
    return _sha256([json.dumps(outputs, sort_keys=True, ensure_ascii=False)])


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def read(path: Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Status:
    path: Path
    fresh: bool
    reason: str


def status(path: Path, environment: list | None = None) -> Status:
    """Whether the stored outputs of ``path`` are those of a run of its current inputs."""
    nb = read(path)
    recorded = nb.get("metadata", {}).get(METADATA_KEY, {}).get("execution")
    if not recorded:
        return Status(Path(path), False, "no fingerprint recorded (run ./dev.sh execute)")
    if recorded.get("inputs") != inputs_hash(nb, environment):
        return Status(Path(path), False, "code, data, package or pins changed since its last run")
    if recorded.get("outputs") != outputs_hash(nb):
        return Status(Path(path), False, "stored outputs differ from those of its last run")
    return Status(Path(path), True, "stored outputs are those of a run of its current inputs")


def check_no_errors(path: Path) -> None:
    """Raise :class:`StoredOutputError` when a stored output of ``path`` is an error."""
    for index, cell in enumerate(read(path).get("cells", [])):
        for output in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            if output.get("output_type") == "error":
                raise StoredOutputError(
                    f"{path}: cell {index} has a stored error output ({output.get('ename')}: "
                    f"{output.get('evalue')}); fix the notebook and run ./dev.sh execute")


def record(path: Path) -> None:
    """Write the fingerprint of the run just made into ``path``'s metadata (nbformat layout)."""
    import nbformat

    path = Path(path)
    check_no_errors(path)
    nbformat.write(nbformat.read(path, as_version=4), path)  # the layout the hashes are taken on
    stored = read(path)
    fingerprint = {"inputs": inputs_hash(stored), "outputs": outputs_hash(stored)}
    nb = nbformat.read(path, as_version=4)
    nb.metadata.setdefault(METADATA_KEY, {})["execution"] = fingerprint
    nbformat.write(nb, path)
    if not status(path).fresh:  # a defect of this module, not of the notebook
        raise RuntimeError(f"{path}: the fingerprint just recorded does not match")


# --- The Sphinx extension ---------------------------------------------------------------------

def _notebooks(srcdir: Path) -> list[Path]:
    return sorted((srcdir / "chapters").glob("*.ipynb"))


def _choose(app, config) -> None:
    """Exclude from execution every notebook whose stored outputs are fresh; key the cache."""
    from sphinx.util import logging

    logger = logging.getLogger(__name__)
    srcdir = Path(app.srcdir)
    environment = environment_chunks()
    # The execution cache matches a notebook on its code alone; keep one cache per
    # environment, so that a change of data, package or pins cannot be answered from a run
    # made before it (and a notebook that the change breaks fails the build).
    base = Path(config.nb_execution_cache_path or Path(app.outdir).parent / ".jupyter_cache")
    key = environment_key(environment)
    config.nb_execution_cache_path = str(base / key)
    if base.is_dir():
        for old in base.iterdir():
            if old.is_dir() and old.name != key and old.name.startswith(CACHE_PREFIX):
                shutil.rmtree(old, ignore_errors=True)
    if os.environ.get("A2A_EXECUTE") == "all":
        logger.info("[aid2assets] A2A_EXECUTE=all: every notebook is executed (through the cache)")
        return
    patterns = list(config.nb_execution_excludepatterns or [])
    executed = []
    for path in _notebooks(srcdir):
        result = status(path, environment)
        rel = path.relative_to(srcdir).as_posix()
        if result.fresh:
            check_no_errors(path)
            patterns.append(rel)
        else:
            executed.append(f"{rel} ({result.reason})")
    config.nb_execution_excludepatterns = patterns
    logger.info(f"[aid2assets] notebooks executed at build time: {len(executed)}"
                + "".join(f"\n  {line}" for line in executed))


def setup(app):
    app.connect("config-inited", _choose, priority=900)  # after MyST-NB has set its defaults
    return {"parallel_read_safe": True, "parallel_write_safe": True}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m aid2assets.build.execution", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("status", help="say which chapter notebooks a build would execute")
    rec = sub.add_parser("record", help="record the fingerprint of a run just made (./dev.sh execute)")
    rec.add_argument("notebooks", nargs="+", type=Path)
    args = parser.parse_args(argv)
    if args.command == "record":
        for path in args.notebooks:
            record(path)
        return 0
    environment = environment_chunks()
    for path in _notebooks(REPO_ROOT):
        result = status(path, environment)
        print(f"{'stored ' if result.fresh else 'execute'}  {path.relative_to(REPO_ROOT)}: {result.reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
